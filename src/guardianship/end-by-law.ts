/**
 * The god man's (or special custodian's) assignment ends by law at 18, when an age decision makes the child 18 or
 * older, and — for the god man — when the SFV decision becomes final. No decision is needed, but an explicit end
 * record is always written (JO 6100-2018): the `end_by_law` event with its reason, the links' end date and, where
 * the appointment was recorded in Anvisa, its end fields. Open requests for a god man and pending SFV applications
 * are withdrawn.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { canFire } from '../domain/case/machine.ts';
import { guardianship } from '../domain/case/machines.ts';
import { guardianshipDetails, guardianshipRequests, guardianships, sfvCases } from '../platform/db/schema.ts';
import { applyTransition, machineState, type TransitionOutcome } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';

export const END_BY_LAW_REASONS = ['turned_18', 'age_changed', 'sfv_final'] as const;
export type EndByLawReason = (typeof END_BY_LAW_REASONS)[number];

/** Ends the child's guardianship by law on `on`; false when there was nothing to end. */
export async function endGuardianshipByLaw(
  ctx: CaseCaller,
  childId: string,
  reason: EndByLawReason,
  on: string,
): Promise<boolean> {
  const current = await machineState(ctx.db, childId, guardianship);
  if (!canFire(guardianship, current.state, 'end_by_law', 'system')) return false;
  if (reason !== 'sfv_final') {
    await applyTransition(ctx, {
      childId,
      machine: guardianship,
      event: 'end_by_law',
      occurredOn: on,
      trigger: 'system',
      details: { reason },
    });
  }
  await endLinksByLaw(ctx, childId, reason, on);
  return true;
}

/**
 * The guardianship authority records an end that followed from law (the rule had not yet run, or the age was
 * changed): the same record, triggered by the officer. A state the machine does not allow answers 409.
 */
export async function recordEndByLaw(
  ctx: CaseCaller,
  childId: string,
  reason: Exclude<EndByLawReason, 'sfv_final'>,
  on: string,
  expectedVersion?: number,
): Promise<TransitionOutcome> {
  const outcome = await applyTransition(ctx, {
    childId,
    machine: guardianship,
    event: 'end_by_law',
    occurredOn: on,
    expectedVersion,
    details: { reason },
  });
  await endLinksByLaw(ctx, childId, reason, on);
  return outcome;
}

async function endLinksByLaw(
  ctx: CaseCaller,
  childId: string,
  reason: EndByLawReason,
  on: string,
): Promise<void> {
  // 'sfv_final' ends only the god man; the special custodian's own assignment runs on (to 18).
  const kinds = reason === 'sfv_final' ? ['god_man'] : ['god_man', 'special_custodian'];
  const open = await ctx.db
    .select({ id: guardianships.id, kind: guardianships.kind, fromDate: guardianships.fromDate })
    .from(guardianships)
    .where(and(eq(guardianships.childId, childId), isNull(guardianships.toDate)));
  for (const link of open.filter((l) => kinds.includes(l.kind))) {
    await ctx.db
      .update(guardianships)
      .set({ toDate: link.fromDate > on ? link.fromDate : on })
      .where(eq(guardianships.id, link.id));
    await ctx.db
      .update(guardianshipDetails)
      .set({
        endReason: reason,
        endByLaw: true,
        endRecordedBy: ctx.actor?.userId ?? null,
        endRecordedAt: ctx.now,
      })
      .where(eq(guardianshipDetails.guardianshipId, link.id));
  }
  await ctx.db
    .update(guardianshipRequests)
    .set({ status: 'withdrawn' })
    .where(and(eq(guardianshipRequests.childId, childId), eq(guardianshipRequests.status, 'open')));
  if (reason !== 'sfv_final') {
    await ctx.db
      .update(sfvCases)
      .set({ status: 'withdrawn' })
      .where(and(eq(sfvCases.childId, childId), eq(sfvCases.status, 'pending')));
  }
}
