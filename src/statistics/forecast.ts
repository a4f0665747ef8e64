/**
 * The arrivals forecast and its accuracy (issue 15, ADR 0039). The monthly history is the Agency's recorded figures
 * (arrival_history, the latest recorded per month) and, for the months without one, Anvisa's own count of children
 * arriving; the forecast itself, the municipal share of it and the accuracy are pure
 * (src/domain/statistics/forecast.ts). The national monthly figures are published by the Agency and are not
 * split further here, so no disclosure control applies to them.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../domain/access/child-scope.ts';
import { totalPlaces, type CapacityAnswers } from '../domain/county/capacity.ts';
import { figureAreaOf } from '../domain/statistics/area.ts';
import { monthsBetween } from '../domain/statistics/dimensions.ts';
import {
  forecastAccuracy,
  forecastArrivals,
  MIN_HISTORY_MONTHS,
  municipalForecast,
  type MonthCount,
} from '../domain/statistics/forecast.ts';
import { addMonths } from '../domain/time.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { forbidden } from '../platform/http/errors.ts';
import { forecastHistory, yearlyOutcomes } from '../reference/arrivals.ts';
import type { ForecastAccuracyResponse, ForecastResponse } from './contract.ts';

type HistoryMonth = MonthCount & { source: 'recorded' | 'anvisa' };

/** The months up to the last whole one before today: recorded where recorded, Anvisa's own count elsewhere. */
export async function arrivalMonths(db: DbOrTx, today: string): Promise<HistoryMonth[]> {
  const last = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const recorded = await rowsOf<{ month: string; count: number }>(
    db,
    sql`select distinct on (month) month, count from arrival_history where month <= ${last} order by month, seq desc`,
  );
  const own = await rowsOf<{ month: string; count: number | string }>(
    db,
    sql`select to_char(a.from_date, 'YYYY-MM') as month, count(*) as count
      from responsibility_periods a
      join children c on c.id = a.child_id and c.merged_into_id is null
      where a.kind = 'arrival' and a.from_date < ${`${today.slice(0, 7)}-01`}::date
      group by 1`,
  );
  const recordedBy = new Map(recorded.map((r) => [r.month, r.count]));
  const ownBy = new Map(own.map((r) => [r.month, Number(r.count)]));
  const first = [...recordedBy.keys(), ...ownBy.keys()].sort()[0];
  if (first === undefined) return [];
  return monthsBetween(first, last).map((month) => {
    const count = recordedBy.get(month);
    return count === undefined
      ? { month, count: ownBy.get(month) ?? 0, source: 'anvisa' }
      : { month, count, source: 'recorded' };
  });
}

interface OfficialForecast {
  readonly year: number;
  readonly forecast: number;
  readonly publishedOn: string;
  readonly source: string;
}

async function officialForecasts(db: DbOrTx): Promise<OfficialForecast[]> {
  return rowsOf<OfficialForecast>(
    db,
    sql`select year, forecast, published_on::text as "publishedOn", source
      from compensation_forecasts order by year, published_on, seq`,
  );
}

export async function arrivalsForecast(
  db: DbOrTx,
  actor: Actor,
  months: number,
  today: string,
): Promise<z.input<typeof ForecastResponse>> {
  const area = figureAreaOf(actor);
  if (area === null) throw forbidden();
  const history = await arrivalMonths(db, today);
  const nextMonth = today.slice(0, 7);
  const year = Number(nextMonth.slice(0, 4));
  const official = (await officialForecasts(db)).filter((f) => f.year === year).at(-1) ?? null;
  const national =
    history.length >= MIN_HISTORY_MONTHS
      ? forecastArrivals(
          history.map(({ month, count }) => ({ month, count })),
          months,
          official === null ? undefined : { year, total: official.forecast },
        )
      : null;

  const condition =
    area.kind === 'nation' || area.code === null
      ? sql`true`
      : area.kind === 'county'
        ? sql`m.code like ${`${area.code}%`}`
        : sql`m.code = ${area.code}`;
  const shares = await rowsOf<{
    code: string;
    name: string;
    promille: number;
    answers: CapacityAnswers | null;
  }>(
    db,
    sql`
      with version as (
        select id from share_versions where valid_from <= ${today}::date order by valid_from desc, decided_at desc limit 1
      ), latest_report as (
        select distinct on (r.municipality_code) r.municipality_code, r.answers
        from capacity_reports r join capacity_periods p on p.id = r.period_id
        order by r.municipality_code, p.starts_on desc, r.reported_at desc
      )
      select m.code, m.name, coalesce(v.promille, 0) as promille, lr.answers
      from municipalities m
      left join share_values v on v.municipality_code = m.code and v.version_id = (select id from version)
      left join latest_report lr on lr.municipality_code = m.code
      where ${condition}
      order by m.code`,
  );
  const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
  return {
    scope: { kind: area.kind, code: area.code },
    history,
    national,
    official,
    municipalities:
      national === null
        ? []
        : shares.map((s) => {
            const own = municipalForecast(national, s.promille);
            return {
              municipalityCode: s.code,
              name: s.name,
              sharePromille: s.promille,
              expected: sum(own.map((m) => m.expected)),
              p10: sum(own.map((m) => m.p10)),
              p90: sum(own.map((m) => m.p90)),
              capacity: s.answers === null ? null : totalPlaces(s.answers),
            };
          }),
  };
}

/**
 * Every forecast against its outcome: the published history (reference data) and the forecasts the Agency's officer
 * recorded. The outcome of a year is its published yearly figure, otherwise the monthly history's sum when all
 * twelve months are known, otherwise unknown (a year not yet over).
 */
export async function accuracy(
  db: DbOrTx,
  actor: Actor,
  today: string,
): Promise<z.input<typeof ForecastAccuracyResponse>> {
  if (figureAreaOf(actor) === null) throw forbidden();
  const published = new Map(yearlyOutcomes());
  const outcomes = new Map<number, number>();
  const months = await arrivalMonths(db, today);
  const byYear = new Map<number, { months: number; count: number }>();
  for (const m of months) {
    const y = Number(m.month.slice(0, 4));
    const sofar = byYear.get(y) ?? { months: 0, count: 0 };
    byYear.set(y, { months: sofar.months + 1, count: sofar.count + m.count });
  }
  for (const [y, total] of byYear) if (total.months === 12) outcomes.set(y, total.count);
  // The published figure is the official outcome: it wins over the months Anvisa holds for the year.
  for (const [y, count] of published) outcomes.set(y, count);
  const entries = [...forecastHistory(), ...(await officialForecasts(db))].sort(
    (a, b) => a.year - b.year || a.publishedOn.localeCompare(b.publishedOn),
  );
  const measured = forecastAccuracy(entries, outcomes);
  return {
    rows: entries.map((entry, index) => ({
      year: entry.year,
      publishedOn: entry.publishedOn,
      forecast: entry.forecast,
      source: entry.source,
      outcome: measured[index]?.outcome ?? null,
      error: measured[index]?.error ?? null,
      relativeError: measured[index]?.relativeError ?? null,
    })),
  };
}
