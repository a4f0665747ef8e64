import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  ageBand,
  FIGURE_GENDERS,
  figureGender,
  keyFigure,
  median,
  type Observation,
} from '../../../src/domain/statistics/key-figures.ts';

const obs = (
  gender: Observation['gender'],
  band: Observation['ageBand'],
  days: number | null,
  withinGoal = days !== null && days <= 30,
): Observation => ({
  gender,
  ageBand: band,
  days,
  withinGoal,
});

describe('key figures by gender and age band', () => {
  it('counts female and male as recorded and every other value, unknown included, as other', () => {
    expect(figureGender('female')).toBe('female');
    expect(figureGender('male')).toBe('male');
    expect(figureGender('unknown')).toBe('other');
    expect(figureGender('other')).toBe('other');
    expect(figureGender('')).toBe('other');
  });
  it('puts a child in the age band of the day the process started, leap-day birthdays included', () => {
    expect(ageBand('2010-06-01', '2026-05-31')).toBe('13-15');
    expect(ageBand('2010-06-01', '2026-06-01')).toBe('16-17');
    expect(ageBand('2008-02-29', '2026-02-28')).toBe('16-17');
    expect(ageBand('2008-02-29', '2026-03-01')).toBe('18+');
    expect(ageBand('2014-01-01', '2026-11-23')).toBe('0-12');
  });
  it('medians are exact for odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 41])).toBe(25);
  });
  it('suppresses cells with 1–4 children, and every cell they could be worked out from, but shows empty cells', () => {
    const observations = [
      ...Array.from({ length: 6 }, (_, i) => obs('male', '16-17', 20 + i)),
      obs('female', '16-17', 40),
      obs('female', '16-17', null),
    ];
    const cells = keyFigure(observations);
    const at = (g: string, b: string) => cells.find((c) => c.gender === g && c.ageBand === b);
    expect(at('female', '16-17')).toMatchObject({
      n: null,
      suppressed: true,
      medianDays: null,
      withinGoal: null,
    });
    // Before the complementary suppression the 6 boys and the 8 children of 16–17 were shown: 8 − 6 gave the 2 girls.
    expect(at('male', '16-17')).toMatchObject({ n: null, suppressed: true, medianDays: null });
    expect(at('female', '0-12')).toMatchObject({ n: 0, suppressed: false, withinGoal: null });
    expect(at('all', 'all')).toMatchObject({ n: 8, medianDays: 23, withinGoal: 0.75 });
    // No published relation (a total and its parts) has exactly one hidden member.
    for (const gender of [...FIGURE_GENDERS, 'all'] as const) {
      const row = [...AGE_BANDS, 'all'].map((b) => at(gender, b));
      expect(row.filter((c) => c?.suppressed).length).not.toBe(1);
    }
    for (const band of [...AGE_BANDS, 'all'] as const) {
      const column = [...FIGURE_GENDERS, 'all'].map((g) => at(g, band));
      expect(column.filter((c) => c?.suppressed).length).not.toBe(1);
    }
  });
  it('every cell is consistent: gender totals add up over the age bands when nothing is suppressed', () => {
    const genders = fc.constantFrom(...FIGURE_GENDERS);
    const bands = fc.constantFrom(...AGE_BANDS);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gender: genders,
            ageBand: bands,
            days: fc.option(fc.integer({ min: 0, max: 400 })),
            withinGoal: fc.boolean(),
          }),
        ),
        (observations) => {
          const cells = keyFigure(observations, 0);
          expect(cells).toHaveLength((FIGURE_GENDERS.length + 1) * (AGE_BANDS.length + 1));
          for (const gender of [...FIGURE_GENDERS, 'all'] as const) {
            const byBand = cells
              .filter((c) => c.gender === gender && c.ageBand !== 'all')
              .reduce((sum, c) => sum + (c.n ?? 0), 0);
            expect(cells.find((c) => c.gender === gender && c.ageBand === 'all')?.n).toBe(byBand);
          }
          expect(cells.find((c) => c.gender === 'all' && c.ageBand === 'all')?.n).toBe(observations.length);
        },
      ),
    );
  });
});
