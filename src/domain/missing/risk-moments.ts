/**
 * The situational risk moments of a child's case (issue 12; ../shared/domain/reception-workflows.md §3.3): the
 * sources name when children go missing — early, on arrival; at a refusal; close to the 18th birthday; at moves and
 * hand-overs between actors — but give no number of weeks. How long each moment lasts is therefore Anvisa's policy,
 * named in RISK_MOMENT_POLICY. Pure: the case's facts and the date come in as arguments. Flags to read, never a score.
 */
import { addDays, birthday } from '../time.ts';

/**
 * How long each moment lasts, in days. Policy, not a source's figure: the 2016 Stockholm report says most abscond "in
 * the arrival phase" and a UK count found 17 of 142 gone within a day of placement, neither in weeks.
 */
export const RISK_MOMENT_POLICY = {
  /** From the first day with a Swedish authority. */
  afterArrivalDays: 28,
  /** From a refusal of asylum. */
  afterRefusalDays: 56,
  /** Before the 18th birthday. */
  beforeEighteenDays: 56,
  /** From the start of a placement that followed another. */
  afterMoveDays: 28,
} as const;

export const RISK_MOMENT_KINDS = [
  'after_arrival',
  'after_refusal',
  'turning_18',
  'open_handover',
  'open_transfer',
  'placement_moved',
] as const;
export type RiskMomentKind = (typeof RISK_MOMENT_KINDS)[number];

export interface RiskMoment {
  readonly kind: RiskMomentKind;
  /** When the moment began (null: it lasts while something is open). */
  readonly since: string | null;
  /** The last day it lasts (null: while something is open). */
  readonly until: string | null;
}

export interface RiskFacts {
  readonly birthDate: string;
  /** The first day with a Swedish authority (the first responsibility period); null when unknown. */
  readonly arrivalDate: string | null;
  readonly asylumDecision: { readonly decision: string | null; readonly decidedOn: string | null } | null;
  /** A hand-over after an anvisning whose move is not yet recorded. */
  readonly openHandover: boolean;
  /** A transfer of responsibility asked for and not yet answered. */
  readonly openTransfer: boolean;
  readonly placements: readonly { readonly fromDate: string; readonly toDate: string | null }[];
}

/** The moment lasts from `since` for `days` days, today included. */
const within = (today: string, since: string, days: number) =>
  since <= today && today <= addDays(since, days - 1);

/** The child's risk moments on `today`, in RISK_MOMENT_KINDS order. */
export function riskMoments(facts: RiskFacts, today: string): RiskMoment[] {
  const adult = birthday(facts.birthDate, 18);
  if (today >= adult) return [];
  const found: RiskMoment[] = [];
  const p = RISK_MOMENT_POLICY;
  if (facts.arrivalDate !== null && within(today, facts.arrivalDate, p.afterArrivalDays))
    found.push({
      kind: 'after_arrival',
      since: facts.arrivalDate,
      until: addDays(facts.arrivalDate, p.afterArrivalDays - 1),
    });
  const refusedOn = facts.asylumDecision?.decision === 'refused' ? facts.asylumDecision.decidedOn : null;
  if (refusedOn !== null && within(today, refusedOn, p.afterRefusalDays))
    found.push({
      kind: 'after_refusal',
      since: refusedOn,
      until: addDays(refusedOn, p.afterRefusalDays - 1),
    });
  const eightWeeksBefore = addDays(adult, -p.beforeEighteenDays);
  if (today >= eightWeeksBefore)
    found.push({ kind: 'turning_18', since: eightWeeksBefore, until: addDays(adult, -1) });
  if (facts.openHandover) found.push({ kind: 'open_handover', since: null, until: null });
  if (facts.openTransfer) found.push({ kind: 'open_transfer', since: null, until: null });
  const started = facts.placements.filter((pl) => pl.fromDate <= today).map((pl) => pl.fromDate);
  const latest = [...started].sort().at(-1);
  if (latest !== undefined && started.some((from) => from < latest) && within(today, latest, p.afterMoveDays))
    found.push({ kind: 'placement_moved', since: latest, until: addDays(latest, p.afterMoveDays - 1) });
  return found;
}
