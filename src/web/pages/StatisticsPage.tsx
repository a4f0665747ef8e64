/** Children per responsible municipality and gender: aggregates only, never names. */
import { useStatistics } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';

export function StatisticsPage() {
  const { t, number } = useI18n();
  const stats = useStatistics();
  const rows = stats.data ?? [];
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return (
    <Page title={t('stats.title')}>
      <p className="lead">{t('stats.intro')}</p>
      {stats.isPending && <Loading />}
      {stats.isError && <LoadError error={stats.error} />}
      {stats.data?.length === 0 && <p>{t('stats.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table--narrow">
            <caption>{t('stats.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.municipality')}</th>
                <th scope="col" className="num">
                  {t('stats.col.female')}
                </th>
                <th scope="col" className="num">
                  {t('stats.col.male')}
                </th>
                <th scope="col" className="num">
                  {t('stats.col.other')}
                </th>
                <th scope="col" className="num">
                  {t('stats.col.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.municipalityCode}>
                  <th scope="row">{row.municipalityName}</th>
                  <td className="num">{number(row.female)}</td>
                  <td className="num">{number(row.male)}</td>
                  <td className="num">{number(row.other)}</td>
                  <td className="num">{number(row.total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td className="num">{number(sum((r) => r.female))}</td>
                <td className="num">{number(sum((r) => r.male))}</td>
                <td className="num">{number(sum((r) => r.other))}</td>
                <td className="num">{number(sum((r) => r.total))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Page>
  );
}
