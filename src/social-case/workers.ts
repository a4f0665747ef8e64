/**
 * The social workers of a case: the unit manager assigns a primary (and optionally a secondary) worker and reassigns
 * them; each change ends the earlier assignment on the date and tells the newly assigned worker.
 */
import { MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../case/caller.ts';
import { childInScope } from '../case/caller.ts';
import { notifyUsers } from '../notifications/notify.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { caseWorkers, roleAssignments } from '../platform/db/schema.ts';
import { conflict, forbidden, unprocessable } from '../platform/http/errors.ts';
import type { WorkerRole } from '../domain/social-case/codes.ts';
import { machineState } from '../case/engine.ts';
import { requireSection } from '../case/relation.ts';
import { assignOpenDeadlines, currentCaseRow, OPEN_STATES } from './social-case.ts';
import { socialCase } from '../domain/case/machines.ts';
import type { AssignWorkersBody } from './contract.ts';

/** The users who hold a social services role (social worker or unit manager) in the organisation today. */
export async function caseworkersOf(
  db: DbOrTx,
  organisationId: string,
  userIds?: readonly string[],
): Promise<string[]> {
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        inArray(roleAssignments.role, [...MUNICIPAL_CASE_ROLES]),
        isNull(roleAssignments.revokedAt),
        ...(userIds === undefined ? [] : [inArray(roleAssignments.userId, [...userIds])]),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

type AssignWorkers = z.output<typeof AssignWorkersBody>;

/** Sets the case's team from `fromDate`: assignments not in the new team end that day, new ones begin. */
export async function assignWorkers(
  caller: Caller,
  childId: string,
  input: AssignWorkers,
): Promise<{ socialCaseId: string; assigned: string[] }> {
  const { access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'social_case', 'write');
  if (caller.actor.role !== 'unit_manager') throw forbidden([childId]);
  const state = await machineState(caller.db, childId, socialCase);
  const row = await currentCaseRow(caller.db, childId);
  if (!OPEN_STATES.includes(state.state) || row === null || row.closedOn !== null) {
    throw conflict('no_open_case', 'The child has no open social case to assign', [
      { field: 'state', code: state.state, message: 'Barnet har inget öppet ärende att fördela' },
    ]);
  }
  if (row.ownerOrganisationId !== caller.actor.organisationId) throw forbidden([childId]);
  const problems = [];
  if (input.fromDate > caller.today)
    problems.push({ field: 'body.fromDate', code: 'future', message: 'Datumet kan inte ligga i framtiden' });
  if (input.secondaryUserId === input.primaryUserId) {
    problems.push({
      field: 'body.secondaryUserId',
      code: 'same_worker',
      message: 'Välj en annan handläggare än den ansvariga',
    });
  }
  const wanted = [input.primaryUserId, ...(input.secondaryUserId === null ? [] : [input.secondaryUserId])];
  const eligible = await caseworkersOf(caller.db, caller.actor.organisationId, wanted);
  for (const [name, userId] of [
    ['primaryUserId', input.primaryUserId],
    ['secondaryUserId', input.secondaryUserId],
  ] as const) {
    if (userId !== null && !eligible.includes(userId)) {
      problems.push({
        field: `body.${name}`,
        code: 'not_caseworker',
        message: 'Personen är inte handläggare i er organisation',
      });
    }
  }
  if (problems.length > 0)
    throw unprocessable('invalid_assignment', 'The assignment is not possible', problems);

  const team: { userId: string; role: WorkerRole }[] = [
    { userId: input.primaryUserId, role: 'primary' },
    ...(input.secondaryUserId === null
      ? []
      : [{ userId: input.secondaryUserId, role: 'secondary' as const }]),
  ];
  const active = await caller.db
    .select()
    .from(caseWorkers)
    .where(
      and(
        eq(caseWorkers.socialCaseId, row.id),
        or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, input.fromDate)),
      ),
    );
  const keeps = (w: { userId: string; role: string }) =>
    team.some((t) => t.userId === w.userId && t.role === w.role);
  for (const w of active.filter((a) => !keeps(a))) {
    // An assignment that had not begun on the date is withdrawn (it ends the day it began).
    await caller.db
      .update(caseWorkers)
      .set({ toDate: w.fromDate > input.fromDate ? w.fromDate : input.fromDate })
      .where(eq(caseWorkers.id, w.id));
  }
  const added = team.filter((t) => !active.some((a) => a.userId === t.userId && a.role === t.role));
  if (added.length > 0) {
    await caller.db.insert(caseWorkers).values(
      added.map((t) => ({
        socialCaseId: row.id,
        userId: t.userId,
        role: t.role,
        fromDate: input.fromDate,
        assignedBy: caller.actor.userId,
      })),
    );
  }
  for (const t of added) {
    await notifyUsers(
      caller.db,
      [t.userId],
      'case_assigned',
      childId,
      { socialCaseId: row.id, role: t.role },
      caller.now,
    );
  }
  await assignOpenDeadlines(caller.db, childId, row.id);
  caller.audit.children([childId]);
  caller.audit.detail('socialCaseId', row.id);
  caller.audit.detail(
    'assigned',
    added.map((t) => t.userId),
  );
  return { socialCaseId: row.id, assigned: added.map((t) => t.userId) };
}
