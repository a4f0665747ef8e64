/** HTTP routes of the personakt: journal entries, correspondence and documents. URLs of the journal are unchanged. */
import { z } from 'zod';
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { contentDisposition } from '../domain/social-case/document-types.ts';
import {
  CreatedResponse,
  DocumentsResponse,
  JournalBody,
  JournalQuery,
  JournalResponse,
  UploadBody,
  UploadedResponse,
} from './contract.ts';
import { listDocuments, readDocument, readJournal, uploadDocument, writeJournal } from './personakt.ts';

/** The base64 body of the largest document (10 MiB, the configuration's ceiling) with room for the other fields. */
const UPLOAD_BODY_LIMIT = 14 * 1024 * 1024;

export const personaktRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/journal',
    summary: 'Journal entries and logged correspondence the active role may read',
    tags: ['casework'],
    access: requires('child:journal:read'),
    audit: 'child.journal.read',
    params: ChildIdParams,
    query: JournalQuery,
    response: { 200: JournalResponse },
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
    body: JournalBody,
    response: { 201: CreatedResponse },
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
    response: { 200: DocumentsResponse },
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
    body: UploadBody,
    response: { 201: UploadedResponse },
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
