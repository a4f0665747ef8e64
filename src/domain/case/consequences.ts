/**
 * What follows from what, as data: for each case event that other capabilities must follow, the follow-up steps in
 * the order they run, each with its source. The case kernel's executor (src/case/consequences.ts) runs them inside
 * the event's transaction; one capability never calls another's internals for a follow-up. The table is drawn in
 * docs/state-machines.md (`npm run docs:diagrams`).
 *
 * A step that ends something (responsibility) may raise a trigger of its own: that is a row of this table too, so a
 * cascade is read here, not in nested calls.
 *
 * Most triggers are events of a child's case. An organisation-level trigger (`capacity.reminded`) names no child: its
 * facts carry organisations' codes and the users to tell, and its follow-ups touch no child's record.
 */

/** The events others follow. Named `<machine or record>.<what happened>`. */
export const CONSEQUENCE_TRIGGERS = [
  'child.registered',
  'child.arrived',
  'anvisning.decided',
  'anvisning.corrected',
  'transfer.confirmed',
  'child.adult',
  'child.adult_with_continued_responsibility',
  'child.adult_after_end_decided',
  'responsibility.ended',
  'responsibility.aftercare_ended',
  'capacity.reminded',
] as const;
export type ConsequenceTrigger = (typeof CONSEQUENCE_TRIGGERS)[number];

/** The follow-up steps, each owned by one capability (the prefix). */
export const FOLLOW_UP_STEPS = [
  'responsibility.open_arrival_period',
  'asylum.open_case',
  'responsibility.assign',
  'responsibility.end_by_rule',
  'responsibility.end_as_decided',
  'social_case.follow_responsibility',
  'social_case.hand_over',
  'deadlines.follow_responsibility',
  'change_report.transfer',
  'guardianship.end_by_law',
  'placement.end',
  'notification.incoming_child',
  'notification.capacity_reminder',
] as const;
export type FollowUpStep = (typeof FOLLOW_UP_STEPS)[number];

/**
 * The steps taken in the deciding user's name: the assignment (the allocation officer's role fires the `assign`
 * transition and their organisation owns the new period). Every other follow-up is Anvisa's own record (`system`):
 * it follows from law or rule, not from the user's choice, is not limited by what the user's role may do, and takes
 * what it records from the trigger's facts.
 */
export const DECIDER_STEPS = ['responsibility.assign'] as const satisfies readonly FollowUpStep[];
export type DeciderStep = (typeof DECIDER_STEPS)[number];

export function isDeciderStep(step: FollowUpStep): step is DeciderStep {
  return (DECIDER_STEPS as readonly FollowUpStep[]).includes(step);
}

export interface FollowUp {
  readonly step: FollowUpStep;
  /** What happens, in Swedish as a caseworker would say it. */
  readonly what: string;
  /** The legal source, or where no statute sets it, the routine or design decision it follows. */
  readonly source: string;
  /** True when a statute sets it; false for an agency routine or Anvisa's own design. */
  readonly statutory: boolean;
  /** When the step did end something, the trigger it raises in turn (its follow-ups run next). */
  readonly raises?: ConsequenceTrigger;
}

/** The facts each trigger carries to its follow-ups: identifiers, codes and dates only. */
export interface ConsequenceFacts {
  readonly 'child.registered': {
    readonly childId: string;
    readonly municipalityCode: string;
    readonly arrivalDate: string;
    readonly ownerOrganisationId: string;
  };
  readonly 'child.arrived': {
    readonly childId: string;
    readonly appliedOn: string;
    /** The birth date as the child stated it at registration. */
    readonly birthDate: string;
    readonly recordedBy: string | null;
  };
  readonly 'anvisning.decided': AnvisningFacts & { readonly correctedFrom: null };
  readonly 'anvisning.corrected': AnvisningFacts & { readonly correctedFrom: string };
  readonly 'transfer.confirmed': {
    readonly childId: string;
    readonly fromCode: string;
    readonly toCode: string;
    readonly on: string;
  };
  readonly 'child.adult': { readonly childId: string; readonly reason: AdultReason; readonly on: string };
  readonly 'child.adult_with_continued_responsibility': { readonly childId: string; readonly on: string };
  readonly 'child.adult_after_end_decided': { readonly childId: string; readonly on: string };
  readonly 'responsibility.ended': {
    readonly childId: string;
    readonly reason: AdultReason;
    readonly on: string;
  };
  readonly 'responsibility.aftercare_ended': { readonly childId: string; readonly on: string };
  /** Organisation-level: the county reminded the municipalities that owe a period's capacity report. */
  readonly 'capacity.reminded': {
    readonly periodId: string;
    readonly periodLabel: string;
    readonly dueOn: string;
    readonly municipalityCodes: readonly string[];
    /** The municipalities' capacity reporters and unit managers, whom the county's reminder is for. */
    readonly recipientIds: readonly string[];
  };
}

/** Why a child is treated as an adult: the 18th birthday, or an age decision that makes the child 18 or older. */
export type AdultReason = 'turned_18' | 'age_changed';

export interface AnvisningFacts {
  readonly childId: string;
  readonly decisionId: string;
  readonly municipalityCode: string;
  /** For a correction: the municipality of the decision it supersedes; null for a first decision. */
  readonly correctedFrom: string | null;
}

const VISTELSEKOMMUN =
  '29 kap. 4 § SoL (2025:400) (LMA 3 § hänvisade tidigare till 2 a kap. 1 § SoL 2001:453)';
const FLYTT_AV_ARENDE =
  '29 kap. 10–12 §§ SoL (2025:400) (tidigare 2 a kap. 10–12 §§ SoL 2001:453): flyttning av ärende';
const ANVISNING = `3 § andra stycket lag (1994:137) om mottagande av asylsökande m.fl., i lydelse enligt lag (2025:417): barnet anses vistas i anvisningskommunen enligt ${VISTELSEKOMMUN}`;
const GOD_MAN_AT_18 =
  'Lag (2005:429) om god man för ensamkommande barn: godmanskapet upphör när barnet fyller 18 år; den särskilt förordnade vårdnadshavarens uppdrag upphör vid 18 år (6 kap. 2 § föräldrabalken); ett uttryckligt beslut om att uppdraget upphört (JO:s praxis, JO 6100-2018)';

/** A follow-up row. One that ends something names the trigger it then raises (typed, so the executor knows it). */
function followUp<S extends FollowUpStep>(
  step: S,
  what: string,
  source: string,
  statutory: boolean,
): FollowUp & { readonly step: S };
function followUp<S extends FollowUpStep, R extends ConsequenceTrigger>(
  step: S,
  what: string,
  source: string,
  statutory: boolean,
  raises: R,
): FollowUp & { readonly step: S; readonly raises: R };
function followUp(
  step: FollowUpStep,
  what: string,
  source: string,
  statutory: boolean,
  raises?: ConsequenceTrigger,
): FollowUp {
  return { step, what, source, statutory, ...(raises === undefined ? {} : { raises }) };
}

const FOLLOW_ANVISNING = [
  followUp(
    'responsibility.assign',
    'Ansvaret går till anvisningskommunen från beslutsdagen; överlämnande öppnas när barnet ska flytta',
    ANVISNING,
    true,
  ),
  followUp(
    'social_case.follow_responsibility',
    'Tidigare kommuns öppna ärende lämnas över; anvisningskommunen tar emot anvisningen som anmälan',
    VISTELSEKOMMUN,
    true,
  ),
  followUp(
    'deadlines.follow_responsibility',
    'Öppna frister följer ansvaret till anvisningskommunen',
    'Anvisa: den ansvariga kommunen äger fristerna',
    false,
  ),
  followUp(
    'notification.incoming_child',
    'Anvisningskommunens socialtjänst får en avisering om barnet',
    'Anvisa: mottagande kommun underrättas samma dag',
    false,
  ),
] as const;

/** The table: trigger → follow-ups, in order. */
export const CONSEQUENCES = {
  'child.registered': [
    followUp(
      'responsibility.open_arrival_period',
      'Ankomstkommunen ansvarar för barnet från ankomstdagen till överlämnandet',
      VISTELSEKOMMUN,
      true,
    ),
  ],
  'child.arrived': [
    followUp(
      'asylum.open_case',
      'Asylärendet öppnas med ankomstdagen som ansökningsdag; det uppgivna födelsedatumet blir både uppgivet och registrerat',
      'Migrationsverket: registreringen av ett ensamkommande barn är asylansökan',
      false,
    ),
  ],
  'anvisning.decided': FOLLOW_ANVISNING,
  'anvisning.corrected': FOLLOW_ANVISNING,
  'transfer.confirmed': [
    followUp(
      'social_case.follow_responsibility',
      'Den överlämnande kommunens ärende lämnas över; den övertagande tar emot överflyttningen som anmälan',
      FLYTT_AV_ARENDE,
      true,
    ),
    followUp(
      'deadlines.follow_responsibility',
      'Öppna frister följer ansvaret till den övertagande kommunen',
      'Anvisa: den ansvariga kommunen äger fristerna',
      false,
    ),
    followUp(
      'change_report.transfer',
      'Den överlämnande kommunen anmäler ändringen till Migrationsverket',
      'Migrationsverket: ändringar anmäls senast den 7:e i månaden efter ändringen (asylsökande) eller efter kvartalet (med uppehållstillstånd)',
      false,
    ),
  ],
  'child.adult': [
    followUp(
      'guardianship.end_by_law',
      'God mans och särskilt förordnad vårdnadshavares uppdrag upphör',
      GOD_MAN_AT_18,
      true,
    ),
    followUp(
      'responsibility.end_by_rule',
      'Kommunens ansvar enligt anvisningen upphör vid 18 år om kommunen inte beslutat om fortsatt ansvar; ändringen anmäls',
      'Migrationsverkets regel: ansvaret avslutas automatiskt vid 18 år (sedan 30 nov 2020)',
      false,
      'responsibility.ended',
    ),
  ],
  'child.adult_with_continued_responsibility': [
    followUp(
      'guardianship.end_by_law',
      'God mans och särskilt förordnad vårdnadshavares uppdrag upphör även när kommunen fortsätter sitt ansvar',
      GOD_MAN_AT_18,
      true,
    ),
  ],
  'child.adult_after_end_decided': [
    followUp(
      'guardianship.end_by_law',
      'God mans och särskilt förordnad vårdnadshavares uppdrag upphör på 18-årsdagen',
      GOD_MAN_AT_18,
      true,
    ),
    followUp(
      'responsibility.end_as_decided',
      'Kommunens beslut att avsluta ansvaret vid 18 år får verkan på födelsedagen; ändringen anmäls',
      'Kommunens beslut om att inte fortsätta ansvaret efter 18 år',
      false,
      'responsibility.ended',
    ),
  ],
  'responsibility.ended': [
    followUp(
      'social_case.hand_over',
      'Socialtjänstens öppna ärende lämnas över när ansvaret enligt anvisningen upphör',
      'Anvisa: ärendet följer ansvaret enligt anvisningen (LMA 3 § gäller barn)',
      false,
    ),
    followUp(
      'placement.end',
      'Placeringen som kommunen ordnat avslutas',
      'Anvisa: placeringen var den ansvariga kommunens insats',
      false,
    ),
  ],
  'responsibility.aftercare_ended': [
    followUp(
      'social_case.hand_over',
      'Socialtjänstens öppna ärende lämnas över när det fortsatta ansvaret upphör',
      'Kommunens beslut om hur länge det fortsatta ansvaret gäller',
      false,
    ),
  ],
  'capacity.reminded': [
    followUp(
      'notification.capacity_reminder',
      'Kommunernas rapportörer och enhetschefer får en påminnelse om lägesbildsrapporten och dagen den ska vara inne',
      'ADR 0026: länsstyrelsen påminner de kommuner som inte rapporterat (länsstyrelsens uppdrag att följa mottagandet, research E.2 steg E9)',
      false,
    ),
  ],
} as const satisfies Record<ConsequenceTrigger, readonly FollowUp[]>;

/** The steps of a trigger, in order. */
export type StepsOf<T extends ConsequenceTrigger> = (typeof CONSEQUENCES)[T][number]['step'];

/** The trigger step `S` of trigger `T` raises when it ended something; `never` when it raises none. */
export type RaisesOf<T extends ConsequenceTrigger, S extends FollowUpStep> =
  Extract<(typeof CONSEQUENCES)[T][number], { readonly step: S }> extends { readonly raises: infer R }
    ? R & ConsequenceTrigger
    : never;

/** Whether a trigger has a step taken in the deciding user's name (then the executor needs that user). */
export type HasDeciderStep<T extends ConsequenceTrigger> = [Extract<StepsOf<T>, DeciderStep>] extends [never]
  ? false
  : true;

export function followUpsOf(trigger: ConsequenceTrigger): readonly FollowUp[] {
  return CONSEQUENCES[trigger];
}

/** A Mermaid flowchart of the table: trigger → step, numbered in order. */
export function consequencesMermaid(): string {
  const id = (s: string) => s.replace(/[^a-z0-9]/gi, '_');
  const lines = ['flowchart LR'];
  for (const trigger of CONSEQUENCE_TRIGGERS) {
    lines.push(`  ${id(trigger)}(["${trigger}"])`);
    CONSEQUENCES[trigger].forEach((f, i) => {
      lines.push(`  ${id(trigger)} -->|${i + 1}| ${id(f.step)}["${f.step}"]`);
    });
  }
  for (const trigger of CONSEQUENCE_TRIGGERS) {
    for (const f of CONSEQUENCES[trigger] as readonly FollowUp[]) {
      if (f.raises !== undefined) lines.push(`  ${id(f.step)} -.->|raises| ${id(f.raises)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
