/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032): which codes the Migration Agency pays without a
 * claim and which the municipality must apply for, the quarter a view covers, and the facts that block a claim. Pure.
 */
import type { ChildFacts, CompensationCode, DayWindow } from './calculator.ts';
import { addDays } from '../time.ts';

/**
 * How each code reaches the municipality (research F.2, MV's "utan ansökan" page): the schablons and the annual
 * compensation are paid without a claim; the arrival days, the LVU cost above the schablon, the education of an
 * asylum-seeking child and the special custodian's costs are applied for (19 § förordning 2017:193).
 */
export const CLAIM_KINDS: Readonly<Record<CompensationCode, 'automatic' | 'applied_for'>> = {
  ANVISNING_ENGANG: 'automatic',
  ANKOMST_DYGN: 'applied_for',
  SCHABLON_DYGN: 'automatic',
  LVU_TILLAGG: 'applied_for',
  UTBILDNING: 'applied_for',
  SFV_KOSTNAD: 'applied_for',
  UNGA_DYGN: 'automatic',
  FAST_AR: 'automatic',
  RORLIG_AR: 'automatic',
};

/** The codes in the order the view lists them. */
export const COMPENSATION_CODES_ORDER = [
  'ANVISNING_ENGANG',
  'ANKOMST_DYGN',
  'SCHABLON_DYGN',
  'LVU_TILLAGG',
  'UTBILDNING',
  'SFV_KOSTNAD',
  'UNGA_DYGN',
  'FAST_AR',
  'RORLIG_AR',
] as const satisfies readonly CompensationCode[];

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The days of a quarter written YYYY-Qn, both ends included; null for anything else. */
export function quarterWindow(quarter: string): DayWindow | null {
  const match = QUARTER.exec(quarter);
  if (match === null) return null;
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3 + 1;
  const from = `${match[1]}-${String(first).padStart(2, '0')}-01`;
  const next = first + 3 > 12 ? `${year + 1}-01-01` : `${match[1]}-${String(first + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** The quarter before the one `today` is in, YYYY-Qn. */
export function previousQuarter(today: string): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

export type CompensationWarningCode =
  | 'placement_without_responsibility'
  | 'lvu_without_daily_cost'
  | 'sfv_without_family_home'
  | 'responsibility_after_sfv';

export interface CompensationWarning {
  readonly childId: string;
  readonly code: CompensationWarningCode;
  /** The placement the warning is about: its first day. */
  readonly placementFrom: string;
}

const overlaps = (from: string, to: string | null, window: DayWindow) =>
  from <= window.to && (to === null || to > window.from);

/** Whether the periods together cover every day of [from, to) within the window. */
function coveredBy(
  periods: readonly { from: string; to: string | null }[],
  from: string,
  to: string | null,
  window: DayWindow,
): boolean {
  let cursor = from > window.from ? from : window.from;
  const end = addDays(window.to, 1);
  const until = to === null || to > end ? end : to;
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const period of sorted) {
    if (cursor >= until) break;
    if (period.from > cursor) return false;
    if (period.to === null) return true;
    if (period.to > cursor) cursor = period.to;
  }
  return cursor >= until;
}

/** The placement forms of a family home: the special custodian's compensation asks that the child lived there. */
const FAMILY_HOME_FORMS: ReadonlySet<string> = new Set(['familjehem', 'jourhem']);

/**
 * The facts that block the municipality's claim within the window: a placement with the municipality on days when
 * no responsibility period of the municipality is registered; an LVU placement without a daily cost; a special
 * custodian's appointment (from the municipality, in or before the window) for a child that had no family-home
 * placement with the municipality before it (MV pays only when the custodians were the child's family home); a
 * responsibility period of the municipality that goes on after the appointment within the window (it ends with the
 * reason SFV, else the schablon is paid beside the special custodian's costs).
 */
export function compensationWarnings(
  child: ChildFacts,
  municipalityCode: string,
  window: DayWindow,
): CompensationWarning[] {
  const warnings: CompensationWarning[] = [];
  const own = child.responsibility.filter((r) => r.municipalityCode === municipalityCode);
  for (const placement of child.placements) {
    if (placement.municipalityCode !== municipalityCode) continue;
    if (!overlaps(placement.from, placement.to, window)) continue;
    const covered = coveredBy(own, placement.from, placement.to, window);
    if (!covered)
      warnings.push({
        childId: child.childId,
        code: 'placement_without_responsibility',
        placementFrom: placement.from,
      });
    if (placement.lvu && placement.dailyCost === null)
      warnings.push({
        childId: child.childId,
        code: 'lvu_without_daily_cost',
        placementFrom: placement.from,
      });
  }
  const custody = child.specialCustody;
  if (
    custody !== undefined &&
    custody !== null &&
    custody.municipalityCode === municipalityCode &&
    custody.from <= window.to &&
    !child.placements.some(
      (p) =>
        p.municipalityCode === municipalityCode && FAMILY_HOME_FORMS.has(p.form) && p.from < custody.from,
    )
  )
    warnings.push({ childId: child.childId, code: 'sfv_without_family_home', placementFrom: custody.from });
  if (
    custody !== undefined &&
    custody !== null &&
    custody.municipalityCode === municipalityCode &&
    own.some(
      (r) =>
        overlaps(custody.from > r.from ? custody.from : r.from, r.to, window) &&
        (r.to === null || r.to > custody.from),
    )
  )
    warnings.push({ childId: child.childId, code: 'responsibility_after_sfv', placementFrom: custody.from });
  return warnings;
}
