import { describe, expect, it } from 'vitest';
import {
  forSearch,
  latestPerIndicator,
  RISK_INDICATOR_CODES,
  RISK_INDICATORS,
  RISK_SOURCE_GROUPS,
  RISK_SOURCES,
  riskIndicator,
} from '../../../src/domain/missing/risk-indicators.ts';

describe('the risk indicators as a vocabulary', () => {
  it('gives every indicator a unique code, a Swedish and an English label and a source group that has a source', () => {
    expect(new Set(RISK_INDICATOR_CODES).size).toBe(RISK_INDICATORS.length);
    for (const i of RISK_INDICATORS) {
      expect(i.code).toMatch(/^[a-z0-9_]+$/);
      expect(i.sv.length).toBeGreaterThan(5);
      expect(i.en.length).toBeGreaterThan(5);
      expect(RISK_SOURCE_GROUPS).toContain(i.group);
      expect(RISK_SOURCES[i.group].reference).toMatch(/^https:\/\//);
    }
  });

  it('holds the Migration Agency’s five signs, the Gender Equality Agency’s four and two psychosocial ones', () => {
    const count = (group: string) => RISK_INDICATORS.filter((i) => i.group === group).length;
    expect([count('migration_agency'), count('gender_equality_agency'), count('psychosocial')]).toEqual([
      5, 4, 2,
    ]);
  });

  it('looks an indicator up by its code and knows no other', () => {
    expect(riskIndicator('often_disappears')?.sv).toBe('Försvinner ofta utan förklaring');
    expect(riskIndicator('trafficking_score')).toBeUndefined();
  });
});

describe('observations are read as a list, never as a score', () => {
  const o = (indicator: (typeof RISK_INDICATOR_CODES)[number], observedOn: string, extra = {}) => ({
    indicator,
    observed: true,
    observedOn,
    searchRelevant: false,
    recordedAt: `${observedOn}T10:00:00.000Z`,
    ...extra,
  });

  it('keeps the latest observation of each indicator, in the checklist’s order', () => {
    const list = latestPerIndicator([
      o('often_disappears', '2026-11-01'),
      o('no_identity_document', '2026-10-01'),
      o('often_disappears', '2026-11-05', { observed: false }),
      o('often_disappears', '2026-10-20'),
    ]);
    expect(list.map((x) => [x.indicator, x.observedOn, x.observed])).toEqual([
      ['no_identity_document', '2026-10-01', true],
      ['often_disappears', '2026-11-05', false],
    ]);
  });

  it('of two on the same day keeps the one recorded last', () => {
    const list = latestPerIndicator([
      o('crime_or_networks', '2026-11-01', { recordedAt: '2026-11-01T12:00:00.000Z', observed: false }),
      o('crime_or_networks', '2026-11-01', { recordedAt: '2026-11-01T09:00:00.000Z' }),
    ]);
    expect(list.map((x) => x.observed)).toEqual([false]);
  });

  it('gives a search only what was observed and marked relevant to it', () => {
    const relevant = o('instructed_to_call', '2026-11-01', { searchRelevant: true });
    expect(
      forSearch([
        relevant,
        o('often_disappears', '2026-11-01'),
        o('crime_or_networks', '2026-11-01', { searchRelevant: true, observed: false }),
      ]),
    ).toEqual([relevant]);
  });
});
