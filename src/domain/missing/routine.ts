/**
 * The regional routine for children who go missing, as data (issue 12; ../shared/domain/missing-county-compensation-
 * return.md §D): each county board's plan, versioned with a validity period — who is notified and within how many
 * hours, when a reminder goes out, the least time before an episode may be closed as not found, the limit for
 * offering the return talk, and the repeat rule — and a municipality's recorded local policy that departs from it
 * (Malmö closes after three weeks). Pure: the clock and the stored routines are the caller's.
 *
 * Defaults where no Swedish source gives a figure are marked as such in the research notes (D.2): the closure minimum
 * of three months from the police report is the regional plans' norm (SKR); 72 hours for the return talk and three
 * episodes in 30 days for a strategy meeting are UK practice; the notification hours are configurable policy.
 */
import { addDays, addHours, addMonths, isIsoDate } from '../time.ts';

/** Everyone the routine notifies when a child is reported missing (D.2 step D3, the notification list). */
export const NOTIFICATION_RECIPIENTS = [
  'responsible_social_worker',
  'assigned_municipality',
  'migration_agency',
  'god_man',
  'guardianship_authority',
  'police',
  'school',
] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

export interface RecipientRule {
  readonly recipient: NotificationRecipient;
  /** Hours from the police report within which the notification is due. */
  readonly dueWithinHours: number;
  /** Hours from the notification's sending after which an unacknowledged one escalates. */
  readonly escalateAfterHours: number;
}

/** A period of time, as the routines state it: whole months (the regional norm) or days (a local policy). */
export type Span = { readonly months: number } | { readonly days: number };

export interface RegionalRoutine {
  readonly countyCode: string;
  /** First day in force (ISO date). */
  readonly validFrom: string;
  /** Last day in force (ISO date), or null while in force until replaced. */
  readonly validTo: string | null;
  /** The county board's plan the routine records (title, registration number). */
  readonly reference: string;
  readonly recipients: readonly RecipientRule[];
  /** The least time from the police report before an episode may be closed as not found (D-R2). */
  readonly closureMinimum: Span;
  /** Hours from the child being found within which the return talk is to be offered (D11). */
  readonly returnTalkWithinHours: number;
  /** So many episodes within so many days call for a strategy meeting (D13). */
  readonly repeat: { readonly episodes: number; readonly withinDays: number };
}

/** A municipality's recorded departure from its county's routine (D-R2: only with a policy reference). */
export interface MunicipalPolicy {
  readonly municipalityCode: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** The municipality's own decision or guideline, e.g. the social services committee's routine and its date. */
  readonly policyReference: string;
  readonly closureMinimum?: Span;
  /** Only shorter than the county's: a municipality tightens the routine, never loosens the child's protection. */
  readonly returnTalkWithinHours?: number;
}

export const DEFAULT_CLOSURE_MINIMUM: Span = { months: 3 };
export const DEFAULT_RETURN_TALK_HOURS = 72;
export const DEFAULT_REPEAT = { episodes: 3, withinDays: 30 } as const;

/**
 * Hours within which each recipient is notified, and after which an unacknowledged notification escalates, where a
 * county has recorded no routine of its own. Anvisa's policy, not a Swedish source: the police report "at once"
 * (Malmö) is taken as two hours; the others "the same working day" as eight; escalation a working day later.
 */
export const DEFAULT_RECIPIENT_HOURS: Readonly<
  Record<NotificationRecipient, { readonly dueWithinHours: number; readonly escalateAfterHours: number }>
> = {
  police: { dueWithinHours: 2, escalateAfterHours: 2 },
  responsible_social_worker: { dueWithinHours: 2, escalateAfterHours: 4 },
  assigned_municipality: { dueWithinHours: 8, escalateAfterHours: 24 },
  migration_agency: { dueWithinHours: 8, escalateAfterHours: 24 },
  god_man: { dueWithinHours: 8, escalateAfterHours: 24 },
  guardianship_authority: { dueWithinHours: 8, escalateAfterHours: 24 },
  school: { dueWithinHours: 8, escalateAfterHours: 24 },
};

/** What governs an episode in a county that has recorded no routine: the regional plans' norms and Anvisa's hours. */
export function defaultRoutine(countyCode: string): RegionalRoutine {
  return {
    countyCode,
    validFrom: '2015-01-01',
    validTo: null,
    reference: '',
    recipients: NOTIFICATION_RECIPIENTS.map((recipient) => ({
      recipient,
      ...DEFAULT_RECIPIENT_HOURS[recipient],
    })),
    closureMinimum: DEFAULT_CLOSURE_MINIMUM,
    returnTalkWithinHours: DEFAULT_RETURN_TALK_HOURS,
    repeat: DEFAULT_REPEAT,
  };
}

/** A fault in a routine as entered: which field and why, for the form that edits it. */
export interface RoutineProblem {
  readonly field: string;
  readonly reason:
    | 'invalid_date'
    | 'ends_before_start'
    | 'overlaps_another_version'
    | 'missing_reference'
    | 'duplicate_recipient'
    | 'missing_recipient'
    | 'not_positive'
    | 'looser_than_county';
}

const positive = (n: number) => Number.isInteger(n) && n > 0;
const spanPositive = (s: Span) => positive('months' in s ? s.months : s.days);

function periodProblems(from: string, to: string | null): RoutineProblem[] {
  if (!isIsoDate(from)) return [{ field: 'validFrom', reason: 'invalid_date' }];
  if (to === null) return [];
  if (!isIsoDate(to)) return [{ field: 'validTo', reason: 'invalid_date' }];
  return to < from ? [{ field: 'validTo', reason: 'ends_before_start' }] : [];
}

const overlaps = (a: { validFrom: string; validTo: string | null }, b: typeof a) =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * What is wrong with a county's routine as entered, beside the versions already stored for the same county (one
 * version in force on any day). Every recipient of the notification list has a rule: a recipient the routine left out
 * would be a silent gap (D-R6).
 */
export function routineProblems(
  routine: RegionalRoutine,
  others: readonly RegionalRoutine[],
): RoutineProblem[] {
  const problems = periodProblems(routine.validFrom, routine.validTo);
  if (routine.reference.trim() === '') problems.push({ field: 'reference', reason: 'missing_reference' });
  const seen = new Set<NotificationRecipient>();
  routine.recipients.forEach((r, i) => {
    if (seen.has(r.recipient))
      problems.push({ field: `recipients.${i}.recipient`, reason: 'duplicate_recipient' });
    seen.add(r.recipient);
    if (!positive(r.dueWithinHours))
      problems.push({ field: `recipients.${i}.dueWithinHours`, reason: 'not_positive' });
    if (!positive(r.escalateAfterHours))
      problems.push({ field: `recipients.${i}.escalateAfterHours`, reason: 'not_positive' });
  });
  for (const recipient of NOTIFICATION_RECIPIENTS)
    if (!seen.has(recipient))
      problems.push({ field: `recipients.${recipient}`, reason: 'missing_recipient' });
  if (!spanPositive(routine.closureMinimum))
    problems.push({ field: 'closureMinimum', reason: 'not_positive' });
  if (!positive(routine.returnTalkWithinHours))
    problems.push({ field: 'returnTalkWithinHours', reason: 'not_positive' });
  if (!positive(routine.repeat.episodes)) problems.push({ field: 'repeat.episodes', reason: 'not_positive' });
  if (!positive(routine.repeat.withinDays))
    problems.push({ field: 'repeat.withinDays', reason: 'not_positive' });
  if (
    problems.every((p) => p.reason !== 'invalid_date' && p.reason !== 'ends_before_start') &&
    others.some((o) => o.countyCode === routine.countyCode && overlaps(o, routine))
  )
    problems.push({ field: 'validFrom', reason: 'overlaps_another_version' });
  return problems;
}

/** What is wrong with a municipality's policy, beside the county routine it departs from. */
export function policyProblems(policy: MunicipalPolicy, county: RegionalRoutine): RoutineProblem[] {
  const problems = periodProblems(policy.validFrom, policy.validTo);
  if (policy.policyReference.trim() === '')
    problems.push({ field: 'policyReference', reason: 'missing_reference' });
  if (policy.closureMinimum !== undefined && !spanPositive(policy.closureMinimum))
    problems.push({ field: 'closureMinimum', reason: 'not_positive' });
  if (policy.returnTalkWithinHours !== undefined) {
    if (!positive(policy.returnTalkWithinHours))
      problems.push({ field: 'returnTalkWithinHours', reason: 'not_positive' });
    else if (policy.returnTalkWithinHours > county.returnTalkWithinHours)
      problems.push({ field: 'returnTalkWithinHours', reason: 'looser_than_county' });
  }
  return problems;
}

const inForce = (v: { validFrom: string; validTo: string | null }, date: string) =>
  v.validFrom <= date && (v.validTo === null || date <= v.validTo);

/** The routine in force in a county on a date; null when the county has none for that day. */
export function routineOn(
  routines: readonly RegionalRoutine[],
  countyCode: string,
  date: string,
): RegionalRoutine | null {
  return routines.find((r) => r.countyCode === countyCode && inForce(r, date)) ?? null;
}

/** The routine that governs an episode: the county's on the day, with the municipality's policy on it applied. */
export interface GoverningRoutine extends RegionalRoutine {
  /** The municipality's policy reference when its policy changed something, else null. */
  readonly policyReference: string | null;
}

export function governingRoutine(
  county: RegionalRoutine,
  policies: readonly MunicipalPolicy[],
  municipalityCode: string,
  date: string,
): GoverningRoutine {
  const policy = policies.find((p) => p.municipalityCode === municipalityCode && inForce(p, date));
  if (policy === undefined) return { ...county, policyReference: null };
  return {
    ...county,
    closureMinimum: policy.closureMinimum ?? county.closureMinimum,
    returnTalkWithinHours: Math.min(
      policy.returnTalkWithinHours ?? county.returnTalkWithinHours,
      county.returnTalkWithinHours,
    ),
    policyReference: policy.policyReference,
  };
}

/** The first day an episode may be closed as not found (D-R2): the police report's date plus the minimum. */
export function earliestClosureNotFound(policeReportDate: string, minimum: Span): string {
  return 'months' in minimum
    ? addMonths(policeReportDate, minimum.months)
    : addDays(policeReportDate, minimum.days);
}

/** When the return talk is to have been offered: the limit's hours after the child was found (D11). */
export function returnTalkDue(foundAt: Date, withinHours: number): Date {
  return addHours(foundAt, withinHours);
}

/** When each recipient's notification is due and when it escalates unacknowledged, from the police report. */
export function notificationClocks(
  recipients: RegionalRoutine['recipients'],
  policeReportAt: Date,
): { recipient: NotificationRecipient; dueAt: Date; escalateAt: Date }[] {
  return recipients.map((r) => ({
    recipient: r.recipient,
    dueAt: addHours(policeReportAt, r.dueWithinHours),
    escalateAt: addHours(policeReportAt, r.dueWithinHours + r.escalateAfterHours),
  }));
}

/**
 * Whether the episodes begun on these dates (ISO dates, any order) include `episodes` within any `withinDays`-day
 * window that ends on the latest of them: the repeat rule is asked as each new episode opens (D13).
 */
export function repeatRuleMet(
  episodeDates: readonly string[],
  repeat: { readonly episodes: number; readonly withinDays: number },
): boolean {
  if (episodeDates.length === 0) return false;
  const latest = episodeDates.reduce((a, b) => (b > a ? b : a));
  const from = addDays(latest, -(repeat.withinDays - 1));
  return episodeDates.filter((d) => d >= from && d <= latest).length >= repeat.episodes;
}
