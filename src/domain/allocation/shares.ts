/**
 * Yearly shares (andelar, per mille): validation, the transparent default proposal, and transfers within a county
 * (omfördelning). The Agency's exact arithmetic is not public (docs/adr/0005-allocation-rule-and-shares.md); the
 * proposal below is the documented default, computed exactly with integers (BigInt) so that it is reproducible.
 */

export interface ShareProblem {
  readonly line: number;
  readonly message: string;
}

export interface ShareRow {
  readonly line: number;
  readonly code: string;
  readonly value: string;
}

/**
 * Validates shares: known codes, each once, integers ≥ 0, summing to exactly 1000. With `requireAll` every known
 * municipality must be listed (decided shares); otherwise an absent municipality has share 0 (simulations).
 */
export function validateShares(
  rows: readonly ShareRow[],
  knownCodes: ReadonlySet<string>,
  options: { readonly requireAll: boolean },
): { shares: Map<string, number>; problems: ShareProblem[] } {
  const problems: ShareProblem[] = [];
  const shares = new Map<string, number>();
  const seen = new Set<string>();
  for (const row of rows) {
    const lineProblems: string[] = [];
    if (!/^[0-9]{4}$/.test(row.code)) lineProblems.push(`kommunkod "${row.code}" is not four digits`);
    else if (!knownCodes.has(row.code)) lineProblems.push(`unknown kommunkod ${row.code}`);
    else if (seen.has(row.code)) lineProblems.push(`kommunkod ${row.code} appears twice`);
    if (!/^[0-9]+$/.test(row.value)) lineProblems.push(`promille "${row.value}" is not a whole number ≥ 0`);
    seen.add(row.code);
    if (lineProblems.length === 0) shares.set(row.code, Number(row.value));
    for (const message of lineProblems) problems.push({ line: row.line, message });
  }
  if (problems.length === 0) {
    const missing = [...knownCodes].filter((c) => !shares.has(c));
    const sum = [...shares.values()].reduce((a, b) => a + b, 0);
    const lastLine = rows.length > 0 ? Math.max(...rows.map((r) => r.line)) : 1;
    if (options.requireAll && missing.length > 0) {
      problems.push({
        line: lastLine,
        message: `${missing.length} municipalities are missing, e.g. ${missing.slice(0, 5).join(', ')}`,
      });
    }
    if (sum !== 1000) problems.push({ line: lastLine, message: `the shares sum to ${sum}, not 1000` });
  }
  return { shares, problems };
}

export interface ProposalInput {
  readonly code: string;
  readonly population: number;
  readonly newlyArrived: number;
  readonly unaccompanied: number;
  readonly asylumDays: number;
  readonly arrivalDays: number;
}

/** Weights of the inputs, in thousandths (1000 = weight 1). */
export interface ProposalWeights {
  readonly newlyArrived: number;
  readonly unaccompanied: number;
  readonly asylumDays: number;
  readonly arrivalDays: number;
}
export const DEFAULT_WEIGHTS: ProposalWeights = {
  newlyArrived: 1000,
  unaccompanied: 1000,
  asylumDays: 1000,
  arrivalDays: 1000,
};

export interface ProposedShare {
  readonly code: string;
  readonly share: number;
  readonly explanation: {
    readonly inputs: ProposalInput;
    /** R: prior reception in person-years, as a decimal string. */
    readonly priorReception: string;
    readonly populationShare: string;
    /** population share × T − R, before the cut at 0. */
    readonly raw: string;
    /** raw scaled to 1000 (exact, as a decimal string). */
    readonly scaled: string;
    readonly floor: number;
    readonly adjustment: 'raised to 1' | 'plus 1 (largest remainder)' | 'minus 1 (overshoot)' | 'none';
  };
}

export interface Proposal {
  readonly forecast: number;
  /** T = forecast + ΣR, as a decimal string. */
  readonly total: string;
  readonly shares: ProposedShare[];
}

const DAYS = 365n;
const W = 1000n;

function decimal(numerator: bigint, denominator: bigint, digits = 4): string {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = 10n ** BigInt(digits);
  const scaled = (n * scale + d / 2n) / d;
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * The default proposal: R = nyanlända + ekb + (asyl_dygn + ankomst_dygn)/365 (each weighted), T = forecast + ΣR,
 * raw = population share × T − R, negatives to 0, scaled to 1000; floors, every share at least 1, the rest by the
 * largest remainder (ties: larger population, then lower code), or, if the raises overshot, one by one from the
 * largest shares (ties: smaller remainder, then higher code).
 */
export function proposeShares(
  inputs: readonly ProposalInput[],
  forecast: number,
  weights: ProposalWeights = DEFAULT_WEIGHTS,
): Proposal {
  if (inputs.length === 0) throw new Error('no municipalities');
  if (inputs.length > 1000) throw new Error('more than 1000 municipalities cannot all have 1 ‰');
  const w = {
    ny: BigInt(weights.newlyArrived),
    ekb: BigInt(weights.unaccompanied),
    asyl: BigInt(weights.asylumDays),
    ank: BigInt(weights.arrivalDays),
  };
  // R_i · 365 · 1000, an integer.
  const r = inputs.map(
    (m) =>
      (BigInt(m.newlyArrived) * w.ny + BigInt(m.unaccompanied) * w.ekb) * DAYS +
      BigInt(m.asylumDays) * w.asyl +
      BigInt(m.arrivalDays) * w.ank,
  );
  const sumR = r.reduce((a, b) => a + b, 0n);
  const t = BigInt(forecast) * DAYS * W + sumR; // T · 365 · 1000
  const sumP = inputs.reduce((a, m) => a + BigInt(m.population), 0n);
  if (sumP === 0n) throw new Error('the population sums to 0');
  // raw_i · 365 · 1000 · ΣP
  const raw = inputs.map((m, i) => BigInt(m.population) * t - (r[i] ?? 0n) * sumP);
  const positive = raw.map((x) => (x > 0n ? x : 0n));
  const sumRaw = positive.reduce((a, b) => a + b, 0n);
  const denominator = sumRaw === 0n ? 1n : sumRaw;
  const exact = positive.map((x) => (sumRaw === 0n ? 0n : x * 1000n));
  const floors = exact.map((x) => x / denominator);
  const remainders = exact.map((x) => x % denominator);
  const shares = floors.map((f) => Number(f));
  const adjustment: ProposedShare['explanation']['adjustment'][] = shares.map(() => 'none');
  shares.forEach((s, i) => {
    if (s < 1) {
      shares[i] = 1;
      adjustment[i] = 'raised to 1';
    }
  });
  let left = 1000 - shares.reduce((a, b) => a + b, 0);
  const idx = inputs.map((_, i) => i);
  const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  if (left > 0) {
    const order = idx
      .filter((i) => adjustment[i] === 'none')
      .sort(
        (a, b) =>
          cmpBig(remainders[b] ?? 0n, remainders[a] ?? 0n) ||
          (inputs[b]?.population ?? 0) - (inputs[a]?.population ?? 0) ||
          ((inputs[a]?.code ?? '') < (inputs[b]?.code ?? '') ? -1 : 1),
      );
    for (let j = 0; left > 0; j++, left--) {
      const i = order[j % order.length] ?? 0;
      shares[i] = (shares[i] ?? 0) + 1;
      adjustment[i] = 'plus 1 (largest remainder)';
    }
  }
  while (left < 0) {
    const i = idx
      .filter((k) => (shares[k] ?? 0) > 1)
      .sort(
        (a, b) =>
          (shares[b] ?? 0) - (shares[a] ?? 0) ||
          cmpBig(remainders[a] ?? 0n, remainders[b] ?? 0n) ||
          ((inputs[a]?.code ?? '') < (inputs[b]?.code ?? '') ? 1 : -1),
      )[0];
    if (i === undefined) throw new Error('cannot reach 1000 with every share at least 1');
    shares[i] = (shares[i] ?? 0) - 1;
    adjustment[i] = 'minus 1 (overshoot)';
    left++;
  }
  const scale = DAYS * W;
  return {
    forecast,
    total: decimal(t, scale),
    shares: inputs.map((m, i) => ({
      code: m.code,
      share: shares[i] ?? 0,
      explanation: {
        inputs: m,
        priorReception: decimal(r[i] ?? 0n, scale),
        populationShare: decimal(BigInt(m.population), sumP, 6),
        raw: decimal(raw[i] ?? 0n, scale * sumP),
        scaled: decimal(exact[i] ?? 0n, denominator),
        floor: Number(floors[i] ?? 0n),
        adjustment: adjustment[i] ?? 'none',
      },
    })),
  };
}

export interface Transfer {
  readonly fromCode: string;
  readonly toCode: string;
  readonly promille: number;
}

/**
 * Transfers within a county (omfördelning): a municipality hands part or all of its share to another in the same
 * county; the county's total is unchanged. Returns the new vector or the problems.
 */
export function applyTransfers(
  shares: ReadonlyMap<string, number>,
  transfers: readonly Transfer[],
): { shares: Map<string, number>; problems: string[]; problemIndexes: number[] } {
  const next = new Map(shares);
  const problems: string[] = [];
  const problemIndexes: number[] = [];
  for (const [index, t] of transfers.entries()) {
    const before = problems.length;
    const from = next.get(t.fromCode);
    if (from === undefined || !next.has(t.toCode)) {
      problems.push(`unknown municipality in transfer ${t.fromCode} → ${t.toCode}`);
      continue;
    }
    if (t.fromCode === t.toCode) problems.push(`${t.fromCode} cannot transfer to itself`);
    else if (t.fromCode.slice(0, 2) !== t.toCode.slice(0, 2))
      problems.push(`${t.fromCode} and ${t.toCode} are not in the same county`);
    else if (!Number.isInteger(t.promille) || t.promille < 1)
      problems.push(`a transfer is a whole number of ‰ ≥ 1`);
    else if (t.promille > from)
      problems.push(`${t.fromCode} has ${from} ‰ and cannot hand over ${t.promille}`);
    else {
      next.set(t.fromCode, from - t.promille);
      next.set(t.toCode, (next.get(t.toCode) ?? 0) + t.promille);
    }
    if (problems.length > before) problemIndexes.push(index);
  }
  return { shares: next, problems, problemIndexes };
}

/** Shares proportional to population with a floor of 1 ‰ (used for scenarios): the proposal with no prior reception. */
export function populationShares(
  populations: readonly { code: string; population: number }[],
): Map<string, number> {
  const proposal = proposeShares(
    populations.map((p) => ({
      code: p.code,
      population: p.population,
      newlyArrived: 0,
      unaccompanied: 0,
      asylumDays: 0,
      arrivalDays: 0,
    })),
    1000,
  );
  return new Map(proposal.shares.map((s) => [s.code, s.share]));
}
