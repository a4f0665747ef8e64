/**
 * The asylum case as the Migration Agency records it (../shared/domain/reception-workflows.md A11, §2): the
 * application, interviews, the decision (permanent or temporary permit, refusal, Dublin transfer, written off), an
 * appeal to the migration court and the final decision. Pure rules: which machine event a step is, and which dates
 * and fields a step needs. The state itself is the `asylum` machine (src/domain/case/machines.ts).
 */

export const ASYLUM_DECISIONS = [
  'permanent_permit',
  'temporary_permit',
  'refused',
  'dublin_transfer',
  'written_off',
] as const;
export type AsylumDecision = (typeof ASYLUM_DECISIONS)[number];

/** The machine event that records each first-instance decision. */
export const DECISION_EVENTS = {
  permanent_permit: 'grant_permanent',
  temporary_permit: 'grant_temporary',
  refused: 'refuse',
  dublin_transfer: 'transfer_dublin',
  written_off: 'write_off',
} as const satisfies Record<AsylumDecision, string>;

/** What the migration court may decide after an appeal (a case is not written off on appeal). */
export const COURT_OUTCOMES = ['permanent_permit', 'temporary_permit', 'refused', 'dublin_transfer'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

/** A residence permit: the municipality must now apply for a special custodian (SFV) or record why not. */
export function isPermit(decision: string | null): boolean {
  return decision === 'permanent_permit' || decision === 'temporary_permit';
}

/** A date of an interview in the future is a booking (a coming meeting); today or earlier, an interview held. */
export function interviewEvent(interviewOn: string, today: string): 'schedule_interview' | 'interview' {
  return interviewOn > today ? 'schedule_interview' : 'interview';
}

/** The interview dates with one more, sorted, each once. */
export function withInterviewDate(dates: readonly string[], date: string): string[] {
  return [...new Set([...dates, date])].sort();
}

/** Interviews still to come: the meetings the god man and social services prepare the child for. */
export function comingInterviews(dates: readonly string[], today: string): string[] {
  return dates.filter((d) => d >= today).sort();
}

/** Interviews booked and not yet held: dated after today (an interview dated today or earlier counts as held). */
export function bookedInterviews(dates: readonly string[], today: string): string[] {
  return dates.filter((d) => d > today).sort();
}

/**
 * What a first-instance decision does to an interview that is booked and not yet held. The interview is where the
 * child states the grounds: before a decision the applicant shall be given the opportunity of a personal interview
 * (art. 14.1 of the Asylum Procedures Directive 2013/32/EU), so a refusal waits for it. The interview on the substance
 * may be left out when a positive decision can be taken on the evidence at hand (art. 14.2 a): a permit may be granted
 * before it. A Dublin transfer is not a decision on the substance, and a case written off has nothing left to hear.
 * Those decisions cancel the booked interviews — explicitly, so that no one prepares the child for a meeting that
 * will not take place.
 */
export function interviewsAtDecision(
  decision: AsylumDecision,
  booked: readonly string[],
):
  | { readonly ok: true; readonly cancel: readonly string[] }
  | { readonly ok: false; readonly interviewOn: string } {
  const first = [...booked].sort()[0];
  if (first === undefined) return { ok: true, cancel: [] };
  if (decision === 'refused') return { ok: false, interviewOn: first };
  return { ok: true, cancel: [...booked].sort() };
}

/** The interview dates without those cancelled. */
export function withoutInterviewDates(dates: readonly string[], cancelled: readonly string[]): string[] {
  return dates.filter((d) => !cancelled.includes(d));
}

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

/** A step that has happened is dated today or earlier. */
export function checkNotFuture(field: string, date: string, today: string): FieldProblem[] {
  return date > today ? [problem(field, 'future', 'Datumet kan inte ligga i framtiden')] : [];
}

/** Interviews fall between the application and a year ahead. */
export function checkInterview(input: {
  interviewOn: string;
  appliedOn: string;
  today: string;
  latestOn: string;
}): FieldProblem[] {
  if (input.interviewOn < input.appliedOn) {
    return [problem('interviewOn', 'asylum_before_application', 'Datumet kan inte ligga före asylansökan')];
  }
  if (input.interviewOn > input.latestOn)
    return [problem('interviewOn', 'asylum_too_far_ahead', 'Datumet kan ligga högst ett år fram')];
  return [];
}

/**
 * A decision is taken on or after the application; a temporary permit needs its end date, after the decision date;
 * other decisions carry none.
 */
export function checkDecision(input: {
  decision: AsylumDecision | CourtOutcome;
  decidedOn: string;
  permitEndsOn: string | null;
  notBefore: string;
  dateField: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.decidedOn < input.notBefore) {
    problems.push(
      problem(
        input.dateField,
        'asylum_date_too_early',
        'Datumet kan inte ligga före det föregående steget i ärendet',
      ),
    );
  }
  if (input.decision === 'temporary_permit') {
    if (input.permitEndsOn === null) {
      problems.push(
        problem(
          'permitEndsOn',
          'asylum_permit_end_required',
          'Ett tidsbegränsat tillstånd måste ha ett slutdatum',
        ),
      );
    } else if (input.permitEndsOn <= input.decidedOn) {
      problems.push(
        problem(
          'permitEndsOn',
          'asylum_permit_end_not_after_decision',
          'Slutdatumet måste ligga efter beslutsdatumet',
        ),
      );
    }
  } else if (input.permitEndsOn !== null) {
    problems.push(
      problem(
        'permitEndsOn',
        'asylum_permit_end_not_allowed',
        'Bara ett tidsbegränsat tillstånd har ett slutdatum',
      ),
    );
  }
  return problems;
}

/** A step dated on or after the step before it (appeal after the decision, final after the appeal …). */
export function checkNotBefore(field: string, date: string, notBefore: string | null): FieldProblem[] {
  return notBefore !== null && date < notBefore
    ? [problem(field, 'asylum_date_too_early', 'Datumet kan inte ligga före det föregående steget i ärendet')]
    : [];
}

/**
 * The final decision. After an appeal the court's outcome is required (it may be the same as the Agency's); without
 * an appeal the Agency's decision gained legal force as it was, and an outcome, if given, must be that decision.
 */
export function finalOutcome(input: {
  appealed: boolean;
  decision: AsylumDecision | null;
  outcome: CourtOutcome | null;
}): { ok: true; decision: AsylumDecision } | { ok: false; problem: FieldProblem } {
  if (input.appealed) {
    if (input.outcome === null)
      return { ok: false, problem: problem('outcome', 'asylum_outcome_required', 'Ange domstolens utfall') };
    return { ok: true, decision: input.outcome };
  }
  if (input.decision === null)
    return {
      ok: false,
      problem: problem('outcome', 'asylum_no_decision', 'Det finns inget beslut som kan vinna laga kraft'),
    };
  if (input.outcome !== null && input.outcome !== input.decision) {
    return {
      ok: false,
      problem: problem(
        'outcome',
        'asylum_outcome_not_appealed',
        'Beslutet överklagades inte: utfallet är Migrationsverkets beslut',
      ),
    };
  }
  return { ok: true, decision: input.decision };
}
