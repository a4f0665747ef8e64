/**
 * The municipal key figure of school start: days from arrival to the first school day (goal ≤ 30, prop. 2000/01:115),
 * by gender and age band at arrival, with small cells suppressed (src/domain/statistics/key-figures.ts). A child counts
 * in the period when the school started in it, or when the one-month deadline passed in it without a start (then
 * not within the goal). Counts only, never names.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SCHOOL_GOAL_DAYS } from '../domain/placement/school.ts';
import {
  ageBand,
  figureGender,
  keyFigure,
  type FigureCell,
  type Observation,
} from '../domain/statistics/key-figures.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';

/** The area whose figure is asked for, as a condition on a municipality-code column (see figureArea in statistics). */
export interface FigureArea {
  readonly condition: (column: SQL) => SQL;
}

export async function schoolStartObservations(
  db: DbOrTx,
  area: FigureArea,
  period: { from: string; to: string },
  today: string,
): Promise<Observation[]> {
  const rows = await rowsOf<{
    gender: string;
    birth_date: string;
    arrival: string;
    days: number | string | null;
  }>(
    db,
    sql`
      with arrival as (
        select child_id, min(from_date) as arrival from responsibility_periods group by child_id
      ), started as (
        select child_id, min(started_on) as started, min(municipality_code) as municipality_code
        from school_enrolments where started_on is not null group by child_id
      ), due as (
        select child_id, min(due_on) as due_on, min(municipality_code) as municipality_code
        from deadlines where rule = 'school-start' group by child_id
      ), counted as (
        select coalesce(s.child_id, d.child_id) as child_id, s.started, d.due_on,
               coalesce(s.municipality_code, d.municipality_code) as municipality_code
        from started s full join due d on d.child_id = s.child_id
      )
      select c.gender, c.birth_date::text as birth_date, a.arrival::text as arrival, (k.started - a.arrival) as days
      from counted k
      join children c on c.id = k.child_id and c.merged_into_id is null
      join arrival a on a.child_id = k.child_id
      where ${area.condition(sql`k.municipality_code`)}
        and ((k.started between ${period.from}::date and ${period.to}::date)
          or (k.started is null and k.due_on between ${period.from}::date and least(${period.to}::date, ${today}::date - 1)))`,
  );
  return rows.map((r) => ({
    gender: figureGender(r.gender),
    ageBand: ageBand(r.birth_date, r.arrival),
    days: r.days === null ? null : Number(r.days),
    withinGoal: r.days !== null && Number(r.days) <= SCHOOL_GOAL_DAYS,
  }));
}

/** Every gender × age band cell of the school-start figure, the totals included. */
export async function schoolStartKeyFigure(
  db: DbOrTx,
  area: FigureArea,
  period: { from: string; to: string },
  today: string,
): Promise<FigureCell[]> {
  return keyFigure(await schoolStartObservations(db, area, period, today));
}
