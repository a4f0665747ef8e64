import { describe, expect, it } from 'vitest';
import { indicatorMet, percent, programmeProblems } from '../../../src/domain/county/programme.ts';

const COUNTY = ['1280', '1281', '1214'];
const OK = { firstYear: 2027, lastYear: 2028, adoptedOn: '2026-12-01', workingGroup: COUNTY };

describe('the regional development programme', () => {
  it('spans two consecutive years no other programme covers, adopted by the start', () => {
    expect(programmeProblems(OK, COUNTY, [{ firstYear: 2025, lastYear: 2026 }])).toEqual([]);
    expect(programmeProblems({ ...OK, lastYear: 2029 }, COUNTY, [])).toEqual([
      { field: 'lastYear', code: 'two_years' },
    ]);
    expect(programmeProblems(OK, COUNTY, [{ firstYear: 2026, lastYear: 2027 }])).toEqual([
      { field: 'firstYear', code: 'overlaps_programme' },
    ]);
    expect(programmeProblems({ ...OK, adoptedOn: '2028-01-10' }, COUNTY, [])).toEqual([
      { field: 'adoptedOn', code: 'adopted_after_start' },
    ]);
  });

  it('needs every municipality of the county in the working group, and no other', () => {
    expect(programmeProblems({ ...OK, workingGroup: ['1280', '1281'] }, COUNTY, [])).toEqual([
      { field: 'workingGroup', code: 'not_all_represented' },
    ]);
    expect(programmeProblems({ ...OK, workingGroup: [...COUNTY, '2281'] }, COUNTY, [])).toEqual([
      { field: 'workingGroup', code: 'other_county' },
    ]);
  });

  it('meets a target from below or above as the indicator says, and knows nothing without a value', () => {
    expect(indicatorMet('god_man_median_days', 3, 2.5)).toBe(true);
    expect(indicatorMet('god_man_median_days', 3, 4)).toBe(false);
    expect(indicatorMet('school_start_within_goal_share', 80, 80)).toBe(true);
    expect(indicatorMet('familjehem_share', 40, 39.9)).toBe(false);
    expect(indicatorMet('capacity_reported_share', 90, null)).toBeNull();
  });

  it('gives per cents with one decimal, and none without a base', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(percent(2, 4, 5)).toBeNull();
  });
});
