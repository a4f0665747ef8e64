/**
 * "Statistik": a measure (arrivals, anvisningar, placements, …) over time, per area and by a chosen dimension, each
 * chart with its table, always split by gender. The municipality sees its own exact figures; a county board and the
 * Agency see the protected table (suppressed cells as ".."), and every export is protected. Below: the forecast and
 * its accuracy, and the children in each municipality's care today.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiGet, withQuery } from '../../api/client.ts';
import {
  EXTRA_DIMENSIONS,
  MEASURES,
  type ExtraDimension,
  type Measure,
  type StatisticsTable,
} from '../../api/statistics-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { ChildrenInCareSection } from './ChildrenInCareSection.tsx';
import { cubeOf, type Cube, type DimensionName } from './cube.ts';
import { ForecastSection } from './ForecastSection.tsx';
import { GenderBarChart, type ChartCategory } from './GenderBarChart.tsx';

interface Choice {
  readonly measure: Measure;
  readonly from: string;
  readonly to: string;
  readonly period: 'month' | 'year';
  readonly area: 'county' | 'municipality' | 'none' | '';
  readonly by: ExtraDimension | '';
}

const INITIAL: Choice = { measure: 'arrivals', from: '', to: '', period: 'month', area: '', by: 'ageGroup' };

function queryOf(choice: Choice) {
  return {
    measure: choice.measure,
    from: choice.from,
    to: choice.to,
    period: choice.period,
    area: choice.area,
    by: choice.by,
  };
}

/** The label of a dimension's value, in the reader's language. */
function useValueLabel() {
  const { t } = useI18n();
  return (name: DimensionName, code: string, label: string | null): string => {
    if (label !== null) return label;
    if (name === 'period') return code;
    if (name === 'ageGroup') return t('statsTable.ageGroup', { group: code.replace('-', '–') });
    if (name === 'nationality')
      return code === 'other'
        ? t('statsTable.nationality.other')
        : code === 'unknown'
          ? t('statsTable.unknown')
          : code;
    if (name === 'asylumStage') return t(`statsTable.stage.${code}` as MessageKey);
    if (name === 'housingForm')
      return code === 'none' ? t('statsTable.form.none') : t(`placement.form.${code}` as MessageKey);
    return code;
  };
}

function categoriesOf(
  cube: Cube,
  name: DimensionName,
  label: ReturnType<typeof useValueLabel>,
): ChartCategory[] {
  return cube.values(name).map((v) => ({ code: v.code, label: label(name, v.code, v.label) }));
}

function TableView({ table }: { readonly table: StatisticsTable }) {
  const { t, tn } = useI18n();
  const label = useValueLabel();
  const cube = cubeOf(table);
  const measure = t(`statsTable.measure.${table.measure}` as MessageKey);
  const scope =
    table.scope.kind === 'nation'
      ? t('statsTable.scope.nation')
      : t(`statsTable.scope.${table.scope.kind}`, { code: table.scope.code ?? '' });
  const extra = EXTRA_DIMENSIONS.find((name) => cube.has(name));
  const chart = (name: DimensionName, title: string, header: string) => (
    <GenderBarChart
      idPrefix={`stats-${name}`}
      title={title}
      categoryHeader={header}
      categories={categoriesOf(cube, name, label)}
      count={(category, gender) =>
        cube.count({
          ...(category === 'total' ? {} : { [name]: category }),
          ...(gender === 'total' ? {} : { gender }),
        })
      }
    />
  );
  const exportHref = (format: 'csv' | 'ods') =>
    withQuery('/api/statistics/tables/export', {
      measure: table.measure,
      from: table.from,
      to: table.to,
      period: table.period,
      area: table.area,
      by: extra ?? '',
      format,
    });
  return (
    <section aria-labelledby="stats-result" className="section">
      <h2 id="stats-result">
        {measure}, {table.from} – {table.to}
      </h2>
      <p>
        {scope} {table.exact ? t('statsTable.exact') : tn('statsTable.protected', table.suppressed)}
      </p>
      <ul className="inline-links">
        <li>
          <a href={exportHref('csv')} download>
            {t('statsTable.exportCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('ods')} download>
            {t('statsTable.exportOds')}
          </a>
        </li>
      </ul>
      <p className="hint">{t('statsTable.exportNote')}</p>
      {chart('period', t('statsTable.overTime', { measure }), t('statsTable.dim.period'))}
      {cube.has('area') && chart('area', t('statsTable.perArea', { measure }), t('statsTable.dim.area'))}
      {extra !== undefined &&
        chart(
          extra,
          t('statsTable.perExtra', { measure, dimension: t(`statsTable.dim.${extra}`).toLowerCase() }),
          t(`statsTable.dim.${extra}`),
        )}
    </section>
  );
}

export function StatisticsDashboard() {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Choice>(INITIAL);
  const table = useQuery({
    queryKey: ['statistics-table', choice],
    queryFn: () => apiGet<StatisticsTable>('/api/statistics/tables', queryOf(choice)),
  });
  const municipalityOnly = table.data?.scope.kind === 'municipality';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry : '';
    };
    setChoice({
      measure: value('measure') as Measure,
      from: value('from'),
      to: value('to'),
      period: value('period') === 'year' ? 'year' : 'month',
      area: value('area') as Choice['area'],
      by: value('by') as Choice['by'],
    });
  };
  return (
    <Page title={t('stats.title')}>
      <p className="lead">{t('statsTable.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('statsTable.choose')}>
        <div className="field">
          <label htmlFor="stats-measure">{t('statsTable.measure')}</label>
          <select id="stats-measure" name="measure" className="input select" defaultValue={choice.measure}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`statsTable.measure.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-from">{t('statsTable.from')}</label>
          <input
            id="stats-from"
            name="from"
            type="month"
            className="input input--short"
            defaultValue={choice.from}
          />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t('statsTable.to')}</label>
          <input
            id="stats-to"
            name="to"
            type="month"
            className="input input--short"
            defaultValue={choice.to}
          />
        </div>
        <div className="field">
          <label htmlFor="stats-period">{t('statsTable.period')}</label>
          <select id="stats-period" name="period" className="input select" defaultValue={choice.period}>
            <option value="month">{t('statsTable.period.month')}</option>
            <option value="year">{t('statsTable.period.year')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-area">{t('statsTable.area')}</label>
          <select id="stats-area" name="area" className="input select" defaultValue={choice.area}>
            <option value="">{t('statsTable.area.default')}</option>
            {!municipalityOnly && <option value="county">{t('statsTable.area.county')}</option>}
            <option value="municipality">{t('statsTable.area.municipality')}</option>
            <option value="none">{t('statsTable.area.none')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-by">{t('statsTable.by')}</label>
          <select id="stats-by" name="by" className="input select" defaultValue={choice.by}>
            <option value="">{t('statsTable.by.none')}</option>
            {EXTRA_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`statsTable.dim.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('figures.show')}
        </button>
      </form>
      {table.isPending && <Loading />}
      {table.isError && <LoadError error={table.error} />}
      {table.data !== undefined && <TableView table={table.data} />}
      <ForecastSection />
      <ChildrenInCareSection />
    </Page>
  );
}
