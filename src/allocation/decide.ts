/**
 * Allocation decisions at the Migration Agency: the proposal with its reasons, the decision (confirming the proposal
 * or deviating with a reason), corrections, and the hand-over of responsibility to the assigned municipality.
 */
import type { z } from 'zod';
import type { DecisionBody, DecisionByRuleBody } from './contract.ts';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_RULE, RULE_VERSION, type Rule } from '../domain/allocation/allocator.ts';
import { REASON_MIN_LENGTH } from '../domain/fields.ts';
import {
  propose,
  recordHash,
  stateHash,
  type DecisionKind,
  type DecisionRecord,
  type Proposal,
} from '../domain/allocation/decision.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  anvisningDecisions,
  childIntake,
  children,
  decidedChildren,
  relativeAssessments,
} from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import {
  checkDecisionCanBeFollowed,
  followDecision,
  pendingFollowUpStatement,
  runPendingFollowUpsOf,
} from '../case/pending-follow-ups.ts';
import { lockLedger, readAllocator, type LockedLedger } from './ledger.ts';

export { DEFAULT_RULE };

/** A request's caller (with `afterCommit`: the follow-ups run after the commit, ADR 0023) or a seeder's or test's. */
export type DecideCaller = RequestCaller;

type DecisionRow = typeof anvisningDecisions.$inferSelect;

/** The decision currently in force for a child (the latest record naming it), or null. */
export async function currentDecision(db: DbOrTx, childId: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select()
    .from(anvisningDecisions)
    .where(sql`${anvisningDecisions.childIds} @> array[${childId}]::uuid[]`)
    .orderBy(desc(anvisningDecisions.seq))
    .limit(1);
  return row ?? null;
}

export interface GroupFacts {
  /** The children decided together: the child and its siblings registered with it that have no decision yet. */
  readonly childIds: string[];
  readonly relativeCode: string | null;
  readonly relativeAssessment: 'none' | 'open' | 'suitable' | 'unsuitable';
  readonly siblingCode: string | null;
}

/** The group to decide and its relative; 404 for an unknown child, 409 when the child already has a decision. */
export async function groupFacts(db: DbOrTx, childId: string): Promise<GroupFacts> {
  const [row] = await db
    .select({
      id: children.id,
      siblingGroupId: childIntake.siblingGroupId,
      relativeMunicipalityCode: childIntake.relativeMunicipalityCode,
      decided: sql<boolean>`exists (select 1 from ${anvisningDecisions} d where d.child_ids @> array[${children.id}]::uuid[])`,
    })
    .from(children)
    .leftJoin(childIntake, eq(childIntake.childId, children.id))
    .where(eq(children.id, childId));
  if (row === undefined) throw notFound([childId]);
  if (row.decided) throw conflict('already_decided', 'The child already has an allocation decision');
  const intake = row;
  let childIds = [childId];
  let siblingCode: string | null = null;
  if (intake.siblingGroupId !== null) {
    const siblings = await db
      .select({ id: childIntake.childId })
      .from(childIntake)
      .where(eq(childIntake.siblingGroupId, intake.siblingGroupId));
    const undecided: string[] = [];
    for (const s of siblings) {
      const decision = await currentDecision(db, s.id);
      if (decision === null) undecided.push(s.id);
      else siblingCode ??= decision.municipalityCode;
    }
    childIds = [childId, ...undecided.filter((id) => id !== childId).sort()];
  }
  let relativeAssessment: GroupFacts['relativeAssessment'] = 'none';
  let relativeCode = intake.relativeMunicipalityCode;
  if (relativeCode !== null) {
    const [assessment] = await db
      .select()
      .from(relativeAssessments)
      .where(
        and(eq(relativeAssessments.childId, childId), eq(relativeAssessments.municipalityCode, relativeCode)),
      )
      .orderBy(desc(relativeAssessments.createdAt))
      .limit(1);
    relativeAssessment =
      assessment?.outcome === 'suitable'
        ? 'suitable'
        : assessment?.outcome === 'unsuitable'
          ? 'unsuitable'
          : 'open';
    // A relative judged unsuitable means a balancing decision.
    if (relativeAssessment === 'unsuitable') relativeCode = null;
  }
  return { childIds, relativeCode, relativeAssessment, siblingCode };
}

export async function proposalFor(
  caller: DecideCaller,
  childId: string,
  rule: Rule = DEFAULT_RULE,
): Promise<{ proposal: Proposal; group: GroupFacts }> {
  const group = await groupFacts(caller.db, childId);
  const state = await readAllocator(caller.db, caller.today);
  if (state === null) throw unprocessable('no_shares', `No shares are in force on ${caller.today}`);
  caller.audit.children(group.childIds);
  return {
    proposal: propose(
      state.allocator,
      { groupSize: group.childIds.length, relativeCode: group.relativeCode, siblingCode: group.siblingCode },
      rule,
    ),
    group,
  };
}

/**
 * The decision's body (src/allocation/contract.ts) for one child: the municipality the officer confirms (when it
 * differs from the proposal it is a deviation and needs a reason) and the proposal the officer saw (if the queue has
 * moved on since, the officer must look again: 409).
 */
export type DecideInput = Readonly<z.output<typeof DecisionBody>> & { readonly childId: string };

/**
 * The decision record — the row and the statement that inserts it, sent with the ledger's save (one round trip under
 * the lock, `LockedLedger.save`). The row is what the insert writes: the table has no other default than the id.
 */
function record(
  caller: DecideCaller,
  ledger: LockedLedger,
  id: string,
  fields: Omit<
    DecisionRecord,
    'seq' | 'ruleVersion' | 'shareVersionId' | 'decidedOn' | 'decidedBy' | 'stateHash'
  >,
): { row: DecisionRow; statement: SQL } {
  const body: DecisionRecord = {
    ...fields,
    seq: ledger.decisions + 1,
    ruleVersion: RULE_VERSION,
    shareVersionId: ledger.version.id,
    decidedOn: caller.today,
    decidedBy: caller.actor.userId,
    stateHash: stateHash(ledger.allocator.allFigures()),
  };
  const row: DecisionRow = {
    ...body,
    id,
    childIds: [...body.childIds],
    proposedCode: body.proposedCode,
    supersedesId: body.supersedesId,
    reason: body.reason,
    decidedAt: caller.now,
    recordHash: recordHash(body),
  };
  return { row, statement: caller.db.insert(anvisningDecisions).values(row).getSQL() };
}

/** What a decision needs that does not depend on the queue, settled before the ledger lock is taken. */
export interface PreparedDecision {
  readonly group: GroupFacts;
  readonly decisionId: string;
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) =>
    typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return codeOf(error) === '23505' || codeOf((error as { cause?: unknown } | null)?.cause) === '23505';
}

/**
 * Reads the group and claims its children in `decided_children` (a unique guard): a second officer deciding the same
 * child waits for the first to commit and then gets 409, whatever the interleaving.
 */
export async function prepareDecision(caller: DecideCaller, childId: string): Promise<PreparedDecision> {
  const group = await groupFacts(caller.db, childId);
  await checkDecisionCanBeFollowed(caller, group.childIds, false);
  const decisionId = randomUUID();
  try {
    await caller.db.insert(decidedChildren).values(group.childIds.map((id) => ({ childId: id, decisionId })));
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('already_decided', 'The child already has an allocation decision');
    throw error;
  }
  return { group, decisionId };
}

/** The municipality and kind a decision taken now would have — without the explanation (cheap, under the lock). */
export function proposedUnder(
  ledger: LockedLedger,
  group: GroupFacts,
  rule: Rule,
): { code: string; kind: 'utjamnande' | 'anknytning' } {
  const target = group.siblingCode ?? group.relativeCode;
  return target !== null
    ? { code: target, kind: 'anknytning' }
    : { code: ledger.allocator.pick(rule, group.childIds.length), kind: 'utjamnande' };
}

export async function decide(caller: DecideCaller, input: DecideInput): Promise<DecisionRow> {
  const prepared = await prepareDecision(caller, input.childId);
  const row = await decideLocked(caller, await lockLedger(caller.db, caller.today), input, prepared);
  // After the ledger's part: the child's case follows the new responsibility (machine, social case, hand-over).
  await followDecision(caller, row, null);
  return row;
}

export async function decideLocked(
  caller: DecideCaller,
  ledger: LockedLedger,
  input: DecideInput,
  prepared: PreparedDecision,
): Promise<DecisionRow> {
  const { group } = prepared;
  const proposal = proposedUnder(ledger, group, input.rule);
  if (input.proposedCode !== proposal.code) {
    throw conflict(
      'proposal_changed',
      `Another decision was taken first: the proposal is now ${proposal.code}; review it again`,
      [{ field: 'body.proposedCode', code: 'stale', message: `now ${proposal.code}` }],
    );
  }
  const deviates = input.municipalityCode !== proposal.code;
  if (deviates && (input.reason === null || input.reason.trim().length < REASON_MIN_LENGTH)) {
    throw unprocessable(
      'reason_required',
      'A decision that deviates from the proposal needs a recorded reason',
      [{ field: 'body.reason', code: 'required_for_deviation', message: 'at least 10 characters' }],
    );
  }
  if (!ledger.allocator.codes.includes(input.municipalityCode)) {
    throw unprocessable('unknown_municipality', 'Unknown municipality', [
      { field: 'body.municipalityCode', code: 'unknown', message: 'no such municipality' },
    ]);
  }
  const kind: DecisionKind = deviates ? 'deviation' : proposal.kind;
  const { row, statement } = record(caller, ledger, prepared.decisionId, {
    childIds: group.childIds,
    municipalityCode: input.municipalityCode,
    kind,
    proposedCode: proposal.code,
    rule: input.rule,
    supersedesId: null,
    reason: input.reason,
    considerations: input.considerations,
  });
  ledger.allocator.assign(input.municipalityCode, group.childIds.length);
  await ledger.save(1, [statement, ...pendingFollowUpStatement(caller, row.id, null)]);
  caller.audit.children(group.childIds);
  caller.audit.detail('decisionId', row.id);
  caller.audit.detail('municipalityCode', input.municipalityCode);
  caller.audit.detail('kind', kind);
  return row;
}

export type DecideByRuleInput = Readonly<z.output<typeof DecisionByRuleBody>> & { readonly childId: string };

/**
 * "By the rule, now": the proposal is taken at commit time, under the ledger lock, so a decision taken at the same
 * moment by another officer cannot make it stale (no 409 `proposal_changed`). The officer sees and confirms the
 * result afterwards; a deviation still needs the explicit municipality and reason (`decide`). The decision records
 * the proposal it followed, exactly as a confirmed proposal does.
 */
export async function decideByRule(caller: DecideCaller, input: DecideByRuleInput): Promise<DecisionRow> {
  const prepared = await prepareDecision(caller, input.childId);
  const ledger = await lockLedger(caller.db, caller.today);
  const proposal = proposedUnder(ledger, prepared.group, input.rule);
  const row = await decideLocked(
    caller,
    ledger,
    { ...input, municipalityCode: proposal.code, proposedCode: proposal.code, reason: null },
    prepared,
  );
  caller.audit.detail('mode', 'by_rule_now');
  await followDecision(caller, row, null);
  return row;
}

/** A correction is a new decision superseding the old one: the children's count moves, the exact quotas do not. */
export async function correct(
  caller: DecideCaller,
  decisionId: string,
  input: { municipalityCode: string; reason: string },
): Promise<DecisionRow> {
  const ledger = await lockLedger(caller.db, caller.today);
  const [old] = await caller.db
    .select()
    .from(anvisningDecisions)
    .where(eq(anvisningDecisions.id, decisionId));
  if (old === undefined) throw notFound();
  // A follow-up of an earlier decision of these children still pending runs first (ADR 0023).
  await runPendingFollowUpsOf(caller.db, old.childIds);
  await checkDecisionCanBeFollowed(caller, old.childIds, true);
  for (const childId of old.childIds) {
    if ((await currentDecision(caller.db, childId))?.id !== old.id)
      throw conflict('superseded', 'This decision has already been superseded');
  }
  if (old.municipalityCode === input.municipalityCode) {
    throw unprocessable('same_municipality', 'The correction must name another municipality', [
      { field: 'body.municipalityCode', code: 'unchanged', message: 'same as the decision' },
    ]);
  }
  if (!ledger.allocator.codes.includes(input.municipalityCode)) {
    throw unprocessable('unknown_municipality', 'Unknown municipality', [
      { field: 'body.municipalityCode', code: 'unknown', message: 'no such municipality' },
    ]);
  }
  const { row, statement } = record(caller, ledger, randomUUID(), {
    childIds: old.childIds,
    municipalityCode: input.municipalityCode,
    kind: 'correction',
    proposedCode: null,
    rule: old.rule === 'lowest-attainment' ? 'lowest-attainment' : 'quota',
    supersedesId: old.id,
    reason: input.reason,
    considerations: old.considerations,
  });
  ledger.allocator.move(old.municipalityCode, input.municipalityCode, old.childIds.length);
  await ledger.save(1, [statement, ...pendingFollowUpStatement(caller, row.id, old.municipalityCode)]);
  caller.audit.children(old.childIds);
  caller.audit.detail('decisionId', row.id);
  caller.audit.detail('supersedes', old.id);
  await followDecision(caller, row, old.municipalityCode);
  return row;
}
