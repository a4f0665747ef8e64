/**
 * Responsibility ends by the rules, not by anyone's decision: on the 18th birthday when the municipality has not
 * decided to continue, or at once when an age decision makes the child 18 or older. Never silently: the
 * `end_at_18` event with its reason, the periods' end date and reason, and the change on the municipality's list to
 * report. These are steps of the consequences table (`child.adult`, `child.adult_after_end_decided`); what follows
 * the end — the god man by law before it, the social case and the placement after it (`responsibility.ended`) — are
 * the table's other steps, run by the case kernel.
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { responsibility } from '../domain/case/machines.ts';
import { responsibilityPeriods } from '../platform/db/schema.ts';
import { applyTransition, closeDeadlines, machineState } from '../case/engine.ts';
import { asSystem, type CaseCaller } from '../case/caller.ts';
import { recordChangeReport } from '../case/change-reports.ts';
import { canFire } from '../domain/case/machine.ts';
import type { AdultReason } from '../domain/case/consequences.ts';

export type EndByRuleReason = AdultReason;

export async function endResponsibilityByRule(
  ctx: CaseCaller,
  childId: string,
  reason: EndByRuleReason,
  on: string,
): Promise<boolean> {
  const system = asSystem(ctx);
  const current = await machineState(ctx.db, childId, responsibility);
  if (!canFire(responsibility, current.state, 'end_at_18', 'system')) return false;
  const changeReport = await recordChangeReport(system, childId, 'turning_18', on);
  await applyTransition(system, {
    childId,
    machine: responsibility,
    event: 'end_at_18',
    occurredOn: on,
    details: { reason, changeReportId: changeReport?.id ?? null },
  });
  await closeResponsibility(system, childId, reason, on);
  return true;
}

/**
 * The municipality decided to end its responsibility at 18 (`end_responsibility`): on the birthday the end takes
 * hold — the periods and the change to report. False when there was nothing left to end.
 */
export async function endAsDecided(ctx: CaseCaller, childId: string, on: string): Promise<boolean> {
  const system = asSystem(ctx);
  if ((await activePeriods(ctx, childId, on)).length === 0) return false;
  await recordChangeReport(system, childId, 'turning_18', on);
  await closeDeadlines(system, childId, ['school-start'], null);
  await closeResponsibility(system, childId, 'turned_18', on);
  return true;
}

/** Periods still running on `on` or later (including one that began after it, e.g. an anvisning after the birthday). */
function activePeriods(ctx: CaseCaller, childId: string, on: string) {
  return ctx.db
    .select({ id: responsibilityPeriods.id, fromDate: responsibilityPeriods.fromDate })
    .from(responsibilityPeriods)
    .where(
      and(
        eq(responsibilityPeriods.childId, childId),
        or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, on)),
      ),
    );
}

async function closeResponsibility(
  ctx: CaseCaller,
  childId: string,
  reason: EndByRuleReason,
  on: string,
): Promise<void> {
  for (const period of await activePeriods(ctx, childId, on)) {
    await ctx.db
      .update(responsibilityPeriods)
      .set({ toDate: period.fromDate > on ? period.fromDate : on, endReason: reason })
      .where(eq(responsibilityPeriods.id, period.id));
  }
}
