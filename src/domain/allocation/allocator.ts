/**
 * The allocation rule (anvisning), in exact integer arithmetic.
 *
 * State per municipality i: r_i = children assigned so far (both kinds), E_i = Σ over every assignment so far of
 * the share s_i (per mille) in force at that assignment — so E_i / 1000 is the exact quota.
 *
 * E is kept implicitly: E_i = base_i + s_i · (n − nBase), where n counts children assigned since the shares last
 * changed. An assignment therefore costs O(1) to record; a balancing pick scans the municipalities once.
 *
 * Rules for a balancing decision (utjämnande anvisning) of a group of k children:
 * - `quota` (default): Tijdeman's rule for the chairman assignment problem. m = number of municipalities with a
 *   share > 0, c = 2m − 2 (1 when m = 1). Eligible: c·(E_i + s_i − 1000·r_i) ≥ 1000 (all candidates if none is).
 *   Pick the eligible one with the earliest deadline (1000·c·(r_i + 1) − 1000 − c·E_i) / s_i; ties: larger s_i,
 *   then lower kommunkod. Keeps every municipality within 1 − 1/c of its exact quota.
 * - `lowest-attainment`: the Agency's published wording, lowest r_i / (E_i + k·s_i); same ties.
 */

export type Rule = 'quota' | 'lowest-attainment';
export const RULES: readonly Rule[] = ['quota', 'lowest-attainment'];
/** The rule a proposal and a decision follow unless the officer chooses the other. */
export const DEFAULT_RULE: Rule = 'quota';
export const RULE_VERSION = 'anvisning-rule/1';

export type DecisionType = 'utjamnande' | 'anknytning';

export interface ShareVector {
  /** kommunkod → per mille, integers ≥ 0 summing to 1000. Codes absent have share 0. */
  readonly shares: ReadonlyMap<string, number>;
}

export interface Opening {
  readonly code: string;
  readonly received: number;
  readonly expectedThousandths: number;
}

export interface MunicipalityFigures {
  readonly code: string;
  readonly share: number;
  readonly received: number;
  /** E_i: the exact quota in thousandths of a child. */
  readonly expectedThousandths: number;
}

export class AllocationError extends Error {
  override name = 'AllocationError';
}

const SAFE = Number.MAX_SAFE_INTEGER;

export class Allocator {
  readonly codes: readonly string[];
  private readonly index: ReadonlyMap<string, number>;
  private readonly r: Float64Array;
  private readonly base: Float64Array;
  private shares: Int32Array;
  private nSinceShares = 0;
  private candidateCount = 0;
  private c = 1;
  private total = 0;
  private maxOpeningExpected = 0;

  /** `codes`: every municipality that may ever be named (shares, relatives, opening balance). */
  constructor(codes: readonly string[], shares: ShareVector, opening: readonly Opening[] = []) {
    this.codes = [...new Set(codes)].sort();
    this.index = new Map(this.codes.map((code, i) => [code, i]));
    this.r = new Float64Array(this.codes.length);
    this.base = new Float64Array(this.codes.length);
    this.shares = new Int32Array(this.codes.length);
    for (const o of opening) {
      const i = this.indexOf(o.code);
      this.r[i] = o.received;
      this.base[i] = o.expectedThousandths;
      this.total += o.received;
      this.maxOpeningExpected = Math.max(this.maxOpeningExpected, o.expectedThousandths, 1000 * o.received);
    }
    this.setShares(shares);
  }

  /**
   * Rebuilds the running state as stored: r_i, E_i as of the start of the share version (`expectedBase`), and the
   * number of children assigned since that version took effect.
   */
  static restore(
    codes: readonly string[],
    shares: ShareVector,
    rows: readonly { code: string; received: number; expectedBase: number }[],
    childrenSinceVersion: number,
  ): Allocator {
    const allocator = new Allocator(
      codes,
      shares,
      rows.map((r) => ({ code: r.code, received: r.received, expectedThousandths: r.expectedBase })),
    );
    allocator.nSinceShares = childrenSinceVersion;
    return allocator;
  }

  /** What must be stored to restore this state: per municipality r_i and the base of E_i, and n. */
  snapshot(): {
    rows: { code: string; received: number; expectedBase: number }[];
    childrenSinceVersion: number;
  } {
    return {
      rows: this.codes.map((code, i) => ({
        code,
        received: this.r[i] ?? 0,
        expectedBase: this.base[i] ?? 0,
      })),
      childrenSinceVersion: this.nSinceShares,
    };
  }

  private indexOf(code: string): number {
    const i = this.index.get(code);
    if (i === undefined) throw new AllocationError(`unknown kommunkod ${code}`);
    return i;
  }

  /** New shares take effect for assignments from now on; what was expected so far is kept. */
  setShares(vector: ShareVector): void {
    const next = new Int32Array(this.codes.length);
    let sum = 0;
    for (const [code, share] of vector.shares) {
      if (!Number.isInteger(share) || share < 0)
        throw new AllocationError(`share of ${code} must be an integer ≥ 0`);
      next[this.indexOf(code)] = share;
      sum += share;
    }
    if (sum !== 1000) throw new AllocationError(`shares sum to ${sum}, not 1000`);
    for (let i = 0; i < this.codes.length; i++) this.base[i] = this.expected(i);
    this.shares = next;
    this.nSinceShares = 0;
    this.candidateCount = next.reduce((n, s) => n + (s > 0 ? 1 : 0), 0);
    this.candidates = Int32Array.from(next.keys()).filter((i) => (next[i] ?? 0) > 0);
    this.c = this.candidateCount <= 1 ? 1 : 2 * this.candidateCount - 2;
  }

  private expected(i: number): number {
    return (this.base[i] ?? 0) + (this.shares[i] ?? 0) * this.nSinceShares;
  }

  get assigned(): number {
    return this.total;
  }

  figures(code: string): MunicipalityFigures {
    const i = this.indexOf(code);
    return {
      code,
      share: this.shares[i] ?? 0,
      received: this.r[i] ?? 0,
      expectedThousandths: this.expected(i),
    };
  }

  allFigures(): MunicipalityFigures[] {
    return this.codes.map((code) => this.figures(code));
  }

  /** Records k children assigned to `code` (either kind): r_code += k, E_j += k·s_j for all j. */
  assign(code: string, k: number): void {
    if (!Number.isInteger(k) || k < 1) throw new AllocationError('a group has at least one child');
    const i = this.indexOf(code);
    this.r[i] = (this.r[i] ?? 0) + k;
    this.nSinceShares += k;
    this.total += k;
    // The largest products formed: c·E·s (quota rule) and r·(E + k·s) (lowest attainment).
    const bound = this.maxOpeningExpected + 1000 * (this.total + 1);
    if (bound * this.c * 1000 > SAFE || bound * (this.total + this.maxOpeningExpected) > SAFE) {
      throw new AllocationError('figures left the safe integer range');
    }
  }

  /** A correction: k children counted for `from` are counted for `to` instead; the exact quotas are unchanged. */
  move(from: string, to: string, k: number): void {
    const i = this.indexOf(from);
    const j = this.indexOf(to);
    if ((this.r[i] ?? 0) < k) throw new AllocationError(`${from} has fewer than ${k} children to move`);
    this.r[i] = (this.r[i] ?? 0) - k;
    this.r[j] = (this.r[j] ?? 0) + k;
  }

  /** The municipality a balancing decision would pick now for a group of k children. */
  pick(rule: Rule, k = 1): string {
    const i = rule === 'quota' ? this.pickQuota() : this.pickLowestAttainment(k);
    if (i < 0) throw new AllocationError('no municipality has a share above 0');
    return this.codes[i] ?? '';
  }

  private better(i: number, best: number, cmp: number): boolean {
    // cmp < 0: i is strictly earlier/lower. Ties: larger share, then lower kommunkod (codes are sorted).
    if (cmp !== 0) return cmp < 0;
    const si = this.shares[i] ?? 0;
    const sb = this.shares[best] ?? 0;
    return si !== sb ? si > sb : i < best;
  }

  /** Indices of municipalities with a share above 0 (the candidates), refreshed with the shares. */
  private candidates = new Int32Array(0);

  // The hot loop of the benchmark: plain typed-array reads, no calls.
  private pickQuota(): number {
    const { c, nSinceShares: n, shares, base, r, candidates } = this;
    let best = -1;
    let bestEligible = false;
    let bestNum = 0;
    let bestShare = 0;
    for (let j = 0; j < candidates.length; j++) {
      const i = candidates[j] as number;
      const s = shares[i] as number;
      const e = (base[i] as number) + s * n;
      const ri = r[i] as number;
      const eligible = c * (e + s - 1000 * ri) >= 1000;
      if (bestEligible && !eligible) continue;
      const num = 1000 * c * (ri + 1) - 1000 - c * e;
      // Earlier deadline num/s first (cross-multiplied), then the larger share, then the lower code (codes are sorted).
      const cmp = num * bestShare - bestNum * s;
      if (
        best < 0 ||
        (eligible && !bestEligible) ||
        cmp < 0 ||
        (cmp === 0 && (s > bestShare || (s === bestShare && i < best)))
      ) {
        best = i;
        bestEligible = eligible;
        bestNum = num;
        bestShare = s;
      }
    }
    return best;
  }

  private pickLowestAttainment(k: number): number {
    let best = -1;
    for (let i = 0; i < this.codes.length; i++) {
      const s = this.shares[i] ?? 0;
      if (s <= 0) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      // r_i / (E_i + k·s_i) vs r_b / (E_b + k·s_b)
      const sb = this.shares[best] ?? 0;
      const cmp =
        (this.r[i] ?? 0) * (this.expected(best) + k * sb) - (this.r[best] ?? 0) * (this.expected(i) + k * s);
      if (this.better(i, best, Math.sign(cmp))) best = i;
    }
    return best;
  }

  /** max over municipalities of |1000·r_i − E_i|, in thousandths of a child. */
  maxDeviationThousandths(onlyWithShare = false): number {
    let max = 0;
    for (let i = 0; i < this.codes.length; i++) {
      if (onlyWithShare && (this.shares[i] ?? 0) === 0) continue;
      const d = Math.abs(1000 * (this.r[i] ?? 0) - this.expected(i));
      if (d > max) max = d;
    }
    return max;
  }

  /** The next `n` picks the rule would make for single children without relatives, without changing this state. */
  preview(rule: Rule, n: number): string[] {
    const copy = this.clone();
    const picks: string[] = [];
    for (let j = 0; j < n; j++) {
      const code = copy.pick(rule, 1);
      picks.push(code);
      copy.assign(code, 1);
    }
    return picks;
  }

  clone(): Allocator {
    const copy = Object.create(Allocator.prototype) as Allocator;
    Object.assign(copy, {
      codes: this.codes,
      index: this.index,
      r: this.r.slice(),
      base: this.base.slice(),
      shares: this.shares.slice(),
      nSinceShares: this.nSinceShares,
      candidateCount: this.candidateCount,
      c: this.c,
      total: this.total,
      maxOpeningExpected: this.maxOpeningExpected,
      candidates: this.candidates,
    });
    return copy;
  }

  get cValue(): number {
    return this.c;
  }

  /**
   * The quota rule's bound 1 − 1/c in thousandths of a child, rounded down: figures are whole thousandths, so "at most
   * this far over (or behind) the exact quota" holds for them exactly as the rule states it (0.998 for 290 municipalities).
   */
  quotaToleranceThousandths(): number {
    return Math.floor((1000 * (this.c - 1)) / this.c);
  }

  /** Read-only views of the running state, for the O(log m) quota index (fast-quota.ts). */
  internals(): {
    readonly shares: Int32Array;
    readonly base: Float64Array;
    readonly r: Float64Array;
    readonly c: number;
    readonly n: number;
  } {
    return { shares: this.shares, base: this.base, r: this.r, c: this.c, n: this.nSinceShares };
  }

  /** How many municipalities are eligible under the quota rule now (for tests and explanations). */
  eligibleCount(): number {
    let n = 0;
    for (let i = 0; i < this.codes.length; i++) {
      const s = this.shares[i] ?? 0;
      if (s > 0 && this.c * (this.expected(i) + s - 1000 * (this.r[i] ?? 0)) >= 1000) n++;
    }
    return n;
  }
}
