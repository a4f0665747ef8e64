/**
 * The follow-up statistics of missing episodes (issue 12, point 11): episodes reported in a year by county, age band
 * at disappearance, nationality, asylum stage at disappearance, duration and outcome — every figure split by gender,
 * with the total only beside its parts. Pure: the observations come from SQL (src/missing/statistics.ts).
 *
 * Disclosure control reuses the key figures' rule (`MIN_CELL`, src/domain/statistics/key-figures.ts): outside the
 * responsible organisation a count of 1–4 is never published (zeros are). Because every row is published with its
 * total and every table's rows add up to the published "all episodes" row, a single suppressed cell could be worked
 * out by subtraction; `suppress` therefore also protects each row and each column with a second suppressed cell
 * (secondary suppression), so that no suppressed count follows from one published sum.
 */
import { ageOn } from '../time.ts';
import { FIGURE_GENDERS, MIN_CELL, type FigureGender } from '../statistics/key-figures.ts';

/** Age at disappearance; 18+ only when the registered birth date was later corrected to an adult's. */
export const EPISODE_AGE_BANDS = ['0-6', '7-12', '13-15', '16-17', '18+'] as const;
export type EpisodeAgeBand = (typeof EPISODE_AGE_BANDS)[number];

/**
 * The asylum stage on the day the child was last seen: a decision recorded on or before that day (a permit, a
 * refusal, or otherwise ended — Dublin transfer, written off) or, without one, an asylum seeker; `unknown` without an
 * asylum case in Anvisa.
 */
export const ASYLUM_STAGES = ['asylum_seeker', 'permit', 'refused', 'other', 'unknown'] as const;
export type AsylumStage = (typeof ASYLUM_STAGES)[number];

export const DURATION_BANDS = ['under_24h', '1_7_days', '8_30_days', 'over_30_days', 'open'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

/** How the episode ended, or `open`; `found` is found but the return not yet completed (return talk, placement review). */
export const EPISODE_OUTCOMES = [
  'returned',
  'found',
  'closed_not_found',
  'closed_aged_out',
  'closed_left_country',
  'open',
] as const;
export type EpisodeOutcome = (typeof EPISODE_OUTCOMES)[number];

export const DIMENSIONS = ['county', 'ageBand', 'nationality', 'asylumStage', 'duration', 'outcome'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface EpisodeObservation {
  readonly gender: FigureGender;
  readonly county: string;
  readonly ageBand: EpisodeAgeBand;
  /** The recorded citizenship, or `unknown`. */
  readonly nationality: string;
  readonly asylumStage: AsylumStage;
  readonly duration: DurationBand;
  readonly outcome: EpisodeOutcome;
}

export function episodeAgeBand(birthDate: string, lastSeenOn: string): EpisodeAgeBand {
  const age = ageOn(birthDate, lastSeenOn);
  if (age <= 6) return '0-6';
  if (age <= 12) return '7-12';
  if (age <= 15) return '13-15';
  if (age <= 17) return '16-17';
  return '18+';
}

/** The asylum stage on `on` from the asylum case as Anvisa holds it now (its latest decision and the day of it). */
export function asylumStageOn(
  asylumCase: { readonly decision: string | null; readonly decidedOn: string | null } | null,
  on: string,
): AsylumStage {
  if (asylumCase === null) return 'unknown';
  const { decision, decidedOn } = asylumCase;
  if (decision === null || decidedOn === null || decidedOn > on) return 'asylum_seeker';
  if (decision === 'permanent_permit' || decision === 'temporary_permit') return 'permit';
  if (decision === 'refused') return 'refused';
  return 'other';
}

const HOUR = 3_600_000;

/** From last seen to found, back or closed; `open` while the episode is. */
export function durationBand(lastSeenAt: Date, endedAt: Date | null): DurationBand {
  if (endedAt === null) return 'open';
  const hours = (endedAt.getTime() - lastSeenAt.getTime()) / HOUR;
  if (hours < 24) return 'under_24h';
  if (hours <= 7 * 24) return '1_7_days';
  if (hours <= 30 * 24) return '8_30_days';
  return 'over_30_days';
}

export function episodeOutcome(state: string): EpisodeOutcome {
  if (state === 'found' || state === 'return_talk') return 'found';
  if (
    state === 'returned' ||
    state === 'closed_not_found' ||
    state === 'closed_aged_out' ||
    state === 'closed_left_country'
  )
    return state;
  return 'open';
}

/** A published count: the number, or null when suppressed (shown as "fewer than 5"). */
export type Count = number | null;

export interface Row<K extends string = string> {
  readonly key: K;
  readonly female: Count;
  readonly male: Count;
  readonly other: Count;
  readonly total: Count;
}

export const ROW_CELLS = [...FIGURE_GENDERS, 'total'] as const;
export type RowCell = (typeof ROW_CELLS)[number];

export interface EpisodeStatistics {
  /** Every episode, by gender. */
  readonly all: Row<'all'>;
  readonly tables: Record<Dimension, readonly Row[]>;
}

/** Every value a dimension shows even when empty (counties and nationalities: those observed). */
const FIXED_KEYS: Partial<Record<Dimension, readonly string[]>> = {
  ageBand: EPISODE_AGE_BANDS.filter((b) => b !== '18+'),
  asylumStage: ASYLUM_STAGES,
  duration: DURATION_BANDS,
  outcome: EPISODE_OUTCOMES,
};

function countRow<K extends string>(key: K, observations: readonly EpisodeObservation[]): Row<K> {
  const of = (gender: FigureGender) => observations.filter((o) => o.gender === gender).length;
  return { key, female: of('female'), male: of('male'), other: of('other'), total: observations.length };
}

/** The exact counts: what the responsible organisation sees of its own episodes. */
export function countEpisodes(observations: readonly EpisodeObservation[]): EpisodeStatistics {
  const tables = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const observed = [...new Set(observations.map((o) => o[dimension]))].sort();
      const fixed = FIXED_KEYS[dimension] ?? [];
      const keys = [...fixed, ...observed.filter((k) => !fixed.includes(k))];
      return [
        dimension,
        keys.map((key) =>
          countRow(
            key,
            observations.filter((o) => o[dimension] === key),
          ),
        ),
      ];
    }),
  ) as Record<Dimension, Row[]>;
  return { all: countRow('all', observations), tables };
}

const hidden = (count: Count, threshold: number) => count !== null && count > 0 && count < threshold;

/**
 * Disclosure control for those outside the responsible organisation: counts of 1 to threshold−1 are suppressed
 * (null), zeros are shown, and each row (its gender parts and total) and each column of a table (its rows and the
 * "all episodes" cell they add up to) with exactly one suppressed cell gets a second: the row's total, else the smallest published non-zero
 * cell beside it. Repeated until no row or column has exactly one.
 */
export function suppress(stats: EpisodeStatistics, threshold = MIN_CELL): EpisodeStatistics {
  // Work on mutable copies of every row: the "all" row is shared by every table's columns.
  type Cells = Record<RowCell, Count>;
  const cells = (row: Row): Cells => ({
    female: row.female,
    male: row.male,
    other: row.other,
    total: row.total,
  });
  const all = cells(stats.all);
  const tables = DIMENSIONS.map((d) => stats.tables[d].map(cells));
  for (const row of [all, ...tables.flat()])
    for (const cell of ROW_CELLS) if (hidden(row[cell], threshold)) row[cell] = null;

  /** A cell that may protect another, with its value before suppression. */
  type Ref = { row: Cells; cell: RowCell; value: number };
  /** Suppress one more in a group that has exactly one suppressed cell. */
  const protect = (group: readonly Ref[]): boolean => {
    if (group.filter((r) => r.row[r.cell] === null).length !== 1) return false;
    const candidates = group.filter((r) => r.row[r.cell] !== null && r.value > 0);
    // In a row the total goes first (the parts stay readable); in a column the smallest.
    candidates.sort(
      (a, b) => (a.cell === 'total' ? -1 : 0) - (b.cell === 'total' ? -1 : 0) || a.value - b.value,
    );
    const companion = candidates[0];
    if (companion === undefined) return false;
    companion.row[companion.cell] = null;
    return true;
  };
  const allRefs = (cell: RowCell): Ref => ({ row: all, cell, value: stats.all[cell] ?? 0 });
  // The rows (each protected by its total first) and the columns (each table's cells with the "all" cell).
  const rows: Ref[][] = [ROW_CELLS.map(allRefs)];
  const columns: Ref[][] = [];
  DIMENSIONS.forEach((d, i) => {
    const source = stats.tables[d];
    const table = tables[i] ?? [];
    table.forEach((row, r) =>
      rows.push(ROW_CELLS.map((cell) => ({ row, cell, value: source[r]?.[cell] ?? 0 }))),
    );
    for (const cell of ROW_CELLS)
      columns.push([...table.map((row, r) => ({ row, cell, value: source[r]?.[cell] ?? 0 })), allRefs(cell)]);
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of [...rows, ...columns]) if (protect(group)) changed = true;
  }
  const asRow = <K extends string>(row: Cells, key: K): Row<K> => ({ key, ...row });
  return {
    all: asRow(all, 'all'),
    tables: Object.fromEntries(
      DIMENSIONS.map((d, i) => [
        d,
        (tables[i] ?? []).map((row, r) => asRow(row, stats.tables[d][r]?.key ?? '')),
      ]),
    ) as Record<Dimension, Row[]>,
  };
}
