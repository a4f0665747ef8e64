/**
 * The children capability's contract: what its routes accept and answer. Imports only zod and src/domain, so that the
 * web takes its types and form schemas from here (ADR 0019).
 */
import { z } from 'zod';
import { RESPONSIBILITY_KINDS } from '../domain/access/child-scope.ts';
import { CASE_SECTIONS } from '../domain/access/case-sections.ts';
import { MACHINES } from '../domain/case/machines.ts';
import { EMERGENCY_ACCESS_MAX_HOURS } from '../domain/access/roles.ts';
import { accessReason, dossierNumber, isoDate, municipalityCode } from '../domain/fields.ts';
import { DUPLICATE_REASONS } from '../domain/search/child-search.ts';
import { line } from '../domain/text.ts';

export const GENDERS = ['female', 'male', 'other'] as const;

export const MunicipalityRefSchema = z.object({ code: z.string(), name: z.string() });
const MunicipalityRef = MunicipalityRefSchema;

export const ChildSummarySchema = z.object({
  id: z.uuid(),
  dossierNumber: z.string(),
  identityMasked: z.boolean(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  responsibleMunicipality: MunicipalityRef.nullable(),
  view: z.enum(['minimal', 'basic', 'full']),
  basis: z.string(),
});
export type ChildSummary = z.infer<typeof ChildSummarySchema>;

export const ChildDetailSchema = ChildSummarySchema.extend({
  whereabouts: z.string().nullable(),
  responsibility: z
    .array(
      z.object({
        municipality: MunicipalityRef,
        kind: z.enum(RESPONSIBILITY_KINDS),
        from: z.string(),
        to: z.string().nullable(),
      }),
    )
    .nullable(),
  guardians: z
    .array(
      z.object({
        name: z.string(),
        kind: z.enum(['god_man', 'special_custodian']),
        from: z.string(),
        to: z.string().nullable(),
      }),
    )
    .nullable(),
  /**
   * For the staff of the provider the child is placed with (basis placement_provider, whereabouts visible): the
   * placement there and whom to call, the responsible municipality's social workers assigned to the child today.
   */
  placedWithProvider: z
    .object({ provider: z.string(), since: z.string(), socialWorkers: z.array(z.string()) })
    .nullable(),
  journalAccess: z.enum(['all', 'own_organisation', 'none']),
  mayWrite: z.boolean(),
  emergencyAccess: z.boolean(),
  /** Which parts of the case the active role may read or change (src/domain/access/case-sections.ts). */
  sections: z.record(z.enum(CASE_SECTIONS), z.enum(['none', 'read', 'write'])),
  /** Whether the active role may open "who has seen this child" for this child (mayReadAccessLog). */
  accessLog: z.boolean(),
  /** Version of the basic data, for optimistic concurrency on edits. */
  version: z.number().int(),
});
export type ChildDetail = z.infer<typeof ChildDetailSchema>;

/** What a merged record answers instead of its data. */
export const MergedPointerSchema = z.object({
  mergedInto: z.object({ id: z.uuid(), dossierNumber: z.string() }),
});

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const IDENTIFIER_KINDS = ['dossier', 'personnummer', 'samordningsnummer'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A name is one line: no control characters, no line breaks (src/domain/text.ts). */
const name = line(100).trim().min(1);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const ListQuery = z.strictObject({
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

export const RegisterBody = z.strictObject({
  dossierNumber,
  firstName: name,
  lastName: name,
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  protectedIdentity: z.boolean().default(false),
  whereabouts: line(200).trim().nullable().default(null),
  arrivalMunicipalityCode: municipalityCode,
  arrivalDate: isoDate,
});

export const EmergencyAccessBody = z.strictObject({
  dossierNumber,
  reason: accessReason,
  hours: z.number().int().min(1).max(EMERGENCY_ACCESS_MAX_HOURS).default(EMERGENCY_ACCESS_MAX_HOURS),
});

export const EditBody = z.strictObject({
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

export const DuplicatesQuery = z.strictObject({
  dossierNumber: optional(dossierNumber),
  firstName: optional(z.string().max(100)),
  lastName: optional(z.string().max(100)),
  birthDate: optional(isoDate),
  identityNumber: optional(z.string().max(13)),
  excludeId: optional(z.uuid()),
});

export const IdentifierBody = z.strictObject({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string().trim().min(1).max(20),
});

const machineNames = MACHINES.map((m) => m.name) as [string, ...string[]];

export const MergeBody = z.strictObject({
  mergedId: z.uuid(),
  reason: accessReason,
  /** For each sub-process both records moved on in: whose state to keep. */
  keep: z.partialRecord(z.enum(machineNames), z.enum(['surviving', 'merged'])).optional(),
});

export const UnmergeBody = z.strictObject({ mergeId: z.uuid() });

// ── answers ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const ChildListResponse = z.object({
  total: z.number().int(),
  /** A search over every child counted only up to `total`: there are more (narrow the search). */
  capped: z.boolean(),
  items: z.array(ChildSummarySchema),
});

export const RegisteredResponse = z.object({ id: z.uuid() });

export const EmergencyAccessResponse = z.object({ childId: z.uuid(), expiresAt: z.string() });

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

export const DuplicatesResponse = z.array(
  z.object({ child: ChildSummarySchema, reasons: z.array(z.enum(DUPLICATE_REASONS)) }),
);

export const IdentifierResponse = z.object({
  id: z.uuid(),
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string(),
});

export const HistoryResponse = z.array(
  z.object({
    id: z.uuid(),
    entity: z.string(),
    field: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    changedBy: z.string(),
    changedAt: z.string(),
  }),
);

export const MergeResponse = z.object({ mergeId: z.uuid(), moved: z.record(z.string(), z.number().int()) });

export const UnmergeResponse = z.object({ mergedId: z.uuid() });
