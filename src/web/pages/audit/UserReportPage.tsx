/** The access report for one of the organisation's users: totals, distinct children, emergencies, refusals. */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { useUserReport } from '../../api/queries.ts';
import { kindText } from '../../components/labels.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AuditEntriesTable } from './AuditEntriesTable.tsx';
import { AuditTabs } from './AuditTabs.tsx';

export function UserReportPage({ userId }: { readonly userId: string }) {
  const { t, number } = useI18n();
  const report = useUserReport(userId);
  if (report.error instanceof ApiError && report.error.status === 404) return <NotFoundPage />;
  if (report.isPending || report.isError) {
    return (
      <Page title={t('audit.title')}>
        {report.isError ? <LoadError error={report.error} /> : <Loading />}
      </Page>
    );
  }
  const data = report.data;
  return (
    <Page title={t('report.title', { name: data.user.displayName })}>
      <AuditTabs />
      <p>
        <Link to="/logg">{t('report.back')}</Link>
      </p>
      <h2>{t('report.summary')}</h2>
      <dl className="stats">
        <div>
          <dt>{t('report.distinctChildren')}</dt>
          <dd>{number(data.distinctChildren)}</dd>
        </div>
        <div>
          <dt>{t('report.emergency')}</dt>
          <dd>{number(data.emergencyAccesses)}</dd>
        </div>
        <div>
          <dt>{t('report.refused')}</dt>
          <dd>{number(data.refusedAttempts)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="table table--narrow">
          <caption>{t('report.totalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.kind')}</th>
              <th scope="col">{t('audit.col.outcome')}</th>
              <th scope="col" className="num">
                {t('report.col.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.totals.map((row) => (
              <tr key={`${row.kind}-${row.outcome}`}>
                <th scope="row">{kindText(t, row.kind)}</th>
                <td>{row.outcome === 'denied' ? t('outcome.denied') : t('outcome.allowed')}</td>
                <td className="num">{number(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AuditEntriesTable
        entries={data.recent}
        caption={t('report.recentCaption')}
        linkUsers={false}
        showChildren
      />
    </Page>
  );
}
