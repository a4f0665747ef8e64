import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompensationCode } from '../../../src/domain/compensation/calculator.ts';
import {
  RECONCILIATION_STAGES,
  reconcilableYears,
  reconciliationWindow,
  reconcile,
  reconciliationCsv,
  type ReconciliationEntry,
} from '../../../src/domain/compensation/reconciliation.ts';
import { CLAIM_KINDS, COMPENSATION_CODES_ORDER } from '../../../src/domain/compensation/view.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const entry = (
  childId: string | null,
  code: CompensationCode,
  stage: ReconciliationEntry['stage'],
  amount: number,
): ReconciliationEntry => ({ childId, code, stage, amount });

describe('the reconciliation of a year: computed, claimed, granted, paid', () => {
  it('expects a code paid without a claim to be paid as computed, and has no claimed or granted amount for it', () => {
    const { rows } = reconcile([
      entry(A, 'SCHABLON_DYGN', 'computed', 91_000),
      entry(A, 'SCHABLON_DYGN', 'paid', 90_000),
    ]);
    expect(rows).toEqual([
      {
        childId: A,
        code: 'SCHABLON_DYGN',
        claimKind: 'automatic',
        computed: 91_000,
        claimed: null,
        granted: null,
        pending: null,
        paid: 90_000,
        expected: 91_000,
        unpaid: -1_000,
        unclaimed: 0,
        notGranted: 0,
        differs: true,
      },
    ]);
  });

  it('expects a code applied for to be paid as granted; a reduced line shows as not granted, not as unpaid', () => {
    const [row] = reconcile([
      entry(A, 'LVU_TILLAGG', 'computed', 270_000),
      entry(A, 'LVU_TILLAGG', 'claimed', 270_000),
      entry(A, 'LVU_TILLAGG', 'granted', 180_000),
      entry(A, 'LVU_TILLAGG', 'paid', 180_000),
    ]).rows;
    expect(row).toMatchObject({
      expected: 180_000,
      unpaid: 0,
      unclaimed: 0,
      notGranted: -90_000,
      differs: true,
    });
  });

  it('does not count a line awaiting its decision as refused: it is pending', () => {
    const [row] = reconcile([
      entry(A, 'LVU_TILLAGG', 'computed', 90_000),
      entry(A, 'LVU_TILLAGG', 'claimed', 90_000),
      entry(A, 'LVU_TILLAGG', 'pending', 60_000),
      entry(A, 'LVU_TILLAGG', 'granted', 20_000),
      entry(A, 'LVU_TILLAGG', 'paid', 20_000),
    ]).rows;
    // Of the 30,000 kr decided, 20,000 granted; 60,000 kr still awaits the decision.
    expect(row).toMatchObject({ pending: 60_000, notGranted: -10_000, unpaid: 0, differs: true });
    const [waiting] = reconcile([
      entry(A, 'ANKOMST_DYGN', 'computed', 9_000),
      entry(A, 'ANKOMST_DYGN', 'claimed', 9_000),
      entry(A, 'ANKOMST_DYGN', 'pending', 9_000),
    ]).rows;
    expect(waiting).toMatchObject({ pending: 9_000, notGranted: 0, unclaimed: 0, unpaid: 0, differs: false });
  });

  it('shows what was computed but not claimed', () => {
    const [row] = reconcile([entry(A, 'ANKOMST_DYGN', 'computed', 9_000)]).rows;
    expect(row).toMatchObject({
      claimed: 0,
      granted: 0,
      paid: 0,
      unclaimed: -9_000,
      unpaid: 0,
      differs: true,
    });
  });

  it('finds no difference where everything was claimed, granted and paid as computed', () => {
    const result = reconcile([
      entry(A, 'ANKOMST_DYGN', 'computed', 9_000),
      entry(A, 'ANKOMST_DYGN', 'claimed', 9_000),
      entry(A, 'ANKOMST_DYGN', 'granted', 9_000),
      entry(A, 'ANKOMST_DYGN', 'paid', 9_000),
      entry(null, 'FAST_AR', 'computed', 500_000),
      entry(null, 'FAST_AR', 'paid', 500_000),
    ]);
    expect(result.differing).toBe(0);
    expect(result.totals).toEqual({
      computed: 509_000,
      claimed: 9_000,
      pending: 0,
      granted: 9_000,
      paid: 509_000,
      expected: 509_000,
    });
  });

  it("lists the municipality's own lines first, then the children in the order given, each by the codes' order", () => {
    const rows = reconcile(
      [
        entry(A, 'LVU_TILLAGG', 'computed', 1),
        entry(B, 'SCHABLON_DYGN', 'computed', 1),
        entry(A, 'ANVISNING_ENGANG', 'computed', 1),
        entry(null, 'RORLIG_AR', 'computed', 1),
        entry(null, 'FAST_AR', 'computed', 1),
      ],
      [B, A],
    ).rows.map((row) => `${row.childId ?? '-'} ${row.code}`);
    expect(rows).toEqual([
      '- FAST_AR',
      '- RORLIG_AR',
      `${B} SCHABLON_DYGN`,
      `${A} ANVISNING_ENGANG`,
      `${A} LVU_TILLAGG`,
    ]);
  });

  const arbitraryEntry = fc.record({
    childId: fc.constantFrom(A, B, null),
    code: fc.constantFrom(...COMPENSATION_CODES_ORDER),
    stage: fc.constantFrom(...RECONCILIATION_STAGES),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('keeps every krona: each stage of the rows sums to the entries of that stage (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 40 }), (entries) => {
        const result = reconcile(entries);
        const sum = (stage: ReconciliationEntry['stage']) =>
          entries.filter((e) => e.stage === stage).reduce((acc, e) => acc + e.amount, 0);
        expect(result.totals.computed).toBe(sum('computed'));
        expect(result.totals.paid).toBe(sum('paid'));
        const appliedFor = (stage: ReconciliationEntry['stage']) =>
          entries
            .filter((e) => e.stage === stage && CLAIM_KINDS[e.code] === 'applied_for')
            .reduce((acc, e) => acc + e.amount, 0);
        expect(result.totals.claimed).toBe(appliedFor('claimed'));
        expect(result.totals.granted).toBe(appliedFor('granted'));
        for (const row of result.rows) {
          expect(row.unpaid).toBe(row.paid - row.expected);
          expect(row.differs).toBe(row.unpaid !== 0 || row.unclaimed !== 0 || row.notGranted !== 0);
        }
      }),
    );
  });

  it('never calls an actual cost (SFV) not claimed: Anvisa computes no amount for it, only its days', () => {
    const { rows } = reconcile([
      entry(A, 'SFV_KOSTNAD', 'claimed', 45_000),
      entry(A, 'SFV_KOSTNAD', 'granted', 40_000),
      entry(A, 'SFV_KOSTNAD', 'paid', 40_000),
    ]);
    expect(rows[0]).toMatchObject({
      computed: 0,
      claimed: 45_000,
      unclaimed: 0,
      notGranted: -5_000,
      unpaid: 0,
    });
  });

  it('does not depend on the order of the entries (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 30 }), (entries) => {
        expect(reconcile([...entries].reverse(), [A, B])).toEqual(reconcile(entries, [A, B]));
      }),
    );
  });
});

describe('the reconciliation as CSV', () => {
  it('writes a header, one line per row with the dossier number, empty claimed and granted for an automatic code', () => {
    const { rows } = reconcile([
      entry(null, 'FAST_AR', 'computed', 500_000),
      entry(A, 'SCHABLON_DYGN', 'computed', 91_000),
      entry(A, 'SCHABLON_DYGN', 'paid', 90_000),
      entry(A, 'LVU_TILLAGG', 'claimed', 3_000),
    ]);
    expect(reconciliationCsv('1280', 2026, rows, () => '7-123456')).toBe(
      [
        'kommunkod,ar,akt,ersattning,ansokan,beraknat,ansokt,vantar_beslut,beviljat,utbetalt,forvantat,differens_sokt,differens_beviljat,differens_utbetalt',
        '1280,2026,,FAST_AR,nej,500000,,,,0,500000,,,-500000',
        '1280,2026,7-123456,SCHABLON_DYGN,nej,91000,,,,90000,91000,,,-1000',
        '1280,2026,7-123456,LVU_TILLAGG,ja,0,3000,0,0,0,0,3000,-3000,0',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes a field with a comma or a quote and defuses a leading formula character', () => {
    const { rows } = reconcile([entry(A, 'ANKOMST_DYGN', 'computed', 1)]);
    expect(reconciliationCsv('1280', 2026, rows, () => '=HYPERLINK("x"),1').split('\r\n')[1]).toBe(
      `1280,2026,"'=HYPERLINK(""x""),1",ANKOMST_DYGN,ja,1,0,0,0,0,0,-1,0,0`,
    );
  });
});

describe('the years that can be reconciled', () => {
  it('runs from the year of the last ended quarter back to 2017', () => {
    expect(reconcilableYears('2026-11-23').slice(0, 2)).toEqual([2026, 2025]);
    expect(reconcilableYears('2026-11-23').at(-1)).toBe(2017);
    // On 1 January the last ended quarter is last year's fourth.
    expect(reconcilableYears('2027-01-01')[0]).toBe(2026);
    expect(reconcilableYears('2027-04-01')[0]).toBe(2027);
    expect(reconcilableYears('2017-03-01')).toEqual([]);
  });
});

describe('the days of a year the reconciliation counts', () => {
  it('ends with the last ended quarter, or the year, and has none before the year begins to count', () => {
    expect(reconciliationWindow(2026, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(reconciliationWindow(2025, '2026-11-23')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(reconciliationWindow(2027, '2027-02-10')).toBeNull();
  });
});
