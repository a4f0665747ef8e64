/** Use cases on the minimal child record: list, read, register, emergency access. */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import {
  childAccess,
  currentResponsibleMunicipality,
  mayReadAccessLog,
} from '../domain/access/child-scope.ts';
import { emergencyHoursProblem, mayRequestEmergencyAccess } from '../domain/access/roles.ts';
import { addHours } from '../domain/time.ts';
import { arrivalDateProblems, type ArrivalDateProblemCode } from '../domain/asylum/minor.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  caseWorkers,
  children,
  emergencyAccessGrants,
  municipalities,
  placementProviders,
  placements,
  socialCases,
  users,
} from '../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../platform/http/errors.ts';
import { childInScope, type Caller, type MergedPointer } from '../case/caller.ts';
import { runConsequences } from '../case/consequences.ts';
import { sectionsFor } from '../case/relation.ts';
import { isEmptySearch, type ChildSearch } from '../domain/search/child-search.ts';
import { parseIdentityNumber } from '../domain/search/identity-number.ts';
import { searchTermProblem } from '../domain/search/search-term.ts';
import { presentDetail, presentSummary, type Lookup } from './present.ts';
import type { z } from 'zod';
import type { ChildDetail, ChildSummary, RegisterBody } from './contract.ts';
import { emergencyGrantsFor, loadChildrenWithFacts } from './repository.ts';
import { admitted, scopeInput, searchableChildren, searchChildIds, type ScopeInput } from './search.ts';

/**
 * The municipalities' names, read once per process: reference data, inserted into an empty table only
 * (src/reference/load.ts) and never changed while Anvisa runs. An empty table is not remembered.
 */
let municipalityNames: ReadonlyMap<string, string> | null = null;
async function municipalityNameMap(db: DbOrTx): Promise<ReadonlyMap<string, string>> {
  if (municipalityNames !== null) return municipalityNames;
  const rows = await db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
  const names = new Map(rows.map((m) => [m.code, m.name]));
  if (names.size > 0) municipalityNames = names;
  return names;
}

export async function lookupFor(db: DbOrTx, userIds: readonly string[]): Promise<Lookup> {
  const [muniNames, people] = await Promise.all([
    municipalityNameMap(db),
    userIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, [...userIds])),
  ]);
  const userNames = new Map(people.map((p) => [p.id, p.name]));
  return {
    municipalityName: (code) => muniNames.get(code) ?? code,
    userName: (id) => userNames.get(id) ?? 'Okänd',
  };
}

export interface ListOptions {
  readonly search: ChildSearch;
  readonly page: number;
  readonly pageSize: number;
}

/** The search's structured identity number, validated (400 with a Swedish field error when it is not valid). */
export function identityNumberField(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = parseIdentityNumber(value);
  if (parsed === null) {
    throw badRequest('validation', 'Not a valid personnummer or samordningsnummer', [
      {
        field,
        code: 'personnummer_invalid',
        message: 'Ogiltigt person- eller samordningsnummer: kontrollera datum och kontrollsiffra',
      },
    ]);
  }
  return parsed.value;
}

const SEARCH_TERM_MESSAGES = {
  search_without_letters: 'Sök med minst en bokstav eller siffra',
  search_control_characters: 'Sökningen innehåller ett styrtecken, som inget namn eller nummer har',
} as const;

/** A search text (free text or name) that can be searched for; 400 with a Swedish field error when it cannot. */
export function searchTextField<T extends string | undefined>(value: T, field: string): T {
  const problem = value === undefined ? null : searchTermProblem(value);
  if (problem !== null)
    throw badRequest(problem, 'The search cannot be searched for', [
      { field, code: problem, message: SEARCH_TERM_MESSAGES[problem] },
    ]);
  return value;
}

/**
 * The children in the caller's scope that match, a page at a time: scope, search and paging in SQL, then the pure
 * scope and search rules decide for every returned child. The audit lists every child shown.
 */
export async function listChildren(
  caller: Caller,
  options: ListOptions,
): Promise<{ total: number; capped: boolean; items: ChildSummary[] }> {
  const scope = await scopeInput(caller.db, caller.actor, caller.today, caller.now);
  const { total, ids, capped } = await searchChildIds(caller.db, scope, options.search, {
    offset: (options.page - 1) * options.pageSize,
    limit: options.pageSize,
  });
  const items = await presentAdmitted(caller, scope, ids, options.search);
  caller.audit.children(items.map((i) => i.id));
  caller.audit.detail('shown', items.length);
  // A search is its own kind for log review; the search text itself is never stored (it may be a name).
  if (!isEmptySearch(options.search)) caller.audit.kind('child.search');
  // A row the pure rules refused (never expected: the property test keeps SQL and rules together) is not counted.
  return { total: total - (ids.length - items.length), capped, items };
}

async function presentAdmitted(
  caller: Caller,
  scope: ScopeInput,
  ids: readonly string[],
  search: ChildSearch,
): Promise<ChildSummary[]> {
  const loaded = await loadChildrenWithFacts(caller.db, ids);
  const [searchable, lookup] = await Promise.all([
    searchableChildren(caller.db, loaded),
    lookupFor(caller.db, []),
  ]);
  const items: ChildSummary[] = [];
  for (const one of loaded) {
    const access = admitted(scope, one, searchable.get(one.child.id), search);
    if (access === null) continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    items.push(presentSummary(one.child, one.facts, access, caller.today, lookup));
  }
  return items;
}

/** Every child in the caller's scope (the export), ordered by dossier number. */
export async function visibleSummaries(caller: Caller): Promise<ChildSummary[]> {
  const scope = await scopeInput(caller.db, caller.actor, caller.today, caller.now);
  const everything = { text: '' };
  const { ids } = await searchChildIds(caller.db, scope, everything, { offset: 0, limit: 1_000_000 });
  return presentAdmitted(caller, scope, ids, everything);
}

/** Summaries of the given children that the caller may see, in the given order; the audit lists them. */
export async function presentChildren(caller: Caller, ids: readonly string[]): Promise<ChildSummary[]> {
  const [loaded, grants] = await Promise.all([
    loadChildrenWithFacts(caller.db, ids),
    emergencyGrantsFor(caller.db, caller.actor, caller.now),
  ]);
  const lookup = await lookupFor(caller.db, []);
  const out: ChildSummary[] = [];
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: grants,
    });
    if (access.view === 'none') continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    out.push(presentSummary(child, facts, access, caller.today, lookup));
  }
  // The database returns them in any order; lists sorted by the caller (by date) keep their order.
  const position = new Map(ids.map((id, i) => [id, i]));
  out.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  caller.audit.children(out.map((c) => c.id));
  return out;
}

export type ReadChildResult =
  { readonly kind: 'child'; readonly child: ChildDetail } | ({ readonly kind: 'merged' } & MergedPointer);

export async function readChild(caller: Caller, childId: string): Promise<ReadChildResult> {
  return readChildIn(caller, await childInScope(caller, childId, { allowMerged: true }));
}

/** The child is in scope: what a child's readable sections are, known once for a page's first view. */
export type ChildInScope = Awaited<ReturnType<typeof childInScope>>;

/**
 * `readChild` for a child already found in scope (`childInScope` with `allowMerged`), with its sections when the
 * caller has them (a page's first view reads them once for all its parts).
 */
export async function readChildIn(
  caller: Caller,
  scoped: ChildInScope,
  knownSections?: Awaited<ReturnType<typeof sectionsFor>>,
): Promise<ReadChildResult> {
  const { child, facts, access } = scoped;
  const childId = child.id;
  caller.audit.children([childId]);
  caller.audit.detail('view', access.view);
  if (child.mergedIntoId !== null) {
    const [survivor] = await caller.db
      .select({ id: children.id, dossierNumber: children.dossierNumber })
      .from(children)
      .where(eq(children.id, child.mergedIntoId));
    if (survivor === undefined) throw notFound([childId]);
    caller.audit.detail('mergedInto', survivor.id);
    return { kind: 'merged', mergedInto: survivor };
  }
  const [lookup, sections, stay] = await Promise.all([
    lookupFor(
      caller.db,
      facts.guardians.map((g) => g.userId),
    ),
    knownSections ?? sectionsFor(caller.db, caller.actor, access, childId, caller.today),
    access.basis === 'placement_provider' &&
    access.whereabouts === 'visible' &&
    caller.actor.providerId !== null
      ? placedWithProvider(
          caller,
          childId,
          caller.actor.providerId,
          currentResponsibleMunicipality(facts, caller.today),
        )
      : null,
  ]);
  return {
    kind: 'child',
    child: presentDetail(
      child,
      facts,
      access,
      caller.today,
      lookup,
      sections,
      mayReadAccessLog(caller.actor, facts, caller.today),
      stay,
    ),
  };
}

/**
 * What the staff of the provider a child is placed with see of the placement: their provider, since when, and whom to
 * call — the social workers of the responsible municipality assigned to the child's open case today (ADR 0025).
 */
async function placedWithProvider(
  caller: Caller,
  childId: string,
  providerId: string,
  responsible: string | null,
): Promise<ChildDetail['placedWithProvider']> {
  const { today } = caller;
  const [[placement], workers] = await Promise.all([
    caller.db
      .select({ provider: placementProviders.name, since: placements.fromDate })
      .from(placements)
      .innerJoin(placementProviders, eq(placementProviders.id, placements.providerId))
      .where(
        and(
          eq(placements.childId, childId),
          eq(placements.providerId, providerId),
          lte(placements.fromDate, today),
          or(isNull(placements.toDate), gt(placements.toDate, today)),
        ),
      )
      .orderBy(desc(placements.fromDate))
      .limit(1),
    responsible === null
      ? []
      : caller.db
          .selectDistinct({ name: users.displayName })
          .from(caseWorkers)
          .innerJoin(socialCases, eq(socialCases.id, caseWorkers.socialCaseId))
          .innerJoin(users, eq(users.id, caseWorkers.userId))
          .where(
            and(
              eq(socialCases.childId, childId),
              eq(socialCases.municipalityCode, responsible),
              isNull(socialCases.closedOn),
              lte(caseWorkers.fromDate, today),
              or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, today)),
            ),
          )
          .orderBy(asc(users.displayName)),
  ]);
  if (placement === undefined) return null;
  return { provider: placement.provider, since: placement.since, socialWorkers: workers.map((w) => w.name) };
}

export type RegisterChildInput = Readonly<z.output<typeof RegisterBody>>;

const DATE_PROBLEM_MESSAGES: Readonly<Record<ArrivalDateProblemCode, string>> = {
  future: 'in the future',
  arrival_before_birth: 'before the birth date',
  adult_on_arrival: '18 or older on the arrival date',
};

export async function registerChild(caller: Caller, input: RegisterChildInput): Promise<{ id: string }> {
  const [existing] = await caller.db
    .select({ id: children.id })
    .from(children)
    .where(eq(children.dossierNumber, input.dossierNumber));
  if (existing !== undefined) {
    throw conflict(
      'duplicate_dossier_number',
      `Dossier number ${input.dossierNumber} is already registered`,
      [
        {
          field: 'body.dossierNumber',
          code: 'duplicate',
          message: `already registered as child ${existing.id}`,
        },
      ],
    );
  }
  const [municipality] = await caller.db
    .select()
    .from(municipalities)
    .where(eq(municipalities.code, input.arrivalMunicipalityCode));
  if (municipality === undefined) {
    throw unprocessable('unknown_municipality', 'Unknown municipality code', [
      { field: 'body.arrivalMunicipalityCode', code: 'unknown', message: 'no municipality has this code' },
    ]);
  }
  // Every registration path comes here: an unaccompanied child is under 18 on the arrival date (a doubtful age is
  // registered as stated and goes the age-assessment way).
  const dateProblems = arrivalDateProblems(input.birthDate, input.arrivalDate, caller.today);
  if (dateProblems.length > 0) {
    const adult = dateProblems.some((p) => p.code === 'adult_on_arrival');
    throw unprocessable(
      adult ? 'adult_on_arrival' : 'invalid_dates',
      adult
        ? 'The person is 18 or older on the arrival date and cannot be registered as an unaccompanied child'
        : 'The dates cannot be right',
      dateProblems.map((p) => ({
        field: `body.${p.field}`,
        code: p.code,
        message: DATE_PROBLEM_MESSAGES[p.code],
      })),
    );
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
  await runConsequences(caller, 'child.registered', {
    childId: row.id,
    municipalityCode: input.arrivalMunicipalityCode,
    arrivalDate: input.arrivalDate,
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
  // The cap is the rule's, not only the HTTP schema's: every caller of the use case meets it.
  const hoursProblem = emergencyHoursProblem(input.hours);
  if (hoursProblem !== null) {
    throw unprocessable('validation', 'Emergency access lasts 1 to 24 whole hours', [
      { field: 'body.hours', code: hoursProblem, message: 'Nödåtkomst gäller 1–24 hela timmar' },
    ]);
  }
  const [child] = await caller.db
    .select({ id: children.id })
    .from(children)
    .where(eq(children.dossierNumber, input.dossierNumber));
  if (child === undefined) throw notFound();
  const [loaded] = await loadChildrenWithFacts(caller.db, [child.id]);
  if (loaded === undefined) throw notFound();
  const normal = childAccess(caller.actor, loaded.facts, {
    today: caller.today,
    now: caller.now,
    emergencyGrants: [],
  });
  if (normal.view !== 'none') {
    throw conflict(
      'already_in_scope',
      'You already have access to this child; emergency access is not needed',
    );
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
