import { describe, expect, it } from 'vitest';
import {
  CLAIM_LINE_CODES,
  claimableQuarters,
  quarterBefore,
  requiredAttachment,
  claimQuarterProblems,
  claimStepsFor,
  quarterAfter,
  submitProblems,
} from '../../../src/domain/compensation/claim-rules.ts';
import { claimLastDay, claimQuarterChoices } from '../../../src/domain/compensation/claims.ts';
import { CLAIM_KINDS } from '../../../src/domain/compensation/view.ts';

describe('the quarters of a claim', () => {
  it('offers the twelve quarters before the current one, newest first, across years', () => {
    expect(claimableQuarters('2026-02-10')).toEqual([
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
      '2024-Q4',
      '2024-Q3',
      '2024-Q2',
      '2024-Q1',
      '2023-Q4',
      '2023-Q3',
      '2023-Q2',
      '2023-Q1',
    ]);
    expect(quarterBefore('2026-Q1')).toBe('2025-Q4');
    expect(claimQuarterChoices('2026-11-23').slice(0, 3)).toEqual([
      { quarter: '2026-Q3', lastDay: '2027-03-31', passed: false },
      { quarter: '2026-Q2', lastDay: '2027-01-04', passed: false },
      { quarter: '2026-Q1', lastDay: '2026-09-30', passed: true },
    ]);
    expect(quarterBefore('2026-Q3')).toBe('2026-Q2');
  });

  it('are one quarter, or two that follow each other, each ended before today', () => {
    expect(claimQuarterProblems(['2025-Q1'], '2025-04-01')).toEqual([]);
    expect(claimQuarterProblems(['2024-Q4', '2025-Q1'], '2025-04-01')).toEqual([]);
    expect(claimQuarterProblems(['2025-Q1', '2025-Q3'], '2025-10-01')).toEqual([
      { field: 'quarters', code: 'claim_quarters_not_consecutive' },
    ]);
    expect(claimQuarterProblems(['2025-Q2', '2025-Q1'], '2025-10-01')[0]?.code).toBe(
      'claim_quarters_not_consecutive',
    );
    expect(claimQuarterProblems(['2025-Q1'], '2025-03-31')[0]?.code).toBe('claim_quarter_not_ended');
    expect(claimQuarterProblems([], '2025-03-31')[0]?.code).toBe('claim_quarters_count');
    expect(claimQuarterProblems(['2025-Q1', '2025-Q2', '2025-Q3'], '2026-01-01')[0]?.code).toBe(
      'claim_quarters_count',
    );
  });

  it('the quarter after Q4 is the next year’s Q1', () => {
    expect(quarterAfter('2024-Q4')).toBe('2025-Q1');
    expect(quarterAfter('2025-Q2')).toBe('2025-Q3');
  });
});

describe('the last day of a claim (19 § 2017:193, moved by lag 1930:173)', () => {
  it.each([
    [['2025-Q1', '2025-Q2'], '2025-09-30'], // a Tuesday
    [['2024-Q3'], '2025-03-31'], // a Monday
    [['2023-Q3'], '2024-04-02'], // Easter Day 31 March 2024, then Easter Monday
    [['2025-Q2'], '2026-01-02'], // nyårsafton, then New Year's Day
    [['2022-Q4'], '2023-06-30'], // a Friday
    [['2023-Q1'], '2023-10-02'], // Saturday 30 September 2023
  ])('for %j is %s', (quarters, day) => {
    expect(claimLastDay(quarters)).toBe(day);
  });

  it('is none for quarters a claim cannot cover', () => {
    expect(claimLastDay(['2025-Q1', '2025-Q3'])).toBeNull();
  });
});

describe('what a claim carries and what blocks its submission', () => {
  it('carries exactly the codes the municipality applies for', () => {
    const appliedFor = Object.entries(CLAIM_KINDS)
      .filter(([, kind]) => kind === 'applied_for')
      .map(([code]) => code);
    expect([...CLAIM_LINE_CODES].sort()).toEqual(appliedFor.sort());
  });

  const line = (
    index: number,
    code: 'ANKOMST_DYGN' | 'LVU_TILLAGG' | 'UTBILDNING' | 'SFV_KOSTNAD',
    values: Partial<{
      hasAttachment: boolean;
      amount: number;
      count: number;
      statedAmount: number | null;
    }> = {},
    judgmentSubmitted = false,
  ) => ({
    index,
    code,
    hasAttachment: false,
    amount: 3000,
    count: 3,
    statedAmount: null,
    judgmentSubmitted,
    ...values,
  });

  it('refuses no lines, a line the facts no longer give, and an LVU line without its attachment', () => {
    expect(submitProblems([])).toEqual([{ field: 'lines', code: 'claim_without_lines' }]);
    expect(
      submitProblems([
        line(0, 'ANKOMST_DYGN', { amount: 9000 }),
        line(1, 'LVU_TILLAGG'),
        line(2, 'LVU_TILLAGG', { hasAttachment: true, amount: 0 }),
        line(3, 'LVU_TILLAGG', { hasAttachment: true }),
        line(4, 'UTBILDNING', { amount: 10_480, count: 1 }),
      ]),
    ).toEqual([
      { field: 'lines.1.attachment', code: 'claim_attachment_required' },
      { field: 'lines.2', code: 'claim_line_not_computed' },
    ]);
  });

  it("needs an SFV line's stated cost, and the court's judgment on the child's first SFV claim only", () => {
    expect(
      submitProblems([
        line(0, 'SFV_KOSTNAD', { amount: 0, count: 92 }),
        line(1, 'SFV_KOSTNAD', { amount: 0, count: 92, statedAmount: 45_000, hasAttachment: true }),
        line(2, 'SFV_KOSTNAD', { amount: 0, count: 92, statedAmount: 45_000 }, true),
        line(3, 'SFV_KOSTNAD', { amount: 0, count: 0, statedAmount: 45_000 }, true),
      ]),
    ).toEqual([
      { field: 'lines.0.statedAmount', code: 'claim_amount_required' },
      { field: 'lines.0.attachment', code: 'claim_attachment_required' },
      { field: 'lines.3', code: 'claim_line_not_computed' },
    ]);
    expect(requiredAttachment('SFV_KOSTNAD', false)).toBe('court_judgment');
    expect(requiredAttachment('SFV_KOSTNAD', true)).toBeNull();
    expect(requiredAttachment('LVU_TILLAGG', true)).toBe('lvu_decision');
    expect(requiredAttachment('UTBILDNING', false)).toBeNull();
    expect(requiredAttachment('ANKOMST_DYGN', false)).toBeNull();
  });
});

describe('the steps each party may take', () => {
  const state = (
    status: 'draft' | 'submitted' | 'superseded' | 'decided' | 'paid',
    later = false,
    granted = 0,
  ) => ({
    status,
    hasLaterVersion: later,
    granted,
  });
  it('the municipality edits and submits a draft, corrects a submitted claim without a later version', () => {
    expect(claimStepsFor(state('draft'), 'municipality')).toEqual(['edit', 'submit']);
    expect(claimStepsFor(state('submitted'), 'municipality')).toEqual(['correct']);
    expect(claimStepsFor(state('submitted', true), 'municipality')).toEqual([]);
    expect(claimStepsFor(state('decided', false, 10), 'municipality')).toEqual([]);
  });
  it('the Agency decides a submitted claim and pays a decided one that grants something', () => {
    expect(claimStepsFor(state('submitted'), 'agency')).toEqual(['decide']);
    expect(claimStepsFor(state('decided', false, 10), 'agency')).toEqual(['pay']);
    expect(claimStepsFor(state('decided', false, 0), 'agency')).toEqual([]);
    expect(claimStepsFor(state('superseded'), 'agency')).toEqual([]);
    expect(claimStepsFor(state('paid', false, 10), 'agency')).toEqual([]);
  });
});
