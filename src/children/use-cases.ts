/** Use cases on the minimal child record: list, read, register, emergency access. */
import { eq, inArray } from 'drizzle-orm';
import { childAccess, type Actor, type ChildAccess } from '../domain/access/child-scope.ts';
import { mayRequestEmergencyAccess } from '../domain/access/roles.ts';
import { addHours } from '../domain/time.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  children,
  emergencyAccessGrants,
  municipalities,
  responsibilityPeriods,
  users,
} from '../platform/db/schema.ts';
import { conflict, forbidden, notFound, unprocessable } from '../platform/http/errors.ts';
import type { AuditScope } from '../platform/http/route.ts';
import { sectionsFor } from '../casework/relation.ts';
import { matchesQuery, presentDetail, presentSummary, type ChildDetail, type ChildSummary, type Lookup } from './present.ts';
import { candidateChildIds, emergencyGrantsFor, loadChildrenWithFacts, type ChildWithFacts } from './repository.ts';

export interface Caller {
  readonly db: DbOrTx;
  readonly actor: Actor;
  readonly now: Date;
  readonly today: string;
  readonly audit: AuditScope;
}

export async function lookupFor(db: DbOrTx, userIds: readonly string[]): Promise<Lookup> {
  const [munis, people] = await Promise.all([
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities),
    userIds.length === 0 ? [] : db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...userIds])),
  ]);
  const muniNames = new Map(munis.map((m) => [m.code, m.name]));
  const userNames = new Map(people.map((p) => [p.id, p.name]));
  return {
    municipalityName: (code) => muniNames.get(code) ?? code,
    userName: (id) => userNames.get(id) ?? 'Okänd',
  };
}

/** The child with the caller's access to it, or 404 (audited as a refused attempt) when outside the scope. */
export async function childInScope(caller: Caller, childId: string): Promise<ChildWithFacts & { access: ChildAccess }> {
  const [found] = await loadChildrenWithFacts(caller.db, [childId]);
  if (found === undefined) throw notFound([childId]);
  const grants = await emergencyGrantsFor(caller.db, caller.actor, caller.now, [childId]);
  const access = childAccess(caller.actor, found.facts, { today: caller.today, now: caller.now, emergencyGrants: grants });
  if (access.view === 'none') throw notFound([childId]);
  if (access.basis === 'emergency') caller.audit.emergency();
  return { ...found, access };
}

export interface ListOptions {
  readonly query: string;
  readonly page: number;
  readonly pageSize: number;
}

/** Every child in the caller's scope that matches, presented for the caller; the audit lists every child shown. */
export async function listChildren(caller: Caller, options: ListOptions): Promise<{ total: number; items: ChildSummary[] }> {
  const all = await visibleSummaries(caller);
  const matching = all.filter((s) => matchesQuery(s, options.query));
  const start = (options.page - 1) * options.pageSize;
  const items = matching.slice(start, start + options.pageSize);
  caller.audit.children(items.map((i) => i.id));
  caller.audit.detail('shown', items.length);
  // A search is its own kind for log review; the search text itself is never stored (it may be a name).
  if (options.query.trim() !== '') caller.audit.kind('child.search');
  return { total: matching.length, items };
}

export async function visibleSummaries(caller: Caller): Promise<ChildSummary[]> {
  const ids = await candidateChildIds(caller.db, caller.actor, caller.today, caller.now);
  const [loaded, grants] = await Promise.all([
    loadChildrenWithFacts(caller.db, ids),
    emergencyGrantsFor(caller.db, caller.actor, caller.now),
  ]);
  const lookup = await lookupFor(caller.db, []);
  const summaries: ChildSummary[] = [];
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, { today: caller.today, now: caller.now, emergencyGrants: grants });
    if (access.view === 'none') continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    summaries.push(presentSummary(child, facts, access, caller.today, lookup));
  }
  return summaries.sort((a, b) => a.dossierNumber.localeCompare(b.dossierNumber));
}

/** Summaries of the given children that the caller may see, in the given order; the audit lists them. */
export async function presentChildren(caller: Caller, ids: readonly string[]): Promise<ChildSummary[]> {
  const [loaded, grants] = await Promise.all([loadChildrenWithFacts(caller.db, ids), emergencyGrantsFor(caller.db, caller.actor, caller.now)]);
  const lookup = await lookupFor(caller.db, []);
  const out: ChildSummary[] = [];
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, { today: caller.today, now: caller.now, emergencyGrants: grants });
    if (access.view === 'none') continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    out.push(presentSummary(child, facts, access, caller.today, lookup));
  }
  caller.audit.children(out.map((c) => c.id));
  return out;
}

export async function readChild(caller: Caller, childId: string): Promise<ChildDetail> {
  const { child, facts, access } = await childInScope(caller, childId);
  caller.audit.children([childId]);
  caller.audit.detail('view', access.view);
  const lookup = await lookupFor(caller.db, facts.guardians.map((g) => g.userId));
  const sections = await sectionsFor(caller.db, caller.actor, access, childId, caller.today);
  return presentDetail(child, facts, access, caller.today, lookup, sections);
}

export interface RegisterChildInput {
  readonly dossierNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly gender: 'female' | 'male' | 'other';
  readonly protectedIdentity: boolean;
  readonly whereabouts: string | null;
  readonly arrivalMunicipalityCode: string;
  readonly arrivalDate: string;
}

export async function registerChild(caller: Caller, input: RegisterChildInput): Promise<{ id: string }> {
  const [existing] = await caller.db.select({ id: children.id }).from(children).where(eq(children.dossierNumber, input.dossierNumber));
  if (existing !== undefined) {
    throw conflict('duplicate_dossier_number', `Dossier number ${input.dossierNumber} is already registered`, [
      { field: 'body.dossierNumber', code: 'duplicate', message: `already registered as child ${existing.id}` },
    ]);
  }
  const [municipality] = await caller.db.select().from(municipalities).where(eq(municipalities.code, input.arrivalMunicipalityCode));
  if (municipality === undefined) {
    throw unprocessable('unknown_municipality', 'Unknown municipality code', [
      { field: 'body.arrivalMunicipalityCode', code: 'unknown', message: 'no municipality has this code' },
    ]);
  }
  if (input.birthDate > caller.today || input.arrivalDate > caller.today) {
    throw unprocessable('date_in_future', 'Dates may not lie in the future', [
      ...(input.birthDate > caller.today ? [{ field: 'body.birthDate', code: 'future', message: 'in the future' }] : []),
      ...(input.arrivalDate > caller.today ? [{ field: 'body.arrivalDate', code: 'future', message: 'in the future' }] : []),
    ]);
  }
  const [row] = await caller.db
    .insert(children)
    .values({
      dossierNumber: input.dossierNumber,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      gender: input.gender,
      protectedIdentity: input.protectedIdentity,
      whereabouts: input.whereabouts,
      ownerOrganisationId: caller.actor.organisationId,
    })
    .returning({ id: children.id });
  if (row === undefined) throw new Error('insert returned nothing');
  await caller.db.insert(responsibilityPeriods).values({
    childId: row.id,
    municipalityCode: input.arrivalMunicipalityCode,
    kind: 'arrival',
    fromDate: input.arrivalDate,
    ownerOrganisationId: caller.actor.organisationId,
  });
  caller.audit.children([row.id]);
  return row;
}

/** Break-the-glass: a stated reason, a time limit, an emergency mark in the audit log. */
export async function openEmergencyAccess(
  caller: Caller,
  input: { dossierNumber: string; reason: string; hours: number },
): Promise<{ childId: string; expiresAt: string }> {
  if (!mayRequestEmergencyAccess(caller.actor.role)) throw forbidden();
  const [child] = await caller.db.select({ id: children.id }).from(children).where(eq(children.dossierNumber, input.dossierNumber));
  if (child === undefined) throw notFound();
  const [loaded] = await loadChildrenWithFacts(caller.db, [child.id]);
  if (loaded === undefined) throw notFound();
  const normal = childAccess(caller.actor, loaded.facts, { today: caller.today, now: caller.now, emergencyGrants: [] });
  if (normal.view !== 'none') {
    throw conflict('already_in_scope', 'You already have access to this child; emergency access is not needed');
  }
  const expiresAt = addHours(caller.now, input.hours);
  await caller.db.insert(emergencyAccessGrants).values({
    childId: child.id,
    userId: caller.actor.userId,
    organisationId: caller.actor.organisationId,
    role: caller.actor.role,
    reason: input.reason,
    grantedAt: caller.now,
    expiresAt,
  });
  caller.audit.children([child.id]);
  caller.audit.emergency();
  // The reason is free text (it could name someone): it stays with the grant, which the DPO reviews, not in the log.
  caller.audit.purpose('emergency-access');
  caller.audit.detail('hours', input.hours);
  return { childId: child.id, expiresAt: expiresAt.toISOString() };
}
