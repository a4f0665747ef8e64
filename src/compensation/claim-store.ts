/**
 * Reading and presenting a municipality's claim (ADR 0034), for the finance officer and the Agency alike: the claim
 * with its lines (frozen once submitted; a draft's as Anvisa computes them now), the lines a draft may still take, the
 * versions of the claim, the decision's text and the payment. A child appears only as a line names it.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  CLAIM_ATTACHMENT_MAX_BYTES,
  claimStepsFor,
  draftAmount,
  requiredAttachment,
  STATED_AMOUNT_CODES,
  type ClaimLineCode,
  type ClaimParty,
  type ClaimStatus,
} from '../domain/compensation/claim-rules.ts';
import {
  claimDecisionText,
  grantedOf,
  type LineOutcome,
  type ReviewReason,
} from '../domain/compensation/claim-review.ts';
import { quarterAfter } from '../domain/compensation/claim-rules.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  children,
  compensationClaimAttachments,
  compensationClaimLines,
  compensationClaims,
  municipalities,
  users,
} from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import type { ClaimSchema, ClaimSummarySchema } from './contract.ts';
import { computedClaimLines, lineKey, type ComputedClaimLine } from './claim-lines.ts';

export type ClaimRow = typeof compensationClaims.$inferSelect;
export type LineRow = typeof compensationClaimLines.$inferSelect;
export type Claim = Answer<z.input<typeof ClaimSchema>>;
export type ClaimSummary = Answer<z.input<typeof ClaimSummarySchema>>;

/** The claim's quarters, YYYY-Qn. */
export const quartersOf = (row: ClaimRow): string[] =>
  row.firstQuarter === row.lastQuarter
    ? [row.firstQuarter]
    : [row.firstQuarter, quarterAfter(row.firstQuarter)];

/** A claim by id — of the municipality when one is given, locked for the request's write when asked; else 404. */
export async function claimRow(
  db: DbOrTx,
  id: string,
  options: { municipalityCode?: string; lock?: boolean } = {},
): Promise<ClaimRow> {
  const where =
    options.municipalityCode === undefined
      ? eq(compensationClaims.id, id)
      : and(eq(compensationClaims.id, id), eq(compensationClaims.municipalityCode, options.municipalityCode));
  const query = db.select().from(compensationClaims).where(where);
  const [row] = options.lock === true ? await query.for('update') : await query;
  if (row === undefined) throw notFound();
  return row;
}

export async function linesOf(db: DbOrTx, claimId: string): Promise<LineRow[]> {
  return db.select().from(compensationClaimLines).where(eq(compensationClaimLines.claimId, claimId));
}

/** Keys of the lines other claims of the municipality hold (every claim not superseded, outside this chain). */
async function heldElsewhere(db: DbOrTx, row: ClaimRow): Promise<Set<string>> {
  const held = await db
    .select({
      childId: compensationClaimLines.childId,
      code: compensationClaimLines.code,
      quarter: compensationClaimLines.quarter,
    })
    .from(compensationClaimLines)
    .innerJoin(compensationClaims, eq(compensationClaims.id, compensationClaimLines.claimId))
    .where(
      and(
        eq(compensationClaims.municipalityCode, row.municipalityCode),
        ne(compensationClaims.status, 'superseded'),
        ne(compensationClaims.chainId, row.chainId),
        inArray(compensationClaimLines.quarter, quartersOf(row)),
      ),
    );
  return new Set(held.map(lineKey));
}

/** What a draft may claim now: Anvisa's lines for its quarters that no other claim holds. */
export async function availableLines(db: DbOrTx, row: ClaimRow): Promise<Map<string, ComputedClaimLine>> {
  const [computed, held] = await Promise.all([
    computedClaimLines(db, row.municipalityCode, quartersOf(row)),
    heldElsewhere(db, row),
  ]);
  for (const key of held) computed.delete(key);
  return computed;
}

/** A draft line's amount (the rule in claim-rules.ts), given what Anvisa computes for it now. */
export const lineDraftAmount = (
  line: { code: string; statedAmount: number | null },
  computed: ComputedClaimLine | undefined,
): number => draftAmount(line.code, line.statedAmount, computed?.amount ?? null);

/**
 * The children whose special custodian's judgment has reached the Agency: a claim of the municipality other than this
 * one, once submitted, carried an SFV line of the child with an attachment (research F.2: the judgment comes with the
 * first claim per child).
 */
export async function judgmentsSubmitted(db: DbOrTx, row: ClaimRow): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ childId: compensationClaimLines.childId })
    .from(compensationClaimLines)
    .innerJoin(compensationClaims, eq(compensationClaims.id, compensationClaimLines.claimId))
    .where(
      and(
        eq(compensationClaims.municipalityCode, row.municipalityCode),
        ne(compensationClaims.status, 'draft'),
        ne(compensationClaims.id, row.id),
        eq(compensationClaimLines.code, 'SFV_KOSTNAD'),
        isNotNull(compensationClaimLines.attachmentId),
      ),
    );
  return new Set(rows.map((r) => r.childId));
}

/** Whether a later version of each claim exists. */
async function laterVersions(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ replaces: compensationClaims.replacesId })
    .from(compensationClaims)
    .where(inArray(compensationClaims.replacesId, [...ids]));
  return new Set(rows.flatMap((r) => (r.replaces === null ? [] : [r.replaces])));
}

const decided = (status: ClaimStatus) => status === 'decided' || status === 'paid';

/** The claims' summaries, in the order given. Drafts show what Anvisa computes now. */
export async function summaries(db: DbOrTx, rows: readonly ClaimRow[]): Promise<ClaimSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, later, names] = await Promise.all([
    db.select().from(compensationClaimLines).where(inArray(compensationClaimLines.claimId, ids)),
    laterVersions(db, ids),
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities),
  ]);
  const out: ClaimSummary[] = [];
  for (const row of rows) {
    const own = lines.filter((l) => l.claimId === row.id);
    let claimed = own.reduce((sum, l) => sum + (l.claimedAmount ?? 0), 0);
    if (row.status === 'draft') {
      const computed = await computedClaimLines(
        db,
        row.municipalityCode,
        quartersOf(row),
        own.map((l) => l.childId),
      );
      claimed = own.reduce((sum, l) => sum + lineDraftAmount(l, computed.get(lineKey(l))), 0);
    }
    const status = row.status as ClaimStatus;
    out.push({
      id: row.id,
      chainId: row.chainId,
      versionNo: row.versionNo,
      municipalityCode: row.municipalityCode,
      municipalityName: names.find((m) => m.code === row.municipalityCode)?.name ?? row.municipalityCode,
      quarters: quartersOf(row),
      lastDay: row.lastDay,
      status,
      createdOn: row.createdOn,
      submittedOn: row.submittedOn,
      decidedOn: row.decidedOn,
      paidOn: row.paidOn,
      claimed,
      granted: decided(status) ? own.reduce((sum, l) => sum + (l.grantedAmount ?? 0), 0) : null,
      lineCount: own.length,
      latest: !later.has(row.id),
    });
  }
  return out;
}

/** The first day each line of the chain was submitted, by `lineKey`. */
async function firstClaimed(db: DbOrTx, chainId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({
      childId: compensationClaimLines.childId,
      code: compensationClaimLines.code,
      quarter: compensationClaimLines.quarter,
      submittedOn: compensationClaims.submittedOn,
    })
    .from(compensationClaimLines)
    .innerJoin(compensationClaims, eq(compensationClaims.id, compensationClaimLines.claimId))
    .where(eq(compensationClaims.chainId, chainId))
    .orderBy(asc(compensationClaims.versionNo));
  const first = new Map<string, string>();
  for (const r of rows)
    if (r.submittedOn !== null && !first.has(lineKey(r))) first.set(lineKey(r), r.submittedOn);
  return first;
}

async function displayName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return user?.name ?? null;
}

/** The whole claim as the party sees it; `childIds` collects the children it names, for the audit. */
export async function presentClaim(
  db: DbOrTx,
  row: ClaimRow,
  party: ClaimParty,
  childIds: Set<string>,
): Promise<Claim> {
  const [summary] = await summaries(db, [row]);
  if (summary === undefined) throw notFound();
  const status = row.status as ClaimStatus;
  const rows = await db
    .select({
      line: compensationClaimLines,
      firstName: children.firstName,
      lastName: children.lastName,
      protectedIdentity: children.protectedIdentity,
      dossierNumber: children.dossierNumber,
      attachment: {
        id: compensationClaimAttachments.id,
        fileName: compensationClaimAttachments.fileName,
        mediaType: compensationClaimAttachments.mediaType,
        sizeBytes: compensationClaimAttachments.sizeBytes,
      },
    })
    .from(compensationClaimLines)
    .innerJoin(children, eq(children.id, compensationClaimLines.childId))
    .leftJoin(
      compensationClaimAttachments,
      eq(compensationClaimAttachments.id, compensationClaimLines.attachmentId),
    )
    .where(eq(compensationClaimLines.claimId, row.id));
  const available = status === 'draft' ? await availableLines(db, row) : new Map<string, ComputedClaimLine>();
  const first = await firstClaimed(db, row.chainId);
  const judgments = await judgmentsSubmitted(db, row);
  const lines = rows
    .map(({ line, firstName, lastName, protectedIdentity, dossierNumber, attachment }) => {
      const computed = available.get(lineKey(line));
      childIds.add(line.childId);
      const code = line.code as ClaimLineCode;
      const needed = requiredAttachment(code, judgments.has(line.childId));
      return {
        id: line.id,
        childId: line.childId,
        name: protectedIdentity ? null : `${firstName} ${lastName}`,
        dossierNumber,
        code,
        quarter: line.quarter,
        count: status === 'draft' ? (computed?.count ?? 0) : (line.claimedCount ?? 0),
        amount: status === 'draft' ? lineDraftAmount(line, computed) : (line.claimedAmount ?? 0),
        amountStated: STATED_AMOUNT_CODES.has(code),
        statedAmount: line.statedAmount,
        attachment: line.attachmentId === null ? null : attachment,
        attachmentRequired: needed !== null,
        attachmentKind: needed,
        firstClaimedOn: first.get(lineKey(line)) ?? null,
        outcome: line.outcome as LineOutcome | null,
        grantedAmount: line.grantedAmount,
        reason: line.reason as ReviewReason | null,
        reasonText: line.reasonText,
        decidedOn: line.decidedOn,
      };
    })
    .sort((a, b) =>
      `${a.quarter}|${a.code}|${a.dossierNumber}`.localeCompare(`${b.quarter}|${b.code}|${b.dossierNumber}`),
    );
  const taken = new Set(lines.map(lineKey));
  const candidates = [...available.values()]
    .filter((c) => !taken.has(lineKey(c)))
    .sort((a, b) =>
      `${a.quarter}|${a.code}|${a.dossierNumber}`.localeCompare(`${b.quarter}|${b.code}|${b.dossierNumber}`),
    );
  for (const c of candidates) childIds.add(c.childId);
  const versions = await db
    .select({
      id: compensationClaims.id,
      versionNo: compensationClaims.versionNo,
      status: compensationClaims.status,
      submittedOn: compensationClaims.submittedOn,
    })
    .from(compensationClaims)
    .where(
      party === 'agency'
        ? and(eq(compensationClaims.chainId, row.chainId), ne(compensationClaims.status, 'draft'))
        : eq(compensationClaims.chainId, row.chainId),
    )
    .orderBy(desc(compensationClaims.versionNo));
  const officerName = await displayName(db, row.decidedBy);
  // A decision names the municipality by its formal name ("Malmö kommun"), as the anvisning decisions do.
  const [municipality] = await db
    .select({ officialName: municipalities.officialName })
    .from(municipalities)
    .where(eq(municipalities.code, row.municipalityCode));
  const decision =
    decided(status) && row.decidedOn !== null && row.submittedOn !== null
      ? claimDecisionText({
          municipalityName: municipality?.officialName ?? summary.municipalityName,
          reference: row.chainId.slice(0, 8).toUpperCase(),
          version: row.versionNo,
          quarters: quartersOf(row),
          submittedOn: row.submittedOn,
          decidedOn: row.decidedOn,
          officerName: officerName ?? '',
          lines: lines.map((l) => ({
            childName: l.name,
            dossierNumber: l.dossierNumber,
            code: l.code,
            quarter: l.quarter,
            count: l.count,
            claimed: l.amount,
            outcome: l.outcome ?? 'rejected',
            granted: grantedOf(l.outcome ?? 'rejected', l.amount, l.grantedAmount),
            reason: l.reason,
            reasonText: l.reasonText,
          })),
        })
      : null;
  return {
    ...summary,
    lines,
    candidates,
    versions: versions.map((v) => ({ ...v, status: v.status as ClaimStatus })),
    decidedBy: officerName,
    decision,
    payment:
      row.paidOn === null
        ? null
        : { paidOn: row.paidOn, amount: row.paidAmount ?? 0, reference: row.paymentReference ?? '' },
    steps: claimStepsFor({ status, hasLaterVersion: !summary.latest, granted: summary.granted ?? 0 }, party),
    attachmentMaxBytes: CLAIM_ATTACHMENT_MAX_BYTES,
    version: row.version,
  };
}
