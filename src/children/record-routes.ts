/**
 * HTTP routes for the child's record as one identity: basic data with optimistic concurrency and field history,
 * further identifiers, possible duplicates (search before create), merging two records and undoing it.
 * Thin: parse → authorise → one use case → a whitelist of fields.
 */
import { z } from 'zod';
import { MACHINES } from '../domain/case/machines.ts';
import { DUPLICATE_REASONS } from '../domain/search/child-search.ts';
import { line } from '../domain/text.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { mergeChildren, unmergeChildren } from './merge.ts';
import { ChildSummarySchema, GENDERS } from './present.ts';
import {
  addIdentifier,
  editBasicData,
  findDuplicates,
  IDENTIFIER_KINDS,
  readHistory,
  readRecord,
} from './record.ts';
import { identityNumberField } from './use-cases.ts';
import { isoDate } from '../domain/fields.ts';

/** A name is one line: no control characters, no line breaks (src/domain/text.ts). */
const name = line(100).trim().min(1);

export const ChildRecordSchema = z.object({
  childId: z.uuid(),
  version: z.number().int(),
  dossierNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  statedBirthDate: z.string().nullable(),
  gender: z.string(),
  identifiers: z.array(
    z.object({ id: z.uuid(), kind: z.enum(IDENTIFIER_KINDS), value: z.string(), addedAt: z.string() }),
  ),
  mayMerge: z.boolean(),
  merges: z.array(
    z.object({
      id: z.uuid(),
      mergedId: z.uuid(),
      mergedDossierNumber: z.string(),
      mergedAt: z.string(),
      revertedAt: z.string().nullable(),
    }),
  ),
});

const EditBody = z.strictObject({
  /** The version the caller read; a newer one answers 409 `stale` with the record as it is now. */
  version: z.number().int().min(1),
  firstName: name.optional(),
  lastName: name.optional(),
  statedBirthDate: isoDate.nullable().optional(),
  gender: z.enum(GENDERS).optional(),
});

/** An optional query field: empty means not given. */
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(schema.optional());

const DuplicatesQuery = z.strictObject({
  dossierNumber: optional(z.string().regex(/^[0-9]{4,12}$/, 'digits only, 4–12 of them')),
  firstName: optional(z.string().max(100)),
  lastName: optional(z.string().max(100)),
  birthDate: optional(isoDate),
  identityNumber: optional(z.string().max(13)),
  excludeId: optional(z.uuid()),
});

const machineNames = MACHINES.map((m) => m.name) as [string, ...string[]];

export const recordRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/duplicates',
    summary:
      'Possible duplicates before registering or to merge: the same dossier or identity number, or the same birth date and a similar name',
    tags: ['children'],
    access: requires('child:list'),
    audit: 'child.duplicates.read',
    query: DuplicatesQuery,
    response: {
      200: z.array(z.object({ child: ChildSummarySchema, reasons: z.array(z.enum(DUPLICATE_REASONS)) })),
    },
    handler: async (ctx) => {
      const { identityNumber, ...rest } = ctx.query;
      return findDuplicates(ctx.caller(), {
        ...rest,
        identityNumber: identityNumberField(identityNumber, 'query.identityNumber'),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/record',
    summary: 'The child’s basic data, version and identifiers, for those who may correct them',
    tags: ['children'],
    access: requires('child:edit'),
    audit: 'child.read',
    params: ChildIdParams,
    response: { 200: ChildRecordSchema },
    handler: async (ctx) => readRecord(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/basic-data',
    summary:
      'Correct the basic data (names, stated birth date, gender); 409 `stale` with the current record if it changed since `version`',
    tags: ['children'],
    access: requires('child:edit'),
    audit: 'child.edit',
    params: ChildIdParams,
    body: EditBody,
    response: { 200: ChildRecordSchema },
    handler: async (ctx) => editBasicData(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/identifiers',
    summary: 'Add a dossier number, personnummer or samordningsnummer (validated, stored as 12 digits)',
    tags: ['children'],
    access: requires('child:edit'),
    audit: 'child.identifier.write',
    params: ChildIdParams,
    body: z.strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().trim().min(1).max(20) }),
    response: { 201: z.object({ id: z.uuid(), kind: z.enum(IDENTIFIER_KINDS), value: z.string() }) },
    handler: async (ctx) => addIdentifier(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/history',
    summary:
      'Field-level change history of the child’s record: every changed field, old and new value, who and when',
    tags: ['children'],
    access: requires('child:edit'),
    audit: 'case.history.read',
    params: ChildIdParams,
    response: {
      200: z.array(
        z.object({
          id: z.uuid(),
          entity: z.string(),
          field: z.string(),
          oldValue: z.string().nullable(),
          newValue: z.string().nullable(),
          changedBy: z.string(),
          changedAt: z.string(),
        }),
      ),
    },
    handler: async (ctx) => readHistory(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/merge',
    summary:
      'Merge another record of the same child into this one (the responsible organisation); reversible',
    tags: ['children'],
    access: requires('child:merge'),
    audit: 'child.merge',
    params: ChildIdParams,
    body: z.strictObject({
      mergedId: z.uuid(),
      reason: z.string().trim().min(10).max(1000),
      /** For each sub-process both records moved on in: whose state to keep. */
      keep: z.partialRecord(z.enum(machineNames), z.enum(['surviving', 'merged'])).optional(),
    }),
    response: { 201: z.object({ mergeId: z.uuid(), moved: z.record(z.string(), z.number().int()) }) },
    handler: async (ctx) => mergeChildren(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/unmerge',
    summary: 'Undo a merge: exactly the rows that moved go back, and the merged record answers again',
    tags: ['children'],
    access: requires('child:merge'),
    audit: 'child.unmerge',
    params: ChildIdParams,
    body: z.strictObject({ mergeId: z.uuid() }),
    response: { 200: z.object({ mergedId: z.uuid() }) },
    handler: async (ctx) => unmergeChildren(ctx.caller(), ctx.params.childId, ctx.body.mergeId),
  }),
];
