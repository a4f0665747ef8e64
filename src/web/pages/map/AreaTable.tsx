/**
 * The map's equivalent table: every area's share, received, exact quota and deviation, with the counts split by
 * gender and age band. Sortable (by deviation among others); the sort is announced through aria-sort.
 */
import { useState } from 'react';
import { AGE_BANDS } from '../../api/allocation-types.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import type { AreaFigures } from './areas.ts';

type SortKey = 'name' | 'share' | 'received' | 'quota' | 'deviation';
interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

const collator = new Intl.Collator('sv');
const COMPARE: Readonly<Record<SortKey, (a: AreaFigures, b: AreaFigures) => number>> = {
  name: (a, b) => collator.compare(a.name, b.name),
  share: (a, b) => a.share - b.share,
  received: (a, b) => a.received - b.received,
  quota: (a, b) => Number(a.quota) - Number(b.quota),
  deviation: (a, b) => a.deviation - b.deviation,
};
const LABELS: Readonly<Record<SortKey, MessageKey>> = {
  name: 'figures.area',
  share: 'figures.share',
  received: 'figures.received',
  quota: 'figures.quota',
  deviation: 'figures.deviation',
};

function SortHeader({
  sortKey,
  sort,
  label,
  onSort,
}: {
  readonly sortKey: SortKey;
  readonly sort: Sort;
  readonly label: string;
  readonly onSort: (key: SortKey) => void;
}) {
  const current = sort.key === sortKey;
  const direction = sort.descending ? 'descending' : 'ascending';
  return (
    <th
      scope="col"
      className={sortKey === 'name' ? undefined : 'num'}
      {...(current ? { 'aria-sort': direction } : {})}
    >
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {current ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function AreaTable({
  rows,
  caption,
  countyName,
}: {
  readonly rows: readonly AreaFigures[];
  readonly caption: string;
  /** The county column for municipalities (omitted for counties). */
  readonly countyName?: (code: string) => string;
}) {
  const { t, decimal } = useI18n();
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const sorted = [...rows].sort(
    (a, b) => (sort.descending ? -1 : 1) * COMPARE[sort.key](a, b) || collator.compare(a.name, b.name),
  );
  const onSort = (key: SortKey) =>
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const header = (key: SortKey) => (
    <SortHeader key={key} sortKey={key} sort={sort} label={t(LABELS[key])} onSort={onSort} />
  );
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="area-table">
        <caption>
          {caption}
          <span className="caption__sort">
            {t('table.sortHint')}{' '}
            {t('table.sortedBy', {
              column: t(LABELS[sort.key]),
              direction: t(sort.descending ? 'table.descending' : 'table.ascending'),
            })}
          </span>
        </caption>
        <thead>
          <tr>
            {header('name')}
            {countyName !== undefined && <th scope="col">{t('figures.county')}</th>}
            {header('share')}
            {header('received')}
            {header('quota')}
            {header('deviation')}
            <th scope="col" className="num">
              {t('stats.col.female')}
            </th>
            <th scope="col" className="num">
              {t('stats.col.male')}
            </th>
            <th scope="col" className="num">
              {t('stats.col.other')}
            </th>
            {AGE_BANDS.map((band) => (
              <th scope="col" className="num" key={band}>
                {t(`ageBand.${band}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} data-code={row.code}>
              <th scope="row" data-field="name">
                {row.name}
              </th>
              {countyName !== undefined && <td>{countyName(row.countyCode)}</td>}
              <td className="num" data-field="share">
                {row.share}
              </td>
              <td className="num" data-field="received">
                {row.received}
              </td>
              <td className="num" data-field="quota">
                {decimal(row.quota)}
              </td>
              <td className="num" data-field="deviation">
                {decimal(row.deviation, { sign: true })}
              </td>
              <td className="num" data-field="female">
                {row.byGender.female}
              </td>
              <td className="num" data-field="male">
                {row.byGender.male}
              </td>
              <td className="num" data-field="other">
                {row.byGender.other}
              </td>
              {AGE_BANDS.map((band) => (
                <td className="num" key={band} data-field={`age-${band}`}>
                  {row.byAgeBand[band]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
