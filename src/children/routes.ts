/** HTTP routes for the minimal child record. Thin: parse → authorise → one use case → a whitelist of fields. */
import { z } from 'zod';
import { line } from '../domain/text.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { recordRoutes } from './record-routes.ts';
import { ChildDetailSchema, ChildSummarySchema, GENDERS, MergedPointerSchema, toCsv } from './present.ts';
import { isoDate } from '../domain/fields.ts';
import {
  identityNumberField,
  listChildren,
  openEmergencyAccess,
  readChild,
  registerChild,
  searchTextField,
  visibleSummaries,
} from './use-cases.ts';

/** A name is one line: no control characters, no line breaks (src/domain/text.ts). */
const name = line(100).trim().min(1);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const ListQuery = z.strictObject({
  q: z.string().max(100).default(''),
  dossier: optionalText(12).pipe(
    z
      .string()
      .regex(/^[0-9]+$/, 'digits only')
      .optional(),
  ),
  name: optionalText(100),
  birthDate: optionalText(10).pipe(isoDate.optional()),
  /** Personnummer or samordningsnummer, 10 or 12 digits with or without separator; validated by the use case. */
  identityNumber: optionalText(13),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const RegisterBody = z.strictObject({
  dossierNumber: z.string().regex(/^[0-9]{4,12}$/, 'digits only, 4–12 of them'),
  firstName: name,
  lastName: name,
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  protectedIdentity: z.boolean().default(false),
  whereabouts: line(200).trim().nullable().default(null),
  arrivalMunicipalityCode: z.string().regex(/^[0-9]{4}$/, 'four digits'),
  arrivalDate: isoDate,
});

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
    response: {
      200: z.object({
        total: z.number().int(),
        /** A search over every child counted only up to `total`: there are more (narrow the search). */
        capped: z.boolean(),
        items: z.array(ChildSummarySchema),
      }),
    },
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
    response: { 201: z.object({ id: z.uuid() }) },
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
    body: z.strictObject({
      dossierNumber: z.string().regex(/^[0-9]{4,12}$/, 'digits only, 4–12 of them'),
      reason: z.string().trim().min(10).max(1000),
      hours: z.number().int().min(1).max(24).default(24),
    }),
    response: { 201: z.object({ childId: z.uuid(), expiresAt: z.string() }) },
    handler: async (ctx) => {
      return await openEmergencyAccess(ctx.caller(), ctx.body);
    },
  }),
  ...recordRoutes,
];
