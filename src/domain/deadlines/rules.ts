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
  },
  'preliminary-assessment': {
    title: 'Förhandsbedömning inom 14 dagar',
    source: '11 kap. 1 a § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
  },
  investigation: {
    title: 'Utredning inom fyra månader',
    source: '11 kap. 2 § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
  },
  'care-review': {
    title: 'Övervägande av vården minst var sjätte månad',
    source: '6 kap. 8 § SoL (2001:453); motsvarighet i SoL (2025:400) ej kartlagd',
    statutory: true,
  },
  'school-start': {
    title: 'Skolstart senast en månad efter ankomsten',
    source: 'prop. 2000/01:115 (vägledning, inte lag)',
    statutory: false,
  },
  'relative-assessment': {
    title: 'Socialtjänstens bedömning av anhörig (anknytning), inom tre dagar',
    source: 'Migrationsverkets standard för kommunanvisningar (1 juli 2019): beslut inom 1–3 dagar',
    statutory: false,
  },
  'turning-18-warning': {
    title: 'Barnet fyller 18 om fem veckor',
    source: 'Anvisa: varning före anmälan om fortsatt ansvar',
    statutory: false,
  },
  'continued-responsibility-notice': {
    title: 'Anmälan om fortsatt ansvar senast tre veckor före 18-årsdagen',
    source: 'Migrationsverkets e-tjänst "Se och ändra ansvar för ensamkommande" (automatiskt avslut sedan 30 nov 2020)',
    statutory: false,
  },
  'change-report': {
    title: 'Anmälan av ändring till Migrationsverket',
    source: 'Migrationsverket: senast den 7:e i månaden efter ändringen (asylsökande) eller efter kvartalet (med uppehållstillstånd)',
    statutory: false,
  },
  'on-call-placement': {
    title: 'Placeringsbeslut av socialjouren gäller till nästa vardag',
    source: 'Malmö stads rutin för placering jourtid (nytt beslut nästa vardag)',
    statutory: false,
  },
} as const;

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export interface Deadline {
  readonly rule: DeadlineRuleId;
  readonly due: string;
}

/** Statutory periods ending on a non-working day move to the next working day. */
function settle(rule: DeadlineRuleId, date: string): Deadline {
  return { rule, due: DEADLINE_RULES[rule].statutory ? onOrNextWorkingDay(date) : date };
}

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
};

/** Overdue first, then by due date; ties by rule id, so lists are stable. */
export function compareDeadlines(today: string): (a: Deadline, b: Deadline) => number {
  return (a, b) => {
    const overdueA = a.due < today;
    const overdueB = b.due < today;
    if (overdueA !== overdueB) return overdueA ? -1 : 1;
    return a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule);
  };
}
