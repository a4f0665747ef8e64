/**
 * What the active role may attempt, from the same pure table the server enforces (src/domain/access/roles.ts).
 * The UI uses it only to show the right links; the server still decides every request.
 */
import { ROLE_PERMISSIONS, type Permission, type Role } from '../domain/access/roles.ts';
import type { Assignment, Session } from './api/types.ts';
import type { MessageKey } from './i18n.ts';

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}

export function activeAssignment(session: Session | null | undefined): Assignment | null {
  if (session == null || session.activeAssignmentId === null) return null;
  return session.assignments.find((a) => a.id === session.activeAssignmentId) ?? null;
}

export interface Task {
  readonly to:
    | '/barn'
    | '/arbetslista'
    | '/anvisning'
    | '/inkommande'
    | '/anhorigbedomningar'
    | '/godman/begaran'
    | '/godman/register'
    | '/mina-uppdrag'
    | '/karta'
    | '/ko'
    | '/andelar'
    | '/nodatkomst'
    | '/statistik'
    | '/nyckeltal'
    | '/mina-arenden'
    | '/arendefordelning'
    | '/anmalningar'
    | '/overflyttningar'
    | '/placeringar/utforare'
    | '/logg'
    | '/polis'
    | '/avvikna'
    | '/lagesbild'
    | '/lan/lagesbild'
    | '/lan/omfordelning'
    | '/lan/utvecklingsprogram'
    | '/lan/overenskommelser'
    | '/lan/natverk'
    | '/administration'
    | '/bidrag'
    | '/bidrag/lan'
    | '/tillsyn'
    | '/tillsyn/rapporter'
    | '/ersattning'
    | '/ersattning/ansokningar'
    | '/ersattning/granskning'
    | '/sarskilt-bidrag'
    | '/utebliven-schablon'
    | '/utbetalningar'
    | '/utebliven-schablon/granskning'
    | '/avstamning'
    | '/avstamning/kommuner';
  readonly label: MessageKey;
  readonly description: MessageKey;
  readonly permission: Permission;
  /** Only for these roles (a task no permission singles out, e.g. the god man's own wards). */
  readonly roles?: readonly Role[];
  /** Not for these roles (they have a task of their own to the same page, e.g. a provider's placed children). */
  readonly notFor?: readonly Role[];
}

/** The role's tasks, in menu order. */
export const TASKS: readonly Task[] = [
  {
    to: '/barn',
    label: 'nav.children',
    description: 'task.children',
    permission: 'child:list',
    notFor: ['provider_staff'],
  },
  {
    to: '/barn',
    label: 'nav.placedChildren',
    description: 'task.placedChildren',
    permission: 'child:list',
    roles: ['provider_staff'],
  },
  { to: '/arbetslista', label: 'worklist.nav', description: 'worklist.task', permission: 'worklist:read' },
  {
    to: '/anvisning',
    label: 'nav.allocation',
    description: 'task.allocation',
    permission: 'allocation:decide',
  },
  {
    to: '/inkommande',
    label: 'nav.incoming',
    description: 'task.incoming',
    permission: 'allocation:incoming',
  },
  {
    to: '/anhorigbedomningar',
    label: 'nav.assessments',
    description: 'task.assessments',
    permission: 'allocation:incoming',
  },
  {
    to: '/godman/begaran',
    label: 'guardianship.nav.requests',
    description: 'guardianship.task.requests',
    permission: 'guardianship:appoint',
  },
  {
    to: '/godman/register',
    label: 'guardianship.nav.registry',
    description: 'guardianship.task.registry',
    permission: 'guardianship:registry',
  },
  {
    to: '/mina-uppdrag',
    label: 'guardianship.nav.wards',
    description: 'guardianship.task.wards',
    permission: 'case:read',
    roles: ['god_man'],
  },
  {
    to: '/sarskilt-bidrag',
    label: 'allowance.nav',
    description: 'allowance.task',
    permission: 'allowance:decide',
  },
  {
    to: '/ersattning/granskning',
    label: 'review.nav',
    description: 'review.task',
    permission: 'compensation:review',
  },
  {
    to: '/utbetalningar',
    label: 'payouts.nav',
    description: 'payouts.task',
    permission: 'compensation:payout',
  },
  {
    to: '/utebliven-schablon/granskning',
    label: 'missingSchablon.reviewNav',
    description: 'missingSchablon.reviewTask',
    permission: 'compensation:payout',
  },
  {
    to: '/avstamning/kommuner',
    label: 'reconciliation.nav',
    description: 'reconciliation.agencyTask',
    permission: 'compensation:review',
  },
  { to: '/karta', label: 'nav.map', description: 'task.map', permission: 'allocation:read' },
  { to: '/ko', label: 'nav.queue', description: 'task.queue', permission: 'allocation:read' },
  { to: '/andelar', label: 'nav.shares', description: 'task.shares', permission: 'allocation:read' },
  {
    to: '/nodatkomst',
    label: 'nav.emergency',
    description: 'task.emergency',
    permission: 'emergency-access:request',
  },
  {
    to: '/statistik',
    label: 'nav.statistics',
    description: 'task.statistics',
    permission: 'statistics:read',
  },
  { to: '/nyckeltal', label: 'nav.figures', description: 'task.figures', permission: 'key-figures:read' },
  {
    to: '/placeringar/utforare',
    label: 'placement.nav',
    description: 'placement.task',
    permission: 'providers:read',
  },
  { to: '/mina-arenden', label: 'nav.myCases', description: 'task.myCases', permission: 'case:write' },
  { to: '/arendefordelning', label: 'nav.caseload', description: 'task.caseload', permission: 'case:manage' },
  {
    to: '/overflyttningar',
    label: 'responsibility.nav.transfers',
    description: 'responsibility.task.transfers',
    permission: 'case:write',
  },
  {
    to: '/anmalningar',
    label: 'responsibility.nav.reports',
    description: 'responsibility.task.reports',
    permission: 'case:write',
  },
  {
    to: '/avvikna',
    label: 'nav.missingReview',
    description: 'task.missingReview',
    permission: 'missing:report',
    notFor: ['provider_staff'],
  },
  { to: '/polis', label: 'nav.police', description: 'task.police', permission: 'missing:police' },
  {
    to: '/lagesbild',
    label: 'nav.capacityReport',
    description: 'task.capacityReport',
    permission: 'capacity:report',
  },
  {
    to: '/lan/lagesbild',
    label: 'nav.countyCapacity',
    description: 'task.countyCapacity',
    permission: 'capacity:follow-up',
  },
  {
    to: '/lan/omfordelning',
    label: 'nav.redistribution',
    description: 'task.redistribution',
    permission: 'shares:redistribute',
  },
  {
    to: '/lan/utvecklingsprogram',
    label: 'nav.programme',
    description: 'task.programme',
    permission: 'programme:manage',
  },
  {
    to: '/lan/overenskommelser',
    label: 'nav.agreements',
    description: 'task.agreements',
    permission: 'agreements:record',
  },
  {
    to: '/lan/natverk',
    label: 'nav.networks',
    description: 'task.networks',
    permission: 'network:manage',
  },
  { to: '/bidrag', label: 'grants.nav', description: 'grants.task.apply', permission: 'grants:apply' },
  { to: '/bidrag/lan', label: 'grants.nav', description: 'grants.task.decide', permission: 'grants:decide' },
  {
    to: '/ersattning',
    label: 'compensation.nav',
    description: 'compensation.task',
    permission: 'compensation:municipality',
  },
  {
    to: '/ersattning/ansokningar',
    label: 'claims.nav',
    description: 'claims.task',
    permission: 'compensation:municipality',
  },
  {
    to: '/utebliven-schablon',
    label: 'missingSchablon.nav',
    description: 'missingSchablon.task',
    permission: 'compensation:municipality',
  },
  {
    to: '/avstamning',
    label: 'reconciliation.nav',
    description: 'reconciliation.task',
    permission: 'compensation:municipality',
  },
  {
    to: '/tillsyn',
    label: 'supervision.nav',
    description: 'supervision.task',
    permission: 'supervision:inspect',
  },
  {
    to: '/tillsyn/rapporter',
    label: 'supervision.reportsNav',
    description: 'supervision.reportsTask',
    permission: 'supervision:respond',
  },
  { to: '/logg', label: 'nav.audit', description: 'task.audit', permission: 'audit:read' },
  { to: '/administration', label: 'nav.admin', description: 'task.admin', permission: 'users:manage' },
];

export function tasksFor(role: Role): readonly Task[] {
  return TASKS.filter(
    (task) =>
      can(role, task.permission) &&
      (task.roles === undefined || task.roles.includes(role)) &&
      !(task.notFor ?? []).includes(role),
  );
}

/**
 * The menu entry the page at `pathname` belongs to: the one whose path is the longest that the page's path equals or
 * lies under (/ersattning/ansokningar is "Ansökningar om ersättning", not also "Ersättning"); null when none does.
 */
export function currentTaskPath(tasks: readonly { readonly to: string }[], pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let best: string | null = null;
  for (const { to } of tasks) {
    if ((path === to || path.startsWith(`${to}/`)) && (best === null || to.length > best.length)) best = to;
  }
  return best;
}
