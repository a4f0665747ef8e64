/**
 * The rules of a placement decision (reception-workflows.md §2.1 A2, A6), pure: the use case loads the facts and
 * answers 422 naming every field a rule refuses.
 *  - Stödboende is for ages 16–20; for 16–17-year-olds only with a recorded special reason (9 kap. 1 §
 *    SoL 2025:400, formerly 6 kap. 1 § SoL 2001:453).
 *  - The provider's form must be the placement's form, and the provider must take children (active).
 *  - The SiS special youth homes take children in compulsory care: the legal basis is LVU.
 *  - No overlap: a new placement begins on or after the previous one ended; a move begins after the current one began.
 *  - An on-call placement (socialjouren, out of hours) is valid to the next working day (Swedish public holidays).
 */
import { deadlines } from '../deadlines/rules.ts';
import { needsSpecialReason, tooYoungForStodboende } from './stodboende.ts';
import type { LegalBasis, PlacementForm } from './vocabulary.ts';

export { needsSpecialReason } from './stodboende.ts';

export interface Problem {
  readonly field: string;
  readonly code: string;
  /** Swedish, for the user. */
  readonly message: string;
}

export interface PlacementFacts {
  readonly form: PlacementForm;
  readonly legalBasis: LegalBasis;
  readonly fromDate: string;
  readonly today: string;
  readonly birthDate: string;
  readonly specialReason: string | null;
  readonly provider: { readonly form: string; readonly active: boolean };
  /**
   * What the new placement follows: the current placement it replaces (a move, or the ordinary decision after an
   * on-call placement), or the last ended placement.
   */
  readonly follows: {
    readonly kind: 'move' | 'after_on_call' | 'after_ended';
    readonly from: string;
    readonly to: string | null;
  } | null;
}

export function placementProblems(f: PlacementFacts): Problem[] {
  const problems: Problem[] = [];
  if (f.fromDate > f.today)
    problems.push({ field: 'fromDate', code: 'future', message: 'Placeringen kan inte börja i framtiden' });
  if (f.provider.form !== f.form) {
    problems.push({
      field: 'form',
      code: 'placement_form_mismatch',
      message: 'Utföraren erbjuder inte den placeringsformen',
    });
  }
  if (!f.provider.active)
    problems.push({
      field: 'providerId',
      code: 'placement_provider_inactive',
      message: 'Utföraren tar inte emot placeringar',
    });
  if (f.form === 'stodboende') {
    if (tooYoungForStodboende(f.form, f.birthDate, f.fromDate)) {
      problems.push({
        field: 'form',
        code: 'placement_stodboende_under_16',
        message: 'Stödboende kan beslutas först från 16 års ålder',
      });
    } else if (
      needsSpecialReason(f.form, f.birthDate, f.fromDate) &&
      (f.specialReason === null || f.specialReason.trim() === '')
    ) {
      problems.push({
        field: 'specialReason',
        code: 'required',
        message: 'Ange de särskilda skälen för stödboende för 16–17-åringar',
      });
    }
  }
  if (f.form === 'sis' && f.legalBasis !== 'LVU') {
    problems.push({
      field: 'legalBasis',
      code: 'placement_sis_requires_lvu',
      message: 'Placering i SiS särskilda ungdomshem förutsätter vård enligt LVU',
    });
  }
  const overlap = overlapProblem(f.follows, f.fromDate);
  if (overlap !== null) problems.push(overlap);
  return problems;
}

function overlapProblem(follows: PlacementFacts['follows'], fromDate: string): Problem | null {
  if (follows === null) return null;
  switch (follows.kind) {
    case 'move':
      return fromDate > follows.from
        ? null
        : {
            field: 'fromDate',
            code: 'placement_move_not_after_current',
            message: `Flytten måste ske efter ${follows.from}, då nuvarande placering började`,
          };
    case 'after_on_call':
      return fromDate >= follows.from
        ? null
        : {
            field: 'fromDate',
            code: 'placement_before_on_call',
            message: `Beslutet kan inte gälla före jourplaceringen ${follows.from}`,
          };
    case 'after_ended':
      return follows.to === null || fromDate >= follows.to
        ? null
        : {
            field: 'fromDate',
            code: 'placement_overlaps_previous',
            message: `Placeringen överlappar den förra, som slutade ${follows.to}`,
          };
  }
}

/** An on-call placement decided on `decidedOn` holds until the next working day (the `on-call-placement` rule). */
export function onCallValidUntil(decidedOn: string): string {
  return deadlines.onCallPlacement(decidedOn).due;
}

/** The end of a placement: not before it began, not in the future. */
export function endProblems(current: { readonly from: string }, endDate: string, today: string): Problem[] {
  if (endDate > today)
    return [{ field: 'endDate', code: 'future', message: 'Slutdatum kan inte ligga i framtiden' }];
  if (endDate < current.from)
    return [
      {
        field: 'endDate',
        code: 'placement_end_before_start',
        message: `Placeringen började ${current.from}`,
      },
    ];
  return [];
}

/** Free places of a provider: its places minus the children placed there now (negative when over-occupied). */
export function freePlaces(places: number, occupied: number): number {
  return places - occupied;
}

/** A dated step (a school start, an examination done, a referral): on or after the date it follows, not in the future. */
export function dateProblems(field: string, date: string, notBefore: string, today: string): Problem[] {
  if (date > today) return [{ field, code: 'future', message: 'Datumet kan inte ligga i framtiden' }];
  if (date < notBefore)
    return [{ field, code: 'placement_date_too_early', message: `Datumet kan inte ligga före ${notBefore}` }];
  return [];
}
