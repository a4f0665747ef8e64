/**
 * "Begäran om god man": the guardianship authority's open requests for children of the municipalities it serves,
 * the most urgent first (the `god-man-appointment` deadline, practice three days), with the child's languages and
 * interpreter need; each leads to the appointment.
 */
import { Link } from '@tanstack/react-router';
import { useOpenRequests } from '../../api/guardianship-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { isMessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export function RequestsPage() {
  const { t, tn } = useI18n();
  const requests = useOpenRequests();
  const today = todayInSweden();
  const reason = (code: string) => {
    const key = `guardianship.reason.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  return (
    <Page title={t('guardianship.requestsPage.title')}>
      <p className="lead">{t('guardianship.requestsPage.intro')}</p>
      <Announce>
        {requests.data !== undefined && (
          <p className="result-count">{tn('guardianship.requestsPage.count', requests.data.length)}</p>
        )}
      </Announce>
      {requests.isPending && <Loading />}
      {requests.isError && <LoadError error={requests.error} />}
      {requests.data?.length === 0 && <p>{t('guardianship.requestsPage.empty')}</p>}
      {requests.data !== undefined && requests.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('guardianship.requestsPage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guardianship.requestsPage.col.dossier')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.name')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.birthDate')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.requested')}</th>
                <th scope="col">{t('guardianship.col.reason')}</th>
                <th scope="col">{t('guardianship.col.by')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.due')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.languages')}</th>
                <th scope="col">{t('guardianship.requestsPage.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((r) => {
                const overdue = r.dueOn !== null && r.dueOn < today;
                return (
                  <tr key={r.id} className={overdue ? 'row--denied' : undefined}>
                    <th scope="row">
                      <Link to="/barn/$childId" params={{ childId: r.child.id }}>
                        {r.child.dossierNumber}
                      </Link>
                    </th>
                    <td>
                      <ChildName child={r.child} />
                    </td>
                    <td className="nowrap">{r.child.birthDate}</td>
                    <td className="nowrap">{r.requestedOn}</td>
                    <td>{reason(r.reason)}</td>
                    <td>{r.requestedBy}</td>
                    <td className="nowrap">
                      {r.dueOn ?? ''}{' '}
                      {overdue && (
                        <span className="tag tag--danger">{t('guardianship.requestsPage.overdue')}</span>
                      )}
                    </td>
                    <td>
                      {r.languages.join(', ')}
                      {r.interpreterNeeded === true && ` (${t('guardianship.requestsPage.interpreter')})`}
                    </td>
                    <td>
                      <Link
                        to="/godman/begaran/$childId"
                        params={{ childId: r.child.id }}
                        className="button button--small button--secondary"
                        aria-label={t('guardianship.requestsPage.appointLabel', {
                          dossier: r.child.dossierNumber,
                        })}
                      >
                        {t('guardianship.requestsPage.appoint')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
