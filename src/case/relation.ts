/**
 * The actor's relation to a child's case beyond the scope rule: whether they are one of the child's assigned social
 * workers (or standing in for one today). Feeds `caseSections` (health is seen only by the assigned workers).
 */
import { and, eq, gte, inArray, isNull, lte, or, gt } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import {
  caseSections,
  sectionAccess,
  type CaseRelation,
  type CaseSection,
  type SectionAccess,
} from '../domain/access/case-sections.ts';
import type { ChildAccess } from '../domain/access/child-scope.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { caseWorkers, socialCases, substitutes } from '../platform/db/schema.ts';
import { HttpError, notFound } from '../platform/http/errors.ts';

/** The users assigned today to the child's open social case(s). */
export async function assignedWorkers(db: DbOrTx, childId: string, today: string): Promise<string[]> {
  const rows = await db
    .select({ userId: caseWorkers.userId })
    .from(caseWorkers)
    .innerJoin(socialCases, eq(socialCases.id, caseWorkers.socialCaseId))
    .where(
      and(
        eq(socialCases.childId, childId),
        isNull(socialCases.closedOn),
        lte(caseWorkers.fromDate, today),
        or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, today)),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

export async function caseRelation(
  db: DbOrTx,
  actor: Actor,
  childId: string,
  today: string,
): Promise<CaseRelation> {
  if (actor.role !== 'social_worker' && actor.role !== 'unit_manager') return { assignedWorker: false };
  const workers = await assignedWorkers(db, childId, today);
  if (workers.includes(actor.userId)) return { assignedWorker: true };
  if (workers.length === 0) return { assignedWorker: false };
  const standIns = await db
    .select({ absent: substitutes.absentUserId })
    .from(substitutes)
    .where(
      and(
        eq(substitutes.substituteUserId, actor.userId),
        eq(substitutes.organisationId, actor.organisationId),
        lte(substitutes.fromDate, today),
        gte(substitutes.toDate, today),
      ),
    );
  return { assignedWorker: standIns.some((s) => workers.includes(s.absent)) };
}

export async function sectionsFor(
  db: DbOrTx,
  actor: Actor,
  access: ChildAccess,
  childId: string,
  today: string,
): Promise<Record<CaseSection, SectionAccess>> {
  return caseSections(actor, access, await caseRelation(db, actor, childId, today));
}

/**
 * The section guard for use cases: 404 when the actor may not read the section (outsiders learn nothing), 403 when
 * they may read but not change it.
 */
export async function requireSection(
  db: DbOrTx,
  actor: Actor,
  access: ChildAccess,
  childId: string,
  today: string,
  section: CaseSection,
  need: 'read' | 'write',
): Promise<Exclude<SectionAccess, 'none'>> {
  const level = sectionAccess(actor, access, section, await caseRelation(db, actor, childId, today));
  if (level === 'none') throw notFound([childId]);
  if (need === 'write' && level !== 'write')
    throw new HttpError(
      403,
      'forbidden',
      'Your active role may not change this part of the case',
      [],
      [childId],
    );
  return level;
}

/** The assigned social workers of each child today (open social cases). */
export async function assignedWorkersOf(
  db: DbOrTx,
  childIds: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (childIds.length === 0) return result;
  const rows = await db
    .select({ childId: socialCases.childId, userId: caseWorkers.userId })
    .from(caseWorkers)
    .innerJoin(socialCases, eq(socialCases.id, caseWorkers.socialCaseId))
    .where(
      and(
        inArray(socialCases.childId, [...childIds]),
        isNull(socialCases.closedOn),
        lte(caseWorkers.fromDate, today),
        or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, today)),
      ),
    );
  for (const r of rows) result.set(r.childId, [...(result.get(r.childId) ?? []), r.userId]);
  return result;
}
