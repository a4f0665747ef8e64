/**
 * The municipality's claims (issue 14 point 4, ADR 0034), the finance officer's: a draft for one quarter or two that
 * follow each other, its lines picked among those Anvisa computes for the codes applied for, an attachment per line,
 * the submission (refused after the last day, with the day named; the amounts recomputed and frozen), and a correction
 * as a new version of a submitted claim. Only the own municipality's claims: another's is 404.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import {
  claimQuarterProblems,
  STATED_AMOUNT_CODES,
  submitProblems,
  type ClaimLineCode,
  type ClaimProblem,
} from '../domain/compensation/claim-rules.ts';
import { claimLastDay, claimQuarterChoices } from '../domain/compensation/claims.ts';
import { compensationClaimLines, compensationClaims, municipalities } from '../platform/db/schema.ts';
import { conflict, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import type { ClaimLinesBody, NewClaimBody, OwnClaimListSchema, StatedAmountBody } from './contract.ts';
import { lineKey, type ComputedClaimLine } from './claim-lines.ts';
import {
  availableLines,
  claimRow,
  judgmentsSubmitted,
  lineDraftAmount,
  linesOf,
  presentClaim,
  quartersOf,
  summaries,
  type Claim,
  type ClaimRow,
  type LineRow,
} from './claim-store.ts';

export function municipalityOf(actor: Actor): string {
  const code = actor.organisationType === 'municipality' ? actor.municipalityCodes[0] : undefined;
  if (code === undefined) throw notFound();
  return code;
}

const invalid = (message: string, problems: readonly ClaimProblem[]) =>
  unprocessable(
    'claim_invalid',
    message,
    problems.map((p) => ({ field: p.field, code: p.code, message: p.code })),
  );

/** Refused after the last day, naming it (19 § förordning 2017:193). */
function refuseAfterLastDay(quarters: readonly string[], lastDay: string, today: string, field: string) {
  if (today <= lastDay) return;
  const first = quarters[0] ?? '';
  throw unprocessable('claim_deadline_passed', `The last day for a claim for ${first} was ${lastDay}`, [
    {
      field,
      code: 'claim_deadline_passed',
      message: `Sista dag för ansökan om ersättning för ${first} var ${lastDay}`,
    },
  ]);
}

async function present(caller: RequestCaller, row: ClaimRow): Promise<Claim> {
  const seen = new Set<string>();
  const claim = await presentClaim(caller.db, row, 'municipality', seen);
  caller.audit.children(seen);
  caller.audit.detail('claimId', row.id);
  return claim;
}

/**
 * After the last day a correction may drop lines or lower them, never add a line or raise one (19 § 2017:193): a
 * line its predecessor did not claim, or one now computed above what the predecessor claimed, is refused, naming the
 * day. Before the last day a correction is a claim like any other.
 */
async function refuseLateAdditions(
  caller: RequestCaller,
  row: ClaimRow,
  replaced: ClaimRow,
  lines: readonly LineRow[],
  available: ReadonlyMap<string, ComputedClaimLine>,
): Promise<void> {
  if (caller.today <= row.lastDay) return;
  const before = new Map(
    (await linesOf(caller.db, replaced.id)).map((l) => [lineKey(l), l.claimedAmount ?? 0]),
  );
  const late = lines.filter((l) => {
    const prior = before.get(lineKey(l));
    return prior === undefined || lineDraftAmount(l, available.get(lineKey(l))) > prior;
  });
  if (late.length === 0) return;
  const first = quartersOf(row)[0] ?? '';
  throw unprocessable(
    'claim_deadline_passed',
    `The last day for a claim for ${first} was ${row.lastDay}: a correction may only drop or lower lines`,
    late.map((l) => ({
      field: `lines.${l.id}`,
      code: 'claim_deadline_passed',
      message: `Sista dag för ansökan om ersättning för ${first} var ${row.lastDay}. Efter den får en rättelse bara ta bort rader eller sänka belopp.`,
    })),
  );
}

/**
 * The municipality's claims locked against a second drafting at once: which lines are free (no other live claim holds
 * them) is read and then written, so two officers drafting the same quarter wait for each other rather than both take
 * a line. The municipality's row is the lock (PostgreSQL and PGlite alike), taken FOR NO KEY UPDATE so that rows which
 * only refer to the municipality are not held up; a claim's own row is locked first.
 */
async function lockMunicipalityClaims(caller: RequestCaller, code: string): Promise<void> {
  await caller.db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code))
    .for('no key update');
}

/** The own claim locked for a change: a draft at the version the caller read (else 409). */
async function draftForChange(caller: RequestCaller, id: string, expectedVersion: number): Promise<ClaimRow> {
  const row = await claimRow(caller.db, id, { municipalityCode: municipalityOf(caller.actor), lock: true });
  caller.audit.detail('claimId', row.id);
  return checkedDraft(caller, row, expectedVersion);
}

/** A claim already read and locked, as a draft at the version the caller read (else 409). */
async function checkedDraft(
  caller: RequestCaller,
  row: ClaimRow,
  expectedVersion: number,
): Promise<ClaimRow> {
  if (row.version !== expectedVersion)
    throw stale('The claim has changed since it was read', await present(caller, row));
  if (row.status !== 'draft')
    throw conflict('transition_not_allowed', 'Only a draft claim changes', [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  return row;
}

/** A line of the claim, its child audited; another claim's line (or none) is 404. */
export async function lineOfClaim(caller: RequestCaller, row: ClaimRow, lineId: string): Promise<LineRow> {
  const [line] = await caller.db
    .select()
    .from(compensationClaimLines)
    .where(and(eq(compensationClaimLines.id, lineId), eq(compensationClaimLines.claimId, row.id)));
  if (line === undefined) throw notFound();
  caller.audit.children([line.childId]);
  return line;
}

async function bump(caller: RequestCaller, row: ClaimRow, values: Partial<ClaimRow> = {}): Promise<ClaimRow> {
  const [updated] = await caller.db
    .update(compensationClaims)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(compensationClaims.id, row.id), eq(compensationClaims.version, row.version)))
    .returning();
  if (updated === undefined) throw stale('The claim has changed since it was read', null);
  return updated;
}

export async function listClaims(caller: RequestCaller): Promise<Answer<z.input<typeof OwnClaimListSchema>>> {
  const code = municipalityOf(caller.actor);
  caller.audit.detail('municipalityCode', code);
  const rows = await caller.db
    .select()
    .from(compensationClaims)
    .where(eq(compensationClaims.municipalityCode, code))
    .orderBy(desc(compensationClaims.firstQuarter), desc(compensationClaims.versionNo));
  return { claims: await summaries(caller.db, rows), quarters: claimQuarterChoices(caller.today) };
}

export async function readClaim(caller: RequestCaller, id: string): Promise<Claim> {
  return present(caller, await claimRow(caller.db, id, { municipalityCode: municipalityOf(caller.actor) }));
}

/** A draft for the quarters, with every line Anvisa computes for them that no other claim holds. */
export async function createClaim(
  caller: RequestCaller,
  body: z.output<typeof NewClaimBody>,
): Promise<Claim> {
  const code = municipalityOf(caller.actor);
  const problems = claimQuarterProblems(body.quarters, caller.today).map((p) => ({
    ...p,
    field: `body.${p.field}`,
  }));
  if (problems.length > 0) throw invalid('The quarters cannot be claimed together', problems);
  await lockMunicipalityClaims(caller, code);
  const lastDay = claimLastDay(body.quarters);
  if (lastDay === null)
    throw invalid('No last day', [{ field: 'body.quarters', code: 'claim_quarters_count' }]);
  refuseAfterLastDay(body.quarters, lastDay, caller.today, 'body.quarters');
  const id = randomUUID();
  const [row] = await caller.db
    .insert(compensationClaims)
    .values({
      id,
      municipalityCode: code,
      chainId: id,
      versionNo: 1,
      firstQuarter: body.quarters[0] ?? '',
      lastQuarter: body.quarters[body.quarters.length - 1] ?? '',
      lastDay,
      status: 'draft',
      createdBy: caller.actor.userId,
      createdOn: caller.today,
    })
    .returning();
  if (row === undefined) throw notFound();
  const available = [...(await availableLines(caller.db, row)).values()];
  if (available.length > 0)
    await caller.db
      .insert(compensationClaimLines)
      .values(available.map((l) => ({ claimId: id, childId: l.childId, code: l.code, quarter: l.quarter })));
  return present(caller, row);
}

/** The draft's lines, as the officer picked them among those available (a line kept keeps its attachment). */
export async function setClaimLines(
  caller: RequestCaller,
  id: string,
  body: z.output<typeof ClaimLinesBody>,
): Promise<Claim> {
  const row = await draftForChange(caller, id, body.expectedVersion);
  await lockMunicipalityClaims(caller, row.municipalityCode);
  const current = await linesOf(caller.db, row.id);
  const available = await availableLines(caller.db, row);
  const wanted = new Map(body.lines.map((l) => [lineKey(l), l]));
  const unknown = body.lines.flatMap((l, i) =>
    available.has(lineKey(l)) ? [] : [{ field: `body.lines.${String(i)}`, code: 'claim_line_not_available' }],
  );
  if (unknown.length > 0) throw invalid('A line is not one Anvisa computes for the claim', unknown);
  const dropped = current.filter((l) => !wanted.has(lineKey(l))).map((l) => l.id);
  if (dropped.length > 0)
    await caller.db.delete(compensationClaimLines).where(inArray(compensationClaimLines.id, dropped));
  const kept = new Set(current.map(lineKey));
  const added = [...wanted.values()].filter((l) => !kept.has(lineKey(l)));
  if (added.length > 0)
    await caller.db.insert(compensationClaimLines).values(added.map((l) => ({ ...l, claimId: row.id })));
  caller.audit.detail('lines', body.lines.length);
  return present(caller, await bump(caller, row));
}

/**
 * A stated-amount line's cost (SFV: the municipality's actual, reasonable cost for the quarter, whole kronor), on a
 * draft; the Agency judges whether it is reasonable. Any other line's amount is Anvisa's to compute: 422.
 */
export async function stateLineAmount(
  caller: RequestCaller,
  id: string,
  lineId: string,
  body: z.output<typeof StatedAmountBody>,
): Promise<Claim> {
  const row = await claimRow(caller.db, id, { municipalityCode: municipalityOf(caller.actor), lock: true });
  caller.audit.detail('claimId', row.id);
  const line = await lineOfClaim(caller, row, lineId);
  const draft = await checkedDraft(caller, row, body.expectedVersion);
  if (!STATED_AMOUNT_CODES.has(line.code as ClaimLineCode))
    throw invalid('Anvisa computes the amount of this line', [
      { field: 'body.statedAmount', code: 'claim_amount_computed' },
    ]);
  await caller.db
    .update(compensationClaimLines)
    .set({ statedAmount: body.statedAmount })
    .where(eq(compensationClaimLines.id, line.id));
  caller.audit.detail('lineId', line.id);
  return present(caller, await bump(caller, draft));
}

/**
 * The submission: the last day not passed (a correction's chain was submitted in time, so its later versions are not
 * refused — the Agency judges a line first claimed late), every line still computed and attached where its code needs
 * it; the amounts recomputed now and frozen; the version it corrects superseded.
 */
export async function submitClaim(
  caller: RequestCaller,
  id: string,
  expectedVersion: number,
): Promise<Claim> {
  const row = await draftForChange(caller, id, expectedVersion);
  const quarters = quartersOf(row);
  if (row.versionNo === 1) refuseAfterLastDay(quarters, row.lastDay, caller.today, 'quarters');
  const replaced = row.replacesId === null ? null : await claimRow(caller.db, row.replacesId, { lock: true });
  if (replaced !== null && replaced.status !== 'submitted')
    throw conflict('transition_not_allowed', 'The version this corrects has been decided', [
      { field: 'replacesId', code: replaced.status, message: 'transition_not_allowed' },
    ]);
  const lines = await linesOf(caller.db, row.id);
  const available = await availableLines(caller.db, row);
  if (replaced !== null) await refuseLateAdditions(caller, row, replaced, lines, available);
  const judgments = await judgmentsSubmitted(caller.db, row);
  const problems = submitProblems(
    lines.map((l, index) => {
      const computed = available.get(lineKey(l));
      return {
        index,
        code: l.code as ClaimLineCode,
        hasAttachment: l.attachmentId !== null,
        amount: computed?.amount ?? 0,
        count: computed?.count ?? 0,
        statedAmount: l.statedAmount,
        judgmentSubmitted: judgments.has(l.childId),
      };
    }),
  ).map((p) => {
    const [, index, rest] = /^lines\.(\d+)(.*)$/.exec(p.field) ?? [];
    const lineId = index === undefined ? undefined : lines[Number(index)]?.id;
    return lineId === undefined ? p : { ...p, field: `lines.${lineId}${rest ?? ''}` };
  });
  if (problems.length > 0) throw invalid('The claim cannot be submitted', problems);
  for (const line of lines) {
    const computed = available.get(lineKey(line));
    await caller.db
      .update(compensationClaimLines)
      .set({ claimedCount: computed?.count ?? 0, claimedAmount: lineDraftAmount(line, computed) })
      .where(eq(compensationClaimLines.id, line.id));
  }
  const submitted = await bump(caller, row, {
    status: 'submitted',
    submittedOn: caller.today,
    submittedBy: caller.actor.userId,
  });
  if (replaced !== null) await bump(caller, replaced, { status: 'superseded' });
  caller.audit.detail('lines', lines.length);
  return present(caller, submitted);
}

/** A correction: a new draft version of a submitted claim not yet decided, with its lines and attachments. */
export async function correctClaim(
  caller: RequestCaller,
  id: string,
  expectedVersion: number,
): Promise<Claim> {
  const row = await claimRow(caller.db, id, { municipalityCode: municipalityOf(caller.actor), lock: true });
  caller.audit.detail('claimId', row.id);
  if (row.version !== expectedVersion)
    throw stale('The claim has changed since it was read', await present(caller, row));
  const [later] = await caller.db
    .select({ id: compensationClaims.id })
    .from(compensationClaims)
    .where(eq(compensationClaims.replacesId, row.id));
  if (row.status !== 'submitted' || later !== undefined)
    throw conflict('transition_not_allowed', 'Only a submitted claim without a later version is corrected', [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  const [next] = await caller.db
    .insert(compensationClaims)
    .values({
      municipalityCode: row.municipalityCode,
      chainId: row.chainId,
      versionNo: row.versionNo + 1,
      replacesId: row.id,
      firstQuarter: row.firstQuarter,
      lastQuarter: row.lastQuarter,
      lastDay: row.lastDay,
      status: 'draft',
      createdBy: caller.actor.userId,
      createdOn: caller.today,
    })
    .returning();
  if (next === undefined) throw notFound();
  const lines = await linesOf(caller.db, row.id);
  if (lines.length > 0)
    await caller.db.insert(compensationClaimLines).values(
      lines.map((l) => ({
        claimId: next.id,
        childId: l.childId,
        code: l.code,
        quarter: l.quarter,
        attachmentId: l.attachmentId,
        statedAmount: l.statedAmount,
      })),
    );
  return present(caller, next);
}
