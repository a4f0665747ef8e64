/**
 * A claim line's attachment (ADR 0034): the finance officer attaches a file to a line of a draft — PDF, PNG or JPEG
 * recognised by its first bytes, at most CLAIM_ATTACHMENT_MAX_BYTES — stored with its SHA-256 in the database; the
 * own municipality's officer and the Agency (once the claim is submitted) read it, each read audited.
 */
import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { CLAIM_ATTACHMENT_MAX_BYTES } from '../domain/compensation/claim-rules.ts';
import { base64DecodedSize, detectMediaType, safeFileName } from '../domain/social-case/document-types.ts';
import {
  compensationClaimAttachments,
  compensationClaimLines,
  compensationClaims,
} from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import type { ClaimAttachmentBody } from './contract.ts';
import { claimRow, presentClaim, type Claim, type ClaimRow } from './claim-store.ts';

/** The claim as the municipality sees it, its children audited (the answer names every line's child). */
async function presented(caller: RequestCaller, row: ClaimRow): Promise<Claim> {
  const seen = new Set<string>();
  const claim = await presentClaim(caller.db, row, 'municipality', seen);
  caller.audit.children(seen);
  return claim;
}
import { lineOfClaim, municipalityOf } from './claims.ts';
import { stale, conflict } from '../platform/http/errors.ts';

const CONTENT = 'body.contentBase64';

function refuse(code: 'document_too_large' | 'document_type', message: string, field = CONTENT) {
  return unprocessable(code, message, [{ field, code, message: code }]);
}

/** The file's bytes when they are an accepted type within the limit and the type declared; else 422. */
function checkedBytes(body: z.output<typeof ClaimAttachmentBody>): Buffer {
  if (base64DecodedSize(body.contentBase64) > CLAIM_ATTACHMENT_MAX_BYTES)
    throw refuse('document_too_large', 'The attachment is larger than allowed');
  const bytes = Buffer.from(body.contentBase64, 'base64');
  if (bytes.length === 0) throw refuse('document_type', 'The attachment is empty');
  const detected = detectMediaType(bytes);
  if (detected === null) throw refuse('document_type', 'Only PDF, PNG and JPEG attachments');
  if (detected !== body.mediaType)
    throw refuse('document_type', 'The content is not of the declared type', 'body.mediaType');
  return bytes;
}

export async function attachToLine(
  caller: RequestCaller,
  claimId: string,
  lineId: string,
  body: z.output<typeof ClaimAttachmentBody>,
): Promise<Claim> {
  const code = municipalityOf(caller.actor);
  const row = await claimRow(caller.db, claimId, { municipalityCode: code, lock: true });
  caller.audit.detail('claimId', row.id);
  const line = await lineOfClaim(caller, row, lineId);
  if (row.version !== body.expectedVersion)
    throw stale('The claim has changed since it was read', await presented(caller, row));
  if (row.status !== 'draft')
    throw conflict('transition_not_allowed', 'Only a draft claim changes', [
      { field: 'status', code: row.status, message: 'transition_not_allowed' },
    ]);
  const bytes = checkedBytes(body);
  const detected = detectMediaType(bytes) ?? body.mediaType;
  const [attachment] = await caller.db
    .insert(compensationClaimAttachments)
    .values({
      municipalityCode: code,
      fileName: safeFileName(body.fileName, detected),
      mediaType: detected,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      uploadedBy: caller.actor.userId,
      createdAt: caller.now,
    })
    .returning({ id: compensationClaimAttachments.id });
  if (attachment === undefined) throw notFound();
  await caller.db
    .update(compensationClaimLines)
    .set({ attachmentId: attachment.id })
    .where(eq(compensationClaimLines.id, line.id));
  const [updated] = await caller.db
    .update(compensationClaims)
    .set({ version: row.version + 1 })
    .where(eq(compensationClaims.id, row.id))
    .returning();
  caller.audit.detail('attachmentId', attachment.id);
  caller.audit.detail('sizeBytes', bytes.length);
  return presented(caller, updated ?? row);
}

/**
 * An attachment's file: for the finance officer, one of the own municipality's; for the Agency, one on a line of a
 * submitted claim. The children on the lines that carry it are named in the audit.
 */
export async function readAttachment(
  caller: RequestCaller,
  attachmentId: string,
  party: 'municipality' | 'agency',
) {
  const [file] = await caller.db
    .select()
    .from(compensationClaimAttachments)
    .where(eq(compensationClaimAttachments.id, attachmentId));
  if (file === undefined) throw notFound();
  if (party === 'municipality' && file.municipalityCode !== municipalityOf(caller.actor)) throw notFound();
  const lines = await caller.db
    .select({ childId: compensationClaimLines.childId, claimId: compensationClaimLines.claimId })
    .from(compensationClaimLines)
    .innerJoin(compensationClaims, eq(compensationClaims.id, compensationClaimLines.claimId))
    .where(
      and(
        eq(compensationClaimLines.attachmentId, file.id),
        ...(party === 'agency' ? [ne(compensationClaims.status, 'draft')] : []),
      ),
    );
  if (party === 'agency' && lines.length === 0) throw notFound();
  caller.audit.children(lines.map((l) => l.childId));
  caller.audit.detail('attachmentId', file.id);
  return file;
}
