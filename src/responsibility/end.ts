/**
 * Responsibility ends by the rules, not by anyone's decision: on the 18th birthday when the municipality has not
 * decided to continue, or at once when an age decision makes the child 18 or older. Never silently: the
 * `end_at_18` event with its reason, the periods' end date and reason, the social case handed over, the placement
 * ended, the god man's assignment ended by law, and the change on the municipality's list to report.
 */
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { responsibility, socialCase } from '../domain/case/machines.ts';
import { responsibilityPeriods } from '../platform/db/schema.ts';
import { applyTransition, machineState, type CaseContext } from '../casework/engine.ts';
import { recordChangeReport } from '../casework/change-reports.ts';
import { endGuardianshipByLaw } from '../guardianship/end-by-law.ts';
import { endCurrentPlacement } from '../placement/end.ts';

export type EndByRuleReason = 'turned_18' | 'age_changed';

const SOCIAL_OPEN = new Set(['report_received', 'protection_assessed', 'investigating', 'not_investigated', 'care_decided', 'care_ongoing']);

export async function endResponsibilityByRule(ctx: CaseContext, childId: string, reason: EndByRuleReason, on: string): Promise<boolean> {
  const system = { ...ctx, actor: null };
  // The god man's assignment ends by law whatever the municipality decided about continued responsibility.
  await endGuardianshipByLaw(system, childId, reason, on);
  const current = await machineState(ctx.db, childId, responsibility);
  if (!['arrival_municipality', 'assigned', 'received'].includes(current.state)) return false;
  const changeReport = await recordChangeReport(system, childId, 'turning_18', on);
  await applyTransition(system, {
    childId,
    machine: responsibility,
    event: 'end_at_18',
    occurredOn: on,
    details: { reason, changeReportId: changeReport?.id ?? null },
  });
  const active = await ctx.db
    .select({ id: responsibilityPeriods.id, fromDate: responsibilityPeriods.fromDate })
    .from(responsibilityPeriods)
    .where(
      and(
        eq(responsibilityPeriods.childId, childId),
        lte(responsibilityPeriods.fromDate, on),
        or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, on)),
      ),
    );
  for (const period of active) {
    await ctx.db
      .update(responsibilityPeriods)
      .set({ toDate: period.fromDate > on ? period.fromDate : on, endReason: reason })
      .where(eq(responsibilityPeriods.id, period.id));
  }
  if (SOCIAL_OPEN.has((await machineState(ctx.db, childId, socialCase)).state)) {
    await applyTransition(system, { childId, machine: socialCase, event: 'hand_over_case', occurredOn: on, details: { reason } });
  }
  await endCurrentPlacement(system, childId, reason, on);
  return true;
}
