/**
 * A cube of counts over flat categorical dimensions with every margin (issue 15): one cell for every combination of
 * each dimension's values and TOTAL, zeros included. Counted in a flat typed array (row-major, the last dimension
 * varying fastest, each dimension's values in their given order and then TOTAL), with the margins added one dimension
 * at a time, so that 100,000 records in 67,000 cells take milliseconds.
 */
import { ageOn } from '../time.ts';

/** The value a dimension takes in a margin: the cell counts all of that dimension's values together. */
export const TOTAL = 'total';

export interface Dimension {
  readonly name: string;
  /** The inner values, in the order they are shown; never TOTAL. */
  readonly values: readonly string[];
}

export interface Cell {
  /** One entry per dimension: one of its values, or TOTAL. */
  readonly key: readonly string[];
  readonly count: number;
}

export interface CountTable {
  readonly dimensions: readonly Dimension[];
  /** Every combination of (values ∪ {TOTAL}) per dimension, margins and the grand total included. */
  readonly cells: readonly Cell[];
}

/**
 * The flat layout of a table's cells: per dimension d, `sizes[d]` = its number of values + 1 (TOTAL is the last
 * index, `sizes[d] - 1`), `strides[d]` the distance between neighbouring indices of d, and `index[d]` the index of
 * each value (TOTAL included).
 */
export interface Layout {
  readonly dimensions: readonly Dimension[];
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly size: number;
  readonly index: readonly ReadonlyMap<string, number>[];
}

/** The layout of the dimensions; throws on a dimension that is not flat and categorical as described above. */
export function layoutOf(dimensions: readonly Dimension[]): Layout {
  const names = new Set<string>();
  for (const { name, values } of dimensions) {
    if (names.has(name)) throw new Error(`dimension ${name} appears twice`);
    names.add(name);
    const seen = new Set<string>();
    for (const value of values) {
      if (value === TOTAL)
        throw new Error(`dimension ${name} has the value "${TOTAL}", which marks a margin`);
      if (seen.has(value)) throw new Error(`dimension ${name} has the value "${value}" twice`);
      seen.add(value);
    }
  }
  const sizes = dimensions.map((d) => d.values.length + 1);
  const strides = new Array<number>(dimensions.length);
  let size = 1;
  for (let d = dimensions.length - 1; d >= 0; d--) {
    strides[d] = size;
    size *= sizes[d] ?? 1;
  }
  const index = dimensions.map(
    ({ values }) =>
      new Map<string, number>([...values.map((v, i) => [v, i] as const), [TOTAL, values.length]]),
  );
  return { dimensions, sizes, strides, size, index };
}

/** The cell's position in the layout, or null when its key is not one of the layout's combinations. */
export function flatIndex(layout: Layout, key: readonly string[]): number | null {
  if (key.length !== layout.sizes.length) return null;
  let flat = 0;
  for (let d = 0; d < key.length; d++) {
    const i = layout.index[d]?.get(key[d] ?? '');
    if (i === undefined) return null;
    flat += i * (layout.strides[d] ?? 0);
  }
  return flat;
}

/** The key of the cell at `flat`, dimension by dimension. */
export function keyAt(layout: Layout, flat: number): string[] {
  return layout.dimensions.map((dimension, d) => {
    const i = Math.floor(flat / (layout.strides[d] ?? 1)) % (layout.sizes[d] ?? 1);
    return dimension.values[i] ?? TOTAL;
  });
}

/** A cell key as one string (the dimensions' values joined by NUL), to look cells up in a Map. */
export function cellKey(key: readonly string[]): string {
  return key.join('\u0000');
}

/** The cells of a table by cellKey. */
export function cellsByKey<C extends { readonly key: readonly string[] }>(
  cells: readonly C[],
): Map<string, C> {
  return new Map(cells.map((c) => [cellKey(c.key), c]));
}

/**
 * Adds every margin to inner counts laid out as `layout` (in place): for each dimension in turn, the TOTAL index of
 * each line along it gets the sum of the line's values, so later dimensions sum the margins of earlier ones too.
 */
function addMargins(counts: Float64Array, layout: Layout): void {
  layout.sizes.forEach((m, d) => {
    const stride = layout.strides[d] ?? 1;
    const block = m * stride;
    const total = (m - 1) * stride;
    for (let outer = 0; outer < layout.size; outer += block) {
      for (let base = outer; base < outer + stride; base++) {
        let sum = 0;
        for (let j = base; j < base + total; j += stride) sum += counts[j] ?? 0;
        counts[base + total] = sum;
      }
    }
  });
}

/**
 * Counts the records (each the inner coordinates of one unit: one value per dimension) in every cell of the
 * dimensions, margins included. Throws on a record whose value is not one of its dimension's values.
 */
export function tabulate(dimensions: readonly Dimension[], records: Iterable<readonly string[]>): CountTable {
  return tabulateCounts(
    dimensions,
    (function* () {
      for (const key of records) yield { key, count: 1 };
    })(),
  );
}

/**
 * The same from counts already grouped (a database's `group by`): each row's inner coordinates and how many units
 * it stands for. Rows with the same coordinates add up.
 */
export function tabulateCounts(
  dimensions: readonly Dimension[],
  rows: Iterable<{ readonly key: readonly string[]; readonly count: number }>,
): CountTable {
  const layout = layoutOf(dimensions);
  const { sizes, strides, index } = layout;
  const k = dimensions.length;
  const counts = new Float64Array(layout.size);
  let n = 0;
  for (const { key: record, count } of rows) {
    n++;
    if (record.length !== k)
      throw new Error(`record ${n} has ${record.length} values, not one for each of the ${k} dimensions`);
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`record ${n}: the count ${count} is not a whole number ≥ 0`);
    let flat = 0;
    for (let d = 0; d < k; d++) {
      const value = record[d] ?? '';
      const i = index[d]?.get(value);
      if (i === undefined || i === (sizes[d] ?? 0) - 1)
        throw new Error(`record ${n}: "${value}" is not a value of dimension ${dimensions[d]?.name ?? d}`);
      flat += i * (strides[d] ?? 0);
    }
    counts[flat] = (counts[flat] ?? 0) + count;
  }
  addMargins(counts, layout);
  const labels = dimensions.map((dimension) => [...dimension.values, TOTAL]);
  const cells = new Array<Cell>(layout.size);
  // An odometer over the coordinates instead of keyAt's divisions for each cell.
  const coordinates = new Array<number>(k).fill(0);
  for (let flat = 0; flat < layout.size; flat++) {
    const key = new Array<string>(k);
    for (let d = 0; d < k; d++) key[d] = labels[d]?.[coordinates[d] ?? 0] ?? TOTAL;
    cells[flat] = { key, count: counts[flat] ?? 0 };
    for (let d = k - 1; d >= 0; d--) {
      const next = (coordinates[d] ?? 0) + 1;
      if (next < (sizes[d] ?? 1)) {
        coordinates[d] = next;
        break;
      }
      coordinates[d] = 0;
    }
  }
  return { dimensions, cells };
}

/** Age groups of a child at arrival, by completed years of age. */
export const ARRIVAL_AGE_GROUPS = ['0-6', '7-12', '13-15', '16-17'] as const;

/** The arrival age group (completed years at the arrival date), or null when the age is not 0–17 (or negative). */
export function arrivalAgeGroup(birthDate: string, arrivalDate: string): string | null {
  if (arrivalDate < birthDate) return null;
  const age = ageOn(birthDate, arrivalDate);
  if (age < 0 || age > 17) return null;
  if (age <= 6) return '0-6';
  if (age <= 12) return '7-12';
  if (age <= 15) return '13-15';
  return '16-17';
}
