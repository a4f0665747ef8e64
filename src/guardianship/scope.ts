/**
 * The guardianship capability's guards: the child in the caller's scope (404 outside), then the `guardianship`
 * section at the level the step needs (404 unreadable, 403 read-only). Organisation-level records (the registry,
 * the policy, the request list) belong to a guardianship authority: only its officers, only its municipalities.
 */
import { currentResponsibleMunicipality } from '../domain/access/child-scope.ts';
import type { SectionAccess } from '../domain/access/case-sections.ts';
import { requireSection } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { forbidden, unprocessable } from '../platform/http/errors.ts';
import type { ChildWithFacts } from '../children/repository.ts';
import type { ChildAccess } from '../domain/access/child-scope.ts';

export type ScopedChild = ChildWithFacts & { readonly access: ChildAccess; readonly level: SectionAccess };

export async function guardianshipOf(
  caller: Caller,
  childId: string,
  need: 'read' | 'write',
): Promise<ScopedChild> {
  const found = await childInScope(caller, childId);
  const level = await requireSection(
    caller.db,
    caller.actor,
    found.access,
    childId,
    caller.today,
    'guardianship',
    need,
  );
  return { ...found, level };
}

/** The municipality whose guardianship authority acts: the child's responsible municipality today. */
export function responsibleOrFail(found: ChildWithFacts, today: string): string {
  const code = currentResponsibleMunicipality(found.facts, today);
  if (code === null) {
    throw unprocessable('no_responsible_municipality', 'No municipality is responsible for the child today', [
      {
        field: 'childId',
        code: 'no_responsible_municipality',
        message: 'Ingen kommun är ansvarig för barnet i dag',
      },
    ]);
  }
  return code;
}

/** Officers of a guardianship authority only (other roles holding the permission do not exist today; be explicit). */
export function requireGuardianshipAuthority(caller: Caller): void {
  if (
    caller.actor.organisationType !== 'guardianship_authority' ||
    caller.actor.role !== 'guardianship_officer'
  )
    throw forbidden();
}
