/** HTTP routes for the minimal child record. Thin: parse → authorise → one use case → a whitelist of fields. */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { recordRoutes } from './record-routes.ts';
import {
  ChildDetailSchema,
  ChildListResponse,
  EmergencyAccessBody,
  EmergencyAccessResponse,
  ListQuery,
  MergedPointerSchema,
  RegisterBody,
  RegisteredResponse,
} from './contract.ts';
import { toCsv } from './present.ts';
import {
  identityNumberField,
  listChildren,
  openEmergencyAccess,
  readChild,
  registerChild,
  searchTextField,
  visibleSummaries,
} from './use-cases.ts';

export const childRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children',
    summary:
      'Children in the active role’s scope, searchable by dossier number (any of a child’s), name (also in other transliterations), birth date, personnummer or samordningsnummer',
    tags: ['children'],
    access: requires('child:list'),
    audit: 'child.list',
    query: ListQuery,
    response: { 200: ChildListResponse },
    handler: async (ctx) => {
      const { q, dossier, name: childName, birthDate, identityNumber, page, pageSize } = ctx.query;
      const search = {
        text: searchTextField(q, 'query.q'),
        dossier,
        name: searchTextField(childName, 'query.name'),
        birthDate,
        identityNumber: identityNumberField(identityNumber, 'query.identityNumber'),
      };
      return listChildren(ctx.caller(), { search, page, pageSize });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/export.csv',
    summary: 'Export the children in scope as CSV (identities masked as in every view)',
    tags: ['children'],
    access: requires('child:export'),
    audit: 'child.export',
    handler: async (ctx) => {
      const rows = await visibleSummaries(ctx.caller());
      ctx.audit.children(rows.map((r) => r.id));
      ctx.audit.detail('rows', rows.length);
      void ctx.reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="barn.csv"');
      return toCsv(rows);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children',
    summary: 'Register an arriving child (Migration Agency)',
    tags: ['children'],
    access: requires('child:register'),
    audit: 'child.register',
    body: RegisterBody,
    response: { 201: RegisteredResponse },
    handler: async (ctx) => {
      return await registerChild(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId',
    summary: 'One child, as much as the active role may see',
    tags: ['children'],
    access: requires('child:read'),
    audit: 'child.read',
    params: ChildIdParams,
    response: { 200: ChildDetailSchema, 301: MergedPointerSchema },
    handler: async (ctx) => {
      const result = await readChild(ctx.caller(), ctx.params.childId);
      if (result.kind === 'child') return result.child;
      // A merged record points to the surviving one (browsers follow the redirect to it).
      void ctx.reply.code(301).header('location', `/api/children/${result.mergedInto.id}`);
      return { mergedInto: result.mergedInto };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/emergency-access',
    summary: 'Emergency access (break the glass) to a child outside the scope, with a reason; expires',
    tags: ['children'],
    access: requires('emergency-access:request'),
    audit: 'child.emergency_access',
    body: EmergencyAccessBody,
    response: { 201: EmergencyAccessResponse },
    handler: async (ctx) => {
      return await openEmergencyAccess(ctx.caller(), ctx.body);
    },
  }),
  ...recordRoutes,
];
