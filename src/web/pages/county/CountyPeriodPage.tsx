/**
 * One capacity survey period as the county sees it (issue 13 point 1): a map of the county's municipalities coloured
 * by whether they have reported, and the table under it (the map's accessible equivalent) with each municipality's
 * reported places beside what Anvisa knows — share, children received this year, placed now, places and free places
 * in the providers register, median days to god man and to school start — the dialogue's flags, the trend over the
 * periods, and the reminder to those that owe the report.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useBoundaries } from '../../api/allocation-queries.ts';
import { apiPost } from '../../api/client.ts';
import { useCountyPeriod } from '../../api/county-queries.ts';
import type { CountyPeriod, CountyPeriodRow, RemindersSent } from '../../api/county-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { apiErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { projectCounty } from '../map/geometry.ts';

/** Fill per status: reported, due, overdue, not yet (distinct in lightness too, with the legend and table). */
const FILL: Record<CountyPeriodRow['due'], string> = {
  reported: '#2e7d32',
  due: '#f9a825',
  overdue: '#b71c1c',
  not_yet: '#e0e0e0',
};

function CountyMap({ view }: { readonly view: CountyPeriod }) {
  const { t, tn } = useI18n();
  const boundaries = useBoundaries();
  const geometry = useMemo(
    () => (boundaries.data === undefined ? null : projectCounty(boundaries.data, view.county.code)),
    [boundaries.data, view.county.code],
  );
  if (geometry === null) return null;
  const byCode = new Map(view.municipalities.map((m) => [m.code, m]));
  return (
    <figure className="county-map">
      <svg
        className="map__svg"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="img"
        aria-label={t('county.period.mapLabel', { county: view.county.name })}
      >
        {geometry.municipalities.map((shape) => {
          const row = byCode.get(shape.code);
          return (
            <path
              key={shape.code}
              d={shape.d}
              fill={FILL[row?.due ?? 'not_yet']}
              stroke="#ffffff"
              strokeWidth={0.8}
            >
              <title>
                {row === undefined
                  ? shape.code
                  : `${row.name}: ${t(`capacity.due.${row.due}`)}${
                      row.reportedPlaces === null ? '' : `, ${tn('county.period.places', row.reportedPlaces)}`
                    }`}
              </title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend__list">
          {(['reported', 'due', 'overdue', 'not_yet'] as const).map((due) => (
            <li key={due}>
              <span className="legend__swatch" style={{ background: FILL[due] }} aria-hidden="true" />
              {t(`capacity.due.${due}`)}
            </li>
          ))}
        </ul>
        <p className="hint">{t('county.period.mapHint')}</p>
      </figcaption>
    </figure>
  );
}

export function CountyPeriodPage() {
  const { periodId } = useParams({ from: '/app/lan/lagesbild/$periodId' });
  const { t, number, decimal, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const period = useCountyPeriod(periodId);
  const [sent, setSent] = useState<RemindersSent | null>(null);
  const remind = useMutation({
    mutationFn: () =>
      apiPost<RemindersSent>(`/api/county/capacity/${encodeURIComponent(periodId)}/reminders`),
    onSuccess: async (result) => {
      setSent(result);
      await queryClient.invalidateQueries({ queryKey: ['county-capacity'] });
    },
  });
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (period.isPending || period.isError)
    return (
      <Page title={t('county.capacity.title')}>
        {period.isError ? <LoadError error={period.error} /> : <Loading />}
      </Page>
    );
  const view = period.data;
  const median = (m: { median: number | null; n: number }) =>
    m.median === null ? (m.n === 0 ? '–' : t('county.period.fewer')) : decimal(m.median, { digits: 1 });
  return (
    <Page title={t('county.period.title', { period: view.period.label })}>
      <p>
        <Link to="/lan/lagesbild">{t('county.period.back')}</Link>
      </p>
      <p>
        {t('county.period.intro', {
          answered: view.answered,
          total: view.municipalities.length,
          date: view.period.dueOn,
        })}
      </p>
      {view.mayRemind && (
        <p>
          <button
            type="button"
            className="button"
            disabled={remind.isPending}
            onClick={() => remind.mutate()}
          >
            {t('county.period.remind')}
          </button>
        </p>
      )}
      {sent !== null && (
        <Success>
          {t('county.period.reminded', { municipalities: sent.municipalities, users: sent.users })}
        </Success>
      )}
      {remind.isError && <p className="field-error">{apiErrorText(t, remind.error)}</p>}
      <CountyMap view={view} />
      <section className="section">
        <h2 id="side-by-side">{t('county.period.table')}</h2>
        <p className="hint">{t('county.period.tableHint')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="side-by-side">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('county.period.municipality')}</th>
                <th scope="col">{t('capacity.status')}</th>
                <th scope="col" className="num">
                  {t('county.period.reported')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.placedNow')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.register')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.share')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.received')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.godMan')}
                </th>
                <th scope="col" className="num">
                  {t('county.period.school')}
                </th>
                <th scope="col">{t('county.period.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {view.municipalities.map((m) => (
                <tr key={m.code}>
                  <th scope="row">{m.name}</th>
                  <td>
                    {t(`capacity.due.${m.due}`)}
                    {m.remindedAt !== null && (
                      <span className="hint">
                        {' '}
                        {t('county.period.remindedAt', { at: dateTime(m.remindedAt) })}
                      </span>
                    )}
                  </td>
                  <td className="num">{m.reportedPlaces === null ? '–' : number(m.reportedPlaces)}</td>
                  <td className="num">
                    {number(m.known.placedNow)}
                    {m.known.placedNow > 0 && (
                      <span className="hint">
                        {' '}
                        (
                        {Object.entries(m.known.placedByForm)
                          .map(([form, n]) => `${t(`county.form.${form}` as MessageKey)} ${number(n)}`)
                          .join(', ')}
                        )
                      </span>
                    )}
                  </td>
                  <td className="num">
                    {t('county.period.registerCell', {
                      places: m.known.registeredPlaces,
                      free: m.known.freePlaces,
                    })}
                  </td>
                  <td className="num">{number(m.known.sharePromille)}</td>
                  <td className="num">{number(m.known.receivedThisYear)}</td>
                  <td className="num">{median(m.known.godManDays)}</td>
                  <td className="num">{median(m.known.schoolStartDays)}</td>
                  <td>{m.flags.map((f) => t(`county.flag.${f}`)).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section">
        <h2 id="trend">{t('county.period.trend')}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="trend">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('county.period.municipality')}</th>
                {view.trend.periods.map((p) => (
                  <th key={p.id} scope="col" className="num">
                    {p.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.trend.rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.name}</th>
                  {r.places.map((p, i) => (
                    <td key={view.trend.periods[i]?.id ?? i} className="num">
                      {p === null ? '–' : number(p)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
