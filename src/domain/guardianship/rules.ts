/**
 * The guardianship capability's own rules, pure: why an assignment may end, when a special custodian (SFV) need not
 * be applied for, the authority's ward-limit policy as a warning (never a hard rule), and whether a god man speaks
 * one of the child's languages. Sources: lag (2005:429) om god man för ensamkommande barn (Lgeb) 3 §, 10–11 §§;
 * föräldrabalken 6 kap. 8 a §, 9 §; ../shared/domain/reception-workflows.md §2.3 and A12a.
 */
import { addMonths, ageOn, birthday } from '../time.ts';
import type { BestInterestsRecord } from '../case/best-interests.ts';

/** The authority's decision (11 § Lgeb): a parent can take custody, the child left Sweden for good, no longer needed. */
export const END_BY_DECISION_REASONS = ['parent_custody', 'left_sweden', 'not_needed'] as const;
export type EndByDecisionReason = (typeof END_BY_DECISION_REASONS)[number];

/** Reasons the officer may record for an end that followed from law (the SFV's end is recorded by the SFV step). */
export const RECORDED_BY_LAW_REASONS = ['turned_18', 'age_changed'] as const;
export type RecordedByLawReason = (typeof RECORDED_BY_LAW_REASONS)[number];

/** Special reasons not to apply for an SFV after a permit (A12a): 18 within six months, parents on their way, other. */
export const SFV_NOT_APPLYING_REASONS = [
  'turns_18_within_6_months',
  'parents_on_their_way',
  'other',
] as const;
export type SfvNotApplyingReason = (typeof SFV_NOT_APPLYING_REASONS)[number];

export const REQUEST_REASONS = ['initial', 'replacement'] as const;
export type RequestReason = (typeof REQUEST_REASONS)[number];

/** The guardianship authority's default ward limit when it has set none (no statutory cap exists: [NF] in the research). */
export const DEFAULT_MAX_WARDS = 5;

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface AppointmentWarning {
  readonly code: 'ward_limit_exceeded' | 'no_common_language';
  /** ward_limit_exceeded: the god man's wards after this appointment, and the authority's limit. */
  readonly wards?: number;
  readonly limit?: number;
}

/** A warning when the appointment takes the god man above the authority's limit. Not a refusal. */
export function wardLimitWarning(currentWards: number, limit: number): AppointmentWarning | null {
  const after = currentWards + 1;
  return after > limit ? { code: 'ward_limit_exceeded', wards: after, limit } : null;
}

const normalise = (language: string) => language.trim().toLocaleLowerCase('sv');

/** The languages both the child and the god man speak (as the child's record names them). */
export function commonLanguages(
  childLanguages: readonly string[],
  godManLanguages: readonly string[],
): string[] {
  const spoken = new Set(godManLanguages.map(normalise));
  return childLanguages.filter(
    (l, i) =>
      spoken.has(normalise(l)) && childLanguages.findIndex((o) => normalise(o) === normalise(l)) === i,
  );
}

/** Warnings of an appointment: over the limit, or no language in common (an interpreter is then needed). */
export function appointmentWarnings(input: {
  readonly currentWards: number;
  readonly limit: number;
  readonly childLanguages: readonly string[];
  readonly godManLanguages: readonly string[];
}): AppointmentWarning[] {
  const warnings: AppointmentWarning[] = [];
  const limit = wardLimitWarning(input.currentWards, input.limit);
  if (limit !== null) warnings.push(limit);
  if (
    input.childLanguages.length > 0 &&
    commonLanguages(input.childLanguages, input.godManLanguages).length === 0
  ) {
    warnings.push({ code: 'no_common_language' });
  }
  return warnings;
}

const filled = (value: string | null | undefined): boolean =>
  value !== null && value !== undefined && value.trim() !== '';

/**
 * Whether the child was heard (3 § Lgeb: the child shall be given the chance to express a view on the appointment)
 * must agree with the best-interests record: heard → the child's views are recorded; not heard → the reason is.
 */
export function childHeardProblems(
  childHeard: boolean | undefined,
  record: Pick<BestInterestsRecord, 'childsViews' | 'notHeardReason'> | null,
): FieldProblem[] {
  if (childHeard === undefined)
    return [
      { field: 'body.childHeard', code: 'required', message: 'Ange om barnet har fått uttrycka sin mening' },
    ];
  if (record === null) return [];
  if (childHeard && !filled(record.childsViews)) {
    return [
      {
        field: 'bestInterests.childsViews',
        code: 'required',
        message: 'Återge barnets egna åsikter om förordnandet',
      },
    ];
  }
  if (childHeard && filled(record.notHeardReason)) {
    return [
      {
        field: 'body.childHeard',
        code: 'heard_but_reason',
        message: 'Barnet anges som hört men ett skäl för att inte höra barnet är ifyllt',
      },
    ];
  }
  if (!childHeard && !filled(record.notHeardReason)) {
    return [
      {
        field: 'bestInterests.notHeardReason',
        code: 'required',
        message: 'Ange varför barnet inte har hörts',
      },
    ];
  }
  return [];
}

/** A god man is for a child: no request or appointment once the child is 18 (the assignment would end by law). */
export function adultProblems(birthDate: string, on: string, field: string): FieldProblem[] {
  return ageOn(birthDate, on) >= 18
    ? [{ field, code: 'adult', message: `Barnet fyllde 18 år ${birthday(birthDate, 18)}` }]
    : [];
}

/** A recorded end by law must be true on its date: 18 years of age for `turned_18`. */
export function endByLawProblems(
  reason: RecordedByLawReason,
  birthDate: string,
  endedOn: string,
): FieldProblem[] {
  if (reason === 'turned_18' && ageOn(birthDate, endedOn) < 18) {
    return [
      {
        field: 'body.endedOn',
        code: 'not_18',
        message: `Barnet fyller 18 år först ${birthday(birthDate, 18)}`,
      },
    ];
  }
  return [];
}

/** A special reason not to apply for an SFV must hold: 18 within six months; `other` needs a note. */
export function sfvNotApplyingProblems(
  reason: SfvNotApplyingReason,
  note: string | null,
  birthDate: string,
  decidedOn: string,
): FieldProblem[] {
  if (reason === 'turns_18_within_6_months' && birthday(birthDate, 18) > addMonths(decidedOn, 6)) {
    return [
      {
        field: 'body.reason',
        code: 'not_within_6_months',
        message: `Barnet fyller 18 år först ${birthday(birthDate, 18)}, mer än sex månader senare`,
      },
    ];
  }
  if (reason === 'other' && !filled(note))
    return [{ field: 'body.note', code: 'required', message: 'Beskriv det särskilda skälet' }];
  return [];
}

/** The court's decision: decided after the application, final on or after the decision (and not in the future). */
export function sfvDecisionProblems(input: {
  readonly appliedOn: string;
  readonly decidedOn: string;
  readonly finalOn: string | null;
  readonly today: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.decidedOn < input.appliedOn) {
    problems.push({
      field: 'body.decidedOn',
      code: 'before_application',
      message: `Beslutet kan inte vara före ansökan (${input.appliedOn})`,
    });
  }
  if (input.finalOn !== null && input.finalOn < input.decidedOn) {
    problems.push({
      field: 'body.finalOn',
      code: 'before_decision',
      message: 'Beslutet kan inte ha vunnit laga kraft före beslutsdagen',
    });
  }
  if (input.finalOn !== null && input.finalOn > input.today) {
    problems.push({ field: 'body.finalOn', code: 'future', message: 'Datumet kan inte ligga i framtiden' });
  }
  return problems;
}

/** Days from the request to the appointment (a key figure; practice 2–3 days). */
export function appointmentDays(requestedOn: string, appointedOn: string): number {
  return Math.round(
    (Date.parse(`${appointedOn}T00:00:00Z`) - Date.parse(`${requestedOn}T00:00:00Z`)) / 86_400_000,
  );
}
