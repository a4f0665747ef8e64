/**
 * Loads children and the facts the scope rules need; the pure rule in src/domain/access decides for each one (lists
 * narrow their candidates in SQL first: src/children/search.ts).
 */
import { and, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import {
  RESPONSIBILITY_KINDS,
  type Actor,
  type ChildFacts,
  type EmergencyGrant,
  type ResponsibilityKind,
} from '../domain/access/child-scope.ts';
import { ROLES, type Role } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { children, emergencyAccessGrants } from '../platform/db/schema.ts';

/** A child's record as the use cases read it: every column but the search keys the database keeps for itself. */
export type ChildRow = Omit<typeof children.$inferSelect, 'nameKeys'>;
const { nameKeys: _searchKeys, ...childColumns } = getTableColumns(children);

export async function emergencyGrantsFor(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  childIds?: readonly string[],
): Promise<EmergencyGrant[]> {
  const rows = await db
    .select()
    .from(emergencyAccessGrants)
    .where(
      and(
        eq(emergencyAccessGrants.userId, actor.userId),
        eq(emergencyAccessGrants.organisationId, actor.organisationId),
        gt(emergencyAccessGrants.expiresAt, now),
        childIds ? inArray(emergencyAccessGrants.childId, [...childIds]) : sql`true`,
      ),
    );
  return rows.map((r) => ({
    childId: r.childId,
    userId: r.userId,
    organisationId: r.organisationId,
    role: asRole(r.role),
    expiresAt: r.expiresAt,
  }));
}

function responsibilityKind(value: string): ResponsibilityKind {
  const kind = RESPONSIBILITY_KINDS.find((k) => k === value);
  if (kind === undefined) throw new Error(`Unknown responsibility kind ${value}`);
  return kind;
}

function asRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`Unknown role ${value}`);
  return value as Role;
}

export interface ChildWithFacts {
  readonly child: ChildRow;
  readonly facts: ChildFacts;
}

interface FactsJson {
  readonly periods: { municipalityCode: string; kind: string; from: string; to: string | null }[];
  readonly guardians: { userId: string; kind: string; from: string; to: string | null }[];
  readonly officers: string[];
  readonly assessments: string[];
  readonly transfers: string[];
  readonly handovers: { fromCode: string; toCode: string }[];
  readonly placements: { providerId: string; from: string; to: string | null }[];
}

/**
 * The scope facts of the child `children.id` names, gathered in the database as one JSON value: one round trip per
 * chunk of children instead of one per table (a child's page asks for them on every panel).
 */
// Qualified by hand: drizzle writes a lone table's columns unqualified, and `id` inside the subqueries would be theirs.
const childIdColumn = sql.raw('"children"."id"');
const factsJson = sql<FactsJson>`json_build_object(
  'periods', coalesce((select json_agg(json_build_object('municipalityCode', p.municipality_code, 'kind', p.kind, 'from', p.from_date, 'to', p.to_date) order by p.from_date, p.created_at)
    from responsibility_periods p where p.child_id = ${childIdColumn}), '[]'::json),
  'guardians', coalesce((select json_agg(json_build_object('userId', g.guardian_user_id, 'kind', g.kind, 'from', g.from_date, 'to', g.to_date) order by g.from_date, g.created_at)
    from guardianships g where g.child_id = ${childIdColumn}), '[]'::json),
  'officers', coalesce((select json_agg(o.user_id order by o.created_at) from case_officers o where o.child_id = ${childIdColumn}), '[]'::json),
  'assessments', coalesce((select json_agg(a.municipality_code order by a.created_at) from relative_assessments a
    where a.child_id = ${childIdColumn} and a.outcome is null), '[]'::json),
  'transfers', coalesce((select json_agg(t.to_code order by t.requested_at) from responsibility_transfers t
    where t.child_id = ${childIdColumn} and t.status = 'requested' and t.requested_side = 'from'), '[]'::json),
  'handovers', coalesce((select json_agg(json_build_object('fromCode', h.from_code, 'toCode', h.to_code) order by h.created_at) from handovers h
    where h.child_id = ${childIdColumn} and h.moved_on is null), '[]'::json),
  'placements', coalesce((select json_agg(json_build_object('providerId', pl.provider_id, 'from', pl.from_date, 'to', pl.to_date) order by pl.from_date, pl.created_at)
    from placements pl where pl.child_id = ${childIdColumn}), '[]'::json)
)`;

/** Children with the facts the scope rules need, in the order of `ids`. */
export async function loadChildrenWithFacts(db: DbOrTx, ids: readonly string[]): Promise<ChildWithFacts[]> {
  if (ids.length === 0) return [];
  const result: ChildWithFacts[] = [];
  // Chunked to keep parameter lists well below PostgreSQL's limit.
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await db
      .select({ child: childColumns, facts: factsJson })
      .from(children)
      .where(inArray(children.id, chunk));
    const byId = new Map(rows.map((r) => [r.child.id, r]));
    for (const id of chunk) {
      const row = byId.get(id);
      if (row === undefined) continue;
      const { child, facts } = row;
      result.push({
        child,
        facts: {
          childId: id,
          protectedIdentity: child.protectedIdentity,
          responsibility: facts.periods.map((p) => ({
            municipalityCode: p.municipalityCode,
            kind: responsibilityKind(p.kind),
            from: p.from,
            to: p.to,
          })),
          guardians: facts.guardians.map((g) => ({
            userId: g.userId,
            kind: g.kind === 'special_custodian' ? 'special_custodian' : 'god_man',
            from: g.from,
            to: g.to,
          })),
          caseOfficerUserIds: facts.officers,
          openRelativeAssessments: facts.assessments,
          openTransferRequests: facts.transfers,
          openHandovers: facts.handovers,
          placements: facts.placements,
        },
      });
    }
  }
  return result;
}
