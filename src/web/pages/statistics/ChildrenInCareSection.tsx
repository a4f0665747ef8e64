/**
 * Children in each municipality's care today, by gender: aggregates only, never names. Exact for the own
 * municipality, protected (suppressed cells as "..") for everyone else; the server decides.
 */
import { useStatistics } from '../../api/queries.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';

export function ChildrenInCareSection() {
  const { t, number } = useI18n();
  const stats = useStatistics();
  const rows = stats.data?.rows ?? [];
  const show = (value: number | null) =>
    value === null ? (
      <abbr title={t('statsTable.suppressedTitle')} className="suppressed">
        ..
      </abbr>
    ) : (
      number(value)
    );
  return (
    <section aria-labelledby="in-care" className="section">
      <h2 id="in-care">{t('stats.caption')}</h2>
      <p>{t('stats.intro')}</p>
      {stats.isPending && <Loading />}
      {stats.isError && <LoadError error={stats.error} />}
      {rows.length === 0 && stats.data !== undefined && <p>{t('stats.empty')}</p>}
      {rows.length > 0 && stats.data !== undefined && (
        <div className="table-wrap">
          <table className="table table--narrow">
            <caption className="visually-hidden">{t('stats.caption')}</caption>
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
                  <td className="num">{show(row.female)}</td>
                  <td className="num">{show(row.male)}</td>
                  <td className="num">{show(row.other)}</td>
                  <td className="num">{show(row.total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td className="num">{show(stats.data.totals.female)}</td>
                <td className="num">{show(stats.data.totals.male)}</td>
                <td className="num">{show(stats.data.totals.other)}</td>
                <td className="num">{show(stats.data.totals.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
