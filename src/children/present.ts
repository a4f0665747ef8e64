/**
 * What a child looks like to one actor: an explicit whitelist per view level, with the identity masked when the
 * scope rule says so. Every route that shows a child goes through here.
 */
import {
  CHILD_VIEW_RANK,
  currentResponsibleMunicipality,
  type ChildAccess,
  type ChildFacts,
} from '../domain/access/child-scope.ts';
import { type CaseSection, type SectionAccess } from '../domain/access/case-sections.ts';
import type { ChildRow } from './repository.ts';

import { GENDERS, type ChildDetail, type ChildSummary } from './contract.ts';

/** For the importers in src/responsibility and src/guardianship, until they import the contract (ADR 0019). */
export type { ChildSummary } from './contract.ts';

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
  placedWithProvider: ChildDetail['placedWithProvider'] = null,
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
    placedWithProvider: access.basis === 'placement_provider' ? placedWithProvider : null,
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
