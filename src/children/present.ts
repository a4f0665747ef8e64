/**
 * What a child looks like to one actor: an explicit whitelist per view level, with the identity masked when the
 * scope rule says so. Every route that shows a child goes through here.
 */
import { z } from 'zod';
import {
  CHILD_VIEW_RANK,
  currentResponsibleMunicipality,
  RESPONSIBILITY_KINDS,
  type ChildAccess,
  type ChildFacts,
} from '../domain/access/child-scope.ts';
import { CASE_SECTIONS, type CaseSection, type SectionAccess } from '../domain/access/case-sections.ts';
import type { ChildRow } from './repository.ts';

export const GENDERS = ['female', 'male', 'other'] as const;

const MunicipalityRef = z.object({ code: z.string(), name: z.string() });

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

export interface Lookup {
  municipalityName(code: string): string;
  userName(id: string): string;
}

function asGender(value: string): ChildSummary['gender'] {
  return (GENDERS as readonly string[]).includes(value) ? (value as ChildSummary['gender']) : 'other';
}

export function presentSummary(
  child: ChildRow,
  facts: ChildFacts,
  access: ChildAccess,
  today: string,
  lookup: Lookup,
): ChildSummary {
  if (access.view === 'none') throw new Error('presentSummary called for a child outside the scope');
  const visible = access.identity === 'visible';
  const responsible = access.whereabouts === 'visible' ? currentResponsibleMunicipality(facts, today) : null;
  return {
    id: child.id,
    dossierNumber: child.dossierNumber,
    identityMasked: !visible,
    firstName: visible ? child.firstName : null,
    lastName: visible ? child.lastName : null,
    birthDate: child.birthDate,
    gender: asGender(child.gender),
    responsibleMunicipality:
      responsible === null ? null : { code: responsible, name: lookup.municipalityName(responsible) },
    view: access.view,
    basis: access.basis,
  };
}

export function presentDetail(
  child: ChildRow,
  facts: ChildFacts,
  access: ChildAccess,
  today: string,
  lookup: Lookup,
  sections: Record<CaseSection, SectionAccess>,
  accessLog: boolean,
): ChildDetail {
  const summary = presentSummary(child, facts, access, today, lookup);
  const basic = CHILD_VIEW_RANK[access.view] >= CHILD_VIEW_RANK.basic && access.whereabouts === 'visible';
  const visible = access.identity === 'visible';
  return {
    ...summary,
    whereabouts: basic && visible ? child.whereabouts : null,
    responsibility: basic
      ? facts.responsibility.map((p) => ({
          municipality: { code: p.municipalityCode, name: lookup.municipalityName(p.municipalityCode) },
          kind: p.kind,
          from: p.from,
          to: p.to,
        }))
      : null,
    guardians: basic
      ? facts.guardians.map((g) => ({
          name: lookup.userName(g.userId),
          kind: g.kind,
          from: g.from,
          to: g.to,
        }))
      : null,
    journalAccess: access.journal,
    mayWrite: access.mayWrite,
    emergencyAccess: access.basis === 'emergency',
    sections,
    accessLog,
    version: child.version,
  };
}

const CSV_COLUMNS = [
  'dossiernummer',
  'fornamn',
  'efternamn',
  'fodelsedatum',
  'kon',
  'ansvarig_kommun',
] as const;

function csvCell(value: string): string {
  // Guard against formula injection in spreadsheet programs, then quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly ChildSummary[]): string {
  const lines = rows.map((r) =>
    [
      r.dossierNumber,
      r.identityMasked ? 'Skyddad identitet' : (r.firstName ?? ''),
      r.identityMasked ? '' : (r.lastName ?? ''),
      r.birthDate,
      r.gender,
      r.responsibleMunicipality?.code ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
}
