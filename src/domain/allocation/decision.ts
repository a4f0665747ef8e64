/**
 * Allocation decisions (anvisningsbeslut) as records: the proposal with its reasons, the hashes that make a record
 * verifiable, and the replay that recomputes every stored decision from the recorded history.
 */
import { canonicalJson, sha256Hex } from '../audit/chain.ts';
import {
  AllocationError,
  Allocator,
  RULE_VERSION,
  type MunicipalityFigures,
  type Rule,
} from './allocator.ts';

/** utjamnande: by the rule; anknytning: to a relative's (or an earlier sibling's) municipality;
 * deviation: the officer chose another municipality with a reason (counts like an anknytning);
 * correction: moves the children of an earlier decision to another municipality (E unchanged). */
export type DecisionKind = 'utjamnande' | 'anknytning' | 'deviation' | 'correction';

export interface Figures {
  readonly code: string;
  readonly share: number;
  readonly received: number;
  /** The exact quota, E/1000, as a decimal string with three decimals. */
  readonly quota: string;
  /** quota − received, positive when the municipality has received fewer than its quota. */
  readonly deficit: string;
}

/** Thousandths of a child as a decimal string with three decimals (1080 → "1.080", -460 → "-0.460"). */
export function thousandths(n: number): string {
  return `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 1000)}.${String(Math.abs(n) % 1000).padStart(3, '0')}`;
}

export function figuresOf(f: MunicipalityFigures): Figures {
  return {
    code: f.code,
    share: f.share,
    received: f.received,
    quota: thousandths(f.expectedThousandths),
    deficit: thousandths(f.expectedThousandths - 1000 * f.received),
  };
}

export interface Proposal {
  readonly kind: 'utjamnande' | 'anknytning';
  readonly municipality: Figures;
  /** Why: the relative's or sibling's municipality, or the rule's pick. */
  readonly basis: 'relative' | 'sibling' | 'rule';
  readonly rule: Rule;
  readonly ruleVersion: string;
  /** The picks the rule would make next for single children without relatives, with the same figures. */
  readonly nextInTurn: readonly Figures[];
}

export interface ProposalFacts {
  readonly groupSize: number;
  readonly relativeCode: string | null;
  /** A sibling already assigned counts as a relative. */
  readonly siblingCode: string | null;
}

export function propose(allocator: Allocator, facts: ProposalFacts, rule: Rule): Proposal {
  const target = facts.siblingCode ?? facts.relativeCode;
  const code = target ?? allocator.pick(rule, facts.groupSize);
  const after = allocator.clone();
  after.assign(code, facts.groupSize);
  return {
    kind: target === null ? 'utjamnande' : 'anknytning',
    municipality: figuresOf(allocator.figures(code)),
    basis: facts.siblingCode !== null ? 'sibling' : facts.relativeCode !== null ? 'relative' : 'rule',
    rule,
    ruleVersion: RULE_VERSION,
    nextInTurn: after.preview(rule, 5).map((c, i, picks) => {
      // Figures of each next pick as they will stand when it is its turn.
      const step = after.clone();
      for (const earlier of picks.slice(0, i)) step.assign(earlier, 1);
      return figuresOf(step.figures(c));
    }),
  };
}

/** A digest of the whole allocation state (r and E of every municipality) a decision was taken from. */
export function stateHash(figures: readonly MunicipalityFigures[]): string {
  return sha256Hex(
    figures.map((f) => `${f.code}:${f.share}:${f.received}:${f.expectedThousandths}`).join('\n'),
  );
}

export interface DecisionRecord {
  readonly seq: number;
  readonly childIds: readonly string[];
  readonly municipalityCode: string;
  readonly kind: DecisionKind;
  readonly proposedCode: string | null;
  readonly rule: Rule;
  readonly ruleVersion: string;
  readonly shareVersionId: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly supersedesId: string | null;
  readonly reason: string | null;
  readonly considerations: unknown;
  readonly stateHash: string;
}

export function recordHash(record: DecisionRecord): string {
  return sha256Hex(canonicalJson(record));
}

export function shareVersionHash(validFrom: string, shares: ReadonlyMap<string, number>): string {
  return sha256Hex(
    `${validFrom}\n${[...shares.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([c, s]) => `${c}:${s}`)
      .join('\n')}`,
  );
}

export interface StoredDecision extends DecisionRecord {
  readonly id: string;
  readonly recordHash: string;
  /** For corrections: the municipality the superseded decision had sent the children to. */
  readonly supersededCode: string | null;
}

export interface StoredShareVersion {
  readonly id: string;
  readonly validFrom: string;
  readonly shares: ReadonlyMap<string, number>;
  readonly contentHash: string;
}

export interface ReplayDifference {
  readonly decisionId: string | null;
  readonly seq: number | null;
  readonly message: string;
}

/**
 * Recomputes every stored decision from the recorded history: share versions (content hashes), the state before each
 * decision (state hash), what the rule picks for each balancing decision, each record's hash, and the final state.
 */
export function replay(
  codes: readonly string[],
  versions: readonly StoredShareVersion[],
  decisions: readonly StoredDecision[],
  stored: readonly MunicipalityFigures[] | null,
): { differences: ReplayDifference[]; final: MunicipalityFigures[] } {
  const differences: ReplayDifference[] = [];
  const byId = new Map(versions.map((v) => [v.id, v]));
  for (const v of versions) {
    if (shareVersionHash(v.validFrom, v.shares) !== v.contentHash) {
      differences.push({
        decisionId: null,
        seq: null,
        message: `share version ${v.id} (from ${v.validFrom}) was altered after it was decided`,
      });
    }
  }
  let allocator: Allocator | null = null;
  let currentVersion: string | null = null;
  for (const d of [...decisions].sort((a, b) => a.seq - b.seq)) {
    const version = byId.get(d.shareVersionId);
    if (version === undefined) {
      differences.push({
        decisionId: d.id,
        seq: d.seq,
        message: `decision ${d.seq} names an unknown share version`,
      });
      continue;
    }
    try {
      if (allocator === null) allocator = new Allocator(codes, { shares: version.shares });
      else if (currentVersion !== version.id) allocator.setShares({ shares: version.shares });
    } catch (error) {
      if (!(error instanceof AllocationError)) throw error;
      differences.push({
        decisionId: d.id,
        seq: d.seq,
        message: `decision ${d.seq} cannot be recomputed: ${error.message}`,
      });
      return { differences, final: [] };
    }
    currentVersion = version.id;
    const { id: _id, recordHash: storedHash, supersededCode, ...record } = d;
    if (recordHash(record) !== storedHash)
      differences.push({
        decisionId: d.id,
        seq: d.seq,
        message: `decision ${d.seq} was altered after it was taken`,
      });
    if (stateHash(allocator.allFigures()) !== d.stateHash) {
      differences.push({
        decisionId: d.id,
        seq: d.seq,
        message: `decision ${d.seq} was not taken from the state the history gives`,
      });
    }
    const k = d.childIds.length;
    if (d.kind === 'correction') {
      if (supersededCode === null)
        differences.push({
          decisionId: d.id,
          seq: d.seq,
          message: `correction ${d.seq} supersedes no known decision`,
        });
      else allocator.move(supersededCode, d.municipalityCode, k);
      continue;
    }
    if (d.kind === 'utjamnande') {
      const pick = allocator.pick(d.rule, k);
      if (pick !== d.municipalityCode) {
        differences.push({
          decisionId: d.id,
          seq: d.seq,
          message: `decision ${d.seq}: the ${d.rule} rule picks ${pick}, the record says ${d.municipalityCode}`,
        });
      }
    }
    allocator.assign(d.municipalityCode, k);
  }
  const final = allocator?.allFigures() ?? [];
  if (stored !== null && allocator !== null) {
    const want = new Map(final.map((f) => [f.code, f]));
    for (const s of stored) {
      const f = want.get(s.code);
      if (f !== undefined && (f.received !== s.received || f.expectedThousandths !== s.expectedThousandths)) {
        differences.push({
          decisionId: null,
          seq: null,
          message: `the stored figures of ${s.code} differ from the history (r ${s.received} vs ${f.received})`,
        });
      }
    }
  }
  return { differences, final };
}
