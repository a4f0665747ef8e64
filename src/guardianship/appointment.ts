/**
 * The guardianship authority's decisions on a god man: the appointment (3 § Lgeb: as soon as possible, the child
 * given the chance to express a view; a decision with a best-interests record), the god man's resignation (the link
 * ends and a new request opens), and the end — by the authority's decision (11 § Lgeb) or, recorded by the officer,
 * by law. Every end writes its record: the link's end date, the appointment's end fields and the case event.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { guardianship } from '../domain/case/machines.ts';
import { requireCompleteBestInterests, type BestInterestsInput } from '../case/best-interests.ts';
import { applyTransition } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import type { Caller } from '../case/caller.ts';
import { notifyUsers } from '../notifications/notify.ts';
import {
  childIntake,
  godManProfiles,
  guardianshipDetails,
  guardianshipRequests,
  guardianships,
  roleAssignments,
  sfvCases,
} from '../platform/db/schema.ts';
import { HttpError, unprocessable, type FieldProblem } from '../platform/http/errors.ts';
import { recordEndByLaw } from './end-by-law.ts';
import { policyFor, wardCounts } from './registry.ts';
import { insertRequest } from './requests.ts';
import {
  adultProblems,
  appointmentWarnings,
  childHeardProblems,
  endByLawProblems,
  type AppointmentWarning,
  type EndByDecisionReason,
  type RecordedByLawReason,
} from '../domain/guardianship/rules.ts';
import { guardianshipOf, responsibleOrFail } from './scope.ts';

export interface AppointInput {
  readonly guardianUserId: string;
  /** The day the appointment takes effect (the decision date); not in the future. */
  readonly fromDate: string;
  readonly childHeard?: boolean | undefined;
  readonly bestInterests?: BestInterestsInput | undefined;
  readonly expectedVersion?: number | undefined;
}

/** Every problem of a best-interests record at once (the engine's 422 fields, merged with ours). */
function bestInterestsProblems(record: BestInterestsInput | undefined): FieldProblem[] {
  try {
    requireCompleteBestInterests(record);
    return [];
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 422) return [...error.fields];
    throw error;
  }
}

async function requireRegisteredGodMan(caller: Caller, userId: string) {
  const [role] = await caller.db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.role, 'god_man'),
        isNull(roleAssignments.revokedAt),
      ),
    );
  const field = 'body.guardianUserId';
  if (role === undefined)
    throw unprocessable('not_a_god_man', 'The chosen person is not registered as a god man', [
      { field, code: 'not_god_man', message: 'Personen är inte registrerad som god man' },
    ]);
  const [profile] = await caller.db.select().from(godManProfiles).where(eq(godManProfiles.userId, userId));
  if (
    profile === undefined ||
    !profile.municipalityCodes.some((c) => caller.actor.municipalityCodes.includes(c))
  ) {
    throw unprocessable('not_in_registry', 'The god man is not in this authority’s registry', [
      { field, code: 'not_in_registry', message: 'Den gode mannen finns inte i överförmyndarens register' },
    ]);
  }
  if (!profile.available) {
    throw unprocessable('not_available', 'The god man takes no new assignments', [
      { field, code: 'not_available', message: 'Den gode mannen tar inte emot nya uppdrag' },
    ]);
  }
  return profile;
}

/** Ends the child's open god man links on `on` with an end record (the caller has moved the machine). */
async function endGodManLinks(
  ctx: CaseCaller,
  childId: string,
  on: string,
  endReason: string,
  dateField: string,
): Promise<string[]> {
  const open = await ctx.db
    .select({ id: guardianships.id, fromDate: guardianships.fromDate })
    .from(guardianships)
    .where(
      and(
        eq(guardianships.childId, childId),
        eq(guardianships.kind, 'god_man'),
        isNull(guardianships.toDate),
      ),
    );
  if (open.some((l) => l.fromDate > on)) {
    throw unprocessable('validation', 'The end cannot be before the appointment', [
      { field: dateField, code: 'before_appointment', message: 'Datumet är före förordnandet' },
    ]);
  }
  for (const link of open) {
    await ctx.db.update(guardianships).set({ toDate: on }).where(eq(guardianships.id, link.id));
    await ctx.db
      .update(guardianshipDetails)
      .set({ endReason, endByLaw: false, endRecordedBy: ctx.actor?.userId ?? null, endRecordedAt: ctx.now })
      .where(eq(guardianshipDetails.guardianshipId, link.id));
  }
  return open.map((l) => l.id);
}

export async function appointGodMan(
  caller: Caller,
  childId: string,
  input: AppointInput,
): Promise<{ id: string; version: number; warnings: AppointmentWarning[] }> {
  const found = await guardianshipOf(caller, childId, 'write');
  const arrival = found.facts.responsibility[0]?.from ?? found.child.birthDate;
  if (input.fromDate < arrival) {
    throw unprocessable('invalid_from_date', 'The appointment cannot take effect before the child arrived', [
      {
        field: 'body.fromDate',
        code: 'before_arrival',
        message: `Förordnandet kan inte gälla före barnets ankomst (${arrival})`,
      },
    ]);
  }
  const profile = await requireRegisteredGodMan(caller, input.guardianUserId);
  const problems = [
    ...childHeardProblems(input.childHeard, input.bestInterests ?? null),
    ...bestInterestsProblems(input.bestInterests),
  ];
  if (problems.length > 0) {
    const incomplete = problems.some((p) => p.field.startsWith('bestInterests.'));
    throw unprocessable(
      incomplete ? 'best_interests_incomplete' : 'validation',
      'The appointment needs a complete best-interests record and whether the child was heard',
      problems,
    );
  }
  const [request] = await caller.db
    .select()
    .from(guardianshipRequests)
    .where(and(eq(guardianshipRequests.childId, childId), eq(guardianshipRequests.status, 'open')))
    .orderBy(desc(guardianshipRequests.requestedOn))
    .limit(1);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'appoint_god_man',
    occurredOn: input.fromDate,
    expectedVersion: input.expectedVersion,
    bestInterests: input.bestInterests,
    decisionKind: 'god_man_appointment',
    details: {
      guardianUserId: input.guardianUserId,
      requestId: request?.id ?? null,
      childHeard: input.childHeard ?? false,
    },
  });
  const adult = adultProblems(found.child.birthDate, input.fromDate, 'body.fromDate');
  if (adult.length > 0) throw unprocessable('adult', 'A god man is appointed only for a child', adult);
  if (request !== undefined && input.fromDate < request.requestedOn) {
    throw unprocessable('invalid_from_date', 'The appointment cannot take effect before the request', [
      {
        field: 'body.fromDate',
        code: 'before_request',
        message: `Förordnandet kan inte gälla före begäran (${request.requestedOn})`,
      },
    ]);
  }
  // A link left open from before the request flow (older records) is closed by the new appointment.
  await endGodManLinks(caller, childId, input.fromDate, 'replaced', 'body.fromDate');
  const wards =
    (await wardCounts(caller.db, [input.guardianUserId], input.fromDate)).get(input.guardianUserId) ?? 0;
  const [link] = await caller.db
    .insert(guardianships)
    .values({
      childId,
      guardianUserId: input.guardianUserId,
      kind: 'god_man',
      fromDate: input.fromDate,
      ownerOrganisationId: caller.actor.organisationId,
    })
    .returning({ id: guardianships.id });
  if (link === undefined) throw new Error('guardianship not written');
  await caller.db.insert(guardianshipDetails).values({
    guardianshipId: link.id,
    requestId: request?.id ?? null,
    childHeard: input.childHeard ?? false,
    appointedBy: caller.actor.userId,
    bestInterestsId: outcome.bestInterestsId,
  });
  if (request !== undefined) {
    await caller.db
      .update(guardianshipRequests)
      .set({ status: 'appointed', guardianshipId: link.id })
      .where(eq(guardianshipRequests.id, request.id));
  }
  const [intake] = await caller.db
    .select({ languages: childIntake.languages })
    .from(childIntake)
    .where(eq(childIntake.childId, childId));
  const policy = await policyFor(caller.db, caller.actor.organisationId);
  const warnings = appointmentWarnings({
    currentWards: wards,
    limit: policy.maxWardsPerGodMan,
    childLanguages: intake?.languages ?? [],
    godManLanguages: profile.languages,
  });
  await notifyUsers(
    caller.db,
    [input.guardianUserId],
    'god_man_appointed',
    childId,
    { guardianshipId: link.id, fromDate: input.fromDate },
    caller.now,
  );
  caller.audit.detail('guardianshipId', link.id);
  caller.audit.detail('guardianUserId', input.guardianUserId);
  return { id: link.id, version: outcome.version, warnings };
}

/** The god man resigns (or is released at their request): the link ends, and a new request opens at once. */
export async function resignGodMan(
  caller: Caller,
  childId: string,
  input: { readonly resignedOn: string; readonly expectedVersion?: number | undefined },
): Promise<{ requestId: string; version: number }> {
  const found = await guardianshipOf(caller, childId, 'write');
  const municipalityCode = responsibleOrFail(found, caller.today);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'god_man_resigns',
    occurredOn: input.resignedOn,
    expectedVersion: input.expectedVersion,
    details: { reason: 'resigned' },
  });
  const ended = await endGodManLinks(caller, childId, input.resignedOn, 'resigned', 'body.resignedOn');
  const requestId = await insertRequest(caller, {
    childId,
    municipalityCode,
    reason: 'replacement',
    requestedOn: input.resignedOn,
  });
  caller.audit.detail('guardianshipIds', ended);
  caller.audit.detail('requestId', requestId);
  return { requestId, version: outcome.version };
}

export type EndInput =
  | {
      readonly kind: 'by_decision';
      readonly reason: EndByDecisionReason;
      readonly endedOn: string;
      readonly bestInterests?: BestInterestsInput | undefined;
      readonly expectedVersion?: number | undefined;
    }
  | {
      readonly kind: 'by_law';
      readonly reason: RecordedByLawReason;
      readonly endedOn: string;
      readonly expectedVersion?: number | undefined;
    };

/**
 * Ends the assignment. By decision: a parent can take custody, the child left Sweden for good, or a god man is no
 * longer needed (a decision about the child: best interests required). By law: 18 or an age decision — the officer
 * records what followed from law, with the same explicit end record the daily rule writes.
 */
export async function endGuardianship(
  caller: Caller,
  childId: string,
  input: EndInput,
): Promise<{ version: number }> {
  const found = await guardianshipOf(caller, childId, 'write');
  if (input.kind === 'by_law') {
    const problems = endByLawProblems(input.reason, found.child.birthDate, input.endedOn);
    if (problems.length > 0)
      throw unprocessable('validation', 'The end by law does not hold on that date', problems);
    const outcome = await recordEndByLaw(caller, childId, input.reason, input.endedOn, input.expectedVersion);
    caller.audit.detail('reason', input.reason);
    return { version: outcome.version };
  }
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'end_by_decision',
    occurredOn: input.endedOn,
    expectedVersion: input.expectedVersion,
    bestInterests: input.bestInterests,
    decisionKind: 'god_man_end',
    details: { reason: input.reason },
  });
  await endGodManLinks(caller, childId, input.endedOn, input.reason, 'body.endedOn');
  // An application to the district court that was still pending is withdrawn with the assignment.
  await caller.db
    .update(sfvCases)
    .set({ status: 'withdrawn' })
    .where(and(eq(sfvCases.childId, childId), eq(sfvCases.status, 'pending')));
  caller.audit.detail('reason', input.reason);
  return { version: outcome.version };
}
