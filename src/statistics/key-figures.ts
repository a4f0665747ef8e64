/**
 * Key figures of the child's case, by gender and age band: days from arrival to school start (goal ≤ 30, prop.
 * 2000/01:115; the school capability's own figure), reviews of the care on time (at least every six months), and days
 * from a request for a god man to the appointment (practice: 2–3 days), and days from the arrival to the anvisning
 * (practice: within a day or so, 1–3 days). Observations come from SQL over the area the actor may see (its municipality,
 * its county, or the nation for the Migration Agency); aggregation and disclosure control (not for the own
 * municipality, which sees its exact figures) are pure
 * (src/domain/statistics/key-figures.ts).
 */
import type { z } from 'zod';
import type { KeyFiguresResponse } from './contract.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { figureAreaOf } from '../domain/statistics/area.ts';
import {
  ageBand,
  figureGender,
  keyFigure,
  MIN_CELL,
  type Observation,
} from '../domain/statistics/key-figures.ts';
import { ANVISNING_GOAL_DAYS, GOD_MAN_GOAL_DAYS } from '../domain/deadlines/rules.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { schoolStartObservations } from './school-start.ts';

export type KeyFigures = z.output<typeof KeyFiguresResponse>;

/** The municipalities whose figures the actor may see, as a condition on a municipality-code column. */
export function figureArea(
  actor: Actor,
): { kind: KeyFigures['area']['kind']; code: string | null; condition: (column: SQL) => SQL } | null {
  const area = figureAreaOf(actor);
  if (area === null) return null;
  const { kind, code } = area;
  if (kind === 'nation' || code === null) return { kind, code: null, condition: () => sql`true` };
  if (kind === 'county') {
    const prefix = `${code}%`;
    return { kind, code, condition: (column) => sql`${column} like ${prefix}` };
  }
  return { kind, code, condition: (column) => sql`${column} = ${code}` };
}

const days = (value: number | string | null): number | null => (value === null ? null : Number(value));

export async function keyFigures(
  db: DbOrTx,
  actor: Actor,
  period: { from: string; to: string },
  today: string,
): Promise<KeyFigures | null> {
  const area = figureArea(actor);
  if (area === null) return null;
  const { from, to } = period;

  const schoolObs = await schoolStartObservations(db, area, period, today);

  // Reviews of the care due within the period (up to yesterday): on time if closed by the due date.
  const reviews = await rowsOf<{
    gender: string;
    birth_date: string;
    due_on: string;
    closed_on: string | null;
    days: number | string | null;
  }>(
    db,
    sql`
      select c.gender, c.birth_date::text as birth_date, d.due_on::text as due_on,
             (d.closed_at at time zone 'Europe/Stockholm')::date::text as closed_on,
             ((d.closed_at at time zone 'Europe/Stockholm')::date - d.started_on) as days
      from deadlines d
      join children c on c.id = d.child_id and c.merged_into_id is null
      where d.rule = 'care-review'
        and ${area.condition(sql`d.municipality_code`)}
        and d.due_on between ${from}::date and least(${to}::date, ${today}::date - 1)`,
  );
  const reviewObs: Observation[] = reviews.map((r) => ({
    gender: figureGender(r.gender),
    ageBand: ageBand(r.birth_date, r.due_on),
    days: days(r.days),
    withinGoal: r.closed_on !== null && r.closed_on <= r.due_on,
  }));

  // God man: requests made within the period; days to the appointment (open ones count once three days have passed).
  const godMan = await rowsOf<{
    gender: string;
    birth_date: string;
    requested_on: string;
    days: number | string | null;
  }>(
    db,
    sql`
      select c.gender, c.birth_date::text as birth_date, r.requested_on::text as requested_on,
             (g.from_date - r.requested_on) as days
      from guardianship_requests r
      join children c on c.id = r.child_id and c.merged_into_id is null
      left join guardianships g on g.id = r.guardianship_id
      where ${area.condition(sql`r.municipality_code`)}
        and r.requested_on between ${from}::date and ${to}::date
        and r.status <> 'withdrawn'
        and (r.status = 'appointed' or r.requested_on + ${GOD_MAN_GOAL_DAYS}::int < ${today}::date)`,
  );
  const godManObs: Observation[] = godMan.map((r) => ({
    gender: figureGender(r.gender),
    ageBand: ageBand(r.birth_date, r.requested_on),
    days: days(r.days),
    withinGoal: r.days !== null && Number(r.days) <= GOD_MAN_GOAL_DAYS,
  }));

  // Anvisning: days from the arrival to the decision in force, in the assigned municipality (the Agency's own
  // figure, by the municipality that receives the child). A child arrived in the period and still without an
  // anvisning once the goal has passed counts as not within it.
  const anvisning = await rowsOf<{
    gender: string;
    birth_date: string;
    arrival_on: string;
    days: number | string | null;
  }>(
    db,
    sql`
      select c.gender, c.birth_date::text as birth_date, a.from_date::text as arrival_on,
             (d.decided_on - a.from_date) as days
      from responsibility_periods a
      join children c on c.id = a.child_id and c.merged_into_id is null
      left join decided_children dc on dc.child_id = a.child_id
      left join anvisning_decisions d on d.id = dc.decision_id
      where a.kind = 'arrival'
        and ${area.condition(sql`coalesce(d.municipality_code, a.municipality_code)`)}
        and a.from_date between ${from}::date and ${to}::date
        and (d.id is not null or a.from_date + ${ANVISNING_GOAL_DAYS}::int < ${today}::date)`,
  );
  const anvisningObs: Observation[] = anvisning.map((r) => ({
    gender: figureGender(r.gender),
    ageBand: ageBand(r.birth_date, r.arrival_on),
    days: days(r.days),
    withinGoal: r.days !== null && Number(r.days) <= ANVISNING_GOAL_DAYS,
  }));

  // The municipality is responsible for its own children and sees its exact figures; others the protected ones.
  const minCell = area.kind === 'municipality' ? 0 : MIN_CELL;
  return {
    area: { kind: area.kind, code: area.code },
    from,
    to,
    schoolStart: keyFigure(schoolObs, minCell),
    careReviews: keyFigure(reviewObs, minCell),
    godManAppointment: keyFigure(godManObs, minCell),
    anvisning: keyFigure(anvisningObs, minCell),
  };
}
