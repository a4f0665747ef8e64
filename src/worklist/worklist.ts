/**
 * The worklist: every open deadline the active role must act on (or, for a god man, the wards' deadlines and coming
 * meetings), overdue first then by due date, filtered and paged in SQL over the partial indexes on `deadlines`. The
 * pure rule (scope.ts `onWorklist`, with `childAccess`) decides for every returned row.
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { WorklistResponse } from './contract.ts';
import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { childAccess, isActiveOn, type Actor } from '../domain/access/child-scope.ts';
import { DEADLINE_RULES } from '../domain/deadlines/rules.ts';
import { sectionAccess } from '../domain/access/case-sections.ts';
import { addDays } from '../domain/time.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { asylumCases, children, deadlines, substitutes, users } from '../platform/db/schema.ts';
import { presentSummary } from '../children/present.ts';
import { loadChildrenWithFacts, type ChildWithFacts } from '../children/repository.ts';
import { scopeInput, scopeSql, type ScopeInput } from '../children/search.ts';
import { lookupFor } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import { assignedWorkersOf } from '../case/relation.ts';
import { riskMomentsOf } from './risk-moments.ts';
import { missingOnWorklist } from './missing.ts';
import {
  guardianRules,
  isDeadlineRule,
  onWorklist,
  timeLeft,
  type WorklistFilters,
} from '../domain/worklist/scope.ts';

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const inList = (column: SQL, values: readonly string[]): SQL =>
  values.length === 0 ? sql`false` : sql`${column} in (${list(values)})`;

export interface WorklistQuery extends WorklistFilters {
  readonly page: number;
  readonly pageSize: number;
}

export type WorklistItem = Worklist['items'][number];

type Meeting = Worklist['meetings'][number];

export type Worklist = Answer<z.output<typeof WorklistResponse>>;

/** The absent social workers the actor stands in for today. */
export async function standingInFor(db: DbOrTx, actor: Actor, today: string): Promise<string[]> {
  if (actor.role !== 'social_worker' && actor.role !== 'unit_manager') return [];
  const rows = await db
    .select({ absent: substitutes.absentUserId })
    .from(substitutes)
    .where(
      and(
        eq(substitutes.substituteUserId, actor.userId),
        eq(substitutes.organisationId, actor.organisationId),
        lte(substitutes.fromDate, today),
        gte(substitutes.toDate, today),
      ),
    );
  return [...new Set(rows.map((r) => r.absent))];
}

/** The deadlines the role must act on (its organisation's), as SQL over the partial indexes. */
function ownedSql(scope: ScopeInput): SQL {
  const { actor } = scope;
  switch (actor.role) {
    case 'social_worker':
    case 'unit_manager':
      return sql`(${deadlines.actorKind} = 'social_services' and ${inList(sql`${deadlines.municipalityCode}`, actor.municipalityCodes)})`;
    case 'guardianship_officer':
      return sql`(${deadlines.actorKind} = 'guardianship' and ${inList(sql`${deadlines.municipalityCode}`, actor.municipalityCodes)})`;
    case 'allocation_officer':
    case 'asylum_officer':
      return sql`${deadlines.actorKind} = 'migration_agency'`;
    case 'health_staff':
      return sql`(${deadlines.actorKind} = 'region' and ${inList(sql`${deadlines.municipalityCode}`, scope.countyCodes)})`;
    case 'god_man':
      // The wards are the scope (active guardianships); only what a god man may read of their case.
      return inList(sql`${deadlines.rule}`, guardianRules(actor));
    default:
      return sql`false`;
  }
}

/**
 * The children of the social cases the worker (or those they stand in for) is assigned to now: from the worker's
 * assignments (an index) to their cases by id, never a scan of every social case. Read once per worklist request and
 * passed to the page and the count as one array (at an extreme caseload of 3,466 cases the lookup took ~10 ms, and
 * both queries repeated it).
 */
async function myCaseChildren(
  db: DbOrTx,
  actor: Actor,
  standIns: readonly string[],
  today: string,
): Promise<string[]> {
  const workers = [actor.userId, ...standIns];
  const rows = await rowsOf<{ child_id: string }>(
    db,
    sql`select sc.child_id from social_cases sc where sc.closed_on is null and sc.id = any(array(
      select cw.social_case_id from case_workers cw
      where ${inList(sql`cw.user_id`, workers)} and cw.from_date <= ${today} and (cw.to_date is null or cw.to_date > ${today})))`,
  );
  return rows.map((r) => r.child_id);
}

function mineSql(actor: Actor, myChildren: readonly string[]): SQL {
  return sql`(${deadlines.assigneeUserId} = ${actor.userId} or ${deadlines.childId} = any(${sql.param([...myChildren])}::uuid[]))`;
}

/**
 * The whole worklist condition (the SQL twin of `onWorklist`). A merged record holds no deadlines (they all move to
 * the surviving record), so the deadlines table alone decides. `scoped: false` leaves out the child-scope check, for
 * the count: an organisation's own deadlines are of children it is or was responsible for, so the count is the same
 * and comes from the partial index alone.
 */
export function worklistSql(
  scope: ScopeInput,
  filters: WorklistFilters,
  myChildren: readonly string[],
  scoped = true,
): SQL {
  const conditions: SQL[] = [sql`${deadlines.closedAt} is null`, ownedSql(scope)];
  if (scoped || scope.actor.role === 'god_man')
    conditions.push(scopeSql(scope, sql`${deadlines.childId}`, 'row'));
  if (filters.rule !== undefined) conditions.push(sql`${deadlines.rule} = ${filters.rule}`);
  if (filters.overdueOnly === true) conditions.push(sql`${deadlines.dueOn} < ${scope.today}`);
  if (filters.municipalityCode !== undefined)
    conditions.push(sql`${deadlines.municipalityCode} = ${filters.municipalityCode}`);
  if (filters.mine === true) conditions.push(mineSql(scope.actor, myChildren));
  return sql.join(conditions, sql` and `);
}

async function meetingsOfWards(
  caller: Caller,
  scope: ScopeInput,
  wards: readonly ChildWithFacts[],
): Promise<Meeting[]> {
  const ids = wards.map((w) => w.child.id);
  if (ids.length === 0) return [];
  const horizon = addDays(caller.today, 60);
  const [interviews, reviews, lookup] = await Promise.all([
    caller.db
      .select({ childId: asylumCases.childId, dates: asylumCases.interviewDates })
      .from(asylumCases)
      .where(inArray(asylumCases.childId, ids)),
    caller.db
      .select({ childId: deadlines.childId, on: deadlines.dueOn })
      .from(deadlines)
      .where(
        and(
          inArray(deadlines.childId, ids),
          eq(deadlines.rule, 'care-review'),
          isNull(deadlines.closedAt),
          gte(deadlines.dueOn, caller.today),
        ),
      ),
    lookupFor(caller.db, []),
  ]);
  const byId = new Map(wards.map((w) => [w.child.id, w]));
  const meetings: Meeting[] = [];
  const add = (childId: string, kind: Meeting['kind'], on: string) => {
    const ward = byId.get(childId);
    if (ward === undefined || on < caller.today || on > horizon) return;
    const access = childAccess(caller.actor, ward.facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: scope.grants,
    });
    if (access.view === 'none') return;
    meetings.push({ kind, on, child: presentSummary(ward.child, ward.facts, access, caller.today, lookup) });
  };
  for (const row of interviews) for (const on of row.dates) add(row.childId, 'asylum_interview', on);
  for (const row of reviews) add(row.childId, 'care_review', row.on);
  return meetings.sort(
    (a, b) => a.on.localeCompare(b.on) || a.child.dossierNumber.localeCompare(b.child.dossierNumber),
  );
}

/** The god man's current wards. */
async function wardsOf(caller: Caller, scope: ScopeInput): Promise<ChildWithFacts[]> {
  const rows = await caller.db
    .select({ id: children.id })
    .from(children)
    .where(and(isNull(children.mergedIntoId), scopeSql(scope)));
  const loaded = await loadChildrenWithFacts(
    caller.db,
    rows.map((r) => r.id),
  );
  return loaded.filter((w) =>
    w.facts.guardians.some((g) => g.userId === caller.actor.userId && isActiveOn(g, caller.today)),
  );
}

async function countWorklist(
  db: DbOrTx,
  scope: ScopeInput,
  filters: WorklistFilters,
  myChildren: readonly string[],
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(deadlines)
    .where(worklistSql(scope, filters, myChildren, false));
  return row?.n ?? 0;
}

export async function readWorklist(caller: Caller, query: WorklistQuery): Promise<Worklist> {
  const scope = await scopeInput(caller.db, caller.actor, caller.today, caller.now);
  const standIns = await standingInFor(caller.db, caller.actor, caller.today);
  const myChildren =
    query.mine === true ? await myCaseChildren(caller.db, caller.actor, standIns, caller.today) : [];
  // The page in due-date order over the partial index; the count apart (from the index alone where it can).
  const [rows, total] = await Promise.all([
    caller.db
      .select({ deadline: deadlines })
      .from(deadlines)
      .where(worklistSql(scope, query, myChildren))
      .orderBy(asc(deadlines.dueOn), asc(deadlines.rule), asc(deadlines.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countWorklist(caller.db, scope, query, myChildren),
  ]);
  const childIds = [...new Set(rows.map((r) => r.deadline.childId))];
  const assigneeIds = [
    ...new Set(rows.flatMap((r) => (r.deadline.assigneeUserId === null ? [] : [r.deadline.assigneeUserId]))),
  ];
  const [loaded, workers, lookup, assignees] = await Promise.all([
    loadChildrenWithFacts(caller.db, childIds),
    assignedWorkersOf(caller.db, childIds, caller.today),
    lookupFor(caller.db, []),
    assigneeIds.length === 0
      ? []
      : caller.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, assigneeIds)),
  ]);
  const byId = new Map(loaded.map((l) => [l.child.id, l]));
  const names = new Map(assignees.map((a) => [a.id, a.name]));
  // Risk moments are flagged only on rows of children whose prevention profile the role reads.
  const flagged = loaded.filter(
    (l) =>
      sectionAccess(
        caller.actor,
        childAccess(caller.actor, l.facts, {
          today: caller.today,
          now: caller.now,
          emergencyGrants: scope.grants,
        }),
        'missing_profile',
        { assignedWorker: false },
      ) !== 'none',
  );
  const moments = await riskMomentsOf(caller.db, flagged, caller.today);
  const items: WorklistItem[] = [];
  for (const { deadline: d } of rows) {
    const one = byId.get(d.childId);
    if (one === undefined) continue;
    const access = childAccess(caller.actor, one.facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: scope.grants,
    });
    const context = {
      today: caller.today,
      assignedWorkers: workers.get(d.childId) ?? [],
      standingInFor: standIns,
    };
    if (!onWorklist(caller.actor, d, access, query, context)) continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    const left = timeLeft(d.rule, caller.today, d.dueOn);
    const rule = isDeadlineRule(d.rule) ? DEADLINE_RULES[d.rule] : null;
    items.push({
      id: d.id,
      rule: d.rule,
      title: rule?.title ?? 'Tidsfrist',
      source: rule?.source ?? '',
      statutory: rule?.statutory ?? false,
      dueOn: d.dueOn,
      startedOn: d.startedOn,
      overdue: left.overdue,
      daysLeft: left.days,
      countsWorkingDays: left.workingDays,
      municipality:
        d.municipalityCode === null
          ? null
          : { code: d.municipalityCode, name: lookup.municipalityName(d.municipalityCode) },
      assignee:
        d.assigneeUserId === null ? null : { id: d.assigneeUserId, name: names.get(d.assigneeUserId) ?? '' },
      child: presentSummary(one.child, one.facts, access, caller.today, lookup),
      riskMoments: (moments.get(d.childId) ?? []).map((m) => m.kind),
    });
  }
  const meetings =
    caller.actor.role === 'god_man' ? await meetingsOfWards(caller, scope, await wardsOf(caller, scope)) : [];
  const missing = await missingOnWorklist(caller, scope, standIns);
  const shown = [
    ...items.map((i) => i.child.id),
    ...meetings.map((m) => m.child.id),
    ...missing.episodes.map((e) => e.child.id),
    ...(missing.escalations ?? []).map((e) => e.child.id),
  ];
  caller.audit.children(new Set(shown));
  caller.audit.detail('shown', items.length);
  return {
    total: total - (rows.length - items.length),
    page: query.page,
    pageSize: query.pageSize,
    items,
    meetings,
    missing,
  };
}
