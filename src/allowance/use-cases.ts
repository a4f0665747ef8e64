/**
 * The child's special grant (särskilt bidrag; issue 14 point 7, ADR 0033). The god man appointed for the child today
 * applies and submits on the child's behalf; the Migration Agency's compensation officer decides and records the
 * payment. A child is reached only through `childInScope`: outside it, 404. The rules are in src/domain/allowance/.
 */
import type { z } from 'zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Answer } from '../domain/answer.ts';
import {
  specialGrantStepProblem,
  specialGrantStepsFor,
  type SpecialGrantAction,
  type SpecialGrantParty,
  type SpecialGrantStatus,
} from '../domain/allowance/machine.ts';
import {
  isAppointedGodMan,
  SPECIAL_GRANT_NEEDS,
  specialGrantApplicationProblems,
  specialGrantDecisionProblems,
  type Problem,
  type SpecialGrantNeed,
  type SpecialGrantOutcome,
} from '../domain/allowance/rules.ts';
import { specialGrantDecisionText } from '../domain/allowance/decision-text.ts';
import { specialGrantApplications } from '../platform/db/schema.ts';
import {
  conflict,
  HttpError,
  notFound,
  stale,
  unprocessable,
  type FieldProblem,
} from '../platform/http/errors.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { specialGrantNeeds } from '../reference/special-grant-needs.ts';
import type {
  ChildSpecialGrantsSchema,
  SpecialGrantBody,
  SpecialGrantDecideBody,
  SpecialGrantQueueSchema,
  SpecialGrantSchema,
} from './contract.ts';

type SpecialGrant = Answer<z.input<typeof SpecialGrantSchema>>;
type Row = typeof specialGrantApplications.$inferSelect;
type InScope = Awaited<ReturnType<typeof childInScope>>;

const asFields = (problems: readonly Problem[]): FieldProblem[] =>
  problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code }));

const invalid = (message: string, problems: readonly Problem[]) =>
  unprocessable('special_grant_invalid', message, asFields(problems));

/**
 * The child's name as the caller may see it: the god man sees the ward's name unless the identity is masked; the
 * Agency's officer decides on the dossier number alone (children only as the decision needs them, ADR 0036).
 */
const childName = (c: InScope, party: SpecialGrantParty) =>
  party === 'god_man' && c.access.identity === 'visible' ? `${c.child.firstName} ${c.child.lastName}` : null;

function present(row: Row, c: InScope, party: SpecialGrantParty, mayAct: boolean): SpecialGrant {
  const status = row.status as SpecialGrantStatus;
  const outcome = row.outcome as SpecialGrantOutcome | null;
  const name = childName(c, party);
  return {
    id: row.id,
    childId: row.childId,
    child: name ?? c.child.dossierNumber,
    dossierNumber: c.child.dossierNumber,
    status,
    need: row.need as SpecialGrantNeed,
    description: row.description,
    appliedAmount: row.appliedAmount,
    appliedOn: row.appliedOn,
    submittedOn: row.submittedOn,
    outcome,
    grantedAmount: row.grantedAmount,
    reason: row.reason,
    decidedOn: row.decidedOn,
    paidOn: row.paidOn,
    decision:
      outcome === null || row.decidedOn === null
        ? null
        : specialGrantDecisionText({
            childName: name,
            dossierNumber: c.child.dossierNumber,
            need: row.need as SpecialGrantNeed,
            description: row.description,
            appliedAmount: row.appliedAmount,
            outcome,
            grantedAmount: row.grantedAmount,
            reason: row.reason ?? '',
            decidedOn: row.decidedOn,
          }),
    steps: mayAct ? specialGrantStepsFor(status, party) : [],
    version: row.version,
  };
}

/** The needs in their fixed order with the ceiling the data states and whether a source verifies it. */
const needs = () =>
  SPECIAL_GRANT_NEEDS.map((need) => {
    const row = specialGrantNeeds().get(need);
    return { need, ceiling: row?.ceiling ?? null, verified: row?.verified ?? false };
  });

const mayApplyFor = (caller: Caller, c: InScope) =>
  caller.actor.role === 'god_man' && isAppointedGodMan(c.facts.guardians, caller.actor.userId, caller.today);

async function rowsOf(caller: Caller, childId: string): Promise<Row[]> {
  return caller.db
    .select()
    .from(specialGrantApplications)
    .where(eq(specialGrantApplications.childId, childId))
    .orderBy(asc(specialGrantApplications.appliedOn), asc(specialGrantApplications.createdAt));
}

/** The god man's view of a ward's applications. */
export async function childSpecialGrants(
  caller: Caller,
  childId: string,
): Promise<Answer<z.input<typeof ChildSpecialGrantsSchema>>> {
  const c = await childInScope(caller, childId);
  caller.audit.children([childId]);
  const mayApply = mayApplyFor(caller, c);
  const rows = await rowsOf(caller, childId);
  return {
    childId,
    child: childName(c, 'god_man') ?? c.child.dossierNumber,
    dossierNumber: c.child.dossierNumber,
    needs: needs(),
    mayApply,
    applications: rows.map((r) => present(r, c, 'god_man', mayApply)),
  };
}

/** The god man drafts an application on the child's behalf (only the god man appointed today). */
export async function createSpecialGrant(
  caller: Caller,
  childId: string,
  body: z.output<typeof SpecialGrantBody>,
): Promise<SpecialGrant> {
  const c = await childInScope(caller, childId);
  caller.audit.children([childId]);
  if (!mayApplyFor(caller, c))
    throw invalid('Only the god man appointed for the child today applies', [
      { field: 'childId', code: 'not_appointed_god_man' },
    ]);
  const problems = specialGrantApplicationProblems(body, specialGrantNeeds().get(body.need));
  if (problems.length > 0) throw invalid('The application breaks a rule', problems);
  const [row] = await caller.db
    .insert(specialGrantApplications)
    .values({
      childId,
      status: 'draft',
      need: body.need,
      description: body.description.trim(),
      appliedAmount: body.amount,
      appliedBy: caller.actor.userId,
      appliedOn: caller.today,
    })
    .returning();
  if (row === undefined) throw notFound([childId]);
  caller.audit.detail('applicationId', row.id);
  return present(row, c, 'god_man', true);
}

/** The application and its child, when the child is in the caller's scope; else 404. */
async function applicationInScope(caller: Caller, id: string): Promise<{ row: Row; c: InScope }> {
  const [row] = await caller.db
    .select()
    .from(specialGrantApplications)
    .where(eq(specialGrantApplications.id, id));
  if (row === undefined) throw notFound();
  const c = await childInScope(caller, row.childId);
  caller.audit.children([row.childId]);
  caller.audit.detail('applicationId', id);
  return { row, c };
}

/** The step's checks (the party, the god man's appointment, the status, the version), then the write. */
async function step(
  caller: Caller,
  id: string,
  action: SpecialGrantAction,
  party: SpecialGrantParty,
  expectedVersion: number,
  values: (row: Row) => Partial<typeof specialGrantApplications.$inferInsert>,
): Promise<SpecialGrant> {
  const { row, c } = await applicationInScope(caller, id);
  if (party === 'god_man' && !mayApplyFor(caller, c)) throw notFound([row.childId]);
  if (row.version !== expectedVersion)
    throw stale('The application has changed since it was read', present(row, c, party, true));
  const problem = specialGrantStepProblem(row.status as SpecialGrantStatus, action, party);
  if (problem !== null)
    throw conflict('transition_not_allowed', `The step ${action} is not possible from ${row.status}`, [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  const [updated] = await caller.db
    .update(specialGrantApplications)
    .set({ ...values(row), version: row.version + 1 })
    .where(and(eq(specialGrantApplications.id, id), eq(specialGrantApplications.version, expectedVersion)))
    .returning();
  if (updated === undefined)
    throw stale('The application has changed since it was read', present(row, c, party, true));
  caller.audit.detail('action', action);
  return present(updated, c, party, true);
}

export function submitSpecialGrant(caller: Caller, id: string, expectedVersion: number) {
  return step(caller, id, 'submit', 'god_man', expectedVersion, () => ({
    status: 'submitted',
    submittedOn: caller.today,
  }));
}

export function decideSpecialGrant(
  caller: Caller,
  id: string,
  body: z.output<typeof SpecialGrantDecideBody>,
) {
  return step(caller, id, 'decide', 'officer', body.expectedVersion, (row) => {
    const decision = { outcome: body.outcome, grantedAmount: body.grantedAmount, reason: body.reason };
    const problems = specialGrantDecisionProblems(decision, row.appliedAmount);
    if (problems.length > 0) throw invalid('The decision breaks a rule', problems);
    return {
      status: body.outcome,
      outcome: body.outcome,
      grantedAmount: body.grantedAmount,
      reason: body.reason.trim() === '' ? null : body.reason.trim(),
      decidedOn: caller.today,
      decidedBy: caller.actor.userId,
    };
  });
}

export function paySpecialGrant(caller: Caller, id: string, paidOn: string, expectedVersion: number) {
  return step(caller, id, 'pay', 'officer', expectedVersion, (row) => {
    if (paidOn < (row.decidedOn ?? paidOn) || paidOn > caller.today)
      throw invalid('Paid between the decision and today', [{ field: 'paidOn', code: 'paid_outside_range' }]);
    return { status: 'paid', paidOn };
  });
}

/** The officer's queue: the applications to decide and the grants to pay, oldest first. */
export async function specialGrantQueue(
  caller: Caller,
): Promise<Answer<z.input<typeof SpecialGrantQueueSchema>>> {
  const rows = await caller.db
    .select()
    .from(specialGrantApplications)
    .where(inArray(specialGrantApplications.status, ['submitted', 'granted', 'partly_granted']))
    .orderBy(asc(specialGrantApplications.submittedOn), asc(specialGrantApplications.createdAt));
  const out: SpecialGrant[] = [];
  for (const row of rows) {
    // A child no longer in the officer's scope (merged away) is left out, not a 404 for the whole list.
    const c = await childInScope(caller, row.childId).catch((e: unknown) => {
      if (e instanceof HttpError) return null;
      throw e;
    });
    if (c !== null) out.push(present(row, c, 'officer', true));
  }
  caller.audit.children(out.map((a) => a.childId));
  return { applications: out, needs: needs() };
}
