/**
 * Deadline rules of the reception of unaccompanied children, each with an id and its legal source. Statutory periods
 * that end on a non-working day move to the next working day (lag 1930:173). Sources: ../shared/domain/
 * reception-workflows.md §2.1, §2.5. The Social Services Act SFS 2025:400 replaced SoL 2001:453 on 1 July 2025; where
 * the provision in the new act could not be mapped, the source names the old one and says so.
 */
import { addCalendarDays, addMonths, birthday, onOrNextWorkingDay } from './calendar.ts';

export const DEADLINE_RULES = {
  'protection-assessment': {
    title: 'Skyddsbedömning (genast)',
    source: '11 kap. 1 a § SoL (2001:453) — "genast", samma eller nästa dag; motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
    actor: 'social_services',
  },
  'preliminary-assessment': {
    title: 'Förhandsbedömning inom 14 dagar',
    source: '11 kap. 1 a § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
    actor: 'social_services',
  },
  investigation: {
    title: 'Utredning inom fyra månader',
    source: '11 kap. 2 § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
    actor: 'social_services',
  },
  'care-review': {
    title: 'Övervägande av vården minst var sjätte månad',
    source: '6 kap. 8 § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
    actor: 'social_services',
  },
  'school-start': {
    title: 'Skolstart senast en månad efter ankomsten',
    source: 'prop. 2000/01:115 (vägledning, inte lag)',
    statutory: false,
    actor: 'social_services',
  },
  'relative-assessment': {
    title: 'Socialtjänstens bedömning av anhörig (anknytning), inom tre dagar',
    source: 'Migrationsverkets standard för kommunanvisningar (1 juli 2019): beslut inom 1–3 dagar',
    statutory: false,
    actor: 'social_services',
  },
  'turning-18-warning': {
    title: 'Barnet fyller 18 om fem veckor',
    source: 'Anvisa: varning före anmälan om fortsatt ansvar',
    statutory: false,
    actor: 'social_services',
  },
  'continued-responsibility-notice': {
    title: 'Anmälan om fortsatt ansvar senast tre veckor före 18-årsdagen',
    source: 'Migrationsverkets e-tjänst "Se och ändra ansvar för ensamkommande" (automatiskt avslut sedan 30 nov 2020)',
    statutory: false,
    actor: 'social_services',
  },
  'change-report': {
    title: 'Anmälan av ändring till Migrationsverket',
    source: 'Migrationsverket: senast den 7:e i månaden efter ändringen (asylsökande) eller efter kvartalet (med uppehållstillstånd)',
    statutory: false,
    actor: 'social_services',
  },
  'on-call-placement': {
    title: 'Placeringsbeslut av socialjouren gäller till nästa vardag',
    source: 'Malmö stads rutin för placering jourtid (nytt beslut nästa vardag)',
    statutory: false,
    actor: 'social_services',
  },
  'god-man-appointment': {
    title: 'God man förordnas så snart som möjligt (praxis 2–3 dagar)',
    source: '3 § lag (2005:429) om god man för ensamkommande barn — "så snart det är möjligt"; 3 dagar är kommunal praxis',
    statutory: false,
    actor: 'guardianship',
  },
} as const satisfies Record<string, { title: string; source: string; statutory: boolean; actor: DeadlineActor }>;

/** Who must act on a deadline: the responsible municipality's social services, its guardianship authority, … */
export type DeadlineActor = 'social_services' | 'guardianship' | 'migration_agency' | 'region';

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export interface Deadline {
  readonly rule: DeadlineRuleId;
  readonly due: string;
}

/** Statutory periods ending on a non-working day move to the next working day. */
function settle(rule: DeadlineRuleId, date: string): Deadline {
  return { rule, due: DEADLINE_RULES[rule].statutory ? onOrNextWorkingDay(date) : date };
}

/** Days from a request for a god man to the appointment that count as on time (practice, see `god-man-appointment`). */
export const GOD_MAN_GOAL_DAYS = 3;

export const deadlines = {
  /** From the day a report (anmälan) was received: the same day or the next. */
  protectionAssessment: (received: string) => settle('protection-assessment', addCalendarDays(received, 1)),
  preliminaryAssessment: (received: string) => settle('preliminary-assessment', addCalendarDays(received, 14)),
  investigation: (opened: string) => settle('investigation', addMonths(opened, 4)),
  /** Every six months from the placement (or the previous review). */
  careReview: (from: string) => settle('care-review', addMonths(from, 6)),
  schoolStart: (arrival: string) => settle('school-start', addMonths(arrival, 1)),
  relativeAssessment: (registered: string) => settle('relative-assessment', addCalendarDays(registered, 3)),
  turning18Warning: (birthDate: string) => settle('turning-18-warning', addCalendarDays(birthday(birthDate, 18), -35)),
  continuedResponsibilityNotice: (birthDate: string) => settle('continued-responsibility-notice', addCalendarDays(birthday(birthDate, 18), -21)),
  /** The 7th of the month after the change (asylum seekers) or of the month after the quarter (permit holders). */
  changeReport: (changed: string, permitHolder: boolean) => {
    const [y, m] = changed.split('-').map(Number) as [number, number];
    const monthsAhead = permitHolder ? 3 - ((m - 1) % 3) : 1;
    const first = addMonths(`${y}-${String(m).padStart(2, '0')}-01`, monthsAhead);
    return settle('change-report', `${first.slice(0, 8)}07`);
  },
  /** An on-call placement decision holds until the next working day. */
  onCallPlacement: (decided: string) => ({ rule: 'on-call-placement' as const, due: onOrNextWorkingDay(addCalendarDays(decided, 1)) }),
  godManAppointment: (requested: string) => settle('god-man-appointment', addCalendarDays(requested, GOD_MAN_GOAL_DAYS)),
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
