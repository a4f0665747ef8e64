/**
 * Statistical disclosure control of a count table (issue 15): which cells an export shows as suppressed (`..`).
 *
 * - Primary: a count of 1–4 is suppressed. Zeros are always shown.
 * - Complementary: in every additive relation — a total and its parts along one dimension, with each other dimension
 *   fixed to a value or to TOTAL — the suppressed members (parts and total together) are none or at least two; and
 *   where the relation's total is published, the suppressed parts sum to at least their number + 4, so that none of
 *   them (each ≥ 1, since zeros are shown) can be shown to be under 5.
 * - Published numbers are exact: no rounding, no noise.
 *
 * A relation along dimension d is named by the flat index of its total (the cell whose d is TOTAL); its parts are the
 * cells that differ from the total in d alone. Every cell is in one relation per dimension: as a part, or as the total.
 */
import {
  TOTAL,
  keyAt,
  layoutOf,
  flatIndex,
  type CountTable,
  type Dimension,
  type Layout,
} from './tabulation.ts';

/** The smallest non-zero count that is published (the same threshold as the key figures' MIN_CELL). */
export const MIN_PUBLISHED = 5;

export interface ProtectedCell {
  readonly key: readonly string[];
  /** The exact count, or null when suppressed. */
  readonly count: number | null;
  readonly suppressed: boolean;
  /** Suppressed for its own count (1–4); a suppressed cell that is not primary is a complementary suppression. */
  readonly primary: boolean;
}

export interface ProtectedTable {
  readonly dimensions: readonly Dimension[];
  readonly cells: readonly ProtectedCell[];
}

const isSmall = (count: number) => count >= 1 && count < MIN_PUBLISHED;

/** The flat positions of the cells, with a problem for each cell missing, doubled or not of the layout. */
function positions(
  layout: Layout,
  cells: readonly { readonly key: readonly string[] }[],
): { at: Int32Array; problems: string[] } {
  const at = new Int32Array(cells.length);
  const seen = new Uint8Array(layout.size);
  const problems: string[] = [];
  const canonical = canonicalOrder(layout, cells);
  cells.forEach((cell, i) => {
    const flat = canonical ? i : flatIndex(layout, cell.key);
    if (flat === null) problems.push(`cell (${cell.key.join(', ')}) is not a combination of the dimensions`);
    else if (seen[flat] === 1) problems.push(`cell ${cellName(layout, flat)} appears twice`);
    else seen[flat] = 1;
    at[i] = flat ?? -1;
  });
  if (problems.length === 0 && cells.length !== layout.size)
    for (let flat = 0; flat < layout.size; flat++)
      if (seen[flat] === 0) problems.push(`cell ${cellName(layout, flat)} is missing`);
  return { at, problems };
}

/** True when the cells are exactly the layout's, in its order (as tabulate makes them): no look-ups needed. */
function canonicalOrder(layout: Layout, cells: readonly { readonly key: readonly string[] }[]): boolean {
  if (cells.length !== layout.size) return false;
  const k = layout.sizes.length;
  const labels = layout.dimensions.map((dimension) => [...dimension.values, TOTAL]);
  const coordinates = new Array<number>(k).fill(0);
  for (const cell of cells) {
    if (cell.key.length !== k) return false;
    for (let d = 0; d < k; d++) if (cell.key[d] !== labels[d]?.[coordinates[d] ?? 0]) return false;
    for (let d = k - 1; d >= 0; d--) {
      const next = (coordinates[d] ?? 0) + 1;
      if (next < (layout.sizes[d] ?? 1)) {
        coordinates[d] = next;
        break;
      }
      coordinates[d] = 0;
    }
  }
  return true;
}

function cellName(layout: Layout, flat: number): string {
  const key = keyAt(layout, flat);
  return `(${layout.dimensions.map((d, i) => `${d.name}=${key[i] ?? ''}`).join(', ')})`;
}

function relationName(layout: Layout, total: number, d: number): string {
  const key = keyAt(layout, total);
  const fixed = layout.dimensions.flatMap((dim, i) => (i === d ? [] : [`${dim.name}=${key[i] ?? ''}`]));
  return `${layout.dimensions[d]?.name ?? d} over ${fixed.length === 0 ? 'the whole table' : `(${fixed.join(', ')})`}`;
}

/** Calls `each(total, d)` for every relation of the layout. */
function forEachRelation(layout: Layout, each: (total: number, d: number) => void): void {
  layout.sizes.forEach((m, d) => {
    const stride = layout.strides[d] ?? 1;
    const block = m * stride;
    for (let outer = 0; outer < layout.size; outer += block)
      for (let base = outer; base < outer + stride; base++) each(base + (m - 1) * stride, d);
  });
}

/** The counts in flat order, or the problems that keep the table from being one: structure, counts, additivity. */
function flatCounts(
  table: CountTable,
  layout: Layout,
): { counts: Float64Array; at: Int32Array; problems: string[] } {
  const { at, problems } = positions(layout, table.cells);
  const counts = new Float64Array(layout.size);
  table.cells.forEach((cell, i) => {
    if (!Number.isInteger(cell.count) || cell.count < 0)
      problems.push(`cell (${cell.key.join(', ')}) has the count ${cell.count}, not a whole number ≥ 0`);
    const flat = at[i] ?? -1;
    if (flat >= 0) counts[flat] = cell.count;
  });
  if (problems.length > 0) return { counts, at, problems };
  forEachRelation(layout, (total, d) => {
    const stride = layout.strides[d] ?? 1;
    let sum = 0;
    for (let j = total - ((layout.sizes[d] ?? 1) - 1) * stride; j < total; j += stride) sum += counts[j] ?? 0;
    if (sum !== counts[total])
      problems.push(
        `${relationName(layout, total, d)}: the parts sum to ${sum}, the total is ${counts[total]}`,
      );
  });
  return { counts, at, problems };
}

/**
 * The protected table: primary suppression, then complementary suppression to a fixed point over the relations. A
 * relation in violation gets one more suppressed part at a time — the published part with the smallest non-zero count
 * (the first in the dimension's order on a tie) — and its total when no such part is left. Suppressions are only ever
 * added, so it ends; a work queue holds the relations of each newly suppressed cell, so that nothing is scanned twice
 * without cause. Throws on a table that is not a complete, additive table of whole counts.
 */
export function protect(table: CountTable): ProtectedTable {
  const layout = layoutOf(table.dimensions);
  const { counts, at, problems } = flatCounts(table, layout);
  if (problems.length > 0) throw new Error(`not a count table: ${problems.slice(0, 5).join('; ')}`);
  const { sizes, strides } = layout;
  const k = sizes.length;
  const suppressed = new Uint8Array(layout.size);
  const queued = new Uint8Array(layout.size * k);
  const queue: number[] = [];

  const relationOf = (flat: number, d: number) => {
    const stride = strides[d] ?? 1;
    const m = sizes[d] ?? 1;
    return flat + (m - 1 - (Math.floor(flat / stride) % m)) * stride;
  };
  const suppress = (flat: number) => {
    suppressed[flat] = 1;
    for (let d = 0; d < k; d++) {
      const relation = relationOf(flat, d) * k + d;
      if (queued[relation] === 1) continue;
      queued[relation] = 1;
      queue.push(relation);
    }
  };

  for (let flat = 0; flat < layout.size; flat++) if (isSmall(counts[flat] ?? 0)) suppress(flat);

  while (queue.length > 0) {
    const relation = queue.pop() ?? 0;
    const total = Math.floor(relation / k);
    const d = relation % k;
    const stride = strides[d] ?? 1;
    const first = total - ((sizes[d] ?? 1) - 1) * stride;
    // Stays queued while it is mended, so that its own suppressions do not queue it again.
    for (;;) {
      let parts = 0;
      let sum = 0;
      let cheapest = -1;
      for (let j = first; j < total; j += stride) {
        const count = counts[j] ?? 0;
        if (suppressed[j] === 1) {
          parts++;
          sum += count;
        } else if (count > 0 && (cheapest < 0 || count < (counts[cheapest] ?? 0))) cheapest = j;
      }
      const totalSuppressed = suppressed[total] === 1;
      const members = parts + (totalSuppressed ? 1 : 0);
      if (members === 0 || (members >= 2 && (totalSuppressed || sum >= parts + MIN_PUBLISHED - 1))) break;
      if (cheapest >= 0) suppress(cheapest);
      else if (!totalSuppressed) suppress(total);
      else throw new Error(`${relationName(layout, total, d)}: a suppressed total without non-zero parts`);
    }
    queued[relation] = 0;
  }

  return {
    dimensions: table.dimensions,
    cells: table.cells.map((cell, i) => {
      const flat = at[i] ?? 0;
      const hidden = suppressed[flat] === 1;
      return {
        key: cell.key,
        count: hidden ? null : cell.count,
        suppressed: hidden,
        primary: isSmall(cell.count),
      };
    }),
  };
}

/**
 * A reviewer's check of a protected table: [] when it satisfies the rules, else one line for each violation naming
 * the cell or relation and why. Given the exact table, also that every published count is the exact one, that no
 * count of 1–4 is published, that no zero is suppressed, and that no cell is marked primary without a count of 1–4.
 */
export function disclosureProblems(table: ProtectedTable, exact?: CountTable): string[] {
  let layout: Layout;
  try {
    layout = layoutOf(table.dimensions);
  } catch (error) {
    return [(error as Error).message];
  }
  const { at, problems } = positions(layout, table.cells);
  if (problems.length > 0) return problems;
  const counts = new Float64Array(layout.size);
  const suppressed = new Uint8Array(layout.size);
  table.cells.forEach((cell, i) => {
    const flat = at[i] ?? 0;
    const name = () => cellName(layout, flat);
    if (cell.suppressed !== (cell.count === null))
      problems.push(`cell ${name()}: suppressed is ${cell.suppressed} but the count is ${cell.count}`);
    if (cell.primary && !cell.suppressed) problems.push(`cell ${name()}: primary but published`);
    if (cell.count !== null && isSmall(cell.count))
      problems.push(`cell ${name()}: the count ${cell.count} (1–${MIN_PUBLISHED - 1}) is published`);
    suppressed[flat] = cell.count === null ? 1 : 0;
    counts[flat] = cell.count ?? 0;
  });

  forEachRelation(layout, (total, d) => {
    const stride = layout.strides[d] ?? 1;
    let parts = 0;
    let published = 0;
    for (let j = total - ((layout.sizes[d] ?? 1) - 1) * stride; j < total; j += stride) {
      if (suppressed[j] === 1) parts++;
      else published += counts[j] ?? 0;
    }
    const totalSuppressed = suppressed[total] === 1;
    const members = parts + (totalSuppressed ? 1 : 0);
    const name = () => relationName(layout, total, d);
    if (members === 1) {
      let only = total;
      for (let j = total - ((layout.sizes[d] ?? 1) - 1) * stride; j < total; j += stride)
        if (suppressed[j] === 1) only = j;
      problems.push(`${name()}: exactly one suppressed member, ${cellName(layout, only)}`);
    }
    if (totalSuppressed) return;
    const rest = (counts[total] ?? 0) - published;
    if (parts === 0 && rest !== 0)
      problems.push(`${name()}: the published parts sum to ${published}, the total is ${counts[total]}`);
    else if (parts > 0 && rest < parts + MIN_PUBLISHED - 1)
      problems.push(
        `${name()}: the ${parts} suppressed parts sum to ${rest} (total less published parts), under ${parts + MIN_PUBLISHED - 1}`,
      );
  });

  if (exact !== undefined) problems.push(...exactProblems(table, layout, at, exact));
  return problems;
}

/** The protected table against the exact one: the same cells, every published count exact, zeros never hidden. */
function exactProblems(table: ProtectedTable, layout: Layout, at: Int32Array, exact: CountTable): string[] {
  const same =
    exact.dimensions.length === table.dimensions.length &&
    exact.dimensions.every(
      (d, i) =>
        d.name === table.dimensions[i]?.name &&
        d.values.length === table.dimensions[i].values.length &&
        d.values.every((v, j) => v === table.dimensions[i]?.values[j]),
    );
  if (!same) return ['the exact table has other dimensions or values than the protected one'];
  const { counts, problems } = flatCounts(exact, layout);
  if (problems.length > 0) return problems.map((p) => `exact table: ${p}`);
  table.cells.forEach((cell, i) => {
    const flat = at[i] ?? 0;
    const count = counts[flat] ?? 0;
    const name = () => cellName(layout, flat);
    if (cell.count !== null && cell.count !== count)
      problems.push(`cell ${name()}: published ${cell.count}, the exact count is ${count}`);
    if (cell.count === null && count === 0) problems.push(`cell ${name()}: a zero is suppressed`);
    // A table read back from an export has no primary marks (the file does not tell them): only a wrong mark counts.
    if (cell.primary && !isSmall(count))
      problems.push(`cell ${name()}: marked primary, but the exact count is ${count}`);
  });
  return problems;
}
