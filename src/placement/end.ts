/**
 * Ends the child's current placement (on-call or ordinary) with a reason. Used by social services' own "end placement"
 * and by the rules that end responsibility (18, an age decision). Absconding, leaving Sweden and reunification are
 * changes the municipality must report to the Migration Agency.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { placement } from '../domain/case/machines.ts';
import { placements } from '../platform/db/schema.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import { recordChangeReport } from '../case/change-reports.ts';
import type { ReportableChange } from '../case/contract.ts';
import type { PlacementEndReason } from '../domain/placement/vocabulary.ts';

export { PLACEMENT_END_REASONS, type PlacementEndReason } from '../domain/placement/vocabulary.ts';

const REPORTED: Partial<Record<PlacementEndReason, ReportableChange>> = {
  absconded: 'absconding',
  left_sweden: 'departure',
  reunited: 'reunification',
};

/** False when the child had no current placement. `system` ends it when the caller has no actor. */
export async function endCurrentPlacement(
  ctx: CaseCaller,
  childId: string,
  reason: PlacementEndReason,
  on: string,
  expectedVersion?: number,
): Promise<boolean> {
  const current = await machineState(ctx.db, childId, placement);
  if (current.state !== 'placed' && current.state !== 'on_call_placed' && expectedVersion === undefined)
    return false;
  const outcome = await applyTransition(ctx, {
    childId,
    machine: placement,
    event: 'end',
    occurredOn: on,
    expectedVersion,
    details: { reason },
    ...(ctx.actor === null ? { trigger: 'system' as const } : {}),
  });
  const open = await ctx.db
    .select({ id: placements.id, fromDate: placements.fromDate })
    .from(placements)
    .where(and(eq(placements.childId, childId), isNull(placements.toDate)));
  for (const row of open) {
    await ctx.db
      .update(placements)
      .set({ toDate: row.fromDate > on ? row.fromDate : on, endReason: reason, version: outcome.version })
      .where(eq(placements.id, row.id));
  }
  const change = REPORTED[reason];
  if (change !== undefined) await recordChangeReport(ctx, childId, change, on);
  return true;
}
