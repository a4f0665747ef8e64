import { describe, expect, it } from 'vitest';
import { Allocator } from '../../../src/domain/allocation/allocator.ts';
import {
  propose,
  recordHash,
  replay,
  shareVersionHash,
  stateHash,
  type DecisionRecord,
  type StoredDecision,
  type StoredShareVersion,
} from '../../../src/domain/allocation/decision.ts';

const codes = ['0001', '0002', '0003'];
const shares = new Map([
  ['0001', 500],
  ['0002', 300],
  ['0003', 200],
]);
const version: StoredShareVersion = {
  id: 'v1',
  validFrom: '2026-01-01',
  shares,
  contentHash: shareVersionHash('2026-01-01', shares),
};

/** An honest history: balancing, a sibling pair, a relative, a deviation and a correction of the first decision. */
function honest(): StoredDecision[] {
  const a = new Allocator(codes, { shares });
  const out: StoredDecision[] = [];
  const take = (
    childIds: string[],
    kind: StoredDecision['kind'],
    code: string | null,
    extra: Partial<DecisionRecord> = {},
    superseded: string | null = null,
  ) => {
    const chosen = code ?? a.pick('quota', childIds.length);
    const record: DecisionRecord = {
      seq: out.length + 1,
      childIds,
      municipalityCode: chosen,
      kind,
      proposedCode: kind === 'utjamnande' ? chosen : null,
      rule: 'quota',
      ruleVersion: 'anvisning-rule/1',
      shareVersionId: 'v1',
      decidedOn: '2026-02-01',
      decidedBy: 'u1',
      supersedesId: extra.supersedesId ?? null,
      reason: extra.reason ?? null,
      considerations: { relatives: null },
      stateHash: stateHash(a.allFigures()),
    };
    if (kind === 'correction' && superseded !== null) a.move(superseded, chosen, childIds.length);
    else a.assign(chosen, childIds.length);
    out.push({ ...record, id: `d${record.seq}`, recordHash: recordHash(record), supersededCode: superseded });
  };
  take(['c1'], 'utjamnande', null);
  take(['c2', 'c3'], 'utjamnande', null);
  take(['c4'], 'anknytning', '0003');
  take(['c5'], 'deviation', '0002', { reason: 'särskilda behov som kommunen kan möta' });
  const first = out[0]?.municipalityCode ?? '';
  take(
    ['c1'],
    'correction',
    first === '0003' ? '0002' : '0003',
    { supersedesId: 'd1', reason: 'fel kommun' },
    first,
  );
  return out;
}

describe('a proposal', () => {
  it('gives the rule’s pick with its figures and the next five in turn', () => {
    const a = new Allocator(codes, { shares });
    const p = propose(a, { groupSize: 1, relativeCode: null, siblingCode: null }, 'quota');
    expect(p).toMatchObject({
      kind: 'utjamnande',
      basis: 'rule',
      municipality: { code: '0001', share: 500, received: 0, quota: '0.000', deficit: '0.000' },
    });
    expect(p.nextInTurn).toHaveLength(5);
    expect(a.assigned).toBe(0);
  });
  it('sends a child with a relative there, and a later sibling where the group went', () => {
    const a = new Allocator(codes, { shares });
    expect(propose(a, { groupSize: 1, relativeCode: '0003', siblingCode: null }, 'quota')).toMatchObject({
      kind: 'anknytning',
      basis: 'relative',
      municipality: { code: '0003' },
    });
    expect(propose(a, { groupSize: 1, relativeCode: '0003', siblingCode: '0002' }, 'quota')).toMatchObject({
      kind: 'anknytning',
      basis: 'sibling',
      municipality: { code: '0002' },
    });
  });
});

describe('replay', () => {
  it('finds no difference in an honest history, and a correction moves the count but not the quota', () => {
    const result = replay(codes, [version], honest(), null);
    expect(result.differences).toEqual([]);
    expect(result.final.reduce((n, f) => n + f.received, 0)).toBe(5);
    expect(result.final.reduce((n, f) => n + f.expectedThousandths, 0)).toBe(5000);
  });
  it('names a decision whose record was altered', () => {
    const h = honest().map((d) => (d.seq === 2 ? { ...d, municipalityCode: '0003' } : d));
    const [first] = replay(codes, [version], h, null).differences;
    expect(first?.decisionId).toBe('d2');
    expect(first?.message).toContain('altered');
  });
  it('names a share version that was altered', () => {
    const altered = { ...version, shares: new Map([...shares, ['0003', 199], ['0001', 501]]) };
    expect(replay(codes, [altered], honest(), null).differences[0]?.message).toMatch(
      /share version v1 .* altered/,
    );
  });
  it('notices stored figures that differ from the history', () => {
    const { final } = replay(codes, [version], honest(), null);
    const stored = final.map((f) => (f.code === '0002' ? { ...f, received: f.received + 1 } : f));
    expect(replay(codes, [version], honest(), stored).differences.map((d) => d.message)).toEqual([
      expect.stringContaining('stored figures of 0002'),
    ]);
  });
});
