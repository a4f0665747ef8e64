/**
 * Requests for a god man (3 § Lgeb): from the Migration Agency or the social services of the responsible
 * municipality, to the guardianship authority serving that municipality. A request opens the `god-man-appointment`
 * deadline on the authority's worklist and tells its officers; a resignation opens one too (reason `replacement`).
 */
import { and, asc, eq, exists, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { childAccess } from '../domain/access/child-scope.ts';
import { guardianship } from '../domain/case/machines.ts';
import { applyTransition } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import { lookupFor } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import { presentSummary, type ChildSummary } from '../children/present.ts';
import { emergencyGrantsFor, loadChildrenWithFacts } from '../children/repository.ts';
import { notifyMunicipality } from '../notifications/notify.ts';
import {
  childIntake,
  deadlines,
  guardianshipRequests,
  organisations,
  responsibilityPeriods,
} from '../platform/db/schema.ts';
import { unprocessable } from '../platform/http/errors.ts';
import { adultProblems, type RequestReason } from '../domain/guardianship/rules.ts';
import { guardianshipOf, requireGuardianshipAuthority, responsibleOrFail } from './scope.ts';

interface NewRequest {
  readonly childId: string;
  readonly municipalityCode: string;
  readonly reason: RequestReason;
  readonly requestedOn: string;
}

/** Writes the request row; the caller has moved the machine (request_god_man or god_man_resigns). */
export async function insertRequest(
  ctx: CaseCaller & { actor: NonNullable<CaseCaller['actor']> },
  request: NewRequest,
): Promise<string> {
  const [row] = await ctx.db
    .insert(guardianshipRequests)
    .values({
      childId: request.childId,
      municipalityCode: request.municipalityCode,
      requestedByOrganisationId: ctx.actor.organisationId,
      requestedBy: ctx.actor.userId,
      requestedOn: request.requestedOn,
      reason: request.reason,
      status: 'open',
    })
    .returning({ id: guardianshipRequests.id });
  if (row === undefined) throw new Error('guardianship request not written');
  await notifyMunicipality(
    ctx.db,
    'guardianship',
    request.municipalityCode,
    ['guardianship_officer'],
    {
      kind: 'guardianship_request',
      childId: request.childId,
      details: { requestId: row.id, reason: request.reason, requestedOn: request.requestedOn },
    },
    ctx.now,
  );
  return row.id;
}

/** The Migration Agency (asylum officer) or the responsible municipality's social services ask for a god man. */
export async function requestGodMan(
  caller: Caller,
  childId: string,
  input: { readonly requestedOn: string; readonly expectedVersion?: number | undefined },
): Promise<{ id: string; dueOn: string | null; version: number }> {
  // The Agency reads the guardianship section of every child; social services must hold the child's case.
  const found = await guardianshipOf(
    caller,
    childId,
    caller.actor.role === 'asylum_officer' ? 'read' : 'write',
  );
  const municipalityCode = responsibleOrFail(found, caller.today);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'request_god_man',
    occurredOn: input.requestedOn,
    expectedVersion: input.expectedVersion,
    details: { reason: 'initial', municipalityCode },
  });
  const adult = adultProblems(found.child.birthDate, input.requestedOn, 'body.requestedOn');
  if (adult.length > 0) throw unprocessable('adult', 'A god man is appointed only for a child', adult);
  const id = await insertRequest(caller, {
    childId,
    municipalityCode,
    reason: 'initial',
    requestedOn: input.requestedOn,
  });
  caller.audit.detail('requestId', id);
  return { id, dueOn: outcome.opened[0]?.due ?? null, version: outcome.version };
}

/** The authority withdraws an open request (e.g. a parent turned out to be in Sweden before anyone was appointed). */
export async function withdrawRequest(
  caller: Caller,
  childId: string,
  input: { readonly withdrawnOn: string; readonly expectedVersion?: number | undefined },
): Promise<{ version: number }> {
  await guardianshipOf(caller, childId, 'write');
  const open = await caller.db
    .select({ id: guardianshipRequests.id, requestedOn: guardianshipRequests.requestedOn })
    .from(guardianshipRequests)
    .where(and(eq(guardianshipRequests.childId, childId), eq(guardianshipRequests.status, 'open')));
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'withdraw_request',
    occurredOn: input.withdrawnOn,
    expectedVersion: input.expectedVersion,
    details: { requestIds: open.map((r) => r.id) },
  });
  if (open.some((r) => r.requestedOn > input.withdrawnOn)) {
    throw unprocessable('validation', 'A request cannot be withdrawn before it was made', [
      {
        field: 'body.withdrawnOn',
        code: 'before_request',
        message: 'Begäran kan inte återkallas före den gjordes',
      },
    ]);
  }
  if (open.length > 0) {
    await caller.db
      .update(guardianshipRequests)
      .set({ status: 'withdrawn' })
      .where(
        inArray(
          guardianshipRequests.id,
          open.map((r) => r.id),
        ),
      );
  }
  return { version: outcome.version };
}

export interface OpenRequest {
  readonly id: string;
  readonly child: ChildSummary;
  readonly requestedOn: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly dueOn: string | null;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean | null;
}

/**
 * The authority's list of open requests: children whose responsible municipality it serves (the scope rule decides
 * for each child; a protected identity stays masked), oldest due first.
 */
export async function openRequests(caller: Caller): Promise<OpenRequest[]> {
  requireGuardianshipAuthority(caller);
  const served = caller.actor.municipalityCodes;
  if (served.length === 0) return [];
  const rows = await caller.db
    .select({ request: guardianshipRequests, organisation: organisations.name })
    .from(guardianshipRequests)
    .innerJoin(organisations, eq(organisations.id, guardianshipRequests.requestedByOrganisationId))
    .where(
      and(
        eq(guardianshipRequests.status, 'open'),
        // Where the child is today, not where it was when asked: a transferred child's request moves with it.
        exists(
          caller.db
            .select({ one: sql`1` })
            .from(responsibilityPeriods)
            .where(
              and(
                eq(responsibilityPeriods.childId, guardianshipRequests.childId),
                inArray(responsibilityPeriods.municipalityCode, [...served]),
                lte(responsibilityPeriods.fromDate, caller.today),
                or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, caller.today)),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(guardianshipRequests.requestedOn));
  const childIds = [...new Set(rows.map((r) => r.request.childId))];
  if (childIds.length === 0) return [];
  const [loaded, grants, lookup, due, intake] = await Promise.all([
    loadChildrenWithFacts(caller.db, childIds),
    emergencyGrantsFor(caller.db, caller.actor, caller.now),
    lookupFor(caller.db, []),
    caller.db
      .select({ childId: deadlines.childId, dueOn: deadlines.dueOn })
      .from(deadlines)
      .where(
        and(
          inArray(deadlines.childId, childIds),
          eq(deadlines.rule, 'god-man-appointment'),
          isNull(deadlines.closedAt),
        ),
      ),
    caller.db
      .select({
        childId: childIntake.childId,
        languages: childIntake.languages,
        interpreterNeeded: childIntake.interpreterNeeded,
      })
      .from(childIntake)
      .where(inArray(childIntake.childId, childIds)),
  ]);
  const summaries = new Map<string, ChildSummary>();
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: grants,
    });
    // The request follows the responsibility: a child transferred away leaves this authority's list.
    if (access.view === 'none' || access.basis !== 'guardianship_authority') continue;
    summaries.set(child.id, presentSummary(child, facts, access, caller.today, lookup));
  }
  const dueOf = new Map(due.map((d) => [d.childId, d.dueOn]));
  const intakeOf = new Map(intake.map((i) => [i.childId, i]));
  const list = rows.flatMap(({ request, organisation }) => {
    const child = summaries.get(request.childId);
    if (child === undefined) return [];
    return [
      {
        id: request.id,
        child,
        requestedOn: request.requestedOn,
        reason: request.reason,
        requestedBy: organisation,
        dueOn: dueOf.get(request.childId) ?? null,
        languages: intakeOf.get(request.childId)?.languages ?? [],
        interpreterNeeded: intakeOf.get(request.childId)?.interpreterNeeded ?? null,
      },
    ];
  });
  list.sort(
    (a, b) =>
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.requestedOn.localeCompare(b.requestedOn),
  );
  caller.audit.children(list.map((r) => r.child.id));
  caller.audit.detail('shown', list.length);
  return list;
}
