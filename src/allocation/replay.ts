/** `anvisa allocation replay`: recompute every stored decision from the recorded history and report differences. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { crossCheckDecisions } from '../domain/allocation/decision-audit.ts';
import { replay, type ReplayDifference, type StoredDecision } from '../domain/allocation/decision.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  allocationLedger,
  allocationState,
  anvisningDecisions,
  auditEvents,
  shareValues,
  shareVersions,
} from '../platform/db/schema.ts';
import { allMunicipalityCodes, readAllocator } from './ledger.ts';

export async function replayAll(
  db: DbOrTx,
  today: string,
): Promise<{ decisions: number; differences: ReplayDifference[] }> {
  const codes = await allMunicipalityCodes(db);
  // Read the stored rows directly (not the process cache), so an altered row is seen.
  const versions = await db.select().from(shareVersions);
  const values = await db.select().from(shareValues);
  const stored = versions.map((v) => ({
    id: v.id,
    validFrom: v.validFrom,
    contentHash: v.contentHash,
    shares: new Map(values.filter((x) => x.versionId === v.id).map((x) => [x.municipalityCode, x.promille])),
  }));
  const rows = await db.select().from(anvisningDecisions).orderBy(asc(anvisningDecisions.seq));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const decisions: StoredDecision[] = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    childIds: r.childIds,
    municipalityCode: r.municipalityCode,
    kind: r.kind as StoredDecision['kind'],
    proposedCode: r.proposedCode,
    rule: r.rule === 'lowest-attainment' ? 'lowest-attainment' : 'quota',
    ruleVersion: r.ruleVersion,
    shareVersionId: r.shareVersionId,
    decidedOn: r.decidedOn,
    decidedBy: r.decidedBy,
    supersedesId: r.supersedesId,
    reason: r.reason,
    considerations: r.considerations,
    stateHash: r.stateHash,
    recordHash: r.recordHash,
    supersededCode: r.supersedesId === null ? null : (byId.get(r.supersedesId)?.municipalityCode ?? null),
  }));
  // The stored running state, rolled forward to the shares in force today, must equal the history's.
  const current = await readAllocator(db, today);
  const state = await db.select().from(allocationState);
  const storedFigures = current === null || state.length === 0 ? null : current.allocator.allFigures();
  // A change of shares does not change r or E at the moment it takes effect, so the figures compare directly.
  const { differences } = replay(codes, stored, decisions, storedFigures);
  return {
    decisions: decisions.length,
    differences: [...differences, ...(await decisionAuditDifferences(db))],
  };
}

/**
 * Every decision row against its audit event and the ledger's count (src/domain/allocation/decision-audit.ts):
 * a decision deleted together with a rollback of the ledger replays cleanly, but its event remains.
 */
export async function decisionAuditDifferences(db: DbOrTx): Promise<ReplayDifference[]> {
  const rows = await db
    .select({
      id: anvisningDecisions.id,
      seq: anvisningDecisions.seq,
      kind: anvisningDecisions.kind,
      childIds: anvisningDecisions.childIds,
    })
    .from(anvisningDecisions);
  const events = await db
    .select({
      id: auditEvents.id,
      kind: auditEvents.kind,
      childIds: auditEvents.childIds,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.kind, ['allocation.decide', 'allocation.correct']),
        eq(auditEvents.outcome, 'allowed'),
      ),
    );
  const [ledger] = await db
    .select({ decisions: allocationLedger.decisions })
    .from(allocationLedger)
    .where(eq(allocationLedger.id, 1));
  return crossCheckDecisions(
    rows,
    events.map((e) => {
      const named = (e.payload as { decisionId?: unknown } | null)?.decisionId;
      return {
        eventId: e.id,
        kind: e.kind === 'allocation.correct' ? 'allocation.correct' : 'allocation.decide',
        childIds: e.childIds,
        decisionId: typeof named === 'string' ? named : null,
      };
    }),
    ledger?.decisions ?? null,
  );
}
