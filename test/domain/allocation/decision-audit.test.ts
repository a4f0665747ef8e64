import { describe, expect, it } from 'vitest';
import {
  crossCheckDecisions,
  type DecisionEvent,
  type DecisionRow,
} from '../../../src/domain/allocation/decision-audit.ts';

const rows: DecisionRow[] = [
  { id: 'd1', seq: 1, kind: 'utjamnande', childIds: ['c1'] },
  { id: 'd2', seq: 2, kind: 'anknytning', childIds: ['c3', 'c2'] },
  { id: 'd3', seq: 3, kind: 'correction', childIds: ['c1'] },
];
const events: DecisionEvent[] = [
  { eventId: 'e1', kind: 'allocation.decide', childIds: ['c1'], decisionId: 'd1' },
  // Culled payload: matched by kind and children.
  { eventId: 'e2', kind: 'allocation.decide', childIds: ['c2', 'c3'], decisionId: null },
  { eventId: 'e3', kind: 'allocation.correct', childIds: ['c1'], decisionId: 'd3' },
];

describe('decisions against their audit events', () => {
  it('agree when each decision has its event and the ledger counts them', () => {
    expect(crossCheckDecisions(rows, events, 3)).toEqual([]);
  });
  it('names an event whose decision row is gone, even with the ledger rolled back to match', () => {
    expect(crossCheckDecisions(rows.slice(0, 2), events, 2).map((d) => d.message)).toEqual([
      'audit event e3 (allocation.correct for decision d3): that decision row is missing (deleted?)',
    ]);
  });
  it('names a decision without its event, a ledger count that disagrees and a gap in the numbers', () => {
    expect(crossCheckDecisions(rows, events.slice(0, 2), 3).map((d) => d.message)).toEqual([
      'decision 3 has no allocation.correct audit event',
    ]);
    expect(crossCheckDecisions(rows, events, 4).map((d) => d.message)).toEqual([
      'the ledger counts 4 decisions, 3 decision rows are stored',
    ]);
    expect(
      crossCheckDecisions(
        [rows[0], rows[2]].flatMap((r) => r ?? []),
        [events[0], events[2]].flatMap((e) => e ?? []),
        2,
      ).map((d) => d.message),
    ).toEqual(['decision numbers run to 3 but 2 decision rows are stored (a gap)']);
  });
});
