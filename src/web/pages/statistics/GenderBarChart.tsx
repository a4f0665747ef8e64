/**
 * A count split by gender per category (a month, a county, an age group, …) as grouped bars, and the same figures in
 * a table right under it: every figure by gender, the total beside them, suppressed cells shown as ".." (never drawn).
 * With more categories than a chart can show legibly, only the table.
 */
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export const CHART_GENDERS = ['female', 'male', 'other'] as const;
export type ChartGender = (typeof CHART_GENDERS)[number];

const W = 640;
const PLOT_H = 204;
const M = { right: 12, top: 12 };
/** Labels longer than this (county names) are written slanted, each under its own bars. */
const SLANT_FROM = 9;
/** Above this many categories the bars would be too thin to read: the table alone carries the figures. */
const MAX_BARS_CATEGORIES = 24;

function niceTop(max: number): { top: number; step: number } {
  const rough = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  return { top: Math.max(step, Math.ceil(Math.max(max, 1) / step) * step), step };
}

export interface ChartCategory {
  readonly code: string;
  readonly label: string;
}

export function GenderBarChart({
  idPrefix,
  title,
  categoryHeader,
  categories,
  count,
}: {
  readonly idPrefix: string;
  readonly title: string;
  readonly categoryHeader: string;
  readonly categories: readonly ChartCategory[];
  /** The count of a category ('total': all of them) and a gender ('total': all genders); null when suppressed. */
  readonly count: (category: string, gender: ChartGender | 'total') => number | null | undefined;
}) {
  const { t, number } = useI18n();
  const titleId = `${idPrefix}-title`;
  const genderLabel = (g: ChartGender): string => t(`statsTable.gender.${g}` as MessageKey);
  const show = (value: number | null | undefined) =>
    value === null ? (
      <abbr title={t('statsTable.suppressedTitle')} className="suppressed">
        ..
      </abbr>
    ) : (
      number(value ?? 0)
    );
  const values = categories.flatMap((c) => CHART_GENDERS.map((g) => count(c.code, g) ?? 0));
  const { top, step } = niceTop(Math.max(0, ...values));
  const slanted = categories.some((c) => c.label.length > SLANT_FROM);
  const bottom = slanted ? 110 : 44;
  // A slanted first label reaches left of its bars: room for it.
  const left = slanted ? 96 : 44;
  const H = M.top + PLOT_H + bottom;
  const innerW = W - left - M.right;
  const innerH = PLOT_H;
  const slot = innerW / Math.max(categories.length, 1);
  const bar = Math.max(1, (slot * 0.8) / CHART_GENDERS.length);
  const y = (v: number) => M.top + innerH - (v / top) * innerH;
  const every = slanted ? 1 : Math.max(1, Math.ceil(categories.length / 8));
  const drawable = categories.length > 0 && categories.length <= MAX_BARS_CATEGORIES;
  return (
    <figure className="chart chart--wide" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      {drawable ? (
        <>
          <ul className="chart__legend">
            {CHART_GENDERS.map((g) => (
              <li key={g}>
                <svg width="14" height="14" aria-hidden="true">
                  <rect width="14" height="14" className={`chart__bar chart__bar--${g}`} />
                </svg>
                {genderLabel(g)}
              </li>
            ))}
          </ul>
          <svg
            className="chart__svg"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={t('statsTable.chartLabel', { title })}
          >
            {Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step).map((tick) => (
              <g key={tick}>
                <line x1={left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
                <text x={left - 6} y={y(tick) + 4} className="chart__label" textAnchor="end">
                  {number(tick)}
                </text>
              </g>
            ))}
            {categories.map((c, i) => (
              <g key={c.code}>
                {CHART_GENDERS.map((g, j) => {
                  const value = count(c.code, g);
                  const x = left + i * slot + slot * 0.1 + j * bar;
                  return value === null ? (
                    <text key={g} x={x + bar / 2} y={y(0) - 3} className="chart__label" textAnchor="middle">
                      ..
                    </text>
                  ) : (
                    <rect
                      key={g}
                      x={x}
                      y={y(value ?? 0)}
                      width={Math.max(bar - 1, 1)}
                      height={y(0) - y(value ?? 0)}
                      className={`chart__bar chart__bar--${g}`}
                    />
                  );
                })}
                {i % every === 0 && (
                  <text
                    x={left + i * slot + slot / 2}
                    y={M.top + innerH + 16}
                    className="chart__label"
                    textAnchor={slanted ? 'end' : 'middle'}
                    transform={
                      slanted ? `rotate(-40 ${left + i * slot + slot / 2} ${M.top + innerH + 16})` : undefined
                    }
                  >
                    {c.label}
                  </text>
                )}
              </g>
            ))}
          </svg>
        </>
      ) : (
        categories.length > MAX_BARS_CATEGORIES && <p className="hint">{t('statsTable.tooManyForChart')}</p>
      )}
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {CHART_GENDERS.map((g) => (
                <th scope="col" className="num" key={g}>
                  {genderLabel(g)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('statsTable.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.label}</th>
                {CHART_GENDERS.map((g) => (
                  <td className="num" key={g}>
                    {show(count(c.code, g))}
                  </td>
                ))}
                <td className="num">{show(count(c.code, 'total'))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('statsTable.total')}</th>
              {CHART_GENDERS.map((g) => (
                <td className="num" key={g}>
                  {show(count('total', g))}
                </td>
              ))}
              <td className="num">{show(count('total', 'total'))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </figure>
  );
}
