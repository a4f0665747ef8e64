/**
 * The children list and search in SQL, so that they stay fast with 100,000 children: the scope rule of
 * src/domain/access/child-scope.ts written as a WHERE clause (mirrored exactly; test/children/search.int.test.ts checks
 * the two agree on a random population), the search as SQL over the same rules as src/domain/search, paged in SQL.
 * The pure rules still decide for every returned child: a row they refuse is never shown.
 */
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  childAccess,
  type Actor,
  type ChildAccess,
  type EmergencyGrant,
} from '../domain/access/child-scope.ts';
import { MIGRATION_AGENCY_CASE_ROLES, MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import {
  childMatchesSearch,
  isEmptySearch,
  mayBeInDossierNumber,
  normalisedText,
  SEARCH_COUNT_LIMIT,
  type ChildSearch,
  type SearchableChild,
} from '../domain/search/child-search.ts';
import { parseIdentityNumber } from '../domain/search/identity-number.ts';
import { nameSearchConditions, sanitiseSearch, type NameCondition } from '../domain/search/name-pattern.ts';
import { hasAnyLetter } from '../domain/search/search-term.ts';
import { isIsoDate } from '../domain/time.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { childIdentifiers, children, municipalities } from '../platform/db/schema.ts';
import { emergencyGrantsFor, type ChildWithFacts } from './repository.ts';

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const inList = (column: SQL, values: readonly string[]): SQL =>
  values.length === 0 ? sql`false` : sql`${column} in (${list(values)})`;

/** The municipality responsible on `today` for the child `childId` names, as currentResponsibleMunicipality decides. */
export function currentResponsibleSql(today: string, childId: SQL = sql`${children.id}`): SQL {
  return sql`(select p.municipality_code from responsibility_periods p
    where p.child_id = ${childId} and p.from_date <= ${today} and (p.to_date is null or p.to_date > ${today})
    order by (p.kind <> 'arrival') desc, case when p.kind <> 'arrival' then p.from_date end desc, p.from_date asc
    limit 1)`;
}

/** The codes of a county's municipalities (the region sees the children of its county). */
async function countyMunicipalities(db: DbOrTx, countyCode: string | null): Promise<string[]> {
  if (countyCode === null) return [];
  const rows = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.countyCode, countyCode));
  return rows.map((r) => r.code);
}

export interface ScopeInput {
  readonly actor: Actor;
  readonly today: string;
  readonly now: Date;
  /** The actor's emergency grants (any child); only those that open a view for the active role count. */
  readonly grants: readonly EmergencyGrant[];
  /** The municipalities of the actor's county (region staff; empty for every other role). */
  readonly countyCodes: readonly string[];
}

export async function scopeInput(db: DbOrTx, actor: Actor, today: string, now: Date): Promise<ScopeInput> {
  const [grants, countyCodes] = await Promise.all([
    emergencyGrantsFor(db, actor, now),
    actor.role === 'health_staff' ? countyMunicipalities(db, actor.countyCode) : [],
  ]);
  return { actor, today, now, grants, countyCodes };
}

/** A placement `x` with the provider on `today` (isPlacedWith): it ends the day it ends. */
function placedWith(providerId: string, today: string): SQL {
  return sql`x.provider_id = ${providerId} and x.from_date <= ${today} and (x.to_date is null or x.to_date > ${today})`;
}

/**
 * One way to the child: `set` lists the children it holds (for scanning the children table), `row` asks about one
 * child by index lookups (for lists driven by another table, e.g. the deadlines of a worklist).
 */
type Form = 'set' | 'row';

function relatedBy(form: Form, childId: SQL, table: SQL, condition: SQL): SQL {
  return form === 'set'
    ? sql`${childId} in (select x.child_id from ${table} x where ${condition})`
    : sql`exists (select 1 from ${table} x where x.child_id = ${childId} and ${condition})`;
}

/**
 * The children `childAccess` lets the actor see (view ≠ none), as a condition on the child id `childId` (default:
 * `children.id`).
 */
export function scopeSql(
  { actor, today, now, grants, countyCodes }: ScopeInput,
  childId: SQL = sql`${children.id}`,
  form: Form = 'set',
): SQL {
  const codes = actor.municipalityCodes;
  const periods = sql`responsibility_periods`;
  const active = (inCodes: readonly string[]) =>
    sql`${inList(sql`x.municipality_code`, inCodes)} and x.from_date <= ${today} and (x.to_date is null or x.to_date > ${today})`;
  const via = (table: SQL, condition: SQL) => relatedBy(form, childId, table, condition);
  let relation: SQL;
  switch (actor.role) {
    case 'social_worker':
    case 'unit_manager':
      relation =
        codes.length === 0
          ? sql`false`
          : sql`(${sql.join(
              [
                // Responsible now or before (a same-day period never counted).
                via(
                  periods,
                  sql`${inList(sql`x.municipality_code`, codes)} and x.from_date <= ${today} and (x.to_date is null or x.to_date <> x.from_date)`,
                ),
                // The child is still with the municipality while the hand-over to the responsible one is open.
                via(
                  sql`handovers`,
                  sql`x.moved_on is null and ${inList(sql`x.from_code`, codes)} and x.to_code = ${currentResponsibleSql(today, sql`x.child_id`)}`,
                ),
                via(
                  sql`relative_assessments`,
                  sql`x.outcome is null and ${inList(sql`x.municipality_code`, codes)}`,
                ),
                via(
                  sql`responsibility_transfers`,
                  sql`x.status = 'requested' and x.requested_side = 'from' and ${inList(sql`x.to_code`, codes)}`,
                ),
              ],
              sql` or `,
            )})`;
      break;
    case 'guardianship_officer':
      relation =
        codes.length === 0
          ? sql`false`
          : sql`(${via(periods, active(codes))} and ${inList(currentResponsibleSql(today, childId), codes)})`;
      break;
    case 'health_staff':
      relation =
        countyCodes.length === 0
          ? sql`false`
          : sql`(${via(periods, active(countyCodes))} and ${inList(currentResponsibleSql(today, childId), countyCodes)})`;
      break;
    case 'god_man':
      relation = via(
        sql`guardianships`,
        sql`x.guardian_user_id = ${actor.userId} and x.from_date <= ${today} and (x.to_date is null or x.to_date > ${today})`,
      );
      break;
    case 'allocation_officer':
    case 'asylum_officer':
    case 'compensation_officer':
      relation = sql`true`;
      break;
    case 'provider_staff':
      relation =
        actor.providerId === null ? sql`false` : via(sql`placements`, placedWith(actor.providerId, today));
      break;
    default:
      relation = sql`false`;
  }
  const opensView =
    MUNICIPAL_CASE_ROLES.includes(actor.role) ||
    MIGRATION_AGENCY_CASE_ROLES.includes(actor.role) ||
    actor.role === 'health_staff';
  const granted = grants
    .filter(
      (g) =>
        opensView &&
        g.role === actor.role &&
        g.organisationId === actor.organisationId &&
        g.expiresAt.getTime() > now.getTime(),
    )
    .map((g) => g.childId);
  return granted.length === 0 ? relation : sql`(${relation} or ${inList(childId, granted)})`;
}

/** Whether the actor may see the child's identity (identityVisible), as a condition on `children`. */
export function identityVisibleSql(actor: Actor, today: string): SQL {
  let cleared: SQL = sql`false`;
  if (MUNICIPAL_CASE_ROLES.includes(actor.role)) {
    cleared = actor.protectedIdentityClearance
      ? inList(currentResponsibleSql(today), actor.municipalityCodes)
      : sql`false`;
  } else if (actor.role === 'god_man') {
    cleared = sql`exists (select 1 from guardianships g where g.child_id = ${children.id} and g.guardian_user_id = ${actor.userId}
      and g.from_date <= ${today} and (g.to_date is null or g.to_date > ${today}))`;
  } else if (MIGRATION_AGENCY_CASE_ROLES.includes(actor.role)) {
    cleared = sql`exists (select 1 from case_officers o where o.child_id = ${children.id} and o.user_id = ${actor.userId})`;
  }
  return sql`(not ${children.protectedIdentity} or ${cleared})`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The child's own dossier number or another of its dossier numbers holds `part`: one set of ids from the two trigram
 * indexes (migration 0024). Written as `column like … or id in (…)` the planner could use neither index and read every
 * child (37 ms at 100,000 children; 1.3 ms so). `children` is the table, or the CTE of candidates that stands in for it.
 */
function dossierContains(part: string): SQL {
  const pattern = `%${escapeLike(part)}%`;
  return sql`${children.id} in (select d.id from children d where d.dossier_number like ${pattern}
    union all select i.child_id from child_identifiers i where i.kind = 'dossier' and i.value like ${pattern})`;
}

function bornOn(date: string): SQL {
  return sql`(${children.birthDate} = ${date} or ${children.statedBirthDate} = ${date})`;
}

function hasIdentityNumber(value: string): SQL {
  return sql`${children.id} in (select i.child_id from child_identifiers i
    where i.kind in ('personnummer', 'samordningsnummer') and i.value = ${value})`;
}

/**
 * The name condition, the same rule as nameSearchMatches: every word is part of the name as written (ILIKE over
 * "first|last", served by the trigram index) or is looked for by one of the name's transliteration keys (`name_keys`,
 * kept by the database); or the whole term is. Both halves are index lookups (migrations 0012 and 0014).
 */
function nameMatches(term: string, visible: SQL): SQL {
  const conditions = nameSearchConditions(term);
  // Punctuation alone is no name: it finds nothing, never everything.
  if (conditions === null) return sql`false`;
  // Written exactly as the trigram index's expression, so that the planner uses it.
  const text = sql`(${children.firstName} || '|' || ${children.lastName})`;
  // One of the keys: the GIN index of name_keys serves the overlap (&&).
  const hasKey = (keys: readonly string[]) => sql`${children.nameKeys} && array[${list(keys)}]::text[]`;
  const word = (c: NameCondition) =>
    c.keys.length === 0
      ? sql`${text} ilike ${c.literal}`
      : sql`(${text} ilike ${c.literal} or ${hasKey(c.keys)})`;
  const every = sql.join(conditions.words.map(word), sql` and `);
  return sql`(${visible} and ((${every})${conditions.whole.length === 0 ? sql`` : sql` or ${hasKey(conditions.whole)}`}))`;
}

/** The search as a condition on `children`, the same rules as childMatchesSearch. */
export function searchSql(search: ChildSearch, actor: Actor, today: string): SQL {
  const visible = identityVisibleSql(actor, today);
  const conditions: SQL[] = [];
  const q = normalisedText(search.text);
  if (q !== '') {
    const number = parseIdentityNumber(q);
    const alternatives = [
      ...(mayBeInDossierNumber(q) ? [dossierContains(q)] : []),
      ...(isIsoDate(q) ? [bornOn(q)] : []),
      ...(number === null ? [] : [hasIdentityNumber(number.value)]),
      // A number, a date: never a name. The name as typed (the database folds its case as it folds the names').
      ...(hasAnyLetter(q) ? [nameMatches(sanitiseSearch(search.text), visible)] : []),
    ];
    // A term that can be none of them (12-34) finds nothing.
    conditions.push(alternatives.length === 0 ? sql`false` : sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (search.dossier !== undefined) conditions.push(dossierContains(search.dossier));
  if (search.birthDate !== undefined) conditions.push(bornOn(search.birthDate));
  if (search.identityNumber !== undefined) conditions.push(hasIdentityNumber(search.identityNumber));
  if (search.name !== undefined)
    conditions.push(hasAnyLetter(search.name) ? nameMatches(search.name, visible) : sql`false`);
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/**
 * The children the actor could see, as a small set to start from (so that a search looks only at them): exactly the
 * scope for social services, god men and a provider's staff, a superset narrowed by `exact` for the guardianship
 * authority and the region; `all` for the Migration Agency (the whole table), `none` for roles that see no child.
 */
function candidateIdsSql(scope: ScopeInput): { ids: SQL; exact: SQL } | 'all' | 'none' {
  const { actor, today } = scope;
  const codes = actor.municipalityCodes;
  const grantIds = scope.grants
    .filter(
      (g) =>
        g.role === actor.role &&
        g.organisationId === actor.organisationId &&
        g.expiresAt.getTime() > scope.now.getTime(),
    )
    .map((g) => g.childId);
  const granted = sql`select unnest(array[${sql.join([sql`null::uuid`, ...grantIds.map((id) => sql`${id}::uuid`)], sql`, `)}]) as id`;
  const active = (inCodes: readonly string[]) =>
    sql`select child_id as id from responsibility_periods where ${inList(sql`municipality_code`, inCodes)} and from_date <= ${today} and (to_date is null or to_date > ${today})`;
  switch (actor.role) {
    case 'allocation_officer':
    case 'asylum_officer':
    case 'compensation_officer':
      return 'all';
    case 'social_worker':
    case 'unit_manager':
      if (codes.length === 0) return 'none';
      return {
        ids: sql`select child_id as id from responsibility_periods where ${inList(sql`municipality_code`, codes)} and from_date <= ${today} and (to_date is null or to_date <> from_date)
          union select h.child_id from handovers h where h.moved_on is null and ${inList(sql`h.from_code`, codes)}
            and h.to_code = ${currentResponsibleSql(today, sql`h.child_id`)}
          union select child_id from relative_assessments where outcome is null and ${inList(sql`municipality_code`, codes)}
          union select child_id from responsibility_transfers where status = 'requested' and requested_side = 'from' and ${inList(sql`to_code`, codes)}
          union ${granted}`,
        exact: sql`true`,
      };
    case 'guardianship_officer':
    case 'health_staff': {
      const served = actor.role === 'health_staff' ? scope.countyCodes : codes;
      if (served.length === 0) return 'none';
      return {
        ids: sql`${active(served)} union ${granted}`,
        exact: sql`(${inList(currentResponsibleSql(today), served)} or ${inList(sql`${children.id}`, grantIds)})`,
      };
    }
    case 'god_man':
      return {
        ids: sql`select child_id as id from guardianships where guardian_user_id = ${actor.userId} and from_date <= ${today} and (to_date is null or to_date > ${today})`,
        exact: sql`true`,
      };
    case 'provider_staff':
      return actor.providerId === null
        ? 'none'
        : {
            ids: sql`select x.child_id as id from placements x where ${placedWith(actor.providerId, today)}`,
            exact: sql`true`,
          };
    default:
      return 'none';
  }
}

/**
 * A page of the ids of the children in scope that match, ordered by dossier number, and how many match in all (for a
 * search over every child: up to SEARCH_COUNT_LIMIT, `capped` when there are more).
 */
export async function searchChildIds(
  db: DbOrTx,
  scope: ScopeInput,
  search: ChildSearch,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ total: number; ids: string[]; capped: boolean }> {
  const candidates = candidateIdsSql(scope);
  if (candidates === 'none') return { total: 0, ids: [], capped: false };
  const matching = searchSql(search, scope.actor, scope.today);
  if (candidates === 'all') {
    const where = and(isNull(children.mergedIntoId), scopeSql(scope), matching);
    if (isEmptySearch(search)) {
      // The whole list: the page from the dossier number index; the count apart.
      const rows = await db
        .select({ id: children.id })
        .from(children)
        .where(where)
        .orderBy(asc(children.dossierNumber))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(children).where(where);
      return { total: Number(total?.n ?? 0), ids: rows.map((r) => r.id), capped: false };
    }
    // A search over every child: one scan that stops after SEARCH_COUNT_LIMIT + 1 matches (a search that finds more
    // is to be narrowed, not paged through); the page is those matches in dossier number order.
    const found = sql`select ${children.id} as id, ${children.dossierNumber} as dossier_number from ${children} where ${where} limit ${SEARCH_COUNT_LIMIT + 1}`;
    const rows = rowsOf<{ id: string; total: number | string }>(
      await db.execute(
        sql`select id, count(*) over () as total from (${found}) found order by dossier_number limit ${page.limit} offset ${page.offset}`,
      ),
    );
    const n =
      rows.length > 0
        ? Number(rows[0]?.total ?? 0)
        : Number(
            rowsOf<{ n: number | string }>(
              await db.execute(sql`select count(*) as n from (${found}) found`),
            )[0]?.n ?? 0,
          );
    return {
      total: Math.min(n, SEARCH_COUNT_LIMIT),
      ids: rows.map((r) => r.id),
      capped: n > SEARCH_COUNT_LIMIT,
    };
  }
  // The children the actor could see (a few thousand at most), and the search among them: a CTE named like the table
  // stands in for it in the conditions after it (inside its own body the name is still the table). A number or a date
  // (dossier number, birth date, personnummer) finds a few children by its index: those are looked up first and kept
  // when in scope. A name may be common (thousands across the country): the children in scope are read first and
  // matched. Measured on 100,000 children in one run (bench:cases): a birth date search in Malmö p50 24.4 → 13.4 ms
  // looked up first, a common name's p50 33.9 → 39.6 and p99 44.8 → 98.2 ms, so names stay scope first.
  // A part of a dossier number shorter than a trigram has no index to look it up in (it would read every child).
  const numberParts = [normalisedText(search.text), search.dossier ?? ''].filter((v) => v !== '');
  const lookedUpFirst =
    !isEmptySearch(search) &&
    search.name === undefined &&
    !hasAnyLetter(normalisedText(search.text)) &&
    numberParts.every((v) => v.length >= 3);
  const stand = lookedUpFirst
    ? sql`select * from children where children.merged_into_id is null and ${matching}`
    : sql`select c.* from children c where c.id = any(array(select id from candidates)) and c.merged_into_id is null`;
  const query = (what: SQL, tail: SQL) => sql`with candidates as materialized (${candidates.ids}),
    children as materialized (${stand})
    select ${what} from children where ${lookedUpFirst ? sql`children.id in (select id from candidates)` : matching}
    and ${candidates.exact} ${tail}`;
  const rows = rowsOf<{ id: string; total: number | string }>(
    await db.execute(
      query(
        sql`children.id as id, count(*) over () as total`,
        sql`order by children.dossier_number limit ${page.limit} offset ${page.offset}`,
      ),
    ),
  );
  if (rows.length > 0 || page.offset === 0)
    return { total: Number(rows[0]?.total ?? 0), ids: rows.map((r) => r.id), capped: false };
  const [total] = rowsOf<{ n: number | string }>(await db.execute(query(sql`count(*) as n`, sql``)));
  return { total: Number(total?.n ?? 0), ids: [], capped: false };
}

/** drizzle's execute answers `{ rows }` on node-postgres and PGlite alike. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** What the pure search rule needs of each child: its names, dates and every identifier. */
export async function searchableChildren(
  db: DbOrTx,
  loaded: readonly ChildWithFacts[],
): Promise<Map<string, SearchableChild>> {
  const ids = loaded.map((l) => l.child.id);
  const identifiers =
    ids.length === 0
      ? []
      : await db.select().from(childIdentifiers).where(inArray(childIdentifiers.childId, ids));
  return new Map(
    loaded.map(({ child }) => {
      const own = identifiers.filter((i) => i.childId === child.id);
      return [
        child.id,
        {
          dossierNumbers: [
            child.dossierNumber,
            ...own.filter((i) => i.kind === 'dossier').map((i) => i.value),
          ],
          identityNumbers: own.filter((i) => i.kind !== 'dossier').map((i) => i.value),
          firstName: child.firstName,
          lastName: child.lastName,
          birthDate: child.birthDate,
          statedBirthDate: child.statedBirthDate,
        },
      ];
    }),
  );
}

/** The pure rules' verdict on a returned child: in scope, and (for a search) matching as the caller may see it. */
export function admitted(
  scope: ScopeInput,
  loaded: ChildWithFacts,
  searchable: SearchableChild | undefined,
  search: ChildSearch,
): ChildAccess | null {
  if (loaded.child.mergedIntoId !== null) return null;
  const access = childAccess(scope.actor, loaded.facts, {
    today: scope.today,
    now: scope.now,
    emergencyGrants: scope.grants,
  });
  if (access.view === 'none') return null;
  if (isEmptySearch(search)) return access;
  return searchable !== undefined && childMatchesSearch(searchable, search, access.identity === 'visible')
    ? access
    : null;
}
