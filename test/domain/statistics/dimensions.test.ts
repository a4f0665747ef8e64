/** The statistics' dimensions: months and years of a span, the asylum stage of a recorded decision. */
import { describe, expect, it } from 'vitest';
import {
  ASYLUM_STAGES,
  asylumStage,
  monthsBetween,
  periodValues,
  STAT_AGE_GROUPS,
} from '../../../src/domain/statistics/dimensions.ts';

describe('statistics dimensions', () => {
  it('lists the months of a span across a year end, both ends included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(monthsBetween('2017-01', '2026-12')).toHaveLength(120);
  });

  it('gives each calendar year a span touches once when split by year', () => {
    expect(periodValues('2025-11', '2027-01', 'year')).toEqual(['2025', '2026', '2027']);
    expect(periodValues('2025-11', '2025-12', 'month')).toEqual(['2025-11', '2025-12']);
  });

  it('maps every recorded asylum decision to a stage, and no case to its own', () => {
    expect(asylumStage(false, null)).toBe('no_case');
    expect(asylumStage(true, null)).toBe('pending');
    expect(asylumStage(true, 'permanent_permit')).toBe('permit');
    expect(asylumStage(true, 'temporary_permit')).toBe('permit');
    expect(asylumStage(true, 'refused')).toBe('refused');
    expect(asylumStage(true, 'dublin_transfer')).toBe('refused');
    expect(asylumStage(true, 'written_off')).toBe('written_off');
    expect(ASYLUM_STAGES).toHaveLength(5);
  });

  it('counts the age at arrival in the open data groups, and an adult by a later age assessment apart', () => {
    expect(STAT_AGE_GROUPS).toEqual(['0-6', '7-12', '13-15', '16-17', '18+']);
  });
});
