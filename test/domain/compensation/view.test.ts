/** The compensation view's pure parts (ADR 0032): claim kinds as data, quarters, the warnings that block a claim. */
import { describe, expect, it } from 'vitest';
import type { ChildFacts } from '../../../src/domain/compensation/calculator.ts';
import { explainChild } from '../../../src/domain/compensation/lines.ts';
import {
  CLAIM_KINDS,
  compensationWarnings,
  previousQuarter,
  quarterWindow,
} from '../../../src/domain/compensation/view.ts';
import { RATES } from './fixture.ts';

const child = (over: Partial<ChildFacts> = {}): ChildFacts => ({
  childId: 'c1',
  birthDate: '2010-03-01',
  arrival: null,
  assignedMunicipalityCode: '1280',
  anvisningDate: '2026-07-06',
  takeOverDate: '2026-07-08',
  permitDate: null,
  responsibility: [{ municipalityCode: '1280', from: '2026-07-08', to: null }],
  placements: [
    { municipalityCode: '1280', from: '2026-07-08', to: null, form: 'hvb', lvu: false, dailyCost: null },
  ],
  ...over,
});
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

describe('the compensation view', () => {
  it('keeps which codes are applied for as data: arrival days, the LVU top-up, education and SFV costs', () => {
    expect(Object.entries(CLAIM_KINDS).filter(([, kind]) => kind === 'applied_for')).toEqual([
      ['ANKOMST_DYGN', 'applied_for'],
      ['LVU_TILLAGG', 'applied_for'],
      ['UTBILDNING', 'applied_for'],
      ['SFV_KOSTNAD', 'applied_for'],
    ]);
  });

  it('knows the days of a quarter and the quarter before today', () => {
    expect(quarterWindow('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterWindow('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterWindow('2026-Q5')).toBeNull();
    expect(previousQuarter('2026-11-23')).toBe('2026-Q3');
    expect(previousQuarter('2027-02-01')).toBe('2026-Q4');
    expect(previousQuarter('2026-04-01')).toBe('2026-Q1');
  });

  it('warns of a placement without responsibility and of an LVU placement without a daily cost', () => {
    expect(compensationWarnings(child(), '1280', Q3)).toEqual([]);
    const gap = child({
      responsibility: [
        { municipalityCode: '1280', from: '2026-07-08', to: '2026-08-01' },
        { municipalityCode: '1280', from: '2026-08-01', to: '2026-09-01' },
      ],
    });
    expect(compensationWarnings(gap, '1280', Q3)).toEqual([
      { childId: 'c1', code: 'placement_without_responsibility', placementFrom: '2026-07-08' },
    ]);
    // Periods that follow each other cover the placement to the quarter's end.
    const joined = child({
      responsibility: [
        { municipalityCode: '1280', from: '2026-07-08', to: '2026-08-01' },
        { municipalityCode: '1280', from: '2026-08-01', to: null },
      ],
    });
    expect(compensationWarnings(joined, '1280', Q3)).toEqual([]);
    const lvu = child({
      placements: [
        { municipalityCode: '1280', from: '2026-07-08', to: null, form: 'hvb', lvu: true, dailyCost: null },
      ],
    });
    expect(compensationWarnings(lvu, '1280', Q3).map((w) => w.code)).toEqual(['lvu_without_daily_cost']);
    // Another municipality's placement is not Malmö's to warn of.
    expect(compensationWarnings(lvu, '0180', Q3)).toEqual([]);
  });

  it('counts the arrival days of a child not yet anvisad, and no anvisning', () => {
    const waiting = child({
      arrival: { municipalityCode: '1281', date: '2026-09-28' },
      assignedMunicipalityCode: null,
      anvisningDate: null,
      takeOverDate: null,
      responsibility: [],
      placements: [],
    });
    const explained = explainChild(waiting, Q3, RATES);
    expect(explained.runs.map((r) => [r.code, r.count, r.amount])).toEqual([['ANKOMST_DYGN', 3, 9000]]);
  });
});
