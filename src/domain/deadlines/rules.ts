/**
 * Deadline rules of the reception of unaccompanied children, each with an id and its legal source. Sources:
 * ../shared/domain/reception-workflows.md §2.1, §2.5, and for the Social Services Act
 * ../shared/domain/sol-2025-400-mapping.md ("Quick reference"): socialtjänstlagen (2025:400) replaced SoL (2001:453)
 * on 1 July 2025; each social services rule cites the new provision with the old one kept as history. The mapping
 * verified the four provisions used here against the statute text (20 kap. 1–3 §§, 22 kap. 13 §) and found no
 * change in their periods; what it could not verify (the prop.'s own paragraph key and commentary, prop. 2024/25:89)
 * stays in this comment and in docs/adr, never in a text shown to a caseworker.
 *
 * `movesToWorkingDay`: a period set by law that ends on a Saturday, Sunday or other non-working day may be met on
 * the next working day (lag 1930:173). It applies to periods ("inom fjorton dagar", "inom fyra månader"), not to a
 * duty to act "genast": the immediate protection assessment is due the same or the next calendar day, weekend or not
 * (social services' on-call service makes it). Guidance and practice are not law and are not moved.
 */
import type { CaseSection } from '../access/case-sections.ts';
import { addCalendarDays, addMonths, birthday, onOrNextWorkingDay } from './calendar.ts';

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

/** Statutory periods ending on a non-working day move to the next working day (lag 1930:173). */
function settle(rule: DeadlineRuleId, date: string): Deadline {
  const moves: boolean = DEADLINE_RULES[rule].movesToWorkingDay;
  return { rule, due: moves ? onOrNextWorkingDay(date) : date };
}

/** Days from a request for a god man to the appointment that count as on time (practice, see `god-man-appointment`). */
export const GOD_MAN_GOAL_DAYS = 3;

export const deadlines = {
  /** From the day a report (anmälan) was received: "genast", at the latest the next calendar day (never moved). */
  protectionAssessment: (received: string) => settle('protection-assessment', addCalendarDays(received, 1)),
  preliminaryAssessment: (received: string) =>
    settle('preliminary-assessment', addCalendarDays(received, 14)),
  /** Four months from the day the investigation was opened (20 kap. 3 §), not from the report. */
  investigation: (opened: string) => settle('investigation', addMonths(opened, 4)),
  /** Every six months from the placement (or the previous review). */
  careReview: (from: string) => settle('care-review', addMonths(from, 6)),
  schoolStart: (arrival: string) => settle('school-start', addMonths(arrival, 1)),
  relativeAssessment: (registered: string) => settle('relative-assessment', addCalendarDays(registered, 3)),
  turning18Warning: (birthDate: string) =>
    settle('turning-18-warning', addCalendarDays(birthday(birthDate, 18), -35)),
  continuedResponsibilityNotice: (birthDate: string) =>
    settle('continued-responsibility-notice', addCalendarDays(birthday(birthDate, 18), -21)),
  /** The 7th of the month after the change (asylum seekers) or of the month after the quarter (permit holders). */
  changeReport: (changed: string, permitHolder: boolean) => {
    const [y, m] = changed.split('-').map(Number) as [number, number];
    const monthsAhead = permitHolder ? 3 - ((m - 1) % 3) : 1;
    const first = addMonths(`${y}-${String(m).padStart(2, '0')}-01`, monthsAhead);
    return settle('change-report', `${first.slice(0, 8)}07`);
  },
  /** An on-call placement decision holds until the next working day. */
  onCallPlacement: (decided: string) => ({
    rule: 'on-call-placement' as const,
    due: onOrNextWorkingDay(addCalendarDays(decided, 1)),
  }),
  godManAppointment: (requested: string) =>
    settle('god-man-appointment', addCalendarDays(requested, GOD_MAN_GOAL_DAYS)),
};

/** What a deadline's due date may depend on. `on` is the date of the event that starts it. */
export interface DeadlineContext {
  readonly on: string;
  readonly birthDate: string;
  readonly arrivalDate: string;
  readonly permitHolder: boolean;
}

/** The due date of a rule started by an event, from the event's date and the child's dates. */
export function dueFor(rule: DeadlineRuleId, context: DeadlineContext): Deadline {
  switch (rule) {
    case 'protection-assessment':
      return deadlines.protectionAssessment(context.on);
    case 'preliminary-assessment':
      return deadlines.preliminaryAssessment(context.on);
    case 'investigation':
      return deadlines.investigation(context.on);
    case 'care-review':
      return deadlines.careReview(context.on);
    case 'school-start':
      return deadlines.schoolStart(context.arrivalDate);
    case 'relative-assessment':
      return deadlines.relativeAssessment(context.on);
    case 'turning-18-warning':
      return deadlines.turning18Warning(context.birthDate);
    case 'continued-responsibility-notice':
      return deadlines.continuedResponsibilityNotice(context.birthDate);
    case 'change-report':
      return deadlines.changeReport(context.on, context.permitHolder);
    case 'on-call-placement':
      return deadlines.onCallPlacement(context.on);
    case 'god-man-appointment':
      return deadlines.godManAppointment(context.on);
  }
}

/** Overdue first, then by due date; ties by rule id, so lists are stable. */
export function compareDeadlines(today: string): (a: Deadline, b: Deadline) => number {
  return (a, b) => {
    const overdueA = a.due < today;
    const overdueB = b.due < today;
    if (overdueA !== overdueB) return overdueA ? -1 : 1;
    return a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule);
  };
}
