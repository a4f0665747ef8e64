import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASYLUM_STAGES,
  asylumStageOn,
  countEpisodes,
  DIMENSIONS,
  DURATION_BANDS,
  durationBand,
  EPISODE_AGE_BANDS,
  EPISODE_OUTCOMES,
  episodeAgeBand,
  episodeOutcome,
  ROW_CELLS,
  suppress,
  type EpisodeObservation,
  type EpisodeStatistics,
  type Row,
} from '../../../src/domain/missing/statistics.ts';
import { FIGURE_GENDERS } from '../../../src/domain/statistics/key-figures.ts';

const obs = (o: Partial<EpisodeObservation> = {}): EpisodeObservation => ({
  gender: 'male',
  county: '12',
  ageBand: '16-17',
  nationality: 'AFG',
  asylumStage: 'asylum_seeker',
  duration: 'open',
  outcome: 'open',
  ...o,
});

const rowsOf = (s: EpisodeStatistics): Row[] => [s.all, ...DIMENSIONS.flatMap((d) => s.tables[d])];
const row = (s: EpisodeStatistics, d: (typeof DIMENSIONS)[number], key: string) =>
  s.tables[d].find((r) => r.key === key);

describe('the dimensions of an episode', () => {
  it('puts the child in the age band of the day last seen', () => {
    expect(episodeAgeBand('2020-01-01', '2026-12-31')).toBe('0-6');
    expect(episodeAgeBand('2020-01-01', '2027-01-01')).toBe('7-12');
    expect(episodeAgeBand('2013-06-01', '2026-06-01')).toBe('13-15');
    expect(episodeAgeBand('2010-06-01', '2026-06-01')).toBe('16-17');
    expect(episodeAgeBand('2008-06-01', '2026-06-01')).toBe('18+');
  });
  it('takes the asylum stage on the day last seen: a decision after it still counts the child as an asylum seeker', () => {
    expect(asylumStageOn(null, '2026-11-22')).toBe('unknown');
    expect(asylumStageOn({ decision: null, decidedOn: null }, '2026-11-22')).toBe('asylum_seeker');
    expect(asylumStageOn({ decision: 'refused', decidedOn: '2026-11-23' }, '2026-11-22')).toBe(
      'asylum_seeker',
    );
    expect(asylumStageOn({ decision: 'refused', decidedOn: '2026-11-22' }, '2026-11-22')).toBe('refused');
    expect(asylumStageOn({ decision: 'temporary_permit', decidedOn: '2026-01-01' }, '2026-11-22')).toBe(
      'permit',
    );
    expect(asylumStageOn({ decision: 'permanent_permit', decidedOn: '2026-01-01' }, '2026-11-22')).toBe(
      'permit',
    );
    expect(asylumStageOn({ decision: 'dublin_transfer', decidedOn: '2026-01-01' }, '2026-11-22')).toBe(
      'other',
    );
  });
  it('bands the duration from last seen to the end, open while open', () => {
    const seen = new Date('2026-11-01T20:00:00Z');
    const after = (hours: number) => new Date(seen.getTime() + hours * 3_600_000);
    expect(durationBand(seen, null)).toBe('open');
    expect(durationBand(seen, after(23.9))).toBe('under_24h');
    expect(durationBand(seen, after(24))).toBe('1_7_days');
    expect(durationBand(seen, after(7 * 24))).toBe('1_7_days');
    expect(durationBand(seen, after(7 * 24 + 1))).toBe('8_30_days');
    expect(durationBand(seen, after(30 * 24))).toBe('8_30_days');
    expect(durationBand(seen, after(30 * 24 + 1))).toBe('over_30_days');
  });
  it('names the outcome by the state: found until the return is complete, open while searching', () => {
    expect(['absent', 'missing', 'notified', 'active'].map(episodeOutcome)).toEqual([
      'open',
      'open',
      'open',
      'open',
    ]);
    expect(episodeOutcome('return_talk')).toBe('found');
    expect(episodeOutcome('found')).toBe('found');
    expect(episodeOutcome('returned')).toBe('returned');
    expect(episodeOutcome('closed_left_country')).toBe('closed_left_country');
  });
});

describe('counting episodes', () => {
  it('splits every row by gender with its total, shows fixed values even when empty', () => {
    const s = countEpisodes([
      obs(),
      obs({ gender: 'female' }),
      obs({ gender: 'female', nationality: 'SOM' }),
    ]);
    expect(s.all).toEqual({ key: 'all', female: 2, male: 1, other: 0, total: 3 });
    expect(row(s, 'nationality', 'SOM')).toEqual({ key: 'SOM', female: 1, male: 0, other: 0, total: 1 });
    expect(s.tables.outcome.map((r) => r.key)).toEqual([...EPISODE_OUTCOMES]);
    expect(s.tables.duration.map((r) => r.key)).toEqual([...DURATION_BANDS]);
    expect(s.tables.asylumStage.map((r) => r.key)).toEqual([...ASYLUM_STAGES]);
    expect(s.tables.ageBand.map((r) => r.key)).toEqual(['0-6', '7-12', '13-15', '16-17']);
    expect(row(s, 'outcome', 'returned')).toEqual({
      key: 'returned',
      female: 0,
      male: 0,
      other: 0,
      total: 0,
    });
  });
  it('suppresses a count of 2 and protects it with a second cell in its row and column', () => {
    const s = suppress(
      countEpisodes([
        ...Array.from({ length: 6 }, () => obs()),
        ...Array.from({ length: 2 }, () => obs({ gender: 'female', nationality: 'SOM' })),
      ]),
    );
    // Female 2 in all: suppressed; its row's only other non-zero cell is the total.
    expect(s.all).toEqual({ key: 'all', female: null, male: 6, other: 0, total: null });
    expect(row(s, 'nationality', 'SOM')).toEqual({
      key: 'SOM',
      female: null,
      male: 0,
      other: 0,
      total: null,
    });
    expect(row(s, 'nationality', 'AFG')).toEqual({ key: 'AFG', female: 0, male: 6, other: 0, total: 6 });
  });
  it('publishes everything when no count is 1–4', () => {
    const observations = [
      ...Array.from({ length: 5 }, () => obs()),
      ...Array.from({ length: 5 }, () => obs({ gender: 'female' })),
    ];
    expect(suppress(countEpisodes(observations))).toEqual(countEpisodes(observations));
  });
});

const observation: fc.Arbitrary<EpisodeObservation> = fc.record({
  gender: fc.constantFrom(...FIGURE_GENDERS),
  county: fc.constantFrom('12', '22'),
  ageBand: fc.constantFrom(...EPISODE_AGE_BANDS),
  nationality: fc.constantFrom('AFG', 'SOM', 'ERI', 'unknown'),
  asylumStage: fc.constantFrom(...ASYLUM_STAGES),
  duration: fc.constantFrom(...DURATION_BANDS),
  outcome: fc.constantFrom(...EPISODE_OUTCOMES),
});
const observations = fc.array(observation, { maxLength: 60 });

describe('disclosure control (property)', () => {
  it('never publishes a count of 1–4, and shows every zero', () => {
    fc.assert(
      fc.property(observations, (o) => {
        const exact = rowsOf(countEpisodes(o));
        const published = rowsOf(suppress(countEpisodes(o)));
        published.forEach((r, i) => {
          for (const cell of ROW_CELLS) {
            const n = r[cell];
            if (n !== null) expect(n === 0 || n >= 5).toBe(true);
            if (exact[i]?.[cell] === 0) expect(n).toBe(0);
            if (n !== null) expect(n).toBe(exact[i]?.[cell]);
          }
        });
      }),
    );
  });
  it('leaves no row or column with exactly one suppressed cell (none follows from a published sum)', () => {
    fc.assert(
      fc.property(observations, (o) => {
        const s = suppress(countEpisodes(o));
        const single = (cells: readonly (number | null)[]) => cells.filter((c) => c === null).length === 1;
        for (const r of rowsOf(s)) expect(single(ROW_CELLS.map((c) => r[c]))).toBe(false);
        for (const d of DIMENSIONS)
          for (const cell of ROW_CELLS)
            expect(single([...s.tables[d].map((r) => r[cell]), s.all[cell]])).toBe(false);
      }),
    );
  });
  it('counts every episode once in each table, and each total is the sum of its parts', () => {
    fc.assert(
      fc.property(observations, (o) => {
        const s = countEpisodes(o);
        for (const r of rowsOf(s)) expect((r.female ?? 0) + (r.male ?? 0) + (r.other ?? 0)).toBe(r.total);
        for (const d of DIMENSIONS)
          expect(s.tables[d].reduce((sum, r) => sum + (r.total ?? 0), 0)).toBe(o.length);
      }),
    );
  });
});
