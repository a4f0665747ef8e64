/**
 * The top of social services' worklist: the municipality's open missing episodes (issue 12), the escalated first,
 * each linking to the child's missing section; the unit manager also sees each escalated notification — nothing
 * unacknowledged is silent.
 */
import { Link } from '@tanstack/react-router';
import type { Worklist } from '../../api/worklist-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

type Missing = Worklist['missing'];

function Escalations({ escalations }: { readonly escalations: NonNullable<Missing['escalations']> }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h3 id="worklist-missing-escalations">{t('missing.worklist.escalations')}</h3>
      {escalations.length === 0 ? (
        <p>{t('missing.worklist.noEscalations')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="worklist-missing-escalations">
            <caption>{t('missing.worklist.escalationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missing.worklist.col.recipient')}</th>
                <th scope="col">{t('missing.worklist.col.due')}</th>
                <th scope="col">{t('missing.worklist.col.escalatedAt')}</th>
                <th scope="col">{t('missing.worklist.col.child')}</th>
              </tr>
            </thead>
            <tbody>
              {escalations.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{t(`missing.recipient.${e.recipient}`)}</th>
                  <td className="nowrap">{dateTime(e.dueAt)}</td>
                  <td className="nowrap">{dateTime(e.escalatedAt)}</td>
                  <td>
                    <Link to="/barn/$childId" params={{ childId: e.child.id }} search={{ del: 'avvikande' }}>
                      {e.child.dossierNumber}
                    </Link>{' '}
                    <ChildName child={e.child} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function MissingBlock({ missing }: { readonly missing: Missing }) {
  const { t, dateTime } = useI18n();
  if (missing.episodes.length === 0 && missing.escalations === null) return null;
  return (
    <section aria-labelledby="worklist-missing" className="section worklist-missing">
      <h2 id="worklist-missing">{t('missing.worklist.title')}</h2>
      {missing.episodes.length === 0 ? (
        <p>{t('missing.worklist.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('missing.worklist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missing.worklist.col.child')}</th>
                <th scope="col">{t('missing.worklist.col.state')}</th>
                <th scope="col">{t('missing.worklist.col.police')}</th>
                <th scope="col">{t('missing.worklist.col.unacknowledged')}</th>
                <th scope="col">{t('missing.worklist.col.returnTalk')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.episodes.map((e) => (
                <tr key={e.id} className={e.escalated ? 'worklist__row--overdue' : undefined}>
                  <th scope="row">
                    <Link to="/barn/$childId" params={{ childId: e.child.id }} search={{ del: 'avvikande' }}>
                      {e.child.dossierNumber}
                    </Link>{' '}
                    <ChildName child={e.child} />
                  </th>
                  <td>{t(`missing.state.${e.state}` as MessageKey)}</td>
                  <td className="nowrap">
                    {e.policeReportedAt === null
                      ? t('missing.worklist.notReported')
                      : dateTime(e.policeReportedAt)}
                  </td>
                  <td>
                    {e.unacknowledged}
                    {e.escalated && (
                      <span className="tag tag--warning worklist__tag">
                        {t('missing.worklist.escalatedTag')}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">
                    {e.returnTalkDueAt === null ? t('common.missing') : dateTime(e.returnTalkDueAt)}
                    {e.returnTalkOverdue && (
                      <span className="tag tag--warning worklist__tag">
                        {t('missing.worklist.overdueTag')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {missing.escalations !== null && <Escalations escalations={missing.escalations} />}
    </section>
  );
}
