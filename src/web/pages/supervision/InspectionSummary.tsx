/** What the inspector and the authority both see of an inspection: the record, the findings, the report, the response. */
import type { SupervisionReport } from '../../api/supervision-types.ts';
import { useI18n } from '../../language.tsx';

export function InspectionSummary({ inspection: i }: { readonly inspection: SupervisionReport }) {
  const { t } = useI18n();
  return (
    <>
      <dl>
        <dt>{t('supervision.field.authority')}</dt>
        <dd>
          {i.authority.name} ({i.authority.municipalities.map((m) => m.name).join(', ')})
        </dd>
        <dt>{t('supervision.field.kind')}</dt>
        <dd>
          {t(`supervision.kind.${i.kind}`)} {i.year}
          {i.trigger !== null && ` – ${t(`supervision.trigger.${i.trigger}`)}`}
        </dd>
        {i.triggerNote !== null && (
          <>
            <dt>{t('supervision.field.triggerNote')}</dt>
            <dd>{i.triggerNote}</dd>
          </>
        )}
        <dt>{t('supervision.col.status')}</dt>
        <dd>{t(`supervision.state.${i.state}`)}</dd>
        <dt>{t('supervision.field.plannedOn')}</dt>
        <dd>{i.plannedOn ?? '–'}</dd>
        <dt>{t('supervision.reportSentOn')}</dt>
        <dd>{i.reportSentOn ?? '–'}</dd>
        <dt>{t('supervision.countyBoard')}</dt>
        <dd>{i.countyBoard.name}</dd>
      </dl>
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">{t('supervision.findings')}</h2>
        {i.findings.length === 0 ? (
          <p>{t('supervision.noFindings')}</p>
        ) : (
          <ul className="plain-list">
            {i.findings.map((f) => (
              <li key={f.id} className="card">
                <h3>
                  {t(`supervision.level.${f.level}`)}: {f.title}
                </h3>
                <p>{f.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {i.reportSentOn !== null && (
        <section aria-labelledby="recipients-title">
          <h2 id="recipients-title">{t('supervision.recipients')}</h2>
          <ul>
            {i.recipients.map((r) => (
              <li key={`${r.municipalityCode}-${r.body}`}>
                {t(`supervision.recipient.${r.body}`)}, {r.municipalityName}
              </li>
            ))}
          </ul>
        </section>
      )}
      {i.response !== null && (
        <section aria-labelledby="response-title">
          <h2 id="response-title">{t('supervision.response')}</h2>
          <p>
            {i.respondedOn}: {i.response}
          </p>
        </section>
      )}
      {i.actions.length > 0 && (
        <table className="table">
          <caption>{t('supervision.actions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supervision.field.action')}</th>
              <th scope="col">{t('supervision.field.deadline')}</th>
              <th scope="col">{t('supervision.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {i.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.description}</td>
                <td>{a.deadline}</td>
                <td>
                  {a.doneOn !== null
                    ? t('supervision.actionDone', { date: a.doneOn })
                    : a.overdue
                      ? t('supervision.actionOverdue')
                      : t('supervision.actionOpen')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
