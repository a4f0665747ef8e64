import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChildFacts } from '../../../src/domain/compensation/calculator.ts';
import { dayNumber, isoDay } from '../../../src/domain/compensation/days.ts';
import { compensationLines, explainChild } from '../../../src/domain/compensation/lines.ts';
import { RATE_UNITS, type RateCode } from '../../../src/domain/compensation/rates.ts';
import {
  SCHOOL_FORM_OF,
  schoolPeriods,
  type SchoolingFact,
} from '../../../src/domain/compensation/schooling.ts';
import { compensationWarnings } from '../../../src/domain/compensation/view.ts';
import { SCHOOL_PROGRAMMES } from '../../../src/domain/placement/vocabulary.ts';
import { aChild, ISSUE_RATES, LUND, MALMO, placement, rateTable } from './fixture.ts';

/** 4 § förordning 2017:193 as in force in 2019 (SFS 2018:1971), and the 2018 amounts (SFS 2017:1315). */
const SCHOOL_RATES = rateTable([
  ...ISSUE_RATES,
  ['SKOLA_FORSKOLEKLASS_AR', 52_000, '2018-01-01', '2018-12-31'],
  ['SKOLA_FORSKOLEKLASS_AR', 53_400, '2019-01-01', ''],
  ['SKOLA_GRUNDSKOLA_AR', 102_100, '2018-01-01', '2018-12-31'],
  ['SKOLA_GRUNDSKOLA_AR', 104_800, '2019-01-01', ''],
  ['SKOLA_GYMNASIESKOLA_AR', 116_100, '2018-01-01', '2018-12-31'],
  ['SKOLA_GYMNASIESKOLA_AR', 119_100, '2019-01-01', ''],
] satisfies [RateCode, number, string, string][]);

const WIDE = { from: '2017-01-01', to: '2030-12-31' };

const school = (from: string, to: string | null, form: SchoolingFact['form'] = 'grundskola', k = MALMO) => ({
  municipalityCode: k,
  form,
  from,
  to,
});

const schoolChild = (schooling: SchoolingFact[], overrides: Partial<ChildFacts> = {}) =>
  aChild({ anvisningDate: null, assignedMunicipalityCode: null, schooling, ...overrides });

const education = (child: ChildFacts, window = WIDE) =>
  compensationLines([child], window, SCHOOL_RATES)
    .filter((l) => l.code === 'UTBILDNING')
    .map((l) => [l.municipalityCode, l.period, l.count, l.amount]);

const starts = (periods: ReturnType<typeof schoolPeriods>) => periods.map((p) => isoDay(p.from));

describe('the education of an asylum-seeking child (3–4 §§ förordning 2017:193, MIGRFS 2020:13)', () => {
  it('pays a tenth of the annual amount for each started four-week period (grundskola 2024: 10,480 kr)', () => {
    // 2 September to 15 October: 44 days, two periods begun (2 Sep, 30 Sep).
    expect(education(schoolChild([school('2024-09-02', '2024-10-15')]))).toEqual([
      [MALMO, '2024-Q3', 2, 20_960],
    ]);
  });

  it("pays at the school form's rate in force on the period's first day", () => {
    expect(education(schoolChild([school('2018-12-20', '2019-01-20', 'gymnasieskola')]))).toEqual([
      [MALMO, '2018-Q4', 1, 11_610],
      [MALMO, '2019-Q1', 1, 11_910],
    ]);
    expect(education(schoolChild([school('2024-03-01', '2024-03-02', 'forskoleklass')]))).toEqual([
      [MALMO, '2024-Q1', 1, 5_340],
    ]);
  });

  it('pays no more than the annual amount: ten periods a calendar year, the chain going on in January', () => {
    const periods = schoolPeriods([school('2023-01-01', null)], null, '2030-01-01');
    const in2023 = periods.filter((p) => isoDay(p.from).startsWith('2023'));
    expect(in2023).toHaveLength(10);
    expect(isoDay(in2023[9]?.from ?? 0)).toBe('2023-09-26');
    expect(isoDay(periods[10]?.from ?? 0)).toBe('2024-01-01');
    const child = schoolChild([school('2023-01-01', '2024-01-01')]);
    expect(education(child).reduce((sum, [, , , amount]) => sum + Number(amount), 0)).toBe(104_800);
  });

  it('begins no period in July (the school year begins in August), and never lets two periods overlap', () => {
    expect(starts(schoolPeriods([school('2024-06-10', '2024-09-01')], null, '2030-01-01'))).toEqual([
      '2024-06-10',
      '2024-08-01',
      '2024-08-29',
    ]);
    // A second enrolment begun inside a period is covered by it; the next period begins after it.
    expect(
      starts(
        schoolPeriods(
          [school('2024-09-02', '2024-09-10'), school('2024-09-20', '2024-10-05', 'gymnasieskola')],
          null,
          '2030-01-01',
        ),
      ),
    ).toEqual(['2024-09-02', '2024-09-30']);
  });

  it('counts only days before the residence permit and before the 18th birthday, and none before 2018', () => {
    expect(education(schoolChild([school('2024-09-02', null)], { permitDate: '2024-09-30' }))).toEqual([
      [MALMO, '2024-Q3', 1, 10_480],
    ]);
    // Born 2008-05-10: the last period begins 2026-05-09, the day before the 18th birthday.
    expect(starts(schoolPeriods([school('2026-04-11', null, 'gymnasieskola')], null, '2026-05-10'))).toEqual([
      '2026-04-11',
      '2026-05-09',
    ]);
    expect(education(schoolChild([school('2017-08-20', '2017-12-31')]))).toEqual([]);
  });

  it('pays the municipality that educates the child, and nothing for a school not yet begun', () => {
    expect(education(schoolChild([school('2024-09-02', '2024-09-03', 'grundskola', LUND)]))).toEqual([
      [LUND, '2024-Q3', 1, 10_480],
    ]);
    expect(education(schoolChild([]))).toEqual([]);
  });

  it('explains each period with its school form and the rate row of its first day', () => {
    const explained = explainChild(schoolChild([school('2024-09-02', '2024-09-10')]), WIDE, SCHOOL_RATES);
    expect(explained.runs).toHaveLength(1);
    expect(explained.runs[0]).toMatchObject({
      code: 'UTBILDNING',
      firstDay: '2024-09-02',
      lastDay: '2024-09-29',
      count: 1,
      rate: 10_480,
      schooling: { form: 'grundskola' },
    });
    expect(explained.runs[0]?.rateRow?.code).toBe('SKOLA_GRUNDSKOLA_AR');
  });

  it('maps every school programme to a form 4 § pays for, each with a rate code in the annual unit', () => {
    for (const programme of SCHOOL_PROGRAMMES) expect(SCHOOL_FORM_OF[programme]).toBeDefined();
    expect(RATE_UNITS.SKOLA_GRUNDSKOLA_AR).toBe('kr_per_elev_och_ar');
  });

  it('property: a window split anywhere never changes the total, as the periods are one chain per child', () => {
    const day = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2026-12-31') });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 4 }),
        day,
        (spans, cut) => {
          const child = schoolChild(
            spans.map(([from, length]) => school(isoDay(from), isoDay(from + length))),
          );
          const sum = (window: { from: string; to: string }) =>
            compensationLines([child], window, SCHOOL_RATES).reduce((s, l) => s + l.amount, 0);
          const whole = sum({ from: '2018-01-01', to: '2027-12-31' });
          const split =
            sum({ from: '2018-01-01', to: isoDay(cut) }) + sum({ from: isoDay(cut + 1), to: '2027-12-31' });
          expect(split).toBe(whole);
        },
      ),
    );
  });

  it('property: at most ten periods begin in a year, none in July, none overlapping', () => {
    const day = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2026-12-31') });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 5 }),
        (spans) => {
          const periods = schoolPeriods(
            spans.map(([from, length]) => school(isoDay(from), isoDay(from + length))),
            null,
            '2040-01-01',
          );
          const perYear = new Map<string, number>();
          periods.forEach((p, i) => {
            const year = isoDay(p.from).slice(0, 4);
            perYear.set(year, (perYear.get(year) ?? 0) + 1);
            expect(isoDay(p.from).slice(5, 7)).not.toBe('07');
            const next = periods[i + 1];
            if (next !== undefined) expect(next.from).toBeGreaterThanOrEqual(p.until);
          });
          for (const count of perYear.values()) expect(count).toBeLessThanOrEqual(10);
        },
      ),
    );
  });
});

describe("a special custodian's costs (SFV_KOSTNAD)", () => {
  const custody = (from: string, k = MALMO) => ({ municipalityCode: k, from });

  it('counts the days from the judgment becoming final to the 18th birthday, per quarter, at no computed amount', () => {
    const child = aChild({ specialCustody: custody('2026-03-20') });
    const sfv = compensationLines([child], WIDE, SCHOOL_RATES).filter((l) => l.code === 'SFV_KOSTNAD');
    expect(sfv.map((l) => [l.municipalityCode, l.period, l.count, l.amount])).toEqual([
      [MALMO, '2026-Q1', 12, 0],
      [MALMO, '2026-Q2', 39, 0],
    ]);
  });

  it('warns when the child was not in a family home placed by the municipality before the judgment', () => {
    const window = { from: '2026-01-01', to: '2026-03-31' };
    const without = aChild({ specialCustody: custody('2026-03-20') });
    expect(compensationWarnings(without, MALMO, window)).toEqual([
      { childId: 'B1', code: 'sfv_without_family_home', placementFrom: '2026-03-20' },
    ]);
    const familyHome = aChild({
      specialCustody: custody('2026-03-20'),
      placements: [{ ...placement(MALMO, '2025-06-01', '2026-03-20'), form: 'familjehem' }],
      responsibility: [{ municipalityCode: MALMO, from: '2025-06-01', to: '2026-03-20' }],
    });
    expect(compensationWarnings(familyHome, MALMO, window)).toEqual([]);
    const goesOn = aChild({
      specialCustody: custody('2026-03-20'),
      placements: [{ ...placement(MALMO, '2025-06-01', null), form: 'familjehem' }],
      responsibility: [{ municipalityCode: MALMO, from: '2025-06-01', to: null }],
    });
    expect(compensationWarnings(goesOn, MALMO, window)).toEqual([
      { childId: 'B1', code: 'responsibility_after_sfv', placementFrom: '2026-03-20' },
    ]);
    expect(compensationWarnings(without, LUND, window)).toEqual([]);
  });
});
