/** HTTP routes of the personakt: journal entries, correspondence and documents. URLs of the journal are unchanged. */
import { z } from 'zod';
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { CHANNELS, DIRECTIONS, JOURNAL_KINDS } from '../domain/social-case/codes.ts';
import { isoDate } from '../domain/fields.ts';
import { contentDisposition, DOCUMENT_MEDIA_TYPES, isBase64 } from '../domain/social-case/document-types.ts';
import { listDocuments, readDocument, readJournal, uploadDocument, writeJournal } from './personakt.ts';

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

/** The base64 body of the largest document (10 MiB, the configuration's ceiling) with room for the other fields. */
const UPLOAD_BODY_LIMIT = 14 * 1024 * 1024;

const JournalEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(JOURNAL_KINDS),
  body: z.string(),
  occurredOn: z.string(),
  notForChild: z.boolean(),
  direction: z.string().nullable(),
  counterpart: z.string().nullable(),
  channel: z.string().nullable(),
  author: z.string(),
  ownOrganisation: z.boolean(),
  createdAt: z.string(),
});

const DocumentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  notForChild: z.boolean(),
  uploadedBy: z.string(),
  ownOrganisation: z.boolean(),
  createdAt: z.string(),
});

export const personaktRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/journal',
    summary: 'Journal entries and logged correspondence the active role may read',
    tags: ['casework'],
    access: requires('child:journal:read'),
    audit: 'child.journal.read',
    params: ChildIdParams,
    query: z.strictObject({ kind: z.enum(JOURNAL_KINDS).optional() }),
    response: { 200: z.array(JournalEntrySchema) },
    handler: async (ctx) => readJournal(ctx.caller(), ctx.params.childId, { kind: ctx.query.kind }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/journal',
    summary: 'Add a journal entry or log correspondence (responsible municipality)',
    tags: ['casework'],
    access: requires('child:journal:write'),
    audit: 'child.journal.write',
    params: ChildIdParams,
    body: z.strictObject({
      kind: z.enum(JOURNAL_KINDS).default('note'),
      body: z.string().trim().min(1).max(10_000),
      occurredOn: isoDate.nullable().default(null),
      notForChild: z.boolean().default(false),
      direction: z.enum(DIRECTIONS).nullable().default(null),
      counterpart: optionalText(200),
      channel: z.enum(CHANNELS).nullable().default(null),
    }),
    response: { 201: z.object({ id: z.uuid() }) },
    handler: async (ctx) => writeJournal(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/documents',
    summary: 'Documents in the child’s personakt (without their content)',
    tags: ['casework'],
    access: requires('child:journal:read'),
    audit: 'personakt.read',
    params: ChildIdParams,
    response: { 200: z.object({ maxBytes: z.number().int(), items: z.array(DocumentSchema) }) },
    handler: async (ctx) => ({
      maxBytes: ctx.deps.config.documentMaxBytes,
      items: await listDocuments(ctx.caller(), ctx.params.childId),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/documents',
    summary: 'File a document (PDF, PNG or JPEG, base64) in the child’s personakt',
    tags: ['casework'],
    access: requires('child:journal:write'),
    audit: 'document.write',
    bodyLimit: UPLOAD_BODY_LIMIT,
    params: ChildIdParams,
    body: z.strictObject({
      title: z.string().trim().min(1).max(200),
      fileName: z.string().trim().min(1).max(255),
      mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
      contentBase64: z.string().refine(isBase64, { message: 'base64' }),
      notForChild: z.boolean().default(false),
    }),
    response: {
      201: z.object({ id: z.uuid(), sha256: z.string(), sizeBytes: z.number().int(), mediaType: z.string() }),
    },
    handler: async (ctx) =>
      uploadDocument(ctx.caller(), ctx.params.childId, ctx.body, ctx.deps.config.documentMaxBytes),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/documents/:documentId',
    summary: 'Download one document (as an attachment); every read is audited',
    tags: ['casework'],
    access: requires('child:journal:read'),
    audit: 'document.read',
    params: z.strictObject({
      childId: z.uuid({ error: 'Ogiltigt id' }),
      documentId: z.uuid({ error: 'Ogiltigt id' }),
    }),
    handler: async (ctx) => {
      const doc = await readDocument(ctx.caller(), ctx.params.childId, ctx.params.documentId);
      void ctx.reply
        .header('content-type', doc.mediaType)
        .header('content-disposition', contentDisposition(doc.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('digest', `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`);
      return doc.content;
    },
  }),
];
