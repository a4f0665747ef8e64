/**
 * The arrivals forecast: the last three years of monthly arrivals and the coming months' expected number with an
 * 80 % band (chart and table), the expected anvisningar per municipality in the reader's area against the places the
 * municipality reported, and each past forecast of the Agency against the outcome.
 */
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';
import type { ArrivalsForecast, ForecastAccuracy } from '../../api/statistics-types.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';

const W = 640;
const H = 260;
const M = { left: 48, right: 12, top: 12, bottom: 40 };
const HISTORY_SHOWN = 36;
/** Expected children to one decimal: a forecast is not a count. */
const ONE = { digits: 1 } as const;

function ForecastChart({ forecast }: { readonly forecast: ArrivalsForecast }) {
  const { t, decimal, number } = useI18n();
  const history = forecast.history.slice(-HISTORY_SHOWN);
  const coming = forecast.national ?? [];
  const months = [...history.map((h) => h.month), ...coming.map((f) => f.month)];
  const max = Math.max(1, ...history.map((h) => h.count), ...coming.map((f) => f.p90));
  const magnitude = 10 ** Math.floor(Math.log10(max / 4));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= max / 4) ?? 10) * magnitude;
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => M.left + (i / Math.max(months.length - 1, 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (H - M.top - M.bottom) * (1 - v / top);
  const at = (i: number, v: number) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  const offset = history.length;
  const band = [
    ...coming.map((f, i) => at(offset + i, f.p90)),
    ...coming.map((f, i) => at(offset + i, f.p10)).reverse(),
  ].join(' ');
  const every = Math.max(1, Math.ceil(months.length / 8));
  return (
    <figure className="chart chart--wide" aria-labelledby="forecast-chart-title">
      <figcaption id="forecast-chart-title" className="chart__title">
        {t('forecast.chartTitle')}
      </figcaption>
      <ul className="chart__legend">
        <li>
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" y1="6" x2="32" y2="6" className="chart__received" />
          </svg>
          {t('forecast.outcome')}
        </li>
        <li>
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" y1="6" x2="32" y2="6" className="chart__quota" />
          </svg>
          {t('forecast.expected')}
        </li>
        <li>
          <svg width="32" height="12" aria-hidden="true">
            <rect width="32" height="12" className="chart__band" />
          </svg>
          {t('forecast.band')}
        </li>
      </ul>
      <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('forecast.chartLabel')}>
        {Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step).map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={M.left - 6} y={y(tick) + 4} className="chart__label" textAnchor="end">
              {number(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % every === 0 ? (
            <text key={m} x={x(i)} y={H - M.bottom + 18} className="chart__label" textAnchor="middle">
              {m}
            </text>
          ) : null,
        )}
        {coming.length > 0 && <polygon points={band} className="chart__band" />}
        <polyline
          points={history.map((h, i) => at(i, h.count)).join(' ')}
          className="chart__received"
          fill="none"
        />
        {coming.length > 0 && (
          <polyline
            points={[
              ...(history.length > 0 ? [at(offset - 1, history.at(-1)?.count ?? 0)] : []),
              ...coming.map((f, i) => at(offset + i, f.expected)),
            ].join(' ')}
            className="chart__quota"
            fill="none"
          />
        )}
      </svg>
      <div className="table-wrap">
        <table className="table table--narrow table--compact">
          <caption className="visually-hidden">{t('forecast.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.month')}</th>
              <th scope="col" className="num">
                {t('forecast.outcome')}
              </th>
              <th scope="col" className="num">
                {t('forecast.expected')}
              </th>
              <th scope="col" className="num">
                {t('forecast.p10')}
              </th>
              <th scope="col" className="num">
                {t('forecast.p90')}
              </th>
            </tr>
          </thead>
          <tbody>
            {coming.map((f) => (
              <tr key={f.month}>
                <th scope="row">{f.month}</th>
                <td className="num">–</td>
                <td className="num">{decimal(f.expected, ONE)}</td>
                <td className="num">{decimal(f.p10, ONE)}</td>
                <td className="num">{decimal(f.p90, ONE)}</td>
              </tr>
            ))}
            {[...history].reverse().map((h) => (
              <tr key={h.month}>
                <th scope="row">{h.month}</th>
                <td className="num">
                  {number(h.count)}
                  {h.source === 'recorded' ? ' *' : ''}
                </td>
                <td className="num">–</td>
                <td className="num">–</td>
                <td className="num">–</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('forecast.recordedNote')}</p>
    </figure>
  );
}

function MunicipalForecast({ forecast }: { readonly forecast: ArrivalsForecast }) {
  const { t, decimal, number } = useI18n();
  return (
    <section aria-labelledby="forecast-municipalities" className="section">
      <h3 id="forecast-municipalities">{t('forecast.municipalities')}</h3>
      <p className="hint">{t('forecast.municipalitiesNote')}</p>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('forecast.municipalities')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statsTable.dim.area')}</th>
              <th scope="col" className="num">
                {t('forecast.share')}
              </th>
              <th scope="col" className="num">
                {t('forecast.expected')}
              </th>
              <th scope="col" className="num">
                {t('forecast.interval')}
              </th>
              <th scope="col" className="num">
                {t('forecast.capacity')}
              </th>
              <th scope="col">{t('forecast.assessment')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.municipalities.map((m) => (
              <tr key={m.municipalityCode}>
                <th scope="row">{m.name}</th>
                <td className="num">{number(m.sharePromille)} ‰</td>
                <td className="num">{decimal(m.expected, ONE)}</td>
                <td className="num">
                  {decimal(m.p10, ONE)}–{decimal(m.p90, ONE)}
                </td>
                <td className="num">{m.capacity === null ? t('forecast.noReport') : number(m.capacity)}</td>
                <td>
                  {m.capacity === null
                    ? '–'
                    : m.p90 > m.capacity
                      ? t('forecast.mayExceed')
                      : t('forecast.within')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AccuracyTable() {
  const { t, number, decimal } = useI18n();
  const accuracy = useQuery({
    queryKey: ['statistics-forecast-accuracy'],
    queryFn: () => apiGet<ForecastAccuracy>('/api/statistics/forecast-accuracy'),
  });
  return (
    <section aria-labelledby="forecast-accuracy" className="section">
      <h3 id="forecast-accuracy">{t('forecast.accuracy')}</h3>
      <p className="hint">{t('forecast.accuracyNote')}</p>
      {accuracy.isPending && <Loading />}
      {accuracy.isError && <LoadError error={accuracy.error} />}
      {accuracy.data !== undefined && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('forecast.accuracy')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.year')}</th>
                <th scope="col">{t('forecast.published')}</th>
                <th scope="col" className="num">
                  {t('forecast.forecast')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.outcomeYear')}
                </th>
                <th scope="col" className="num">
                  {t('forecast.error')}
                </th>
                <th scope="col">{t('forecast.source')}</th>
              </tr>
            </thead>
            <tbody>
              {accuracy.data.rows.map((row) => (
                <tr key={`${row.year}-${row.publishedOn}-${row.source}`}>
                  <th scope="row">{row.year}</th>
                  <td className="nowrap">{row.publishedOn}</td>
                  <td className="num">{number(row.forecast)}</td>
                  <td className="num">{row.outcome === null ? t('forecast.notYet') : number(row.outcome)}</td>
                  <td className="num">
                    {row.error === null || row.relativeError === null
                      ? '–'
                      : `${number(row.error)} (${decimal(row.relativeError * 100, { digits: 1, sign: true })} %)`}
                  </td>
                  <td>{row.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ForecastSection() {
  const { t, number } = useI18n();
  const forecast = useQuery({
    queryKey: ['statistics-forecast'],
    queryFn: () => apiGet<ArrivalsForecast>('/api/statistics/forecast', { months: 12 }),
  });
  return (
    <section aria-labelledby="forecast-title" className="section">
      <h2 id="forecast-title">{t('forecast.title')}</h2>
      <p>{t('forecast.intro')}</p>
      {forecast.isPending && <Loading />}
      {forecast.isError && <LoadError error={forecast.error} />}
      {forecast.data !== undefined && (
        <>
          {forecast.data.official !== null && (
            <p>
              {t('forecast.official', {
                year: forecast.data.official.year,
                forecast: number(forecast.data.official.forecast),
                publishedOn: forecast.data.official.publishedOn,
                source: forecast.data.official.source,
              })}
            </p>
          )}
          {forecast.data.national === null ? (
            <p>{t('forecast.tooShort', { months: forecast.data.history.length })}</p>
          ) : (
            <>
              <ForecastChart forecast={forecast.data} />
              <MunicipalForecast forecast={forecast.data} />
            </>
          )}
        </>
      )}
      <AccuracyTable />
    </section>
  );
}
