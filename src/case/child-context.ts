/**
 * What placement, school and health use cases need about the child before they act: the child in the caller's scope
 * (404 outside), the caller's level on the section (404 when hidden, 403 when read-only), the responsible
 * municipality, the arrival date, and the child's languages and interpreter need for whoever is about to meet them.
 */
import { eq } from 'drizzle-orm';
import {
  CHILD_VIEW_RANK,
  currentResponsibleMunicipality,
  type ChildAccess,
} from '../domain/access/child-scope.ts';
import type { CaseSection, SectionAccess } from '../domain/access/case-sections.ts';
import { ageOn } from '../domain/deadlines/calendar.ts';
import { childIntake } from '../platform/db/schema.ts';
import { notFound, stale } from '../platform/http/errors.ts';
import type { AnyMachine } from '../domain/case/machines.ts';
import { machineState } from './engine.ts';
import { requireSection } from './relation.ts';
import { childInScope, type Caller } from './caller.ts';
import type { ChildRow } from '../children/repository.ts';

export interface ChildContext {
  readonly child: ChildRow;
  readonly access: ChildAccess;
  readonly level: SectionAccess;
  /** Whether the caller may change the section now (what a write demands below): the view's steps follow it. */
  readonly writable: boolean;
  /** The municipality responsible today; null when none is (then nothing can be decided). */
  readonly responsible: string | null;
  /** The first day of the first responsibility period: when the child came to a Swedish authority. */
  readonly arrivalDate: string;
  readonly meeting: MeetingFacts;
  /** Whether places (provider, school) may be named: they tell where the child is. */
  readonly whereaboutsVisible: boolean;
}

/** Shown wherever someone is about to meet the child. */
export interface MeetingFacts {
  readonly age: number;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean;
}

export async function childContext(
  caller: Caller,
  childId: string,
  section: CaseSection,
  need: 'read' | 'write',
): Promise<ChildContext> {
  const { child, facts, access } = await childInScope(caller, childId);
  const level = await requireSection(caller.db, caller.actor, access, childId, caller.today, section, need);
  const responsible = currentResponsibleMunicipality(facts, caller.today);
  // Only the responsible municipality decides; the region's health staff record across municipalities, and the staff
  // where the child is placed record what the section table lets them (an absence, the return).
  const inCharge =
    caller.actor.role === 'health_staff' ||
    access.basis === 'placement_provider' ||
    (responsible !== null && caller.actor.municipalityCodes.includes(responsible));
  if (need === 'write' && !inCharge) throw notFound([childId]);
  const [intake] = await caller.db
    .select({ languages: childIntake.languages, interpreterNeeded: childIntake.interpreterNeeded })
    .from(childIntake)
    .where(eq(childIntake.childId, childId));
  const arrivalDate = [...facts.responsibility].map((p) => p.from).sort()[0] ?? caller.today;
  caller.audit.children([childId]);
  return {
    child,
    access,
    level,
    writable: level === 'write' && inCharge,
    responsible,
    arrivalDate,
    meeting: {
      age: ageOn(child.birthDate, caller.today),
      languages: intake?.languages ?? [],
      interpreterNeeded: intake?.interpreterNeeded ?? false,
    },
    whereaboutsVisible:
      CHILD_VIEW_RANK[access.view] >= CHILD_VIEW_RANK.basic &&
      access.whereabouts === 'visible' &&
      access.identity === 'visible',
  };
}

/**
 * A form sent from a stale view is answered first — 409 with the state as it is now — before rules are checked
 * against what the user no longer sees (the engine checks again under the lock).
 */
export async function refuseStale(
  caller: Caller,
  childId: string,
  machine: AnyMachine,
  expectedVersion: number | undefined,
): Promise<void> {
  if (expectedVersion === undefined) return;
  const current = await machineState(caller.db, childId, machine);
  if (current.version !== expectedVersion)
    throw stale('Someone else changed this part of the case after you opened it', {
      machine: machine.name,
      ...current,
    });
}
