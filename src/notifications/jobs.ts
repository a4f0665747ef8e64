/**
 * Notifications Anvisa produces itself, on a schedule: deadlines about to pass (due within two working days) and
 * coming meetings (asylum interviews, reviews of the care within a week). Both are idempotent — one notification per
 * responsible user per deadline or meeting, however often the job runs.
 */
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { SystemCaller } from '../case/caller.ts';
import type { Role } from '../domain/access/roles.ts';
import { addWorkingDays } from '../domain/deadlines/calendar.ts';
import { addDays } from '../domain/time.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  caseOfficers,
  children,
  deadlines,
  guardianships,
  notifications,
  organisations,
  substitutes,
} from '../platform/db/schema.ts';
import { assignedWorkersOf } from '../case/relation.ts';
import { notifyUsers, organisationsFor, usersWithRoles } from './notify.ts';

/** How far ahead a deadline counts as about to pass, in working days. */
export const DEADLINE_SOON_WORKING_DAYS = 2;
/** How far ahead a meeting is announced, in calendar days. */
export const MEETING_NOTICE_DAYS = 7;

/** Who has been told already, as `${userId}|${childId}|${key}` for the notifications of a kind. */
async function alreadyTold(
  db: DbOrTx,
  kind: string,
  childIds: readonly string[],
  key: (details: Record<string, unknown>) => string,
): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: notifications.userId, childId: notifications.childId, details: notifications.details })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), inArray(notifications.childId, [...childIds])));
  return new Set(
    rows.map((r) => `${r.userId}|${r.childId ?? ''}|${key(r.details as Record<string, unknown>)}`),
  );
}

/** The absent workers' substitutes today. */
async function substitutesFor(
  db: DbOrTx,
  absent: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (absent.length === 0) return result;
  const rows = await db
    .select({ absent: substitutes.absentUserId, substitute: substitutes.substituteUserId })
    .from(substitutes)
    .where(
      and(
        inArray(substitutes.absentUserId, [...absent]),
        lte(substitutes.fromDate, today),
        gte(substitutes.toDate, today),
      ),
    );
  for (const r of rows) result.set(r.absent, [...(result.get(r.absent) ?? []), r.substitute]);
  return result;
}

type DeadlineRow = typeof deadlines.$inferSelect;

/** The users responsible for acting on a deadline: the assignee, else the assigned workers, else the organisation. */
function recipientsOf(db: DbOrTx) {
  const byOrganisation = new Map<string, Promise<string[]>>();
  const cached = (key: string, load: () => Promise<string[]>) => {
    let found = byOrganisation.get(key);
    if (found === undefined) {
      found = load();
      byOrganisation.set(key, found);
    }
    return found;
  };
  const roleHolders = (kind: 'social_services' | 'guardianship', code: string, roles: readonly Role[]) =>
    cached(`${kind}|${code}|${roles.join()}`, async () =>
      usersWithRoles(db, await organisationsFor(db, kind, code), roles),
    );
  const agency = () =>
    cached('migration_agency', async () => {
      const orgs = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.type, 'migration_agency'));
      return usersWithRoles(
        db,
        orgs.map((o) => o.id),
        ['asylum_officer'],
      );
    });
  const region = (code: string) =>
    cached(`region|${code.slice(0, 2)}`, async () => {
      const orgs = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.type, 'region'), eq(organisations.countyCode, code.slice(0, 2))));
      return usersWithRoles(
        db,
        orgs.map((o) => o.id),
        ['health_staff'],
      );
    });
  return async (
    d: DeadlineRow,
    workers: readonly string[],
    standIns: ReadonlyMap<string, string[]>,
  ): Promise<string[]> => {
    if (d.assigneeUserId !== null) return [d.assigneeUserId];
    const code = d.municipalityCode;
    switch (d.actorKind) {
      case 'social_services':
        if (workers.length > 0) return [...workers, ...workers.flatMap((w) => standIns.get(w) ?? [])];
        return code === null ? [] : roleHolders('social_services', code, ['unit_manager']);
      case 'guardianship':
        return code === null ? [] : roleHolders('guardianship', code, ['guardianship_officer']);
      case 'migration_agency': {
        const officers = await db
          .select({ userId: caseOfficers.userId })
          .from(caseOfficers)
          .where(eq(caseOfficers.childId, d.childId));
        return officers.length > 0 ? officers.map((o) => o.userId) : agency();
      }
      case 'region':
        return code === null ? [] : region(code);
      default:
        return [];
    }
  };
}

/** One `deadline_soon` notification per responsible user per open deadline due within two working days. */
export async function notifyDeadlinesSoon(ctx: SystemCaller): Promise<number> {
  const until = addWorkingDays(ctx.today, DEADLINE_SOON_WORKING_DAYS);
  const rows = await ctx.db
    .select({ deadline: deadlines })
    .from(deadlines)
    .innerJoin(children, eq(children.id, deadlines.childId))
    .where(
      and(
        isNull(deadlines.closedAt),
        isNull(children.mergedIntoId),
        gte(deadlines.dueOn, ctx.today),
        lte(deadlines.dueOn, until),
      ),
    );
  if (rows.length === 0) return 0;
  const childIds = [...new Set(rows.map((r) => r.deadline.childId))];
  const workers = await assignedWorkersOf(ctx.db, childIds, ctx.today);
  const standIns = await substitutesFor(ctx.db, [...new Set([...workers.values()].flat())], ctx.today);
  const told = await alreadyTold(ctx.db, 'deadline_soon', childIds, (d) => String(d.deadlineId));
  const recipients = recipientsOf(ctx.db);
  let created = 0;
  for (const { deadline: d } of rows) {
    const key = (u: string) => `${u}|${d.childId}|${d.id}`;
    const users = (await recipients(d, workers.get(d.childId) ?? [], standIns)).filter(
      (u) => !told.has(key(u)),
    );
    created += await notifyUsers(
      ctx.db,
      users,
      'deadline_soon',
      d.childId,
      { deadlineId: d.id, rule: d.rule, dueOn: d.dueOn },
      ctx.now,
    );
    for (const u of users) told.add(key(u));
  }
  return created;
}

/** One `appointment` reminder per god man and assigned social worker for each meeting within a week. */
export async function notifyComingMeetings(ctx: SystemCaller): Promise<number> {
  const until = addDays(ctx.today, MEETING_NOTICE_DAYS);
  const interviews = await ctx.db.execute(sql`
    select a.child_id, i.day::text as day from asylum_cases a cross join lateral unnest(a.interview_dates) as i(day)
    join children c on c.id = a.child_id
    where c.merged_into_id is null and i.day >= ${ctx.today} and i.day <= ${until}`);
  const reviews = await ctx.db
    .select({ childId: deadlines.childId, on: deadlines.dueOn })
    .from(deadlines)
    .innerJoin(children, eq(children.id, deadlines.childId))
    .where(
      and(
        isNull(deadlines.closedAt),
        isNull(children.mergedIntoId),
        eq(deadlines.rule, 'care-review'),
        gte(deadlines.dueOn, ctx.today),
        lte(deadlines.dueOn, until),
      ),
    );
  const meetings = [
    ...rowsOf<{ child_id: string; day: string }>(interviews).map((r) => ({
      childId: r.child_id,
      meeting: 'asylum_interview',
      on: r.day.slice(0, 10),
    })),
    ...reviews.map((r) => ({ childId: r.childId, meeting: 'care_review', on: r.on })),
  ];
  if (meetings.length === 0) return 0;
  const childIds = [...new Set(meetings.map((m) => m.childId))];
  const [workers, guardians, told] = await Promise.all([
    assignedWorkersOf(ctx.db, childIds, ctx.today),
    ctx.db
      .select({
        childId: guardianships.childId,
        userId: guardianships.guardianUserId,
        to: guardianships.toDate,
      })
      .from(guardianships)
      .where(and(inArray(guardianships.childId, childIds), lte(guardianships.fromDate, ctx.today))),
    alreadyTold(ctx.db, 'appointment', childIds, (d) =>
      d.reminder === true ? `${String(d.meeting)}|${String(d.on)}` : 'booked',
    ),
  ]);
  let created = 0;
  for (const m of meetings) {
    const active = guardians
      .filter((g) => g.childId === m.childId && (g.to === null || g.to > ctx.today))
      .map((g) => g.userId);
    const key = (u: string) => `${u}|${m.childId}|${m.meeting}|${m.on}`;
    const users = [...new Set([...active, ...(workers.get(m.childId) ?? [])])].filter(
      (u) => !told.has(key(u)),
    );
    created += await notifyUsers(
      ctx.db,
      users,
      'appointment',
      m.childId,
      { meeting: m.meeting, on: m.on, reminder: true },
      ctx.now,
    );
    for (const u of users) told.add(key(u));
  }
  return created;
}

/** drizzle's execute answers `{ rows }` on node-postgres and PGlite alike. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
