/**
 * Whose figures a reader sees: the own municipality, a county board's county, the whole nation for the Migration
 * Agency; nobody else has an area. The statistics and the missing routine's follow-up read the same areas.
 */
import type { Actor } from '../access/child-scope.ts';

export type AreaKind = 'municipality' | 'county' | 'nation';

export interface FigureAreaOf {
  readonly kind: AreaKind;
  /** The municipality's or the county's code; null for the nation. */
  readonly code: string | null;
}

export function figureAreaOf(actor: Actor): FigureAreaOf | null {
  if (actor.organisationType === 'migration_agency') return { kind: 'nation', code: null };
  if (actor.organisationType === 'county_board' && actor.countyCode !== null)
    return { kind: 'county', code: actor.countyCode };
  const own = actor.municipalityCodes[0];
  if (actor.organisationType === 'municipality' && own !== undefined)
    return { kind: 'municipality', code: own };
  return null;
}
