/**
 * Whose worklist a deadline belongs to, and what it says about the time left. Pure (no I/O); the SQL in
 * worklist.ts mirrors `onWorklist`, and test/worklist/worklist.int.test.ts checks that the two agree.
 *
 * Who must act is written on the deadline (actor kind and municipality): the municipality's social services, the
 * guardianship authority serving the municipality, the Migration Agency, the region of the county. A god man acts on
 * none of them, but sees the deadlines and coming meetings of the wards that concern the parts of the case a god man
 * may read (placement, school, guardianship, appointments).
 */
import { countyOf, type Actor, type ChildAccess } from '../access/child-scope.ts';
import { sectionAccess, type CaseSection } from '../access/case-sections.ts';
import { addCalendarDays, isWorkingDay } from '../deadlines/calendar.ts';
import { DEADLINE_RULES, type DeadlineRuleId } from '../deadlines/rules.ts';

export function isDeadlineRule(rule: string): rule is DeadlineRuleId {
  return Object.hasOwn(DEADLINE_RULES, rule);
}

/** The part of the case a deadline is about (as its rule says; a rule Anvisa no longer knows counts as responsibility). */
export function sectionOfRule(rule: string): CaseSection {
  return isDeadlineRule(rule) ? DEADLINE_RULES[rule].section : 'responsibility';
}

/** The rules whose deadlines a god man sees for a ward (the sections a guardian may read). */
export function guardianRules(actor: Actor): DeadlineRuleId[] {
  const guardian: ChildAccess = {
    view: 'basic',
    basis: 'guardian',
    identity: 'visible',
    whereabouts: 'visible',
    journal: 'none',
    mayWrite: false,
  };
  return (Object.keys(DEADLINE_RULES) as DeadlineRuleId[]).filter(
    (rule) => sectionAccess(actor, guardian, sectionOfRule(rule), { assignedWorker: false }) !== 'none',
  );
}

export interface WorklistDeadline {
  readonly childId: string;
  readonly rule: string;
  readonly actorKind: string;
  readonly municipalityCode: string | null;
  readonly assigneeUserId: string | null;
  readonly dueOn: string;
}

/** The deadlines the actor's organisation must act on. */
export function ownedBy(actor: Actor, deadline: WorklistDeadline): boolean {
  const code = deadline.municipalityCode;
  switch (actor.role) {
    case 'social_worker':
    case 'unit_manager':
      return (
        deadline.actorKind === 'social_services' && code !== null && actor.municipalityCodes.includes(code)
      );
    case 'guardianship_officer':
      return deadline.actorKind === 'guardianship' && code !== null && actor.municipalityCodes.includes(code);
    case 'allocation_officer':
    case 'asylum_officer':
      return deadline.actorKind === 'migration_agency';
    case 'health_staff':
      return (
        deadline.actorKind === 'region' &&
        code !== null &&
        actor.countyCode !== null &&
        countyOf(code) === actor.countyCode
      );
    default:
      return false;
  }
}

export interface WorklistFilters {
  readonly rule?: string | undefined;
  readonly overdueOnly?: boolean | undefined;
  /** Only the children the actor is assigned to (or stands in for today), and deadlines assigned to the actor. */
  readonly mine?: boolean | undefined;
  readonly municipalityCode?: string | undefined;
}

export interface WorklistContext {
  readonly today: string;
  /** The child's assigned social workers today. */
  readonly assignedWorkers: readonly string[];
  /** The absent workers the actor stands in for today. */
  readonly standingInFor: readonly string[];
}

/** Whether a deadline is on the actor's worklist: the child in scope, and the deadline theirs (or their ward's). */
export function onWorklist(
  actor: Actor,
  deadline: WorklistDeadline,
  access: ChildAccess,
  filters: WorklistFilters,
  context: WorklistContext,
): boolean {
  if (access.view === 'none') return false;
  const visible =
    actor.role === 'god_man'
      ? access.basis === 'guardian' && guardianRules(actor).some((r) => r === deadline.rule)
      : ownedBy(actor, deadline);
  if (!visible) return false;
  if (filters.rule !== undefined && deadline.rule !== filters.rule) return false;
  if (filters.overdueOnly === true && !(deadline.dueOn < context.today)) return false;
  if (filters.municipalityCode !== undefined && deadline.municipalityCode !== filters.municipalityCode)
    return false;
  if (filters.mine === true) {
    const mine = [actor.userId, ...context.standingInFor];
    return deadline.assigneeUserId === actor.userId || context.assignedWorkers.some((w) => mine.includes(w));
  }
  return true;
}

/** Working days from `today` to `due` (negative when overdue): the working days strictly after one up to the other. */
export function workingDaysBetween(today: string, due: string): number {
  const sign = due >= today ? 1 : -1;
  const [from, to] = sign === 1 ? [today, due] : [due, today];
  let days = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) days++;
  // Never -0: the same day is 0 days either way.
  return days === 0 ? 0 : sign * days;
}

export function calendarDaysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Days left (negative: overdue), counted in working days where the rule's period moves to one (lag 1930:173). */
export function timeLeft(
  rule: string,
  today: string,
  due: string,
): { days: number; workingDays: boolean; overdue: boolean } {
  const workingDays = isDeadlineRule(rule) && DEADLINE_RULES[rule].movesToWorkingDay;
  return {
    days: workingDays ? workingDaysBetween(today, due) : calendarDaysBetween(today, due),
    workingDays,
    overdue: due < today,
  };
}
