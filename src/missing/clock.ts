/**
 * The hourly clock of the missing-children routine (issue 12, ADR 0025 point 3), run by the scheduler
 * (src/notifications/schedule.ts) and the tests. Two set-based statements, whatever the number of open episodes:
 *
 * - every unacknowledged notification (not acknowledged, not "none to notify") past its `escalate_at` and not escalated
 *   before gets `escalated_at`, and the unit managers of the episode's municipality are told once per episode and run
 *   (`missing_escalated`, ids and dates only);
 * - every episode whose child was found and whose return talk is past `return_talk_due_at` gets
 *   `return_talk_escalated_at`, and the child's assigned social workers and the municipality's unit managers are told
 *   (`missing_return_talk_overdue`).
 *
 * Idempotent: what was escalated is marked in the same statement that tells, so a second run finds nothing. The
 * conditions are the SQL twins of `escalatesNow` and `returnTalkOverdueNow` (src/domain/missing/clock.ts).
 */
import { sql } from 'drizzle-orm';
import type { SystemCaller } from '../case/caller.ts';
import { rowsOf } from '../platform/db/client.ts';

export interface ClockRun {
  /** Notifications escalated by this run. */
  readonly escalated: number;
  /** Return talks found overdue by this run. */
  readonly returnTalks: number;
  /** In-app notifications written (one per user told, per episode). */
  readonly told: number;
}

const isoOf = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The unit managers of a municipality's social services, as `(user_id)` rows joined on `municipality`. */
const unitManagersOf = (municipality: string) =>
  sql.raw(`join organisations org on org.type = 'municipality' and org.municipality_code = ${municipality}
    join role_assignments ra on ra.organisation_id = org.id and ra.role = 'unit_manager' and ra.revoked_at is null`);

export async function runMissingClock(caller: SystemCaller): Promise<ClockRun> {
  const now = sql`${caller.now.toISOString()}::timestamptz`;
  const [escalation] = await rowsOf<{ escalated: number; told: number }>(
    caller.db,
    sql`with escalated as (
        update missing_notifications n set escalated_at = ${now}
        where n.acknowledged_at is null and n.not_applicable is null and n.escalated_at is null
          and n.escalate_at <= ${now}
        returning n.episode_id, n.escalate_at
      ), per_episode as (
        select e.id as episode_id, e.child_id, e.municipality_code, count(*)::int as n,
          min(x.escalate_at) as first_escalate_at
        from escalated x join missing_episodes e on e.id = x.episode_id
        group by e.id, e.child_id, e.municipality_code
      ), told as (
        insert into notifications (user_id, kind, child_id, details, created_at)
        select distinct ra.user_id, 'missing_escalated', p.child_id,
          jsonb_build_object('episodeId', p.episode_id, 'notifications', p.n,
            'escalateAt', ${isoOf('p.first_escalate_at')}),
          ${now}
        from per_episode p ${unitManagersOf('p.municipality_code')}
        returning 1
      )
      select (select count(*) from escalated)::int as escalated, (select count(*) from told)::int as told`,
  );
  const [talks] = await rowsOf<{ overdue: number; told: number }>(
    caller.db,
    sql`with overdue as (
        update missing_episodes e set return_talk_escalated_at = ${now}
        where e.state = 'found' and e.return_talk_due_at <= ${now} and e.return_talk_escalated_at is null
        returning e.id, e.child_id, e.municipality_code, e.return_talk_due_at
      ), recipients as (
        select o.id as episode_id, cw.user_id from overdue o
          join social_cases sc on sc.child_id = o.child_id and sc.closed_on is null
          join case_workers cw on cw.social_case_id = sc.id and cw.from_date <= ${caller.today}
            and (cw.to_date is null or cw.to_date > ${caller.today})
        union
        select o.id, ra.user_id from overdue o ${unitManagersOf('o.municipality_code')}
      ), told as (
        insert into notifications (user_id, kind, child_id, details, created_at)
        select r.user_id, 'missing_return_talk_overdue', o.child_id,
          jsonb_build_object('episodeId', o.id, 'returnTalkDueAt', ${isoOf('o.return_talk_due_at')}),
          ${now}
        from recipients r join overdue o on o.id = r.episode_id
        returning 1
      )
      select (select count(*) from overdue)::int as overdue, (select count(*) from told)::int as told`,
  );
  return {
    escalated: escalation?.escalated ?? 0,
    returnTalks: talks?.overdue ?? 0,
    told: (escalation?.told ?? 0) + (talks?.told ?? 0),
  };
}
