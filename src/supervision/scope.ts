/**
 * Who reaches which inspection (ADR 0027). An inspector reaches the guardianship authorities that serve a municipality
 * in a county their county board supervises (reference-data/supervision_county_boards.csv), and those authorities'
 * inspections; a guardianship officer reaches the inspections of their own authority. Everything else is 404.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { countiesSupervisedBy } from '../domain/supervision/supervisors.ts';
import type { Caller } from '../case/caller.ts';
import {
  guardianshipAuthorityMunicipalities,
  municipalities,
  organisations,
  supervisionInspections,
} from '../platform/db/schema.ts';
import { forbidden, notFound } from '../platform/http/errors.ts';
import { supervisionTable } from '../reference/load.ts';

export interface Authority {
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly { readonly code: string; readonly name: string }[];
}

export type InspectionRow = typeof supervisionInspections.$inferSelect;

/** The counties the inspector's county board supervises (none for a board without the task). */
export function supervisedCounties(caller: Caller): string[] {
  if (caller.actor.organisationType !== 'county_board' || caller.actor.role !== 'supervision_inspector')
    throw forbidden();
  return countiesSupervisedBy(supervisionTable(), caller.actor.countyCode);
}

/** Authorities with the municipalities they serve, by name; only those given, or those serving in `counties`. */
export async function authorities(
  caller: Caller,
  filter: { readonly counties?: readonly string[]; readonly ids?: readonly string[] },
): Promise<Authority[]> {
  if (filter.counties?.length === 0 || filter.ids?.length === 0) return [];
  const rows = await caller.db
    .select({
      id: organisations.id,
      name: organisations.name,
      code: municipalities.code,
      municipality: municipalities.name,
      county: municipalities.countyCode,
    })
    .from(organisations)
    .innerJoin(
      guardianshipAuthorityMunicipalities,
      eq(guardianshipAuthorityMunicipalities.organisationId, organisations.id),
    )
    .innerJoin(municipalities, eq(municipalities.code, guardianshipAuthorityMunicipalities.municipalityCode))
    .where(
      and(
        eq(organisations.type, 'guardianship_authority'),
        filter.ids === undefined ? undefined : inArray(organisations.id, [...filter.ids]),
      ),
    )
    .orderBy(asc(organisations.name), asc(municipalities.code));
  const byId = new Map<
    string,
    { name: string; municipalities: { code: string; name: string }[]; counties: Set<string> }
  >();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { name: r.name, municipalities: [], counties: new Set<string>() };
    entry.municipalities.push({ code: r.code, name: r.municipality });
    entry.counties.add(r.county);
    byId.set(r.id, entry);
  }
  const counties = filter.counties === undefined ? null : new Set(filter.counties);
  return [...byId]
    .filter(([, a]) => counties === null || [...a.counties].some((c) => counties.has(c)))
    .map(([id, a]) => ({ id, name: a.name, municipalities: a.municipalities }));
}

/** The authority if it is in the inspector's area, else 404. */
export async function authorityInArea(caller: Caller, authorityId: string): Promise<Authority> {
  const [found] = await authorities(caller, { counties: supervisedCounties(caller), ids: [authorityId] });
  if (found === undefined) throw notFound();
  return found;
}

/** An inspection of an authority in the inspector's area, with its authority, else 404. */
export async function inspectionForInspector(
  caller: Caller,
  inspectionId: string,
): Promise<{ row: InspectionRow; authority: Authority }> {
  const counties = supervisedCounties(caller);
  const [row] = await caller.db
    .select()
    .from(supervisionInspections)
    .where(eq(supervisionInspections.id, inspectionId));
  if (row === undefined) throw notFound();
  const [authority] = await authorities(caller, { counties, ids: [row.authorityId] });
  if (authority === undefined) throw notFound();
  return { row, authority };
}

/** The officer's own authority (a guardianship officer of a guardianship authority only). */
export function ownAuthorityId(caller: Caller): string {
  if (
    caller.actor.organisationType !== 'guardianship_authority' ||
    caller.actor.role !== 'guardianship_officer'
  )
    throw forbidden();
  return caller.actor.organisationId;
}

/** An inspection of the officer's own authority whose report has been sent, else 404. */
export async function inspectionForAuthority(
  caller: Caller,
  inspectionId: string,
): Promise<{ row: InspectionRow; authority: Authority }> {
  const authorityId = ownAuthorityId(caller);
  const [row] = await caller.db
    .select()
    .from(supervisionInspections)
    .where(
      and(eq(supervisionInspections.id, inspectionId), eq(supervisionInspections.authorityId, authorityId)),
    );
  if (row === undefined || !reportVisible(row.state)) throw notFound();
  const [authority] = await authorities(caller, { ids: [authorityId] });
  if (authority === undefined) throw notFound();
  return { row, authority };
}

/** The authority sees an inspection from its report on (planned and sampled ones are the county board's work). */
export function reportVisible(state: string): boolean {
  return state === 'report_sent' || state === 'response_received' || state === 'closed';
}
