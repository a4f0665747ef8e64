/**
 * The map's diverging colour scale for received minus exact quota (children). Purple below the quota, orange above
 * (ColorBrewer PuOr, readable with the common colour vision deficiencies; never red against green). A near-white
 * middle class holds the municipalities within a quarter of a child of their quota.
 */

/** Class boundaries: a value v falls in the class after the last threshold t with v ≥ t. */
export const THRESHOLDS = [-2, -1, -0.5, -0.25, 0.25, 0.5, 1, 2] as const;

export const COLOURS = [
  '#542788',
  '#8073ac',
  '#b2abd2',
  '#d8daeb',
  '#f7f7f7',
  '#fee0b6',
  '#fdb863',
  '#e08214',
  '#b35806',
] as const;

export function classOf(deviation: number): number {
  return THRESHOLDS.filter((t) => deviation >= t).length;
}

export function colourOf(deviation: number): string {
  return COLOURS[classOf(deviation)] ?? COLOURS[4];
}

export interface LegendClass {
  readonly colour: string;
  /** The lower bound (inclusive), or null for the open lowest class. */
  readonly from: number | null;
  /** The upper bound (exclusive), or null for the open highest class. */
  readonly to: number | null;
}

/** The classes from most above the quota to most below, as a legend reads top down. */
export function legendClasses(): LegendClass[] {
  return COLOURS.map((colour, i) => ({
    colour,
    from: i === 0 ? null : (THRESHOLDS[i - 1] ?? null),
    to: i === THRESHOLDS.length ? null : (THRESHOLDS[i] ?? null),
  })).reverse();
}
