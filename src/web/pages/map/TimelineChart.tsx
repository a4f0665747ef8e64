/**
 * Received children against the exact quota per month, as a plain SVG line chart (solid line with dots: received;
 * dashed line: exact quota) with the same figures in a table for those who do not see the chart.
 */
import type { TimelinePoint } from '../../api/allocation-types.ts';
import { useI18n } from '../../language.tsx';

const W = 640;
const H = 280;
const M = { left: 48, right: 16, top: 16, bottom: 40 };

/** A round step for about five ticks up to `max`. */
function niceStep(max: number): number {
  const rough = Math.max(max, 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
}

export function TimelineChart({
  points,
  title,
  idPrefix,
}: {
  readonly points: readonly TimelinePoint[];
  readonly title: string;
  readonly idPrefix: string;
}) {
  const { t, decimal } = useI18n();
  const titleId = `${idPrefix}-chart-title`;
  if (points.length === 0) {
    return (
      <figure className="chart" aria-labelledby={titleId}>
        <figcaption id={titleId}>{title}</figcaption>
        <p>{t('timeline.empty')}</p>
      </figure>
    );
  }
  const max = Math.max(...points.flatMap((p) => [p.received, p.quota]));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const line = (pick: (p: TimelinePoint) => number) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const every = Math.max(1, Math.ceil(points.length / 8));
  const last = points[points.length - 1];
  const summary =
    last === undefined
      ? title
      : t('timeline.summary', {
          from: points[0]?.month ?? '',
          to: last.month,
          received: last.received,
          quota: decimal(last.quota),
        });
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      <ul className="chart__legend">
        <li>
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" y1="6" x2="32" y2="6" className="chart__received" />
            <circle cx="16" cy="6" r="3" className="chart__dot" />
          </svg>
          {t('timeline.received')}
        </li>
        <li>
          <svg width="32" height="12" aria-hidden="true">
            <line x1="0" y1="6" x2="32" y2="6" className="chart__quota" />
          </svg>
          {t('timeline.quota')}
        </li>
      </ul>
      <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={M.left - 8} y={y(tick) + 4} className="chart__label" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % every === 0 || i === points.length - 1 ? (
            <text
              key={p.month}
              x={x(i)}
              y={H - M.bottom + 20}
              className="chart__label"
              textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
            >
              {p.month}
            </text>
          ) : null,
        )}
        <polyline points={line((p) => p.quota)} className="chart__quota" fill="none" />
        <polyline points={line((p) => p.received)} className="chart__received" fill="none" />
        {points.map((p, i) => (
          <circle key={p.month} cx={x(i)} cy={y(p.received)} r="3.5" className="chart__dot" />
        ))}
      </svg>
      <details className="chart__data">
        <summary>{t('timeline.showTable')}</summary>
        <div className="table-wrap">
          <table className="table table--narrow table--compact">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timeline.month')}</th>
                <th scope="col" className="num">
                  {t('timeline.received')}
                </th>
                <th scope="col" className="num">
                  {t('timeline.quota')}
                </th>
                <th scope="col" className="num">
                  {t('figures.deviation')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{p.month}</th>
                  <td className="num">{p.received}</td>
                  <td className="num">{decimal(p.quota)}</td>
                  <td className="num">{decimal(p.received - p.quota, { sign: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
