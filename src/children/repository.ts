/**
 * Loads children and the facts the scope rules need. `candidateChildIds` narrows the search in SQL to children the
 * actor could possibly see; the pure rule in src/domain/access decides for each one.
 */
import { and, eq, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { RESPONSIBILITY_KINDS, type Actor, type ChildFacts, type EmergencyGrant, type ResponsibilityKind } from '../domain/access/child-scope.ts';
import { ROLES, type Role } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { caseOfficers, children, emergencyAccessGrants, guardianships, handovers, relativeAssessments, responsibilityPeriods, responsibilityTransfers } from '../platform/db/schema.ts';

export type ChildRow = typeof children.$inferSelect;

const activeOn = (today: string) =>
  and(lte(responsibilityPeriods.fromDate, today), or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, today)));

export async function candidateChildIds(db: DbOrTx, actor: Actor, today: string, now: Date): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: { id: string }[]) => rows.forEach((r) => ids.add(r.id));
  const periodsIn = (codes: readonly string[], onlyActive: boolean) =>
    codes.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({ id: responsibilityPeriods.childId })
          .from(responsibilityPeriods)
          .where(
            and(
              inArray(responsibilityPeriods.municipalityCode, [...codes]),
              onlyActive ? activeOn(today) : lte(responsibilityPeriods.fromDate, today),
            ),
          );
  switch (actor.role) {
    case 'social_worker':
    case 'unit_manager':
      add(await periodsIn(actor.municipalityCodes, false));
      if (actor.municipalityCodes.length > 0) {
        add(
          await db
            .selectDistinct({ id: relativeAssessments.childId })
            .from(relativeAssessments)
            .where(and(inArray(relativeAssessments.municipalityCode, [...actor.municipalityCodes]), isNull(relativeAssessments.outcome))),
        );
        add(
          await db
            .selectDistinct({ id: responsibilityTransfers.childId })
            .from(responsibilityTransfers)
            .where(and(inArray(responsibilityTransfers.toCode, [...actor.municipalityCodes]), eq(responsibilityTransfers.status, 'requested'))),
        );
      }
      break;
    case 'guardianship_officer':
      add(await periodsIn(actor.municipalityCodes, true));
      break;
    case 'health_staff':
      if (actor.countyCode !== null) {
        add(
          await db
            .selectDistinct({ id: responsibilityPeriods.childId })
            .from(responsibilityPeriods)
            .where(and(like(responsibilityPeriods.municipalityCode, `${actor.countyCode}%`), activeOn(today))),
        );
      }
      break;
    case 'god_man':
      add(
        await db
          .selectDistinct({ id: guardianships.childId })
          .from(guardianships)
          .where(eq(guardianships.guardianUserId, actor.userId)),
      );
      break;
    case 'allocation_officer':
    case 'asylum_officer':
    case 'compensation_officer':
      add(await db.select({ id: children.id }).from(children));
      break;
    default:
      break;
  }
  for (const grant of await emergencyGrantsFor(db, actor, now)) ids.add(grant.childId);
  return [...ids];
}

export async function emergencyGrantsFor(db: DbOrTx, actor: Actor, now: Date, childIds?: readonly string[]): Promise<EmergencyGrant[]> {
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

/** Children with the facts the scope rules need, in the order of `ids`. */
export async function loadChildrenWithFacts(db: DbOrTx, ids: readonly string[]): Promise<ChildWithFacts[]> {
  if (ids.length === 0) return [];
  const result: ChildWithFacts[] = [];
  // Chunked to keep parameter lists well below PostgreSQL's limit.
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const [rows, periods, guardians, officers, assessments, transfers, pendingHandovers] = await Promise.all([
      db.select().from(children).where(inArray(children.id, chunk)),
      db.select().from(responsibilityPeriods).where(inArray(responsibilityPeriods.childId, chunk)),
      db.select().from(guardianships).where(inArray(guardianships.childId, chunk)),
      db.select().from(caseOfficers).where(inArray(caseOfficers.childId, chunk)),
      db
        .select({ childId: relativeAssessments.childId, code: relativeAssessments.municipalityCode })
        .from(relativeAssessments)
        .where(and(inArray(relativeAssessments.childId, chunk), isNull(relativeAssessments.outcome))),
      db
        .select({ childId: responsibilityTransfers.childId, code: responsibilityTransfers.toCode })
        .from(responsibilityTransfers)
        .where(and(inArray(responsibilityTransfers.childId, chunk), eq(responsibilityTransfers.status, 'requested'))),
      db
        .select({ childId: handovers.childId, fromCode: handovers.fromCode, toCode: handovers.toCode })
        .from(handovers)
        .where(and(inArray(handovers.childId, chunk), isNull(handovers.movedOn))),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const periodsOf = groupBy(periods, (p) => p.childId);
    const guardiansOf = groupBy(guardians, (g) => g.childId);
    const officersOf = groupBy(officers, (o) => o.childId);
    const assessmentsOf = groupBy(assessments, (a) => a.childId);
    const transfersOf = groupBy(transfers, (r) => r.childId);
    const handoversOf = groupBy(pendingHandovers, (h) => h.childId);
    for (const id of chunk) {
      const child = byId.get(id);
      if (child === undefined) continue;
      result.push({
        child,
        facts: {
          childId: id,
          protectedIdentity: child.protectedIdentity,
          responsibility: [...(periodsOf.get(id) ?? [])]
            .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
            .map((p) => ({
              municipalityCode: p.municipalityCode,
              kind: responsibilityKind(p.kind),
              from: p.fromDate,
              to: p.toDate,
            })),
          guardians: (guardiansOf.get(id) ?? []).map((g) => ({
              userId: g.guardianUserId,
              kind: g.kind === 'special_custodian' ? 'special_custodian' : 'god_man',
              from: g.fromDate,
              to: g.toDate,
            })),
          caseOfficerUserIds: (officersOf.get(id) ?? []).map((o) => o.userId),
          openRelativeAssessments: (assessmentsOf.get(id) ?? []).map((a) => a.code),
          openTransferRequests: (transfersOf.get(id) ?? []).map((r) => r.code),
          openHandovers: (handoversOf.get(id) ?? []).map((h) => ({ fromCode: h.fromCode, toCode: h.toCode })),
        },
      });
    }
  }
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
