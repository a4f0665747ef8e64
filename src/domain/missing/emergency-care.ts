/**
 * Emergency care of a missing child in another municipality (issue 12 point 7; rule D-R1 in
 * ../shared/domain/missing-county-compensation-return.md §D): responsibility never moves with a missing episode, so a
 * municipality where the child turns up records the emergency care it gives, and only that — where the child is
 * cared for, what kind of care, what was done, from when (and until when), and whom the responsible municipality
 * calls. Pure: instants are arguments. ADR 0025, point 9.
 */
import { isPhoneNumber } from '../allocation/relative-contact.ts';
import type { EpisodeState } from './episode.ts';

/** The kind of care given: a jourhem, an HVB, the social emergency service (socialjouren), health care, other. */
export const EMERGENCY_CARE_KINDS = ['jourhem', 'hvb', 'socialjour', 'health_care', 'other'] as const;
export type EmergencyCareKind = (typeof EMERGENCY_CARE_KINDS)[number];

/** The episode's states in which emergency care may be recorded: the search is open, or the child was found. */
export const EMERGENCY_CARE_STATES: readonly EpisodeState[] = ['missing', 'notified', 'active', 'found'];

export interface EmergencyCare {
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly place: string;
  readonly care: EmergencyCareKind;
  readonly description: string;
  readonly contactName: string;
  readonly contactPhone: string;
}

export interface EmergencyCareProblem {
  readonly field: 'startedAt' | 'endedAt' | 'place' | 'care' | 'description' | 'contactName' | 'contactPhone';
  readonly reason: 'required' | 'in_the_future' | 'before_last_seen' | 'before_start' | 'phone_format';
}

const blank = (s: string) => s.trim() === '';
const valid = (d: Date) => !Number.isNaN(d.getTime());

/**
 * What is wrong with a record as entered. The care cannot begin in the future, nor before the child was last seen
 * where it lives (the child may turn up, and be cared for, before the responsible municipality has reported the
 * absence, so the report's time is not the bound); an end, when given, is not before the start and not in the future.
 */
export function emergencyCareProblems(
  care: EmergencyCare,
  episode: { readonly lastSeenAt: Date },
  now: Date,
): EmergencyCareProblem[] {
  const problems: EmergencyCareProblem[] = [];
  if (!valid(care.startedAt)) problems.push({ field: 'startedAt', reason: 'required' });
  else if (care.startedAt.getTime() > now.getTime())
    problems.push({ field: 'startedAt', reason: 'in_the_future' });
  else if (care.startedAt.getTime() < episode.lastSeenAt.getTime())
    problems.push({ field: 'startedAt', reason: 'before_last_seen' });
  if (care.endedAt !== null) {
    if (!valid(care.endedAt)) problems.push({ field: 'endedAt', reason: 'required' });
    else if (care.endedAt.getTime() > now.getTime())
      problems.push({ field: 'endedAt', reason: 'in_the_future' });
    else if (valid(care.startedAt) && care.endedAt.getTime() < care.startedAt.getTime())
      problems.push({ field: 'endedAt', reason: 'before_start' });
  }
  if (blank(care.place)) problems.push({ field: 'place', reason: 'required' });
  if (!(EMERGENCY_CARE_KINDS as readonly string[]).includes(care.care))
    problems.push({ field: 'care', reason: 'required' });
  if (blank(care.description)) problems.push({ field: 'description', reason: 'required' });
  if (blank(care.contactName)) problems.push({ field: 'contactName', reason: 'required' });
  if (blank(care.contactPhone)) problems.push({ field: 'contactPhone', reason: 'required' });
  else if (!isPhoneNumber(care.contactPhone))
    problems.push({ field: 'contactPhone', reason: 'phone_format' });
  return problems;
}

/** Why a caller may not record emergency care on an episode now (409), or null when nothing stands in the way. */
export type EmergencyCareRefusal = 'emergency_care_by_responsible' | 'emergency_care_not_open';

/**
 * D-R1: emergency care is recorded by a municipality that is not the responsible one (the responsible municipality
 * records the child found instead), and only while the episode is open or the child found — not after an absence
 * ended with the child back, nor after a closure.
 */
export function emergencyCareRefusal(
  episode: { readonly state: EpisodeState; readonly municipalityCode: string },
  callerMunicipalityCodes: readonly string[],
): EmergencyCareRefusal | null {
  if (callerMunicipalityCodes.includes(episode.municipalityCode)) return 'emergency_care_by_responsible';
  if (!EMERGENCY_CARE_STATES.includes(episode.state)) return 'emergency_care_not_open';
  return null;
}
