/**
 * The statistics of missing episodes (issue 12, point 11), a section of the key figures page: episodes reported in a
 * year by county, age band, nationality, asylum stage and duration at disappearance and outcome, each split by
 * gender. Outside the responsible municipality counts under five are not shown, nor a figure they could be worked out
 * from.
 */
import { useState } from 'react';
import { useMissingStatistics } from '../../api/missing-queries.ts';
import type { MissingStatistics } from '../../api/missing-types.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

type Table = keyof MissingStatistics['tables'];
type Row = MissingStatistics['all'];

const TABLES: readonly { key: Table; title: MessageKey; label?: string }[] = [
  { key: 'county', title: 'missing.stats.county' },
  { key: 'ageBand', title: 'missing.stats.ageBand' },
  { key: 'nationality', title: 'missing.stats.nationality' },
  { key: 'asylumStage', title: 'missing.stats.asylumStage', label: 'missing.stats.asylumStage.' },
  { key: 'duration', title: 'missing.stats.duration', label: 'missing.stats.duration.' },
  { key: 'outcome', title: 'missing.stats.outcome', label: 'missing.stats.outcome.' },
];

export function MissingStatisticsSection() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const stats = useMissingStatistics(year);
  return (
    <section className="section">
      <h2>{t('missing.stats.title')}</h2>
      <p className="hint">{t('missing.stats.intro')}</p>
      <div className="field">
        <label htmlFor="missing-stats-year">{t('missing.stats.year')}</label>
        <input
          id="missing-stats-year"
          type="number"
          className="input input--short"
          min={2000}
          max={2100}
          value={year}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 2000 && value <= 2100) setYear(value);
          }}
        />
      </div>
      {stats.isPending && <Loading />}
      {stats.isError && <LoadError error={stats.error} />}
      {stats.data !== undefined && (
        <>
          <p>{stats.data.exact ? t('missing.stats.exact') : t('missing.stats.suppressedNote')}</p>
          <Figures title={t('missing.stats.all', { year: stats.data.year })} rows={[stats.data.all]} />
          {TABLES.map((table) => (
            <Figures
              key={table.key}
              title={t(table.title)}
              rows={stats.data.tables[table.key]}
              label={table.label}
            />
          ))}
        </>
      )}
    </section>
  );
}

function Figures({
  title,
  rows,
  label,
}: {
  readonly title: string;
  readonly rows: readonly Row[];
  readonly label?: string | undefined;
}) {
  const { t, number } = useI18n();
  const show = (n: number | null) => (n === null ? t('figures.suppressed') : number(n));
  const name = (key: string) => {
    if (key === 'all') return t('missing.stats.allEpisodes');
    if (key === 'unknown') return t('missing.stats.unknown');
    return label === undefined ? key : t(`${label}${key}` as MessageKey);
  };
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('figures.gender.female')}</th>
            <th scope="col">{t('figures.gender.male')}</th>
            <th scope="col">{t('figures.gender.other')}</th>
            <th scope="col">{t('missing.stats.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{name(row.key)}</th>
              <td>{show(row.female)}</td>
              <td>{show(row.male)}</td>
              <td>{show(row.other)}</td>
              <td>{show(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
