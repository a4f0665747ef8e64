/**
 * The reconciliation of a municipality's year (issue 14 point 8): what Anvisa computes it is owed, what it claimed,
 * what the Migration Agency granted and what it paid, per child and compensation code, with the differences. The
 * codes paid without a claim (CLAIM_KINDS) have no claimed or granted amount: what is expected of them is what is
 * computed; a code applied for is expected to be paid as granted. An actual cost (SFV) has no computed amount, so it
 * is never "not claimed". The annual compensation has no child. Pure.
 */
import { ACTUAL_COST_CODES, type CompensationCode, type DayWindow } from './calculator.ts';
import { CLAIM_KINDS, COMPENSATION_CODES_ORDER, previousQuarter, quarterWindow } from './view.ts';

/** The first year the 2017 compensation system counts in (from 1 July). */
export const RECONCILIATION_FIRST_YEAR = 2017;

/**
 * The years that can be reconciled on `today`, newest first: from 2017 to the year of the last ended quarter (a year
 * whose first quarter has not ended has nothing claimable or paid yet).
 */
export function reconcilableYears(today: string): number[] {
  const last = Number(previousQuarter(today).slice(0, 4));
  const years: number[] = [];
  for (let year = last; year >= RECONCILIATION_FIRST_YEAR; year--) years.push(year);
  return years;
}

/**
 * `pending` is the claimed amount of a line the Agency has not yet decided: it is in `claimed` too, and is neither
 * granted nor refused yet.
 */
export const RECONCILIATION_STAGES = ['computed', 'claimed', 'pending', 'granted', 'paid'] as const;
export type ReconciliationStage = (typeof RECONCILIATION_STAGES)[number];

/** The days of the year that count today: to the last day of the last ended quarter; null when none has ended. */
export function reconciliationWindow(year: number, today: string): DayWindow | null {
  const lastEnded = quarterWindow(previousQuarter(today));
  if (lastEnded === null) return null;
  const to = lastEnded.to < `${year}-12-31` ? lastEnded.to : `${year}-12-31`;
  const from = `${year}-01-01`;
  return to < from ? null : { from, to };
}

/** One amount of one stage: a computed line, a claimed line, a decided line or a paid line. */
export interface ReconciliationEntry {
  /** Null for the annual compensation, which belongs to the municipality. */
  readonly childId: string | null;
  readonly code: CompensationCode;
  readonly stage: ReconciliationStage;
  /** Whole kronor. */
  readonly amount: number;
}

export interface ReconciliationRow {
  readonly childId: string | null;
  readonly code: CompensationCode;
  readonly claimKind: 'automatic' | 'applied_for';
  readonly computed: number;
  /** Null for a code paid without a claim. */
  readonly claimed: number | null;
  readonly granted: number | null;
  /** Claimed and awaiting the Agency's decision; null for a code paid without a claim. */
  readonly pending: number | null;
  readonly paid: number;
  /**
   * What the municipality should have been paid by now: the computed amount for a code paid without a claim, the
   * granted amount for one applied for.
   */
  readonly expected: number;
  /** Paid minus expected: below zero when the municipality has been paid too little. */
  readonly unpaid: number;
  /** Claimed minus computed for a code applied for (below zero: not claimed in full); 0 otherwise. */
  readonly unclaimed: number;
  /**
   * Granted minus what the Agency has decided of the claim (below zero: reduced or rejected); a line awaiting its
   * decision is not counted as refused. 0 for a code paid without a claim.
   */
  readonly notGranted: number;
  /** Whether any of the three differences is not zero. */
  readonly differs: boolean;
}

export interface ReconciliationTotals {
  readonly computed: number;
  readonly claimed: number;
  readonly pending: number;
  readonly granted: number;
  readonly paid: number;
  readonly expected: number;
}

export interface Reconciliation {
  readonly rows: readonly ReconciliationRow[];
  readonly totals: ReconciliationTotals;
  /** Rows with a difference. */
  readonly differing: number;
}

const codeOrder = new Map<CompensationCode, number>(
  COMPENSATION_CODES_ORDER.map((code, index) => [code, index]),
);

/**
 * The rows, one per child (the municipality's own first) and code that has an amount in any stage, in the order of
 * the child ids given (the caller sorts them as it shows them) and then the codes' order.
 */
export function reconcile(
  entries: Iterable<ReconciliationEntry>,
  childOrder: readonly string[] = [],
): Reconciliation {
  const sums = new Map<
    string,
    { childId: string | null; code: CompensationCode; stages: Record<ReconciliationStage, number> }
  >();
  for (const entry of entries) {
    const key = `${entry.childId ?? ''}|${entry.code}`;
    let sum = sums.get(key);
    if (sum === undefined) {
      sum = {
        childId: entry.childId,
        code: entry.code,
        stages: { computed: 0, claimed: 0, pending: 0, granted: 0, paid: 0 },
      };
      sums.set(key, sum);
    }
    sum.stages[entry.stage] += entry.amount;
  }
  const position = new Map(childOrder.map((id, index) => [id, index]));
  const rank = (childId: string | null) =>
    childId === null ? -1 : (position.get(childId) ?? childOrder.length);
  const rows = [...sums.values()]
    .sort(
      (a, b) =>
        rank(a.childId) - rank(b.childId) ||
        (a.childId ?? '').localeCompare(b.childId ?? '') ||
        (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0),
    )
    .map(({ childId, code, stages }): ReconciliationRow => {
      const claimKind = CLAIM_KINDS[code];
      const appliedFor = claimKind === 'applied_for';
      const expected = appliedFor ? stages.granted : stages.computed;
      const unpaid = stages.paid - expected;
      // An actual cost (SFV) is the municipality's to state: Anvisa computes no amount to compare it with.
      const unclaimed = appliedFor && !ACTUAL_COST_CODES.has(code) ? stages.claimed - stages.computed : 0;
      const notGranted = appliedFor ? stages.granted - (stages.claimed - stages.pending) : 0;
      return {
        childId,
        code,
        claimKind,
        computed: stages.computed,
        claimed: appliedFor ? stages.claimed : null,
        granted: appliedFor ? stages.granted : null,
        pending: appliedFor ? stages.pending : null,
        paid: stages.paid,
        expected,
        unpaid,
        unclaimed,
        notGranted,
        differs: unpaid !== 0 || unclaimed !== 0 || notGranted !== 0,
      };
    });
  const totals = rows.reduce<ReconciliationTotals>(
    (acc, row) => ({
      computed: acc.computed + row.computed,
      claimed: acc.claimed + (row.claimed ?? 0),
      pending: acc.pending + (row.pending ?? 0),
      granted: acc.granted + (row.granted ?? 0),
      paid: acc.paid + row.paid,
      expected: acc.expected + row.expected,
    }),
    { computed: 0, claimed: 0, pending: 0, granted: 0, paid: 0, expected: 0 },
  );
  return { rows, totals, differing: rows.filter((row) => row.differs).length };
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula character defused. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const RECONCILIATION_CSV_HEADER = [
  'kommunkod',
  'ar',
  'akt',
  'ersattning',
  'ansokan',
  'beraknat',
  'ansokt',
  'vantar_beslut',
  'beviljat',
  'utbetalt',
  'forvantat',
  'differens_sokt',
  'differens_beviljat',
  'differens_utbetalt',
] as const;

/**
 * The reconciliation as CSV (UTF-8, comma-separated, a header row, CRLF as RFC 4180): one line per row, the child by
 * its dossier number (the municipality's own line without), amounts in whole kronor, empty where a stage does not
 * apply. `ansokan` says whether the code is applied for (ja) or paid without a claim (nej); `vantar_beslut` is claimed
 * and not yet decided; the three differences are those of the row (sökt − beräknat, beviljat − beslutat av det sökta,
 * utbetalt − förväntat).
 */
export function reconciliationCsv(
  municipalityCode: string,
  year: number,
  rows: readonly ReconciliationRow[],
  dossierNumber: (childId: string) => string,
): string {
  const lines = [RECONCILIATION_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        municipalityCode,
        String(year),
        row.childId === null ? '' : dossierNumber(row.childId),
        row.code,
        row.claimKind === 'automatic' ? 'nej' : 'ja',
        String(row.computed),
        row.claimed === null ? '' : String(row.claimed),
        row.pending === null ? '' : String(row.pending),
        row.granted === null ? '' : String(row.granted),
        String(row.paid),
        String(row.expected),
        row.claimKind === 'automatic' ? '' : String(row.unclaimed),
        row.claimKind === 'automatic' ? '' : String(row.notGranted),
        String(row.unpaid),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
