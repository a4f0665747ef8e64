/**
 * Before the child turns 18 the responsible municipality decides: continued responsibility (aftercare from the
 * birthday, at most to the 21st birthday; reported to the Migration Agency at least three weeks before the birthday)
 * or the end of its responsibility on the birthday. Both are decisions about the child with a best-interests record.
 * Aftercare ends at its end date (the daily rules) or earlier by the municipality's own step.
 */
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { responsibility } from '../domain/case/machines.ts';
import { continuedUntilProblem, turning18Dates } from '../domain/responsibility/turning18.ts';
import { responsibilityPeriods, turning18Decisions } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/http/errors.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import type { BestInterestsInput } from '../case/best-interests.ts';
import { requireSection } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { periodsOf, responsibleOn } from './periods.ts';
import { runConsequences } from '../case/consequences.ts';

export interface Turning18Input {
  readonly decision: 'continue' | 'end';
  /** Continued responsibility: the last day of aftercare (exclusive), at most the 21st birthday; default the 21st birthday. */
  readonly continuedUntil: string | null;
  /** The day continued responsibility was reported in the Migration Agency's e-service, if it has been. */
  readonly reportedOn: string | null;
  readonly bestInterests?: BestInterestsInput | undefined;
  readonly expectedVersion?: number | undefined;
}

const dateProblem = (field: string, code: string, message: string) =>
  unprocessable('invalid_date', 'The date is not possible', [{ field, code, message }]);

export async function decideTurning18(
  caller: Caller,
  childId: string,
  input: Turning18Input,
): Promise<{ id: string; decision: 'continue' | 'end'; continuedUntil: string | null; version: number }> {
  const { child, access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  const periods = await periodsOf(caller.db, childId);
  const responsible = responsibleOn(periods, caller.today);
  if (responsible === null)
    throw conflict('no_responsibility', 'No municipality is responsible for the child today');
  const { birthday18, birthday21 } = turning18Dates(child.birthDate);
  // The decision is taken before the birthday; on it, responsibility ends by the rule unless continued.
  if (birthday18 <= caller.today) {
    throw conflict('turned_18', 'The child has already turned 18', [
      { field: 'state', code: 'turned_18', message: `Barnet fyllde 18 år ${birthday18}` },
    ]);
  }
  const continuedUntil = input.decision === 'continue' ? (input.continuedUntil ?? birthday21) : null;
  if (continuedUntil !== null) {
    const problem = continuedUntilProblem(continuedUntil, child.birthDate);
    if (problem !== null) {
      throw dateProblem(
        'body.continuedUntil',
        problem,
        problem === 'after_21'
          ? 'Fortsatt ansvar kan gälla längst till 21-årsdagen'
          : 'Slutdatumet måste ligga efter 18-årsdagen',
      );
    }
  }
  if (input.reportedOn !== null && input.reportedOn > caller.today)
    throw dateProblem('body.reportedOn', 'future', 'Datumet kan inte ligga i framtiden');
  const outcome = await applyTransition(caller, {
    childId,
    machine: responsibility,
    event: input.decision === 'continue' ? 'decide_continued' : 'end_responsibility',
    occurredOn: caller.today,
    expectedVersion: input.expectedVersion,
    bestInterests: input.bestInterests,
    decisionKind: input.decision === 'continue' ? 'continued_responsibility' : 'end_of_responsibility',
    details: { birthday18, continuedUntil, reportedOn: input.reportedOn },
  });
  if (continuedUntil !== null) await planAftercare(caller, childId, responsible, birthday18, continuedUntil);
  // A decided end leaves the periods running: the daily rules close them on the birthday.
  const [row] = await caller.db
    .insert(turning18Decisions)
    .values({
      childId,
      municipalityCode: responsible,
      decision: input.decision,
      decidedOn: caller.today,
      continuedUntil,
      reportedOn: input.reportedOn,
      bestInterestsId: outcome.bestInterestsId,
      decidedBy: caller.actor.userId,
    })
    .returning({ id: turning18Decisions.id });
  if (row === undefined) throw new Error('turning-18 decision not written');
  caller.audit.detail('decision', input.decision);
  return { id: row.id, decision: input.decision, continuedUntil, version: outcome.version };
}

/** The running period ends on the 18th birthday; the aftercare period runs from it to `until`. */
async function planAftercare(
  caller: Caller,
  childId: string,
  code: string,
  birthday18: string,
  until: string,
): Promise<void> {
  await caller.db
    .update(responsibilityPeriods)
    .set({ toDate: birthday18, endReason: 'turned_18' })
    .where(
      and(
        eq(responsibilityPeriods.childId, childId),
        eq(responsibilityPeriods.municipalityCode, code),
        or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, birthday18)),
      ),
    );
  await caller.db.insert(responsibilityPeriods).values({
    childId,
    municipalityCode: code,
    kind: 'aftercare',
    fromDate: birthday18,
    toDate: until,
    reason: 'continued_responsibility',
    ownerOrganisationId: caller.actor.organisationId,
  });
}

/** The day continued responsibility was reported to the Migration Agency, recorded after the decision. */
export async function recordContinuedReported(
  caller: Caller,
  childId: string,
  reportedOn: string,
): Promise<{ id: string; reportedOn: string }> {
  const { access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  if (reportedOn > caller.today)
    throw dateProblem('body.reportedOn', 'future', 'Datumet kan inte ligga i framtiden');
  const [latest] = await caller.db
    .select()
    .from(turning18Decisions)
    .where(eq(turning18Decisions.childId, childId))
    .orderBy(desc(turning18Decisions.createdAt))
    .limit(1);
  if (latest?.decision !== 'continue')
    throw conflict('no_continued_decision', 'There is no decision on continued responsibility to report');
  if (latest.reportedOn !== null)
    throw conflict('already_reported', 'The decision is already reported', [
      { field: 'body.reportedOn', code: 'already_reported', message: `Anmäld ${latest.reportedOn}` },
    ]);
  if (reportedOn < latest.decidedOn)
    throw dateProblem('body.reportedOn', 'before_the_decision', 'Anmälan kan inte ligga före beslutet');
  await caller.db.update(turning18Decisions).set({ reportedOn }).where(eq(turning18Decisions.id, latest.id));
  caller.audit.detail('turning18DecisionId', latest.id);
  return { id: latest.id, reportedOn };
}

/**
 * Aftercare ends on `on` (its end date by the daily rules, or earlier by the municipality): the event, the periods'
 * end, and the social case handed over. Never before the 18th birthday.
 */
export async function endAftercareOn(
  ctx: CaseCaller,
  childId: string,
  on: string,
  expectedVersion?: number,
): Promise<number> {
  const outcome = await applyTransition(ctx, {
    childId,
    machine: responsibility,
    event: 'end_aftercare',
    occurredOn: on,
    expectedVersion,
    ...(ctx.actor === null ? { trigger: 'system' as const } : {}),
  });
  const periods = await periodsOf(ctx.db, childId);
  // Periods running past the end are cut there; the one ending on it (its planned end) gets its reason.
  for (const p of periods.filter(
    (r) => r.toDate === null || r.toDate > on || (r.toDate === on && r.endReason === null),
  )) {
    await ctx.db
      .update(responsibilityPeriods)
      .set({ toDate: p.fromDate > on ? p.fromDate : on, endReason: 'aftercare_ended' })
      .where(eq(responsibilityPeriods.id, p.id));
  }
  await runConsequences(ctx, 'responsibility.aftercare_ended', { childId, on });
  return outcome.version;
}

/** The municipality ends aftercare before its planned end. */
export async function endAftercare(
  caller: Caller,
  childId: string,
  input: { endedOn: string; expectedVersion?: number | undefined },
) {
  const { child, access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  const state = await machineState(caller.db, childId, responsibility);
  const { birthday18 } = turning18Dates(child.birthDate);
  if (state.state === 'continued_after_18' && (input.endedOn < birthday18 || input.endedOn > caller.today)) {
    throw dateProblem(
      'body.endedOn',
      input.endedOn > caller.today ? 'future' : 'before_18',
      input.endedOn > caller.today
        ? 'Datumet kan inte ligga i framtiden'
        : 'Eftervården börjar först på 18-årsdagen',
    );
  }
  const version = await endAftercareOn(caller, childId, input.endedOn, input.expectedVersion);
  return { endedOn: input.endedOn, version };
}
