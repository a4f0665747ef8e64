/**
 * The Migration Agency's review of the municipalities' claims (issue 14 point 5, ADR 0034), the compensation
 * officer's, across every municipality: the queue, a claim (never a draft), each line decided — granted, reduced or
 * rejected with a reason from the closed list — the claim decided when its last line is, and the payment of what was
 * granted recorded after the decision. Writes lock the claim and check the version read, so two officers cannot
 * decide the same line from the same view.
 */
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { grantedOf, lineDecisionProblems, type LineOutcome } from '../domain/compensation/claim-review.ts';
import { compensationClaimLines, compensationClaims } from '../platform/db/schema.ts';
import { conflict, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import type { ClaimListSchema, LineDecisionBody, PaymentBody } from './contract.ts';
import { claimRow, linesOf, presentClaim, summaries, type Claim, type ClaimRow } from './claim-store.ts';

async function present(caller: RequestCaller, row: ClaimRow): Promise<Claim> {
  const seen = new Set<string>();
  const claim = await presentClaim(caller.db, row, 'agency', seen);
  caller.audit.children(seen);
  caller.audit.detail('claimId', row.id);
  return claim;
}

/** A claim the Agency may see (submitted at least), locked when asked; a draft is the municipality's alone: 404. */
async function submittedClaim(caller: RequestCaller, id: string, lock = false): Promise<ClaimRow> {
  const row = await claimRow(caller.db, id, { lock });
  if (row.status === 'draft') throw notFound();
  caller.audit.detail('claimId', row.id);
  return row;
}

async function checkedForChange(
  caller: RequestCaller,
  id: string,
  expectedVersion: number,
  status: ClaimRow['status'],
): Promise<ClaimRow> {
  const row = await submittedClaim(caller, id, true);
  if (row.version !== expectedVersion)
    throw stale('The claim has changed since it was read', await present(caller, row));
  if (row.status !== status)
    throw conflict('transition_not_allowed', `The step is not possible from ${row.status}`, [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  return row;
}

/** The claims to decide and the decided claims to pay, oldest submission first. */
export async function reviewQueue(caller: RequestCaller): Promise<Answer<z.input<typeof ClaimListSchema>>> {
  const rows = await caller.db
    .select()
    .from(compensationClaims)
    .where(
      and(inArray(compensationClaims.status, ['submitted', 'decided']), isNull(compensationClaims.paidOn)),
    )
    .orderBy(asc(compensationClaims.submittedOn), asc(compensationClaims.createdAt));
  const claims = (await summaries(caller.db, rows)).filter(
    (c) => c.status === 'submitted' || (c.granted ?? 0) > 0,
  );
  caller.audit.detail('claims', claims.length);
  return { claims };
}

export async function reviewClaim(caller: RequestCaller, id: string): Promise<Claim> {
  return present(caller, await submittedClaim(caller, id));
}

/** One line decided (again, while the claim is undecided); the claim is decided with its last line. */
export async function decideLine(
  caller: RequestCaller,
  id: string,
  lineId: string,
  body: z.output<typeof LineDecisionBody>,
): Promise<Claim> {
  const row = await checkedForChange(caller, id, body.expectedVersion, 'submitted');
  const lines = await linesOf(caller.db, row.id);
  const line = lines.find((l) => l.id === lineId);
  if (line === undefined) throw notFound();
  const claimed = line.claimedAmount ?? 0;
  const problems = lineDecisionProblems(body, claimed);
  if (problems.length > 0)
    throw unprocessable(
      'claim_review_invalid',
      'The decision on the line breaks a rule',
      problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
    );
  const outcome: LineOutcome = body.outcome;
  await caller.db
    .update(compensationClaimLines)
    .set({
      outcome,
      grantedAmount: grantedOf(outcome, claimed, body.grantedAmount),
      reason: outcome === 'granted' ? null : body.reason,
      reasonText: body.reason === 'other' ? body.reasonText.trim() : null,
      decidedOn: caller.today,
      decidedBy: caller.actor.userId,
    })
    .where(eq(compensationClaimLines.id, line.id));
  const undecided = lines.filter((l) => l.id !== line.id && l.outcome === null);
  const done = undecided.length === 0;
  const [updated] = await caller.db
    .update(compensationClaims)
    .set({
      version: row.version + 1,
      ...(done ? { status: 'decided', decidedOn: caller.today, decidedBy: caller.actor.userId } : {}),
    })
    .where(and(eq(compensationClaims.id, row.id), eq(compensationClaims.version, row.version)))
    .returning();
  if (updated === undefined) throw stale('The claim has changed since it was read', null);
  caller.audit.detail('lineId', line.id);
  caller.audit.detail('outcome', outcome);
  if (done) caller.audit.detail('decided', true);
  return present(caller, updated);
}

/** The payment of what the decision granted: after the decision, on a day between it and today. */
export async function recordPayment(
  caller: RequestCaller,
  id: string,
  body: z.output<typeof PaymentBody>,
): Promise<Claim> {
  const row = await checkedForChange(caller, id, body.expectedVersion, 'decided');
  const lines = await linesOf(caller.db, row.id);
  const granted = lines.reduce((sum, l) => sum + (l.grantedAmount ?? 0), 0);
  if (granted <= 0)
    throw conflict('transition_not_allowed', 'Nothing was granted, so nothing is paid', [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  if (body.paidOn < (row.decidedOn ?? body.paidOn) || body.paidOn > caller.today)
    throw unprocessable('claim_review_invalid', 'Paid between the decision and today', [
      { field: 'body.paidOn', code: 'paid_outside_range', message: 'paid_outside_range' },
    ]);
  const [updated] = await caller.db
    .update(compensationClaims)
    .set({
      status: 'paid',
      paidOn: body.paidOn,
      paidAmount: granted,
      paymentReference: body.reference.trim(),
      paymentRecordedBy: caller.actor.userId,
      version: row.version + 1,
    })
    .where(and(eq(compensationClaims.id, row.id), ne(compensationClaims.status, 'paid')))
    .returning();
  if (updated === undefined) throw stale('The claim has changed since it was read', null);
  caller.audit.detail('paidAmount', granted);
  return present(caller, updated);
}
