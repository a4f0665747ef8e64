/** The Agency's payouts, the missing-schablon answers and the annual compensation spelled out (ADR 0035). */
import { describe, expect, it } from 'vitest';
import { annualBreakdown, exactShareOfForecast } from '../../../src/domain/compensation/annual.ts';
import {
  answerProblems,
  comparePaid,
  forecastProblems,
  owedLines,
  payoutPeriod,
  payoutProblems,
  reportProblems,
  type PayoutLine,
} from '../../../src/domain/compensation/payouts.ts';
import { rateTable } from './fixture.ts';

const line = (childId: string | null, code: PayoutLine['code'], count: number, amount: number) => ({
  childId,
  code,
  count,
  amount,
});

describe('a payout period', () => {
  it('is a quarter (its days) or a year (the annual compensation)', () => {
    expect(payoutPeriod('2026-Q3')).toEqual({
      kind: 'quarter',
      period: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(payoutPeriod('2025')).toEqual({
      kind: 'year',
      period: '2025',
      year: 2025,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(payoutPeriod('2026-Q5')).toBeNull();
    expect(payoutPeriod('26')).toBeNull();
  });
});

describe('recording a payout', () => {
  const q3 = payoutPeriod('2026-Q3');
  const year = payoutPeriod('2026');
  if (q3 === null || year === null) throw new Error('periods');

  it('pays a quarter in arrears: after it has ended, on a day after its end and not in the future', () => {
    expect(payoutProblems(q3, '2026-10-10', '2026-11-23')).toEqual([]);
    expect(payoutProblems(q3, '2026-09-30', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_before_quarter_end' },
    ]);
    expect(payoutProblems(q3, '2026-11-24', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_in_future' },
    ]);
    // On the quarter's last day it has not ended yet.
    expect(payoutProblems(q3, '2026-09-30', '2026-09-30')).toContainEqual({
      field: 'period',
      code: 'quarter_not_ended',
    });
  });

  it('pays a year within it or after it', () => {
    expect(payoutProblems(year, '2026-07-15', '2026-11-23')).toEqual([]);
    expect(payoutProblems(year, '2025-12-31', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_before_year' },
    ]);
    expect(payoutProblems(year, '2025-12-20', '2025-12-20')).toContainEqual({
      field: 'period',
      code: 'year_not_begun',
    });
  });
});

describe('paid against computed', () => {
  const computed = [
    line('a', 'ANVISNING_ENGANG', 1, 52_000),
    line('a', 'SCHABLON_DYGN', 85, 85_000),
    line('b', 'SCHABLON_DYGN', 10, 10_000),
  ];
  const paid = [
    line('a', 'ANVISNING_ENGANG', 1, 52_000),
    line('a', 'SCHABLON_DYGN', 40, 40_000),
    line('a', 'SCHABLON_DYGN', 21, 21_000),
    line('c', 'SCHABLON_DYGN', 5, 5_000),
  ];

  it('sums every payout per child and code and shows the difference, also for a line no longer computed', () => {
    expect(comparePaid(computed, paid)).toEqual([
      {
        childId: 'a',
        code: 'ANVISNING_ENGANG',
        computed: { count: 1, amount: 52_000 },
        paid: { count: 1, amount: 52_000 },
        difference: 0,
      },
      {
        childId: 'a',
        code: 'SCHABLON_DYGN',
        computed: { count: 85, amount: 85_000 },
        paid: { count: 61, amount: 61_000 },
        difference: 24_000,
      },
      {
        childId: 'b',
        code: 'SCHABLON_DYGN',
        computed: { count: 10, amount: 10_000 },
        paid: { count: 0, amount: 0 },
        difference: 10_000,
      },
      {
        childId: 'c',
        code: 'SCHABLON_DYGN',
        computed: { count: 0, amount: 0 },
        paid: { count: 5, amount: 5_000 },
        difference: -5_000,
      },
    ]);
  });

  it('owes only what was paid short, never offsetting a line paid in excess', () => {
    expect(owedLines(computed, paid)).toEqual([
      line('a', 'SCHABLON_DYGN', 24, 24_000),
      line('b', 'SCHABLON_DYGN', 10, 10_000),
    ]);
    expect(owedLines(paid, paid)).toEqual([]);
  });
});

describe('a report of a missing schablon and its answer', () => {
  it('says why in at least ten characters', () => {
    expect(reportProblems('kort')).toEqual([{ field: 'explanation', code: 'explanation_short' }]);
    expect(reportProblems('  Ansvaret registrerades sent.  ')).toEqual([]);
  });

  it('an acceptance names the payment day, from the report to today', () => {
    const accepted = { outcome: 'accepted', reason: null, text: '' } as const;
    expect(answerProblems({ ...accepted, paidOn: '2026-11-20' }, '2026-11-10', '2026-11-23')).toEqual([]);
    expect(answerProblems({ ...accepted, paidOn: null }, '2026-11-10', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_on_required' },
    ]);
    expect(answerProblems({ ...accepted, paidOn: '2026-11-09' }, '2026-11-10', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_before_report' },
    ]);
    expect(answerProblems({ ...accepted, paidOn: '2026-11-24' }, '2026-11-10', '2026-11-23')).toEqual([
      { field: 'paidOn', code: 'paid_in_future' },
    ]);
  });

  it('a rejection names a reason from the list; "other" says it in words', () => {
    const rejected = { outcome: 'rejected', paidOn: null } as const;
    expect(answerProblems({ ...rejected, reason: 'already_paid', text: '' }, 'x', 'y')).toEqual([]);
    expect(answerProblems({ ...rejected, reason: null, text: '' }, 'x', 'y')).toEqual([
      { field: 'reason', code: 'rejection_reason_required' },
    ]);
    expect(answerProblems({ ...rejected, reason: 'other', text: 'Nej.' }, 'x', 'y')).toEqual([
      { field: 'text', code: 'rejection_text_required' },
    ]);
    expect(
      answerProblems({ ...rejected, reason: 'other', text: 'Barnet var avviket hela perioden.' }, 'x', 'y'),
    ).toEqual([]);
  });

  it('a forecast names its source', () => {
    expect(forecastProblems(' ', '2026-07-28', '2026-08-01')).toEqual([
      { field: 'source', code: 'source_required' },
    ]);
    expect(forecastProblems('Migrationsverkets prognos juli 2026', '2026-07-28', '2026-08-01')).toEqual([]);
    expect(forecastProblems('Migrationsverkets prognos juli 2026', '2026-08-02', '2026-08-01')).toEqual([
      { field: 'publishedOn', code: 'published_in_future' },
    ]);
  });
});

describe('the annual compensation spelled out', () => {
  it('9.45 ‰ of a forecast of 1,500 is 14.175 children, 14 after rounding: 132,300 kr, with the fixed 632,300 kr', () => {
    const b = annualBreakdown(2018, 9.45, 1500, rateTable());
    expect(b).toMatchObject({ exactChildren: '14.175', children: 14, total: 632_300 });
    expect(b.lines).toEqual([line(null, 'FAST_AR', 1, 500_000), line(null, 'RORLIG_AR', 14, 132_300)]);
    expect(b.fixedRate?.amount).toBe(500_000);
    expect(b.variableRate?.amount).toBe(9_450);
  });

  it('writes the share of the forecast exactly, and rounds half a child up', () => {
    expect(exactShareOfForecast(33, 1500)).toBe('49.5');
    expect(annualBreakdown(2026, 33, 1500, rateTable()).children).toBe(50);
    expect(exactShareOfForecast(1, 1000)).toBe('1');
    expect(exactShareOfForecast(1, 1)).toBe('0.001');
    expect(exactShareOfForecast(0, 1500)).toBe('0');
  });

  it('a municipality with 0 ‰ gets the fixed amount and no variable line', () => {
    expect(annualBreakdown(2026, 0, 1500, rateTable()).lines).toEqual([line(null, 'FAST_AR', 1, 500_000)]);
  });
});
