/**
 * Networks, competence events and contacts (issue 13 point 6; research §E.5): a network may span counties (the 2020
 * Värmland–Örebro–Dalarna resource network), its members are contacts with a role in the network and an organisation,
 * its competence events have a theme, days and participants, and participation is reported by county, role and gender
 * (E-R11). Pure: who may see and edit a network, what a contact needs to be stored (consent, an owner), what is left of
 * it when consent is withdrawn, when it needs review, and the participation report with the key figures' small-number
 * rule. No child appears in this capability.
 */
import { addMonths } from '../time.ts';
import { FIGURE_GENDERS, MIN_CELL, type FigureGender } from '../statistics/key-figures.ts';

/** The roles a person has in a network (Swedish labels in the web's dictionaries, `networks.role.<role>`). */
export const NETWORK_ROLES = [
  'school_leader', // skolledare, rektor, biträdande rektor
  'study_counsellor', // studie- och yrkesvägledare
  'teacher', // lärare, skolsamordnare
  'social_worker', // socialsekreterare
  'guardianship_officer', // överförmyndarhandläggare
  'ngo_project_leader', // projektledare i en idéburen organisation
  'hvb_staff', // HVB-personal
  'manager', // enhetschef
  'other', // annan
] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** How consent to be in the contact directory was given. */
export const CONSENT_WAYS = ['written', 'email', 'oral'] as const;
export type ConsentWay = (typeof CONSENT_WAYS)[number];

/** The gender participation is counted by: the key figures' vocabulary (female, male, other or unknown). */
export const PARTICIPANT_GENDERS = FIGURE_GENDERS;
export type ParticipantGender = FigureGender;

/** A contact not confirmed as current for this many months needs review. */
export const REVIEW_MONTHS = 12;

/** A coordinator sees a network when its county board's county is one of the network's counties; others get 404. */
export function maySeeNetwork(coordinatorCounty: string, networkCounties: readonly string[]): boolean {
  return networkCounties.includes(coordinatorCounty);
}

/** Editing follows seeing: a coordinator of any of the network's counties; no county owns it more than another. */
export function mayEditNetwork(coordinatorCounty: string, networkCounties: readonly string[]): boolean {
  return maySeeNetwork(coordinatorCounty, networkCounties);
}

export interface NetworkProblem {
  readonly field: 'counties' | 'toYear';
  readonly code: 'own_county_missing' | 'unknown_county' | 'to_before_from';
}

/** A network holds the creator's own county and only real counties; it ends no earlier than it began. */
export function networkProblems(
  network: {
    readonly counties: readonly string[];
    readonly fromYear: number;
    readonly toYear: number | null;
  },
  ownCounty: string,
  knownCounties: readonly string[],
): NetworkProblem[] {
  const problems: NetworkProblem[] = [];
  if (network.counties.some((c) => !knownCounties.includes(c)))
    problems.push({ field: 'counties', code: 'unknown_county' });
  else if (!network.counties.includes(ownCounty))
    problems.push({ field: 'counties', code: 'own_county_missing' });
  if (network.toYear !== null && network.toYear < network.fromYear)
    problems.push({ field: 'toYear', code: 'to_before_from' });
  return problems;
}

export interface ContactInput {
  readonly countyCode: string;
  readonly consentOn: string | null;
  readonly consentHow: ConsentWay | null;
  readonly ownerId: string;
}

export interface ContactProblem {
  readonly field: 'consentOn' | 'consentHow' | 'countyCode' | 'ownerId';
  readonly code: 'consent_required' | 'consent_in_future' | 'outside_network' | 'owner_not_county_board';
}

/**
 * A contact is stored only with recorded consent (the day, not after today, and how it was given), in one of the
 * network's counties, and with an owner who is a coordinator at the county board of one of the network's counties.
 */
export function contactProblems(
  contact: ContactInput,
  networkCounties: readonly string[],
  possibleOwners: readonly string[],
  today: string,
): ContactProblem[] {
  const problems: ContactProblem[] = [];
  if (contact.consentOn === null) problems.push({ field: 'consentOn', code: 'consent_required' });
  else if (contact.consentOn > today) problems.push({ field: 'consentOn', code: 'consent_in_future' });
  if (contact.consentHow === null) problems.push({ field: 'consentHow', code: 'consent_required' });
  if (!networkCounties.includes(contact.countyCode))
    problems.push({ field: 'countyCode', code: 'outside_network' });
  if (!possibleOwners.includes(contact.ownerId))
    problems.push({ field: 'ownerId', code: 'owner_not_county_board' });
  return problems;
}

export interface StoredContact {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly organisation: string;
  readonly consentWithdrawnOn: string | null;
}

/**
 * Withdrawn consent: the personal fields go, and the organisation with them — "biträdande rektor, Mora gymnasium"
 * names one person as well as a name does. What is left (county, role, gender) is what the participation counts hold.
 */
export function withdrawConsent<C extends StoredContact>(contact: C, today: string): C {
  return { ...contact, name: null, email: null, phone: null, organisation: '', consentWithdrawnOn: today };
}

/** Not confirmed as current for twelve months (derived from today, never stored). */
export function needsReview(confirmedOn: string, today: string): boolean {
  return addMonths(confirmedOn, REVIEW_MONTHS) <= today;
}

export interface EventProblem {
  readonly field: string;
  readonly code:
    'last_before_first' | 'outside_network' | 'unknown_contact' | 'duplicate_contact' | 'no_participants';
}

export interface CountedParticipants {
  readonly countyCode: string;
  readonly role: NetworkRole;
  readonly gender: ParticipantGender;
  readonly count: number;
}

/**
 * An event's last day is not before its first; it has participants: contacts of the network whose consent stands
 * (each once), and anonymous counts in the network's counties.
 */
export function eventProblems(
  event: {
    readonly firstDay: string;
    readonly lastDay: string;
    readonly contactIds: readonly string[];
    readonly counts: readonly CountedParticipants[];
  },
  networkCounties: readonly string[],
  currentContacts: readonly string[],
): EventProblem[] {
  const problems: EventProblem[] = [];
  if (event.lastDay < event.firstDay) problems.push({ field: 'lastDay', code: 'last_before_first' });
  if (event.contactIds.length === 0 && event.counts.length === 0)
    problems.push({ field: 'contactIds', code: 'no_participants' });
  const seen = new Set<string>();
  for (const [i, id] of event.contactIds.entries()) {
    if (!currentContacts.includes(id)) problems.push({ field: `contactIds.${i}`, code: 'unknown_contact' });
    else if (seen.has(id)) problems.push({ field: `contactIds.${i}`, code: 'duplicate_contact' });
    seen.add(id);
  }
  for (const [i, c] of event.counts.entries())
    if (!networkCounties.includes(c.countyCode))
      problems.push({ field: `counts.${i}.countyCode`, code: 'outside_network' });
  return problems;
}

/** One participation row as stored: a contact counts one, an anonymous row its count. */
export interface Participation {
  readonly countyCode: string;
  readonly role: NetworkRole;
  readonly gender: ParticipantGender;
  readonly count: number;
}

export interface ReportCell<K extends string> {
  readonly key: K;
  /** Null when withheld: fewer than MIN_CELL (but more than none), or withheld so that it cannot be worked out from the total. */
  readonly n: number | null;
}

export interface ParticipationReport {
  readonly total: number;
  readonly byCounty: readonly ReportCell<string>[];
  readonly byRole: readonly ReportCell<NetworkRole>[];
  readonly byGender: readonly ReportCell<ParticipantGender>[];
}

function sums<K extends string>(
  keys: readonly K[],
  rows: readonly Participation[],
  of: (r: Participation) => K,
) {
  return keys.map((key) => ({
    key,
    n: rows.filter((r) => of(r) === key).reduce((sum, r) => sum + r.count, 0),
  }));
}

/**
 * The participation report: every participant counted once in each split, so each split adds up to the total. Counties
 * and roles are work facts and shown as they are; gender is the key figures' rule (E-R11 and MIN_CELL): a gender with
 * 1–4 participants is withheld, and when exactly one is withheld the smallest other (a zero too) is withheld as well,
 * so that it cannot be worked out from the total.
 */
export function participationReport(
  rows: readonly Participation[],
  counties: readonly string[],
  minCell = MIN_CELL,
  alsoWithhold: ReadonlySet<ParticipantGender> = new Set(),
): ParticipationReport {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const byGender: { key: ParticipantGender; n: number | null }[] = sums(
    PARTICIPANT_GENDERS,
    rows,
    (r) => r.gender,
  );
  const withheld = (c: { n: number | null }) => c.n === null;
  for (const cell of byGender)
    if ((cell.n !== null && cell.n > 0 && cell.n < minCell) || alsoWithhold.has(cell.key)) cell.n = null;
  if (byGender.filter(withheld).length === 1) {
    const next = byGender
      .filter((c): c is { key: ParticipantGender; n: number } => c.n !== null)
      .sort((a, b) => a.n - b.n)[0];
    if (next !== undefined) byGender[byGender.indexOf(next)] = { key: next.key, n: null };
  }
  return {
    total,
    byCounty: sums(counties, rows, (r) => r.countyCode),
    byRole: sums(NETWORK_ROLES, rows, (r) => r.role).filter((c) => c.n > 0),
    byGender,
  };
}

/**
 * The reports of a network's events and of all of them together. A gender withheld in any event is withheld in the
 * total too: otherwise the total less the other events' figures would give it (an event of five women and one man
 * withholds the man; beside an event of five and five, a total of six men would tell him).
 */
export function participationReports(
  events: readonly (readonly Participation[])[],
  counties: readonly string[],
  minCell = MIN_CELL,
): { readonly events: ParticipationReport[]; readonly total: ParticipationReport } {
  const reports = events.map((rows) => participationReport(rows, counties, minCell));
  const hidden = new Set(reports.flatMap((r) => r.byGender.filter((c) => c.n === null).map((c) => c.key)));
  return { events: reports, total: participationReport(events.flat(), counties, minCell, hidden) };
}
