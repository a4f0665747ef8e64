/**
 * The child's file (personakt, SOSFS 2014:5): dated journal entries by the social worker with their author, logged
 * correspondence (direction, counterpart, channel, date), and documents (PDF, PNG, JPEG; size-limited; stored in the
 * database with their SHA-256). Notes and documents the child may not read are marked. The responsible municipality's
 * social services read and write all of it; a former municipality reads only what its own organisation filed.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { journalEntryVisible, type ChildAccess } from '../domain/access/child-scope.ts';
import { stockholmDate } from '../domain/time.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { caseDocuments, journalEntries, users } from '../platform/db/schema.ts';
import { badRequest, notFound } from '../platform/http/errors.ts';
import { base64DecodedSize, detectMediaType, safeFileName } from '../domain/social-case/document-types.ts';
import { requireSection } from '../case/relation.ts';
import type { JournalBody, JournalQuery as JournalQuerySchema, UploadBody } from './contract.ts';

async function personaktAccess(
  caller: Caller,
  childId: string,
  need: 'read' | 'write',
): Promise<ChildAccess> {
  const { access } = await childInScope(caller, childId);
  if (access.journal === 'none') throw notFound([childId]);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'personakt', need);
  if (need === 'write' && !access.mayWrite) throw notFound([childId]);
  return access;
}

type JournalQuery = z.output<typeof JournalQuerySchema>;

export async function readJournal(caller: Caller, childId: string, query: JournalQuery = {}) {
  const access = await personaktAccess(caller, childId, 'read');
  const rows = await caller.db
    .select({ entry: journalEntries, author: users.displayName })
    .from(journalEntries)
    .innerJoin(users, eq(users.id, journalEntries.authorUserId))
    .where(
      and(
        eq(journalEntries.childId, childId),
        ...(query.kind === undefined ? [] : [eq(journalEntries.kind, query.kind)]),
      ),
    )
    .orderBy(
      desc(
        sql`coalesce(${journalEntries.occurredOn}, (${journalEntries.createdAt} at time zone 'Europe/Stockholm')::date)`,
      ),
      desc(journalEntries.createdAt),
    );
  const visible = rows.filter((r) => journalEntryVisible(access, caller.actor, r.entry.ownerOrganisationId));
  caller.audit.children([childId]);
  caller.audit.detail('entries', visible.length);
  return visible.map(({ entry, author }) => ({
    id: entry.id,
    kind: entry.kind === 'correspondence' ? ('correspondence' as const) : ('note' as const),
    body: entry.body,
    occurredOn: entry.occurredOn ?? stockholmDate(entry.createdAt),
    notForChild: entry.notForChild,
    direction: entry.direction,
    counterpart: entry.counterpart,
    channel: entry.channel,
    author,
    ownOrganisation: entry.ownerOrganisationId === caller.actor.organisationId,
    createdAt: entry.createdAt.toISOString(),
  }));
}

export type JournalInput = z.output<typeof JournalBody>;

const REQUIRED_FOR_CORRESPONDENCE = [
  ['direction', 'Ange om korrespondensen var inkommande eller utgående'],
  ['counterpart', 'Ange motpart'],
  ['channel', 'Ange hur korrespondensen skedde'],
  ['occurredOn', 'Ange datum för korrespondensen'],
] as const;

export async function writeJournal(
  caller: Caller,
  childId: string,
  input: JournalInput,
): Promise<{ id: string }> {
  await personaktAccess(caller, childId, 'write');
  const problems: { field: string; code: string; message: string }[] = [];
  if (input.kind === 'correspondence') {
    for (const [name, message] of REQUIRED_FOR_CORRESPONDENCE)
      if (input[name] === null) problems.push({ field: `body.${name}`, code: 'required', message });
  }
  if (input.occurredOn !== null && input.occurredOn > caller.today) {
    problems.push({
      field: 'body.occurredOn',
      code: 'future',
      message: 'Datumet kan inte ligga i framtiden',
    });
  }
  if (problems.length > 0) throw badRequest('validation', 'The entry has invalid fields', problems);
  const correspondence = input.kind === 'correspondence';
  const [row] = await caller.db
    .insert(journalEntries)
    .values({
      childId,
      ownerOrganisationId: caller.actor.organisationId,
      authorUserId: caller.actor.userId,
      body: input.body,
      kind: input.kind,
      occurredOn: input.occurredOn ?? caller.today,
      notForChild: input.notForChild,
      direction: correspondence ? input.direction : null,
      counterpart: correspondence ? input.counterpart : null,
      channel: correspondence ? input.channel : null,
      createdAt: caller.now,
    })
    .returning({ id: journalEntries.id });
  if (row === undefined) throw new Error('insert returned nothing');
  caller.audit.children([childId]);
  caller.audit.detail('entryId', row.id);
  caller.audit.detail('entryKind', input.kind);
  return row;
}

export async function listDocuments(caller: Caller, childId: string) {
  const access = await personaktAccess(caller, childId, 'read');
  const rows = await caller.db
    .select({
      id: caseDocuments.id,
      title: caseDocuments.title,
      fileName: caseDocuments.fileName,
      mediaType: caseDocuments.mediaType,
      sizeBytes: caseDocuments.sizeBytes,
      sha256: caseDocuments.sha256,
      notForChild: caseDocuments.notForChild,
      ownerOrganisationId: caseDocuments.ownerOrganisationId,
      uploadedBy: users.displayName,
      createdAt: caseDocuments.createdAt,
    })
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedBy))
    .where(eq(caseDocuments.childId, childId))
    .orderBy(desc(caseDocuments.createdAt));
  const visible = rows.filter((r) => journalEntryVisible(access, caller.actor, r.ownerOrganisationId));
  caller.audit.children([childId]);
  caller.audit.detail('documents', visible.length);
  return visible.map(({ ownerOrganisationId, createdAt, ...r }) => ({
    ...r,
    ownOrganisation: ownerOrganisationId === caller.actor.organisationId,
    createdAt: createdAt.toISOString(),
  }));
}

type UploadInput = z.output<typeof UploadBody>;

/** "5 MB", "1,5 MB", "512 kB" (the way the limit is said to the user). */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${mb.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
    : `${Math.floor(bytes / 1024)} kB`;
}

export async function uploadDocument(caller: Caller, childId: string, input: UploadInput, maxBytes: number) {
  await personaktAccess(caller, childId, 'write');
  const content = 'body.contentBase64';
  if (base64DecodedSize(input.contentBase64) > maxBytes) {
    throw badRequest('document_too_large', 'The document is larger than allowed', [
      { field: content, code: 'document_too_large', message: `Filen får vara högst ${sizeText(maxBytes)}` },
    ]);
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0)
    throw badRequest('validation', 'The document is empty', [
      { field: content, code: 'required', message: 'Filen är tom' },
    ]);
  const detected = detectMediaType(bytes);
  if (detected === null) {
    throw badRequest('document_type', 'Only PDF, PNG and JPEG documents', [
      { field: content, code: 'document_type', message: 'Filen måste vara en PDF, PNG eller JPEG' },
    ]);
  }
  if (detected !== input.mediaType) {
    throw badRequest('document_type', 'The content is not of the declared type', [
      {
        field: 'body.mediaType',
        code: 'document_type_mismatch',
        message: 'Filens innehåll stämmer inte med filtypen',
      },
    ]);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [row] = await caller.db
    .insert(caseDocuments)
    .values({
      childId,
      ownerOrganisationId: caller.actor.organisationId,
      title: input.title,
      fileName: safeFileName(input.fileName, detected),
      mediaType: detected,
      sizeBytes: bytes.length,
      sha256,
      content: bytes,
      notForChild: input.notForChild,
      uploadedBy: caller.actor.userId,
      createdAt: caller.now,
    })
    .returning({ id: caseDocuments.id });
  if (row === undefined) throw new Error('document not written');
  caller.audit.children([childId]);
  caller.audit.detail('documentId', row.id);
  caller.audit.detail('sizeBytes', bytes.length);
  return { id: row.id, sha256, sizeBytes: bytes.length, mediaType: detected };
}

/** One document's content; every read is audited (document.read) with the document's id. */
export async function readDocument(caller: Caller, childId: string, documentId: string) {
  const access = await personaktAccess(caller, childId, 'read');
  const [row] = await caller.db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.childId, childId)));
  if (row === undefined || !journalEntryVisible(access, caller.actor, row.ownerOrganisationId))
    throw notFound([childId]);
  caller.audit.children([childId]);
  caller.audit.detail('documentId', row.id);
  return { fileName: row.fileName, mediaType: row.mediaType, content: row.content, sha256: row.sha256 };
}
