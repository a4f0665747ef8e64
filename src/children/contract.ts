/**
 * The children capability's contract: what its routes accept and answer. Imports only zod and src/domain, so that the
 * web takes its types and form schemas from here (ADR 0019).
 */
import { z } from 'zod';
import { RESPONSIBILITY_KINDS } from '../domain/access/child-scope.ts';
import { CASE_SECTIONS } from '../domain/access/case-sections.ts';

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
