/**
 * Decisions against their audit events. Every decision commits together with its `allocation.decide` (or, for a
 * correction, `allocation.correct`) event, so each decision row has exactly one such event and each such event
 * exactly one row. A row deleted with the ledger rolled back replays cleanly; its audit event, chained and
 * checkpointed, does not go away — this names it.
 */
import type { ReplayDifference } from './decision.ts';

export interface DecisionRow {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly childIds: readonly string[];
}

export interface DecisionEvent {
  readonly eventId: string;
  readonly kind: 'allocation.decide' | 'allocation.correct';
  readonly childIds: readonly string[];
  /** From the payload; null when the payload was culled or the event predates it (then matched by children). */
  readonly decisionId: string | null;
}

function eventKindFor(decisionKind: string): DecisionEvent['kind'] {
  return decisionKind === 'correction' ? 'allocation.correct' : 'allocation.decide';
}

function childKey(kind: string, childIds: readonly string[]): string {
  return `${kind}|${[...childIds].sort().join(',')}`;
}

/** Names every decision without its event, every event without its decision, and a ledger count that disagrees. */
export function crossCheckDecisions(
  decisions: readonly DecisionRow[],
  events: readonly DecisionEvent[],
  ledgerCount: number | null,
): ReplayDifference[] {
  const differences: ReplayDifference[] = [];
  const byDecisionId = new Map<string, DecisionEvent[]>();
  const unnamed = new Map<string, DecisionEvent[]>();
  for (const e of events) {
    if (e.decisionId !== null) byDecisionId.set(e.decisionId, [...(byDecisionId.get(e.decisionId) ?? []), e]);
    else unnamed.set(childKey(e.kind, e.childIds), [...(unnamed.get(childKey(e.kind, e.childIds)) ?? []), e]);
  }
  const matched = new Set<string>();
  for (const d of [...decisions].sort((a, b) => a.seq - b.seq)) {
    const kind = eventKindFor(d.kind);
    const named = (byDecisionId.get(d.id) ?? []).filter((e) => e.kind === kind && !matched.has(e.eventId));
    const event = named[0] ?? unnamed.get(childKey(kind, d.childIds))?.find((e) => !matched.has(e.eventId));
    if (event === undefined) {
      differences.push({
        decisionId: d.id,
        seq: d.seq,
        message: `decision ${d.seq} has no ${kind} audit event`,
      });
      continue;
    }
    matched.add(event.eventId);
  }
  const known = new Set(decisions.map((d) => d.id));
  for (const e of events) {
    if (matched.has(e.eventId)) continue;
    const what =
      e.decisionId === null
        ? `for children ${[...e.childIds].sort().join(', ')}`
        : `for decision ${e.decisionId}`;
    const why =
      e.decisionId !== null && !known.has(e.decisionId)
        ? 'that decision row is missing (deleted?)'
        : 'no decision row matches it';
    differences.push({
      decisionId: e.decisionId,
      seq: null,
      message: `audit event ${e.eventId} (${e.kind} ${what}): ${why}`,
    });
  }
  if (ledgerCount !== null && ledgerCount !== decisions.length) {
    differences.push({
      decisionId: null,
      seq: null,
      message: `the ledger counts ${ledgerCount} decisions, ${decisions.length} decision rows are stored`,
    });
  }
  const maxSeq = decisions.reduce((m, d) => Math.max(m, d.seq), 0);
  if (maxSeq !== decisions.length) {
    differences.push({
      decisionId: null,
      seq: null,
      message: `decision numbers run to ${maxSeq} but ${decisions.length} decision rows are stored (a gap)`,
    });
  }
  return differences;
}
