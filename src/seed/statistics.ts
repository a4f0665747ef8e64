/**
 * The demo's monthly history of arrivals before Anvisa's own records (issue 15, ADR 0039), so that the forecast has
 * the three years and more it needs on any date. Invented: the rows say so in their source, never passed off as the
 * Agency's figures. Eight years up to and including the month of the demo's first arrival (that month's own count
 * is partial), at about the grown demo's level (2,000 children over some 13 months), with autumn peaks.
 */
import { sql } from 'drizzle-orm';
import { seededRandom } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import { monthsBetween } from '../domain/statistics/dimensions.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { arrivalHistory } from '../platform/db/schema.ts';

/** Relative level per calendar month (January first): more children arrive in late summer and autumn. */
const SEASON = [0.8, 0.7, 0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.3, 1.25, 1.1, 0.95];
const LEVEL = 150;
const YEARS = 8;

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
  const random = seededRandom(15_000);
  const rows = monthsBetween(from, last).map((month, index) => {
    const trend = 1 + 0.02 * Math.sin(index / 9);
    const mean = LEVEL * (SEASON[Number(month.slice(5)) - 1] ?? 1) * trend;
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
