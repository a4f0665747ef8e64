/**
 * The responsibility side of an anvisning (or its correction), a follow-up the case kernel runs for each child
 * decided (src/domain/case/consequences.ts, `anvisning.decided` / `anvisning.corrected`): the open period ends today
 * and the assigned municipality's begins, each with its reason; the `responsibility` machine records the assignment
 * (starting the school-start and turning-18 clocks); a hand-over is opened when the child must move. The social case,
 * the deadlines and the notice follow as the table's next steps.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AnvisningFacts } from '../domain/case/consequences.ts';
import { assignmentEvent, responsibility } from '../domain/case/machines.ts';
import { handovers, responsibilityPeriods } from '../platform/db/schema.ts';
import { applyTransition } from '../case/engine.ts';
import type { Caller, CaseCaller } from '../case/caller.ts';
import { periodsOf } from './periods.ts';

export async function assignResponsibility(ctx: Caller, decided: AnvisningFacts): Promise<void> {
  const { childId } = decided;
  const code = decided.municipalityCode;
  const correction = decided.correctedFrom !== null;
  await movePeriods(ctx, childId, code, correction);
  await applyTransition(ctx, {
    childId,
    machine: responsibility,
    event: assignmentEvent(correction),
    occurredOn: ctx.today,
    details: {
      decisionId: decided.decisionId,
      municipalityCode: code,
      ...(correction ? { correctedFrom: decided.correctedFrom } : {}),
    },
  });
  const holder = await whoHasTheChild(ctx, childId, decided);
  if (holder !== code) {
    await ctx.db
      .insert(handovers)
      .values({ childId, fromCode: holder, toCode: code })
      .onConflictDoUpdate({
        target: [handovers.childId, handovers.toCode],
        set: {
          fromCode: holder,
          movedOn: null,
          movedRecordedBy: null,
          acknowledgedOn: null,
          acknowledgedBy: null,
        },
      });
  }
}

/**
 * Responsibility moves to the assigned municipality from today: the open period ends today — handed over, or
 * corrected when the decision it rested on was wrong — and the assigned municipality's begins, for the anvisning or
 * its correction.
 */
async function movePeriods(ctx: Caller, childId: string, code: string, correction: boolean): Promise<void> {
  await ctx.db
    .update(responsibilityPeriods)
    .set({ toDate: ctx.today, endReason: correction ? 'corrected' : 'handed_over' })
    .where(and(eq(responsibilityPeriods.childId, childId), isNull(responsibilityPeriods.toDate)));
  await ctx.db.insert(responsibilityPeriods).values({
    childId,
    municipalityCode: code,
    kind: 'assigned',
    fromDate: ctx.today,
    reason: correction ? 'correction' : 'anvisning',
    ownerOrganisationId: ctx.actor.organisationId,
  });
}

/**
 * The municipality the child is with now. A new decision: the arrival municipality. A correction: the municipality
 * named in the superseded decision — unless the child never left the place it was to be handed over from, in which
 * case that hand-over never happened and is dropped.
 */
async function whoHasTheChild(ctx: CaseCaller, childId: string, decided: AnvisningFacts): Promise<string> {
  if (decided.correctedFrom === null) {
    const arrival = (await periodsOf(ctx.db, childId)).find((p) => p.kind === 'arrival');
    return arrival?.municipalityCode ?? decided.municipalityCode;
  }
  const [pending] = await ctx.db
    .select()
    .from(handovers)
    .where(and(eq(handovers.childId, childId), eq(handovers.toCode, decided.correctedFrom)));
  if (pending !== undefined && pending.movedOn === null && pending.acknowledgedOn === null) {
    await ctx.db.delete(handovers).where(eq(handovers.id, pending.id));
    return pending.fromCode;
  }
  return decided.correctedFrom;
}
