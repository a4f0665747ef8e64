/**
 * HTTP routes for the child's record as one identity: basic data with optimistic concurrency and field history,
 * further identifiers, possible duplicates (search before create), merging two records and undoing it.
 * Thin: parse → authorise → one use case → a whitelist of fields.
 */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { mergeChildren, unmergeChildren } from './merge.ts';
import {
  ChildRecordSchema,
  DuplicatesQuery,
  DuplicatesResponse,
  EditBody,
  HistoryResponse,
  IdentifierBody,
  IdentifierResponse,
  MergeBody,
  MergeResponse,
  UnmergeBody,
  UnmergeResponse,
} from './contract.ts';
import { addIdentifier, editBasicData, findDuplicates, readHistory, readRecord } from './record.ts';
import { identityNumberField } from './use-cases.ts';

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
    response: { 200: DuplicatesResponse },
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
    body: IdentifierBody,
    response: { 201: IdentifierResponse },
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
    response: { 200: HistoryResponse },
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
    body: MergeBody,
    response: { 201: MergeResponse },
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
    body: UnmergeBody,
    response: { 200: UnmergeResponse },
    handler: async (ctx) => unmergeChildren(ctx.caller(), ctx.params.childId, ctx.body.mergeId),
  }),
];
