/**
 * What each step of a missing episode records, and what is wrong with it as entered (field and reason; the forms show
 * the reasons in Swedish). Pure: instants and today's date are arguments. Issue 12, points 4, 6 and 9;
 * ../shared/domain/missing-county-compensation-return.md §D (D1, D4, D10–D13).
 */
import { isIsoDate } from '../time.ts';

/** D1: how the absence was classified when it was reported (UK definitions, Malmö's routine). */
export const ABSENCE_KINDS = ['away_without_permission', 'missing'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** D4: the LVU assessment made at once. */
export const LVU_OUTCOMES = ['no_grounds', 'application', 'immediate_custody'] as const;
export type LvuOutcome = (typeof LVU_OUTCOMES)[number];
/** 2 § LVU: the home environment; 3 § LVU: the young person's own behaviour (its three kinds). */
export const LVU_GROUNDS = [
  'home_environment_2',
  'substance_abuse_3',
  'criminal_activity_3',
  'socially_destructive_behaviour_3',
] as const;
export type LvuGround = (typeof LVU_GROUNDS)[number];

/** D10: the child's condition when found. */
export const FOUND_CONDITIONS = ['unharmed', 'harmed', 'needs_care'] as const;
export type FoundCondition = (typeof FOUND_CONDITIONS)[number];

/** D11: the return talk offered and held, declined by the child, or decided not to be held. */
export const RETURN_TALK_OUTCOMES = ['held', 'declined', 'not_held'] as const;
export type ReturnTalkOutcome = (typeof RETURN_TALK_OUTCOMES)[number];

/** After the return talk: the placement reviewed (D10). */
export const PLACEMENT_REVIEW_OUTCOMES = ['continues', 'change_needed'] as const;

export interface RecordProblem {
  readonly field: string;
  readonly reason:
    | 'required'
    | 'in_the_future'
    | 'before_last_seen'
    | 'before_found'
    | 'before_search'
    | 'ground_required'
    | 'ground_not_with_outcome'
    | 'concrete_facts_required';
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** The least a description of concrete circumstances must hold to be one (a sentence, not a label). */
export const CONCRETE_FACTS_MIN_LENGTH = 40;

export interface LvuAssessment {
  readonly outcome: LvuOutcome;
  readonly grounds: readonly LvuGround[];
  /** What has been observed, when and by whom — not a prediction ("would become a street child" is not enough). */
  readonly concreteFacts: string;
  readonly decisionReference: string | null;
}

/**
 * The LVU assessment (D4): an application or immediate custody (6 § LVU) names its grounds under 2 or 3 § and the
 * concrete circumstances observed; JO 7730-2016 found that a risk of becoming "a street child" was not a ground. An
 * assessment that finds no grounds says why, too. Immediate custody is a decision: its reference is recorded.
 */
export function lvuAssessmentProblems(a: LvuAssessment): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (a.outcome === 'no_grounds' && a.grounds.length > 0)
    problems.push({ field: 'grounds', reason: 'ground_not_with_outcome' });
  if (a.outcome !== 'no_grounds' && a.grounds.length === 0)
    problems.push({ field: 'grounds', reason: 'ground_required' });
  if (a.concreteFacts.trim().length < CONCRETE_FACTS_MIN_LENGTH)
    problems.push({ field: 'concreteFacts', reason: 'concrete_facts_required' });
  if (a.outcome === 'immediate_custody' && blank(a.decisionReference))
    problems.push({ field: 'decisionReference', reason: 'required' });
  return problems;
}

export interface AbsenceReport {
  readonly kind: AbsenceKind;
  readonly lastSeenAt: Date;
  readonly lastSeenPlace: string;
}

export function absenceProblems(report: AbsenceReport, now: Date): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (report.lastSeenAt.getTime() > now.getTime())
    problems.push({ field: 'lastSeenAt', reason: 'in_the_future' });
  if (blank(report.lastSeenPlace)) problems.push({ field: 'lastSeenPlace', reason: 'required' });
  return problems;
}

/** The police report that makes the absence a search (D2): its reference and when it was made. */
export function policeReportAtProblems(
  report: { readonly reference: string; readonly reportedAt: Date },
  lastSeenAt: Date,
  now: Date,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (blank(report.reference)) problems.push({ field: 'policeReference', reason: 'required' });
  if (report.reportedAt.getTime() > now.getTime())
    problems.push({ field: 'policeReportedAt', reason: 'in_the_future' });
  else if (report.reportedAt.getTime() < lastSeenAt.getTime())
    problems.push({ field: 'policeReportedAt', reason: 'before_last_seen' });
  return problems;
}

export interface FoundRecord {
  readonly foundAt: Date;
  readonly place: string;
  readonly foundBy: string;
  readonly condition: FoundCondition;
  readonly crimeSuspected: boolean;
  readonly crimeReportReference: string | null;
  readonly harm: string | null;
}

/** D10: where, when, by whom, the condition; a suspected crime is reported (its reference), harm described. */
export function foundProblems(found: FoundRecord, lastSeenAt: Date, now: Date): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (found.foundAt.getTime() > now.getTime()) problems.push({ field: 'foundAt', reason: 'in_the_future' });
  else if (found.foundAt.getTime() < lastSeenAt.getTime())
    problems.push({ field: 'foundAt', reason: 'before_last_seen' });
  if (blank(found.place)) problems.push({ field: 'place', reason: 'required' });
  if (blank(found.foundBy)) problems.push({ field: 'foundBy', reason: 'required' });
  if (found.crimeSuspected && blank(found.crimeReportReference))
    problems.push({ field: 'crimeReportReference', reason: 'required' });
  if (found.condition !== 'unharmed' && blank(found.harm))
    problems.push({ field: 'harm', reason: 'required' });
  return problems;
}

export interface ReturnTalk {
  readonly outcome: ReturnTalkOutcome;
  /** When it was held, declined or decided against. */
  readonly at: Date;
  readonly participants: readonly string[];
  /** The child's own account and views (CRC art. 12), held talks only. */
  readonly childsAccount: string | null;
  readonly childsViews: string | null;
  readonly actions: string | null;
  /** Why it was not held — a recorded decision (D11). */
  readonly notHeldReason: string | null;
}

/** D11: a held talk records who took part, the child's account and views, and the actions; a decision not to hold it, why. */
export function returnTalkProblems(talk: ReturnTalk, foundAt: Date, now: Date): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (talk.at.getTime() > now.getTime()) problems.push({ field: 'at', reason: 'in_the_future' });
  else if (talk.at.getTime() < foundAt.getTime()) problems.push({ field: 'at', reason: 'before_found' });
  if (talk.outcome === 'held') {
    if (talk.participants.every((p) => p.trim() === ''))
      problems.push({ field: 'participants', reason: 'required' });
    if (blank(talk.childsAccount)) problems.push({ field: 'childsAccount', reason: 'required' });
    if (blank(talk.childsViews)) problems.push({ field: 'childsViews', reason: 'required' });
    if (blank(talk.actions)) problems.push({ field: 'actions', reason: 'required' });
  }
  if (talk.outcome === 'not_held' && blank(talk.notHeldReason))
    problems.push({ field: 'notHeldReason', reason: 'required' });
  return problems;
}

/** D13: the strategy meeting the repeat rule called — who took part, what was decided, whether the care plan was reviewed. */
export interface StrategyMeeting {
  /** The day it was held (ISO date). */
  readonly heldOn: string;
  readonly participants: readonly string[];
  readonly decisions: string;
  readonly carePlanReviewed: boolean;
}

/**
 * A meeting is recorded once it was held: on a real day, not in the future, not before the search that called it;
 * with at least one participant and what was decided.
 */
export function strategyMeetingProblems(
  meeting: StrategyMeeting,
  searchOn: string,
  today: string,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (!isIsoDate(meeting.heldOn)) problems.push({ field: 'heldOn', reason: 'required' });
  else if (meeting.heldOn > today) problems.push({ field: 'heldOn', reason: 'in_the_future' });
  else if (meeting.heldOn < searchOn) problems.push({ field: 'heldOn', reason: 'before_search' });
  if (meeting.participants.every((p) => p.trim() === ''))
    problems.push({ field: 'participants', reason: 'required' });
  if (blank(meeting.decisions)) problems.push({ field: 'decisions', reason: 'required' });
  return problems;
}
