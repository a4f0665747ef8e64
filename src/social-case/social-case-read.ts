/**
 * The social case as its section on the child's page shows it: the current state and version, the dates of each step,
 * the open deadlines with their rule and legal source, the assigned social workers (and who stands in for them today),
 * the steps the caller may take now, the case's history and the child's languages for meetings.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { socialCase } from '../domain/case/machines.ts';
import { DEADLINE_RULES, type DeadlineRuleId } from '../domain/deadlines/rules.ts';
import { lookupFor } from '../children/use-cases.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  caseEvents,
  caseWorkers,
  childIntake,
  deadlines,
  substitutes,
  users,
} from '../platform/db/schema.ts';
import { inUsualOrder, SOCIAL_CASE_RULES } from '../domain/social-case/codes.ts';
import { machineState } from '../case/engine.ts';
import { requireSection } from '../case/relation.ts';
import { stepsFor } from '../case/steps.ts';
import type { SocialCaseSchema } from './contract.ts';
import { currentCaseRow, OPEN_STATES } from './social-case.ts';
import { SOCIAL_CASE_STEP_ROUTES } from './steps.ts';

/** The social case as the contract declares it (src/social-case/contract.ts). */
export type SocialCaseView = z.infer<typeof SocialCaseSchema>;

export function presentDeadline(
  d: { id: string; rule: string; startedOn: string; dueOn: string; extendedReason: string | null },
  today: string,
) {
  const rule = DEADLINE_RULES[d.rule as DeadlineRuleId] as
    (typeof DEADLINE_RULES)[DeadlineRuleId] | undefined;
  return {
    id: d.id,
    rule: d.rule,
    title: rule?.title ?? 'Tidsfrist',
    source: rule?.source ?? '',
    statutory: rule?.statutory ?? false,
    startedOn: d.startedOn,
    dueOn: d.dueOn,
    overdue: d.dueOn < today,
    extendedReason: d.extendedReason,
  };
}

/** The case's workers: those assigned today while the case is open, those assigned when it closed once it is closed. */
export async function workersOf(
  db: DbOrTx,
  socialCaseId: string,
  organisationId: string,
  today: string,
  closedOn: string | null,
) {
  const rows = await db
    .select({ w: caseWorkers, name: users.displayName })
    .from(caseWorkers)
    .innerJoin(users, eq(users.id, caseWorkers.userId))
    .where(eq(caseWorkers.socialCaseId, socialCaseId))
    .orderBy(asc(caseWorkers.role), desc(caseWorkers.fromDate));
  const at = closedOn ?? today;
  const shown = rows.filter(
    (r) =>
      r.w.fromDate <= at &&
      (r.w.toDate === null ||
        r.w.toDate > at ||
        (closedOn !== null && r.w.toDate === closedOn && r.w.fromDate < closedOn)),
  );
  const absentIds = shown.map((r) => r.w.userId);
  const standIns =
    absentIds.length === 0
      ? []
      : await db
          .select({
            absent: substitutes.absentUserId,
            userId: substitutes.substituteUserId,
            toDate: substitutes.toDate,
            name: users.displayName,
          })
          .from(substitutes)
          .innerJoin(users, eq(users.id, substitutes.substituteUserId))
          .where(
            and(
              inArray(substitutes.absentUserId, absentIds),
              eq(substitutes.organisationId, organisationId),
              lte(substitutes.fromDate, today),
              gte(substitutes.toDate, today),
            ),
          );
  return shown.map((r) => {
    const standIn = standIns.find((s) => s.absent === r.w.userId);
    return {
      id: r.w.id,
      userId: r.w.userId,
      name: r.name,
      role: r.w.role as 'primary' | 'secondary',
      fromDate: r.w.fromDate,
      toDate: r.w.toDate,
      substitute:
        standIn === undefined ? null : { userId: standIn.userId, name: standIn.name, toDate: standIn.toDate },
    };
  });
}

export async function readSocialCase(caller: Caller, childId: string): Promise<SocialCaseView> {
  const { access } = await childInScope(caller, childId);
  const level = await requireSection(
    caller.db,
    caller.actor,
    access,
    childId,
    caller.today,
    'social_case',
    'read',
  );
  const state = await machineState(caller.db, childId, socialCase);
  const row = await currentCaseRow(caller.db, childId);
  const open = OPEN_STATES.includes(state.state);
  const [openDeadlines, events, intake, lookup] = await Promise.all([
    caller.db
      .select()
      .from(deadlines)
      .where(
        and(
          eq(deadlines.childId, childId),
          inArray(deadlines.rule, [...SOCIAL_CASE_RULES]),
          isNull(deadlines.closedAt),
        ),
      )
      .orderBy(asc(deadlines.dueOn)),
    caller.db
      .select({ e: caseEvents, actor: users.displayName })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorUserId))
      .where(
        and(
          eq(caseEvents.childId, childId),
          eq(caseEvents.machine, socialCase.name),
          ...(row === null ? [] : [gte(caseEvents.occurredOn, row.reportReceivedOn)]),
        ),
      )
      .orderBy(desc(caseEvents.recordedAt), desc(caseEvents.occurredOn))
      .limit(100),
    caller.db
      .select({ languages: childIntake.languages, needed: childIntake.interpreterNeeded })
      .from(childIntake)
      .where(eq(childIntake.childId, childId)),
    lookupFor(caller.db, []),
  ]);
  const closedOn =
    open || row === null
      ? null
      : (row.closedOn ??
        events.find(({ e }) => e.event === 'close' || e.event === 'hand_over_case')?.e.occurredOn ??
        null);
  const workers =
    row === null ? [] : await workersOf(caller.db, row.id, row.ownerOrganisationId, caller.today, closedOn);
  const offered = stepsFor(caller, SOCIAL_CASE_STEP_ROUTES, childId, state.state, level === 'write');
  const usual = inUsualOrder(offered.map((step) => step.action));
  const steps = [...offered].sort((a, b) => usual.indexOf(a.action) - usual.indexOf(b.action));
  caller.audit.children([childId]);
  if (row !== null) caller.audit.detail('socialCaseId', row.id);
  return {
    socialCaseId: row?.id ?? null,
    state: state.state as SocialCaseView['state'],
    version: state.version,
    open,
    municipality:
      row === null
        ? null
        : { code: row.municipalityCode, name: lookup.municipalityName(row.municipalityCode) },
    reportReceivedOn: row?.reportReceivedOn ?? null,
    protectionAssessedOn: row?.protectionAssessedOn ?? null,
    protectionOutcome: row?.protectionOutcome ?? null,
    preliminaryDecidedOn: row?.preliminaryDecidedOn ?? null,
    investigationOpenedOn: row?.investigationOpenedOn ?? null,
    investigationExtendedTo: row?.investigationExtendedTo ?? null,
    investigationExtensionReason: row?.investigationExtensionReason ?? null,
    interventionsDecidedOn: row?.interventionsDecidedOn ?? null,
    carePlanOn: row?.carePlanOn ?? null,
    implementationPlanOn: row?.implementationPlanOn ?? null,
    lastReviewOn: row?.lastReviewOn ?? null,
    closedOn,
    deadlines: openDeadlines.map((d) => presentDeadline(d, caller.today)),
    workers: open ? workers : workers.map((w) => ({ ...w, substitute: null })),
    steps,
    mayAssign: level === 'write' && open && caller.actor.role === 'unit_manager',
    history: events.map(({ e, actor }) => ({
      id: e.id,
      event: e.event,
      occurredOn: e.occurredOn,
      recordedAt: e.recordedAt.toISOString(),
      actor,
      actorRole: e.actorRole,
      details: (e.details ?? {}) as Record<string, unknown>,
      bestInterestsId: e.bestInterestsId,
    })),
    interpreter:
      intake[0] === undefined ? null : { needed: intake[0].needed, languages: intake[0].languages },
  };
}
