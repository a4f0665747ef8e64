import { describe, expect, it } from 'vitest';
import type { ChildFacts } from '../../../src/domain/compensation/calculator.ts';
import { compensationBirthday } from '../../../src/domain/compensation/days.ts';
import {
  annualLines,
  compensationLines,
  explainChild,
  shareOfForecast,
} from '../../../src/domain/compensation/lines.ts';
import { aChild, LUND, MALMO, placedBy, placement, RATES, responsibility, STOCKHOLM } from './fixture.ts';

const WIDE = { from: '2017-01-01', to: '2030-12-31' };

const lines = (child: ChildFacts, window = WIDE) =>
  compensationLines([child], window, RATES).map((l) => [
    l.municipalityCode,
    l.period,
    l.code,
    l.count,
    l.amount,
  ]);

const total = (child: ChildFacts, code: string, window = WIDE) =>
  compensationLines([child], window, RATES)
    .filter((l) => l.code === code)
    .reduce((sum, l) => sum + l.amount, 0);

describe('the compensation for one child (issue 14, the exact rules)', () => {
  it('pays ANVISNING_ENGANG 52,000 kr once to the assigned municipality, in the quarter of the anvisning', () => {
    expect(lines(aChild({ anvisningDate: '2024-03-31' }))).toEqual([
      [MALMO, '2024-Q1', 'ANVISNING_ENGANG', 1, 52_000],
    ]);
  });

  it('pays no ANVISNING_ENGANG for an anvisning before 1 July 2017, nor outside the days counted', () => {
    expect(lines(aChild({ anvisningDate: '2017-06-30' }))).toEqual([]);
    expect(lines(aChild({ anvisningDate: '2017-07-01' }))).toEqual([
      [MALMO, '2017-Q3', 'ANVISNING_ENGANG', 1, 52_000],
    ]);
    expect(lines(aChild(), { from: '2024-03-02', to: '2024-12-31' })).toEqual([]);
  });

  it('pays the arrival municipality 3,000 kr a day from the arrival to the day before the take-over (10–12 March: 9,000 kr)', () => {
    const child = aChild({
      arrival: { municipalityCode: STOCKHOLM, date: '2024-03-10' },
      anvisningDate: '2024-03-11',
      takeOverDate: '2024-03-13',
    });
    expect(lines(child)).toContainEqual([STOCKHOLM, '2024-Q1', 'ANKOMST_DYGN', 3, 9_000]);
  });

  it('counts arrival days up to the end of the window while the take-over has not happened', () => {
    const child = aChild({ arrival: { municipalityCode: STOCKHOLM, date: '2024-03-30' } });
    expect(lines(child, { from: '2024-01-01', to: '2024-04-02' })).toEqual([
      [STOCKHOLM, '2024-Q1', 'ANKOMST_DYGN', 2, 6_000],
      [STOCKHOLM, '2024-Q2', 'ANKOMST_DYGN', 2, 6_000],
      [MALMO, '2024-Q1', 'ANVISNING_ENGANG', 1, 52_000],
    ]);
  });

  it('splits a placement over the new year: 2023-12-30 to 2024-01-03 (four days) is 2 × 1,350 + 2 × 1,000 = 4,700 kr', () => {
    const child = aChild({ anvisningDate: '2023-12-01', ...placedBy(MALMO, '2023-12-30', '2024-01-03') });
    expect(total(child, 'SCHABLON_DYGN')).toBe(4_700);
    expect(lines(child)).toContainEqual([MALMO, '2023-Q4', 'SCHABLON_DYGN', 2, 2_700]);
    expect(lines(child)).toContainEqual([MALMO, '2024-Q1', 'SCHABLON_DYGN', 2, 2_000]);
  });

  it('pays SCHABLON_DYGN only from the take-over, only before the 18th birthday, only where responsibility and placement are with one municipality', () => {
    const base = {
      birthDate: '2006-02-10',
      anvisningDate: '2024-01-01',
      responsibility: [responsibility(MALMO, '2024-01-01')],
    };
    // Take-over 2024-02-01, eighteen on 2024-02-10: nine days.
    const placed = aChild({
      ...base,
      takeOverDate: '2024-02-01',
      placements: [placement(MALMO, '2024-01-15')],
    });
    expect(total(placed, 'SCHABLON_DYGN')).toBe(9_000);
    // Placed by Lund while Malmö is responsible: nothing.
    const elsewhere = aChild({
      ...base,
      takeOverDate: '2024-02-01',
      placements: [placement(LUND, '2024-01-15')],
    });
    expect(total(elsewhere, 'SCHABLON_DYGN')).toBe(0);
    // Not taken over: nothing.
    expect(total(aChild({ ...base, placements: [placement(MALMO, '2024-01-15')] }), 'SCHABLON_DYGN')).toBe(0);
  });

  it('pays no day before 1 July 2017', () => {
    const child = aChild({
      birthDate: '2005-01-01',
      anvisningDate: '2017-06-01',
      ...placedBy(MALMO, '2017-06-01', '2017-07-03'),
    });
    expect(lines(child)).toEqual([[MALMO, '2017-Q3', 'SCHABLON_DYGN', 2, 2_700]]);
  });

  it('pays LVU_TILLAGG, the daily cost above the schablon: 4,000 kr a day in 2024 is 3,000 kr a day on top', () => {
    const child = aChild({
      anvisningDate: '2023-12-01',
      takeOverDate: '2023-12-01',
      responsibility: [responsibility(MALMO, '2023-12-01')],
      placements: [placement(MALMO, '2023-12-30', '2024-01-03', { dailyCost: 4_000 })],
    });
    expect(lines(child)).toContainEqual([MALMO, '2024-Q1', 'LVU_TILLAGG', 2, 6_000]);
    expect(lines(child)).toContainEqual([MALMO, '2023-Q4', 'LVU_TILLAGG', 2, 2 * 2_650]);
  });

  it('counts LVU days only where the daily cost is above the schablon', () => {
    const child = aChild({
      anvisningDate: '2023-12-01',
      takeOverDate: '2023-12-01',
      responsibility: [responsibility(MALMO, '2023-12-01')],
      placements: [placement(MALMO, '2023-12-30', '2024-01-03', { dailyCost: 1_200 })],
    });
    expect(lines(child)).toContainEqual([MALMO, '2024-Q1', 'LVU_TILLAGG', 2, 400]);
    expect(lines(child).filter((l) => l[2] === 'LVU_TILLAGG')).toHaveLength(1);
  });

  describe('UNGA_DYGN, 750 kr a day from 18 to the day before 21', () => {
    const young = (overrides: Partial<ChildFacts>) =>
      aChild({
        birthDate: '2006-03-01',
        anvisningDate: '2023-01-01',
        permitDate: '2023-06-01',
        ...placedBy(MALMO, '2023-01-01'),
        ...overrides,
      });

    it('with a permit, responsibility and a placement with K begun before 18', () => {
      const child = young({});
      expect(lines(child, { from: '2024-02-28', to: '2024-03-02' })).toEqual([
        [MALMO, '2024-Q1', 'SCHABLON_DYGN', 2, 2_000],
        [MALMO, '2024-Q1', 'UNGA_DYGN', 2, 1_500],
      ]);
      // The 21st birthday is 2027-03-01: the last day paid is 2027-02-28.
      expect(lines(child, { from: '2027-02-27', to: '2027-03-05' })).toEqual([
        [MALMO, '2027-Q1', 'UNGA_DYGN', 2, 1_500],
      ]);
    });

    it('not without a permit, nor before the permit', () => {
      expect(total(young({ permitDate: null }), 'UNGA_DYGN')).toBe(0);
      expect(lines(young({ permitDate: '2024-03-05' }), { from: '2024-03-01', to: '2024-03-06' })).toEqual([
        [MALMO, '2024-Q1', 'UNGA_DYGN', 2, 1_500],
      ]);
    });

    it('across placements with K that follow each other, but not after a break, nor for a placement begun at 18', () => {
      const chained = young({
        placements: [
          placement(MALMO, '2023-01-01', '2024-02-01'),
          placement(MALMO, '2024-02-01', '2024-03-10'),
        ],
      });
      expect(total(chained, 'UNGA_DYGN', { from: '2024-03-01', to: '2024-12-31' })).toBe(9 * 750);
      const broken = young({
        placements: [
          placement(MALMO, '2023-01-01', '2024-02-29'),
          placement(MALMO, '2024-03-01', '2024-03-10'),
        ],
      });
      expect(total(broken, 'UNGA_DYGN')).toBe(0);
      const atEighteen = young({ placements: [placement(MALMO, '2024-03-01')] });
      expect(total(atEighteen, 'UNGA_DYGN')).toBe(0);
      const elsewhereBetween = young({
        placements: [
          placement(MALMO, '2023-01-01', '2023-06-01'),
          placement(LUND, '2023-06-01', '2023-07-01'),
          placement(MALMO, '2023-07-01'),
        ],
      });
      expect(total(elsewhereBetween, 'UNGA_DYGN', { from: '2024-03-01', to: '2024-03-10' })).toBe(10 * 750);
    });

    it('not while the responsibility lies with another municipality', () => {
      const child = young({
        responsibility: [
          responsibility(MALMO, '2023-01-01', '2024-03-05'),
          responsibility(LUND, '2024-03-05'),
        ],
      });
      expect(total(child, 'UNGA_DYGN', { from: '2024-03-01', to: '2024-03-31' })).toBe(4 * 750);
    });
  });

  it('takes the 18th and 21st birthdays of a child born on 29 February as 28 February in a common year', () => {
    expect(compensationBirthday('2008-02-29', 18)).toBe('2026-02-28');
    expect(compensationBirthday('2008-02-29', 21)).toBe('2029-02-28');
    expect(compensationBirthday('2004-02-29', 20)).toBe('2024-02-29');
    const child = aChild({
      birthDate: '2008-02-29',
      anvisningDate: '2025-01-01',
      ...placedBy(MALMO, '2026-02-20'),
    });
    expect(total(child, 'SCHABLON_DYGN')).toBe(8 * 1_000);
  });
});

describe('the annual compensation', () => {
  it('gives 9.45 ‰ of a forecast of 1,500 children 14 × 9,450 = 132,300 kr, and with the fixed 500,000 kr 632,300 kr', () => {
    expect(shareOfForecast(9.45, 1500)).toBe(14);
    const annual = annualLines(
      { year: 2018, forecast: 1500, shares: [{ municipalityCode: MALMO, promille: 9.45 }] },
      RATES,
    );
    expect(annual).toEqual([
      { municipalityCode: MALMO, period: '2018', code: 'FAST_AR', count: 1, amount: 500_000 },
      { municipalityCode: MALMO, period: '2018', code: 'RORLIG_AR', count: 14, amount: 132_300 },
    ]);
    expect(annual.reduce((s, l) => s + l.amount, 0)).toBe(632_300);
  });

  it('rounds half up exactly and gives a 0 ‰ municipality the fixed part only', () => {
    expect(shareOfForecast(0.5, 1000)).toBe(1);
    expect(shareOfForecast(0.499, 1000)).toBe(0);
    expect(shareOfForecast(2.5, 1000)).toBe(3);
    expect(shareOfForecast(1e-7, 1000)).toBe(0);
    const annual = compensationLines([], WIDE, RATES, {
      year: 2024,
      forecast: 1500,
      shares: [{ municipalityCode: LUND, promille: 0 }],
    });
    expect(annual).toEqual([
      { municipalityCode: LUND, period: '2024', code: 'FAST_AR', count: 1, amount: 500_000 },
    ]);
  });
});

describe("one child's amount explained day by day", () => {
  it('lists each run of days with its code, municipality, rate, source and facts, in date order, summing to the total', () => {
    const child = aChild({
      arrival: { municipalityCode: STOCKHOLM, date: '2023-12-27' },
      anvisningDate: '2023-12-28',
      ...placedBy(MALMO, '2023-12-30', '2024-01-03'),
    });
    const explained = explainChild(child, WIDE, RATES);
    expect(
      explained.runs.map((r) => [
        r.code,
        r.municipalityCode,
        r.firstDay,
        r.lastDay,
        r.count,
        r.rate,
        r.amount,
      ]),
    ).toEqual([
      ['ANKOMST_DYGN', STOCKHOLM, '2023-12-27', '2023-12-29', 3, 3_000, 9_000],
      ['ANVISNING_ENGANG', MALMO, '2023-12-28', '2023-12-28', 1, 52_000, 52_000],
      ['SCHABLON_DYGN', MALMO, '2023-12-30', '2023-12-31', 2, 1_350, 2_700],
      ['SCHABLON_DYGN', MALMO, '2024-01-01', '2024-01-02', 2, 1_000, 2_000],
    ]);
    expect(explained.total).toBe(65_700);
    const last = explained.runs.at(-1);
    expect(last?.placement).toEqual(child.placements[0]);
    expect(last?.responsibility).toEqual(child.responsibility[0]);
    expect(last?.rateRow?.validFrom).toBe('2024-01-01');
    expect(explained.birthday18).toBe('2026-05-10');
  });
});
