/**
 * What follows an allocation decision for each child decided — through the case kernel's consequences table:
 * responsibility moves, the social case follows, open deadlines follow, the assigned municipality is told.
 *
 * In a request (ADR 0023) the follow-ups run right after the decision's commit, in a transaction of their own, so the
 * ledger lock — which serialises every decision in every process — is held only for the ledger's part. The decision's
 * statement records them as pending (`pending_follow_ups`, under the lock, in the same round trip); the transaction
 * that runs them deletes that row, so they run exactly once. A row left behind (the process stopped in between, a
 * follow-up failed) is run by the sweeper, and before any correction of the same children, in decision order.
 * Called without a request (the demo seeder, a test's caller) the follow-ups run in the caller's transaction.
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { assignmentEvent, responsibility } from '../domain/case/machines.ts';
import { runConsequences } from './consequences.ts';
import { checkTransition } from './engine.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import { anvisningDecisions, pendingFollowUps } from '../platform/db/schema.ts';
import { SILENT_AUDIT, type RequestCaller } from '../platform/http/route.ts';
import { describeError } from '../platform/safe-error.ts';

type DecisionRow = typeof anvisningDecisions.$inferSelect;

/**
 * The statement recording a decision's follow-ups as pending — when the caller runs them after the commit; none when
 * they run in the caller's transaction.
 */
export function pendingFollowUpStatement(
  caller: RequestCaller,
  decisionId: string,
  correctedFrom: string | null,
): SQL[] {
  if (caller.afterCommit === undefined) return [];
  return [
    caller.db.insert(pendingFollowUps).values({ decisionId, correctedFrom, actor: caller.actor }).getSQL(),
  ];
}

/**
 * Before a decision whose follow-ups run after the commit: refuses it (409 `transition_not_allowed`) when the step in
 * the decider's name — the assignment, a transition of the responsibility machine — would be refused, and locks each
 * child's responsibility state until the decision commits. Without it a refused follow-up would leave a decision that
 * nothing can follow. In the caller's own transaction the transition itself refuses.
 */
export async function checkDecisionCanBeFollowed(
  caller: RequestCaller,
  childIds: readonly string[],
  correction: boolean,
): Promise<void> {
  if (caller.afterCommit === undefined) return;
  for (const childId of childIds)
    await checkTransition(caller, {
      childId,
      machine: responsibility,
      event: assignmentEvent(correction),
    });
}

/** Each child's follow-ups, in the decision's transaction or a transaction of their own. */
async function runFor(
  caller: RequestCaller,
  row: Pick<DecisionRow, 'id' | 'childIds' | 'municipalityCode'>,
  correctedFrom: string | null,
): Promise<void> {
  for (const childId of row.childIds) {
    const facts = { childId, decisionId: row.id, municipalityCode: row.municipalityCode };
    if (correctedFrom === null)
      await runConsequences(caller, 'anvisning.decided', { ...facts, correctedFrom: null });
    else await runConsequences(caller, 'anvisning.corrected', { ...facts, correctedFrom });
  }
}

/**
 * After the decision: its follow-ups once the request's transaction has committed (the pending row was written with
 * the decision), or now, in the caller's transaction, when the caller is no request.
 */
export async function followDecision(
  caller: RequestCaller,
  row: DecisionRow,
  correctedFrom: string | null,
): Promise<void> {
  if (caller.afterCommit === undefined) {
    await runFor(caller, row, correctedFrom);
    return;
  }
  caller.afterCommit(async (db) => {
    await runPendingFollowUps(db, row.id);
  });
}

interface Pending {
  readonly decisionId: string;
  readonly correctedFrom: string | null;
  readonly actor: unknown;
  readonly childIds: string[];
  readonly municipalityCode: string;
  readonly decidedAt: Date;
  readonly decidedOn: string;
}

const PENDING = {
  decisionId: pendingFollowUps.decisionId,
  correctedFrom: pendingFollowUps.correctedFrom,
  actor: pendingFollowUps.actor,
  childIds: anvisningDecisions.childIds,
  municipalityCode: anvisningDecisions.municipalityCode,
  decidedAt: anvisningDecisions.decidedAt,
  decidedOn: anvisningDecisions.decidedOn,
};

/** Runs one pending row's follow-ups on the decision's clock and in the decider's name, and deletes the row. */
async function runPending(db: DbOrTx, pending: Pending): Promise<void> {
  const caller: RequestCaller = {
    db,
    actor: pending.actor as Actor,
    now: pending.decidedAt,
    today: pending.decidedOn,
    // The request's audit event already names the children and the decision; the follow-ups add nothing to it.
    audit: SILENT_AUDIT,
  };
  await runFor(
    caller,
    { id: pending.decisionId, childIds: pending.childIds, municipalityCode: pending.municipalityCode },
    pending.correctedFrom,
  );
  await db.delete(pendingFollowUps).where(eq(pendingFollowUps.decisionId, pending.decisionId));
}

/**
 * Runs a decision's pending follow-ups in a transaction of their own; false when there were none (already run, or
 * being run by another process right now). A failure is counted on the row, which stays for the sweeper.
 */
export async function runPendingFollowUps(db: Db, decisionId: string): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      const [pending] = await tx
        .select(PENDING)
        .from(pendingFollowUps)
        .innerJoin(anvisningDecisions, eq(anvisningDecisions.id, pendingFollowUps.decisionId))
        .where(eq(pendingFollowUps.decisionId, decisionId))
        .for('update', { of: pendingFollowUps, skipLocked: true });
      if (pending === undefined) return false;
      await runPending(tx, pending);
      return true;
    });
  } catch (error) {
    // The error's kinds, codes and schema names only (describeError): its message may quote a child's data.
    await db
      .update(pendingFollowUps)
      .set({ attempts: sql`${pendingFollowUps.attempts} + 1`, lastError: describeError(error) })
      .where(eq(pendingFollowUps.decisionId, decisionId));
    throw error;
  }
}

/**
 * Before a correction of these children, in its transaction: their decisions' follow-ups still pending, in decision
 * order (waiting for a process running them right now), so the correction's own follow from the state they leave.
 */
export async function runPendingFollowUpsOf(db: DbOrTx, childIds: readonly string[]): Promise<number> {
  const rows = await db
    .select(PENDING)
    .from(pendingFollowUps)
    .innerJoin(anvisningDecisions, eq(anvisningDecisions.id, pendingFollowUps.decisionId))
    .where(sql`${anvisningDecisions.childIds} && ${sql.param([...childIds])}::uuid[]`)
    .orderBy(asc(anvisningDecisions.seq))
    .for('update', { of: pendingFollowUps });
  for (const pending of rows) await runPending(db, pending);
  return rows.length;
}

/**
 * The sweeper: follow-ups pending for longer than `graceSeconds` by the database's clock (a request runs its own at
 * once), oldest decision first, each in its own transaction. Answers how many ran and how many failed again.
 */
export async function sweepPendingFollowUps(
  db: Db,
  graceSeconds: number,
): Promise<{ readonly ran: number; readonly failed: number }> {
  const due = await db
    .select({ decisionId: pendingFollowUps.decisionId })
    .from(pendingFollowUps)
    .innerJoin(anvisningDecisions, eq(anvisningDecisions.id, pendingFollowUps.decisionId))
    .where(sql`${pendingFollowUps.createdAt} < now() - make_interval(secs => ${graceSeconds})`)
    .orderBy(asc(anvisningDecisions.seq))
    .limit(100);
  let ran = 0;
  let failed = 0;
  for (const { decisionId } of due) {
    try {
      if (await runPendingFollowUps(db, decisionId)) ran++;
    } catch {
      failed++;
    }
  }
  return { ran, failed };
}

/** How many decisions wait for their follow-ups, and how long the oldest has waited (for /metrics; no personal data). */
export async function pendingFollowUpBacklog(
  db: DbOrTx,
): Promise<{ readonly decisions: number; readonly oldestSeconds: number }> {
  const [row] = await db
    .select({
      decisions: sql<number>`count(*)::int`,
      oldestSeconds: sql<number>`coalesce(extract(epoch from now() - min(${pendingFollowUps.createdAt})), 0)::float8`,
    })
    .from(pendingFollowUps);
  return { decisions: row?.decisions ?? 0, oldestSeconds: Math.max(0, row?.oldestSeconds ?? 0) };
}
