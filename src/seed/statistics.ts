/**
 * The demo's monthly history of arrivals before Anvisa's own records (issue 15, ADR 0039), so that the forecast has
 * the three years and more it needs on any date. Each row says in its source what it is, never passed off as the
 * Agency's monthly statistics:
 * - a year with a published yearly figure (reference-data/ekb_arrivals_per_year.csv) gets that figure spread over its
 *   months by an assumed seasonal pattern, so the months add up to the published year;
 * - a later year is invented, at about the grown demo's level (2,000 children over some 13 months).
 * Seven years up to and including the month of the demo's first arrival (that month's own count is partial).
 */
import { sql } from 'drizzle-orm';
import { seededRandom } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import { monthsBetween } from '../domain/statistics/dimensions.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { arrivalHistory } from '../platform/db/schema.ts';
import { yearlyOutcomes } from '../reference/arrivals.ts';

/** Relative level per calendar month (January first): more children arrive in late summer and autumn. */
const SEASON = [0.8, 0.7, 0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.3, 1.25, 1.1, 0.95];
const SEASON_SUM = SEASON.reduce((a, b) => a + b, 0);
const LEVEL = 150;
const YEARS = 7;

/** A published year spread over its months in proportion to SEASON, rounded so the months add up to the year. */
function spread(total: number): number[] {
  const exact = SEASON.map((w) => (total * w) / SEASON_SUM);
  const months = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  let missing = total - months.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (missing <= 0) break;
    months[i] = (months[i] ?? 0) + 1;
    missing -= 1;
  }
  return months;
}

export async function seedArrivalHistory(
  db: DbOrTx,
  recordedBy: string,
  now: Date,
  today: string,
): Promise<void> {
  const [first] = await rowsOf<{ month: string | null }>(
    db,
    sql`select to_char(min(from_date), 'YYYY-MM') as month from responsibility_periods`,
  );
  const last = first?.month ?? addDays(today, -400).slice(0, 7);
  const from = `${Number(last.slice(0, 4)) - YEARS}${last.slice(4)}`;
  const published = new Map(yearlyOutcomes());
  const random = seededRandom(15_000);
  const rows = monthsBetween(from, last).map((month) => {
    const year = Number(month.slice(0, 4));
    const calendarMonth = Number(month.slice(5)) - 1;
    const yearly = published.get(year);
    if (yearly !== undefined)
      return {
        month,
        count: spread(yearly)[calendarMonth] ?? 0,
        source: `Demo: SCB:s årssiffra för ${year} (${yearly} barn) fördelad på månader efter ett antaget säsongsmönster`,
        recordedBy,
        recordedAt: now,
      };
    const mean = LEVEL * (SEASON[calendarMonth] ?? 1);
    return {
      month,
      count: Math.max(0, Math.round(mean * (0.85 + 0.3 * random()))),
      source: 'Demo: påhittad månadssiffra, inte Migrationsverkets statistik',
      recordedBy,
      recordedAt: now,
    };
  });
  await db.insert(arrivalHistory).values(rows);
}
