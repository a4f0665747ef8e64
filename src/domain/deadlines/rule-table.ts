/**
 * The deadline rules as data: each rule's id, title, legal source, whether law sets it, whether it moves to a working
 * day, who must act and the section it belongs to. No date arithmetic and no holiday tables, so the web can list the
 * rules without bundling the Swedish calendar (rules.ts computes the due dates; see its comment for the sources).
 */
import type { CaseSection } from '../access/case-sections.ts';

export const DEADLINE_RULES = {
  'protection-assessment': {
    title: 'Omedelbar skyddsbedömning (genast)',
    // 20 kap. 1 §: "genast"; the assessment is documented, for a child in the personakt. Same or next day: practice.
    source: '20 kap. 1 § SoL (2025:400) (tidigare 11 kap. 1 a § SoL 2001:453)',
    statutory: true,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'social_case',
  },
  'preliminary-assessment': {
    title: 'Förhandsbedömning inom 14 dagar',
    // 20 kap. 2 §: decide whether to open an investigation within 14 days of the report's receipt.
    source: '20 kap. 2 § SoL (2025:400) (tidigare 11 kap. 1 a § SoL 2001:453)',
    statutory: true,
    movesToWorkingDay: true,
    actor: 'social_services',
    section: 'social_case',
  },
  investigation: {
    title: 'Utredning klar inom fyra månader från start',
    // 20 kap. 3 §: "inom fyra månader från det att den inleddes" — the start point the new act states explicitly.
    source: '20 kap. 3 § SoL (2025:400) (tidigare 11 kap. 2 § SoL 2001:453)',
    statutory: true,
    movesToWorkingDay: true,
    actor: 'social_services',
    section: 'social_case',
  },
  'care-review': {
    title: 'Övervägande av vården minst var sjätte månad',
    // 22 kap. 13 §: at least every six months while the child is cared for outside the own home; unchanged.
    source: '22 kap. 13 § SoL (2025:400) (tidigare 6 kap. 8 § SoL 2001:453)',
    statutory: true,
    movesToWorkingDay: true,
    actor: 'social_services',
    section: 'social_case',
  },
  'school-start': {
    title: 'Skolstart senast en månad efter ankomsten',
    source: 'prop. 2000/01:115 (vägledning, inte lag)',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'school',
  },
  'relative-assessment': {
    title: 'Bedömning av anhörig som barnet kan bo hos, inom tre dagar',
    source: 'Migrationsverkets standard för kommunanvisningar (1 juli 2019): beslut inom 1–3 dagar',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'responsibility',
  },
  'turning-18-warning': {
    title: 'Barnet fyller 18 om fem veckor',
    source: 'Påminnelse inför anmälan om fortsatt ansvar',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'responsibility',
  },
  'continued-responsibility-notice': {
    title: 'Anmälan om fortsatt ansvar senast tre veckor före 18-årsdagen',
    source:
      'Migrationsverkets e-tjänst "Se och ändra ansvar för ensamkommande" (automatiskt avslut sedan 30 nov 2020)',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'responsibility',
  },
  'change-report': {
    title: 'Anmälan av ändring till Migrationsverket',
    source:
      'Migrationsverket: senast den 7:e i månaden efter ändringen (asylsökande) eller efter kvartalet (med uppehållstillstånd)',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'responsibility',
  },
  'on-call-placement': {
    title: 'Nytt placeringsbeslut nästa vardag efter socialjourens beslut',
    source: 'Malmö stads rutin för placering jourtid (nytt beslut nästa vardag)',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'social_services',
    section: 'placement',
  },
  'missing-strategy-meeting': {
    title: 'Strategimöte efter upprepade avvikanden, inom en vecka',
    // The routine's repeat rule (D13; by default three searches within 30 days, UK practice) calls the meeting; the
    // week is Anvisa's standard, not a Swedish source.
    source:
      'Regional rutin för barn som avviker: upprepade avvikanden leder till ett strategimöte (socialtjänst, polis, boende, god man); en vecka är Anvisas standard',
    statutory: false,
    movesToWorkingDay: true,
    actor: 'social_services',
    section: 'missing',
  },
  'god-man-appointment': {
    title: 'God man förordnas så snart som möjligt (praxis 2–3 dagar)',
    source:
      '3 § lag (2005:429) om god man för ensamkommande barn: "så snart det är möjligt"; 3 dagar är kommunal praxis',
    statutory: false,
    movesToWorkingDay: false,
    actor: 'guardianship',
    section: 'guardianship',
  },
} as const satisfies Record<string, DeadlineRule>;

/** A deadline rule: its title and legal source (Swedish, as shown), whether law sets it, and who must act. */
export interface DeadlineRule {
  readonly title: string;
  readonly source: string;
  readonly statutory: boolean;
  /** A statutory period ending on a non-working day moves to the next working day (lag 1930:173). */
  readonly movesToWorkingDay: boolean;
  readonly actor: DeadlineActor;
  /**
   * The part of the case the deadline is about: who may read that section of the child's case may see the deadline
   * on the child's page and a worklist (src/domain/worklist/scope.ts).
   */
  readonly section: CaseSection;
}

/** Who must act on a deadline: the responsible municipality's social services, its guardianship authority, … */
export type DeadlineActor = 'social_services' | 'guardianship' | 'migration_agency' | 'region';

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export interface Deadline {
  readonly rule: DeadlineRuleId;
  readonly due: string;
}
