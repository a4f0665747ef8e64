/**
 * Placement days (vårddygn) per child and municipality, for the compensation the Migration Agency pays. A placement
 * covers its first day up to, but not including, its last (`to`): on the day a child moves, the day belongs to the new
 * placement, so a move never counts a day twice. An ongoing placement runs to the end of the period. Periods are
 * inclusive at both ends. Pure; dates are ISO strings.
 */

export interface PlacementSpan {
  readonly childId: string;
  readonly municipalityCode: string;
  readonly from: string;
  /** Exclusive; null while the placement lasts. */
  readonly to: string | null;
}

export interface Period {
  readonly from: string;
  /** Inclusive. */
  readonly to: string;
}

const DAY_MS = 86_400_000;

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The days of one placement within the period. */
export function spanDays(span: Pick<PlacementSpan, 'from' | 'to'>, period: Period): number {
  const periodEnd = nextDay(period.to);
  const start = span.from > period.from ? span.from : period.from;
  const end = span.to === null || span.to > periodEnd ? periodEnd : span.to;
  return Math.max(0, daysBetween(start, end));
}

export interface MunicipalityDays {
  readonly municipalityCode: string;
  readonly days: number;
  /** Children with at least one placement day in the period. */
  readonly children: number;
}

/** Days per municipality in the period, sorted by municipality code; municipalities without days are left out. */
export function placementDaysByMunicipality(
  spans: readonly PlacementSpan[],
  period: Period,
): MunicipalityDays[] {
  const days = new Map<string, number>();
  const children = new Map<string, Set<string>>();
  for (const span of spans) {
    const n = spanDays(span, period);
    if (n === 0) continue;
    days.set(span.municipalityCode, (days.get(span.municipalityCode) ?? 0) + n);
    const set = children.get(span.municipalityCode) ?? new Set<string>();
    set.add(span.childId);
    children.set(span.municipalityCode, set);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([municipalityCode, n]) => ({
      municipalityCode,
      days: n,
      children: children.get(municipalityCode)?.size ?? 0,
    }));
}
