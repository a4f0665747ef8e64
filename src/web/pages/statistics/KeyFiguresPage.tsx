/**
 * Key figures of the case — school start within 30 days, reviews of the care on time, days to a god man — by gender
 * and age band. Cells with fewer than five children are not shown, so no figure points out a child.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiGet } from '../../api/client.ts';
import {
  FIGURE_AGE_BANDS,
  FIGURE_GENDERS,
  type FigureCell,
  type KeyFigures,
} from '../../api/statistics-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { MissingStatisticsSection } from '../missing/MissingStatisticsSection.tsx';

const FIGURES = [
  { key: 'schoolStart', title: 'figures.schoolStart', goal: 'figures.schoolStartGoal' },
  { key: 'careReviews', title: 'figures.careReviews', goal: 'figures.careReviewsGoal' },
  { key: 'godManAppointment', title: 'figures.godMan', goal: 'figures.godManGoal' },
  { key: 'anvisning', title: 'figures.anvisning', goal: 'figures.anvisningGoal' },
] as const satisfies readonly { key: keyof KeyFigures; title: MessageKey; goal: MessageKey }[];

export function KeyFiguresPage() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: '' });
  const figures = useQuery({
    queryKey: ['key-figures', period.from, period.to],
    queryFn: () =>
      apiGet<KeyFigures>('/api/statistics/key-figures', {
        from: period.from,
        ...(period.to === '' ? {} : { to: period.to }),
      }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry : '';
    };
    setPeriod({ from: value('from'), to: value('to') });
  };
  return (
    <Page title={t('figures.title')}>
      <p className="lead">{t('figures.intro')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('figures.period')}>
        <div className="field">
          <label htmlFor="figures-from">{t('figures.from')}</label>
          <input
            id="figures-from"
            name="from"
            type="date"
            className="input input--short"
            defaultValue={period.from}
          />
        </div>
        <div className="field">
          <label htmlFor="figures-to">{t('figures.to')}</label>
          <input
            id="figures-to"
            name="to"
            type="date"
            className="input input--short"
            defaultValue={period.to}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('figures.show')}
        </button>
      </form>
      {figures.isPending && <Loading />}
      {figures.isError && <LoadError error={figures.error} />}
      {figures.data !== undefined && (
        <>
          <p>
            {figures.data.area.kind === 'nation'
              ? t('figures.areaNation')
              : t(figures.data.area.kind === 'county' ? 'figures.areaCounty' : 'figures.areaMunicipality', {
                  code: figures.data.area.code ?? '',
                })}{' '}
            {t('figures.periodText', { from: figures.data.from, to: figures.data.to })}
          </p>
          {FIGURES.map((f) => (
            <FigureTable key={f.key} title={t(f.title)} goal={t(f.goal)} cells={figures.data[f.key]} />
          ))}
          <p className="hint">{t('figures.suppressionNote')}</p>
        </>
      )}
      <MissingStatisticsSection />
    </Page>
  );
}

function FigureTable({
  title,
  goal,
  cells,
}: {
  readonly title: string;
  readonly goal: string;
  readonly cells: readonly FigureCell[];
}) {
  const { t, tn, number } = useI18n();
  const bands = [...FIGURE_AGE_BANDS, 'all'] as const;
  const text = (cell: FigureCell | undefined) => {
    if (cell === undefined || cell.n === 0) return '–';
    if (cell.suppressed || cell.n === null) return t('figures.suppressed');
    const share = cell.withinGoal === null ? '–' : `${number(Math.round(cell.withinGoal * 100))} %`;
    const median = cell.medianDays === null ? '–' : number(cell.medianDays);
    return tn('figures.cell', cell.n, { share, median });
  };
  return (
    <section className="section">
      <h2>{title}</h2>
      <p className="hint">{goal}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.gender')}</th>
              {bands.map((band) => (
                <th scope="col" key={band}>
                  {band === 'all' ? t('figures.allAges') : t('figures.ageBand', { band })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...FIGURE_GENDERS, 'all' as const].map((gender) => (
              <tr key={gender}>
                <th scope="row">
                  {gender === 'all' ? t('figures.allGenders') : t(`figures.gender.${gender}`)}
                </th>
                {bands.map((band) => (
                  <td key={band}>{text(cells.find((c) => c.gender === gender && c.ageBand === band))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
