/**
 * The unit's caseload for the unit manager (per social worker: open cases, overdue deadlines, the next one due, and
 * who stands in during an absence), the unit's open cases by worker or unassigned, and a social worker's own cases —
 * including those of a colleague they stand in for today.
 */
import { and, asc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import { socialCase } from '../domain/case/machines.ts';
import { presentChildren } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  caseStates,
  caseWorkers,
  deadlines,
  socialCases,
  substitutes,
  users,
} from '../platform/db/schema.ts';
import { SOCIAL_CASE_RULES } from '../domain/social-case/codes.ts';
import type { CaseItemSchema } from './contract.ts';
import { OPEN_STATES } from './social-case.ts';
import { caseworkersOf } from './workers.ts';

export type CaseItem = z.infer<typeof CaseItemSchema>;

interface OpenCase {
  readonly id: string;
  readonly childId: string;
  readonly state: string;
  readonly version: number;
  readonly reportReceivedOn: string;
  readonly workers: { userId: string; role: string }[];
  readonly dues: string[];
}

/** The organisation's open cases with today's workers and open deadlines. */
async function openCases(db: DbOrTx, organisationId: string, today: string): Promise<OpenCase[]> {
  const cases = await db
    .select({
      id: socialCases.id,
      childId: socialCases.childId,
      reportReceivedOn: socialCases.reportReceivedOn,
      state: caseStates.state,
      version: caseStates.version,
    })
    .from(socialCases)
    .innerJoin(
      caseStates,
      and(eq(caseStates.childId, socialCases.childId), eq(caseStates.machine, socialCase.name)),
    )
    .where(
      and(
        eq(socialCases.ownerOrganisationId, organisationId),
        isNull(socialCases.closedOn),
        inArray(caseStates.state, [...OPEN_STATES]),
      ),
    )
    .orderBy(asc(socialCases.reportReceivedOn));
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const childIds = cases.map((c) => c.childId);
  const [workers, open] = await Promise.all([
    db
      .select({ caseId: caseWorkers.socialCaseId, userId: caseWorkers.userId, role: caseWorkers.role })
      .from(caseWorkers)
      .where(
        and(
          inArray(caseWorkers.socialCaseId, ids),
          lte(caseWorkers.fromDate, today),
          or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, today)),
        ),
      ),
    db
      .select({ childId: deadlines.childId, dueOn: deadlines.dueOn })
      .from(deadlines)
      .where(
        and(
          inArray(deadlines.childId, childIds),
          inArray(deadlines.rule, [...SOCIAL_CASE_RULES]),
          isNull(deadlines.closedAt),
        ),
      ),
  ]);
  return cases.map((c) => ({
    ...c,
    workers: workers.filter((w) => w.caseId === c.id),
    dues: open
      .filter((d) => d.childId === c.childId)
      .map((d) => d.dueOn)
      .sort(),
  }));
}

/** Today's substitutes of the organisation: absent user → substitute. */
async function standInsToday(db: DbOrTx, organisationId: string, today: string) {
  return db
    .select({
      absent: substitutes.absentUserId,
      userId: substitutes.substituteUserId,
      toDate: substitutes.toDate,
      name: users.displayName,
    })
    .from(substitutes)
    .innerJoin(users, eq(users.id, substitutes.substituteUserId))
    .where(
      and(
        eq(substitutes.organisationId, organisationId),
        lte(substitutes.fromDate, today),
        gte(substitutes.toDate, today),
      ),
    );
}

async function names(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const overdueOf = (c: OpenCase, today: string) => c.dues.filter((d) => d < today).length;
const nextDueOf = (dues: readonly string[], today: string) =>
  dues.filter((d) => d >= today).sort()[0] ?? null;

export type CaseFilter =
  | { readonly kind: 'unassigned' }
  | { readonly kind: 'all' }
  | { readonly kind: 'worker'; readonly userId: string };

export async function caseload(caller: Caller, filter: CaseFilter, page: number, pageSize: number) {
  const org = caller.actor.organisationId;
  const [cases, workerIds, standIns] = await Promise.all([
    openCases(caller.db, org, caller.today),
    caseworkersOf(caller.db, org),
    standInsToday(caller.db, org, caller.today),
  ]);
  const people = await names(caller.db, [
    ...new Set([...workerIds, ...cases.flatMap((c) => c.workers.map((w) => w.userId))]),
  ]);
  const workers = [...people.keys()]
    .map((userId) => {
      const mine = cases.filter((c) => c.workers.some((w) => w.userId === userId));
      const standIn = standIns.find((s) => s.absent === userId);
      return {
        userId,
        name: people.get(userId) ?? '',
        primaryCases: mine.filter((c) => c.workers.some((w) => w.userId === userId && w.role === 'primary'))
          .length,
        secondaryCases: mine.filter((c) =>
          c.workers.some((w) => w.userId === userId && w.role === 'secondary'),
        ).length,
        overdue: mine.reduce((n, c) => n + overdueOf(c, caller.today), 0),
        nextDue: nextDueOf(
          mine.flatMap((c) => c.dues),
          caller.today,
        ),
        absentUntil: standIn?.toDate ?? null,
        substitute: standIn === undefined ? null : { userId: standIn.userId, name: standIn.name },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const selected = cases.filter((c) =>
    filter.kind === 'all'
      ? true
      : filter.kind === 'unassigned'
        ? !c.workers.some((w) => w.role === 'primary')
        : c.workers.some((w) => w.userId === filter.userId),
  );
  const shown = selected.slice((page - 1) * pageSize, page * pageSize);
  caller.audit.detail('cases', selected.length);
  return {
    workers,
    unassigned: cases.filter((c) => !c.workers.some((w) => w.role === 'primary')).length,
    total: selected.length,
    items: await presentCases(caller, shown, people, new Map()),
  };
}

/** The caller's own open cases, and those of colleagues they stand in for today. */
export async function myCases(caller: Caller) {
  const org = caller.actor.organisationId;
  const [cases, standIns] = await Promise.all([
    openCases(caller.db, org, caller.today),
    standInsToday(caller.db, org, caller.today),
  ]);
  const coveredFor = new Map(
    standIns.filter((s) => s.userId === caller.actor.userId).map((s) => [s.absent, s.absent]),
  );
  const mine = cases.filter((c) =>
    c.workers.some((w) => w.userId === caller.actor.userId || coveredFor.has(w.userId)),
  );
  const people = await names(caller.db, [...new Set(mine.flatMap((c) => c.workers.map((w) => w.userId)))]);
  const standingIn = new Map(
    mine
      .filter((c) => !c.workers.some((w) => w.userId === caller.actor.userId))
      .map((c) => {
        const absent = c.workers.find((w) => coveredFor.has(w.userId))?.userId ?? '';
        return [c.id, { userId: absent, name: people.get(absent) ?? '' }] as const;
      }),
  );
  caller.audit.detail('cases', mine.length);
  return presentCases(caller, mine, people, standingIn);
}

async function presentCases(
  caller: Caller,
  cases: readonly OpenCase[],
  people: ReadonlyMap<string, string>,
  standingIn: ReadonlyMap<string, { userId: string; name: string }>,
): Promise<CaseItem[]> {
  const summaries = new Map(
    (
      await presentChildren(
        caller,
        cases.map((c) => c.childId),
      )
    ).map((s) => [s.id, s]),
  );
  const person = (c: OpenCase, role: string) => {
    const w = c.workers.find((x) => x.role === role);
    return w === undefined ? null : { userId: w.userId, name: people.get(w.userId) ?? '' };
  };
  return cases.flatMap((c) => {
    const child = summaries.get(c.childId);
    if (child === undefined) return [];
    return [
      {
        child,
        socialCaseId: c.id,
        state: c.state as CaseItem['state'],
        version: c.version,
        reportReceivedOn: c.reportReceivedOn,
        primary: person(c, 'primary'),
        secondary: person(c, 'secondary'),
        overdue: overdueOf(c, caller.today),
        nextDue: nextDueOf(c.dues, caller.today),
        standingInFor: standingIn.get(c.id) ?? null,
      },
    ];
  });
}
