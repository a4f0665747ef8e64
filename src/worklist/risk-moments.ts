/**
 * The risk moments of children already found in scope (src/domain/missing/risk-moments.ts), for the child's overview
 * and the worklist's rows: three lookups for any number of children, never one per child. Shown only where the
 * caller reads the prevention profile (`missing_profile`).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { riskMoments, type RiskMoment } from '../domain/missing/risk-moments.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { asylumCases, placements, responsibilityTransfers } from '../platform/db/schema.ts';
import type { ChildWithFacts } from '../children/repository.ts';

export async function riskMomentsOf(
  db: DbOrTx,
  found: readonly Pick<ChildWithFacts, 'child' | 'facts'>[],
  today: string,
): Promise<Map<string, RiskMoment[]>> {
  const ids = found.map((f) => f.child.id);
  if (ids.length === 0) return new Map();
  const [asylum, placed, transfers] = await Promise.all([
    db
      .select({
        childId: asylumCases.childId,
        decision: asylumCases.decision,
        decidedOn: asylumCases.decidedOn,
      })
      .from(asylumCases)
      .where(inArray(asylumCases.childId, ids)),
    db
      .select({ childId: placements.childId, fromDate: placements.fromDate, toDate: placements.toDate })
      .from(placements)
      .where(inArray(placements.childId, ids)),
    db
      .select({ childId: responsibilityTransfers.childId })
      .from(responsibilityTransfers)
      .where(
        and(inArray(responsibilityTransfers.childId, ids), eq(responsibilityTransfers.status, 'requested')),
      ),
  ]);
  const decisions = new Map(asylum.map((a) => [a.childId, a]));
  const open = new Set(transfers.map((r) => r.childId));
  return new Map(
    found.map(({ child, facts }) => [
      child.id,
      riskMoments(
        {
          birthDate: child.birthDate,
          arrivalDate: [...facts.responsibility].map((p) => p.from).sort()[0] ?? null,
          asylumDecision: decisions.get(child.id) ?? null,
          openHandover: facts.openHandovers.length > 0,
          openTransfer: open.has(child.id),
          placements: placed.filter((p) => p.childId === child.id),
        },
        today,
      ),
    ]),
  );
}
