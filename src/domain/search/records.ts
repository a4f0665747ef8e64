/**
 * The child's record as one identity: who may change the basic data and identifiers, what an edit changed (field
 * history), and when two records of the same child may be merged — by the responsible organisation, and never
 * silently over two live states of the same sub-process.
 */
import {
  currentResponsibleMunicipality,
  isActiveOn,
  type Actor,
  type ChildAccess,
  type ChildFacts,
} from '../access/child-scope.ts';

export const BASIC_FIELDS = ['firstName', 'lastName', 'statedBirthDate', 'gender'] as const;
export type BasicField = (typeof BASIC_FIELDS)[number];
export type BasicData = Readonly<Record<BasicField, string | null>>;

export interface FieldChange {
  readonly field: BasicField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** The fields an edit changes: only those given and different from what is stored. */
export function changedFields(before: BasicData, edit: Partial<BasicData>): FieldChange[] {
  return BASIC_FIELDS.flatMap((field) => {
    const next = edit[field];
    if (next === undefined || next === before[field]) return [];
    return [{ field, oldValue: before[field], newValue: next }];
  });
}

/**
 * The basic data and identifiers belong to the Migration Agency's dossier and the responsible municipality's file:
 * either may correct them, and only someone who sees the identity (a masked name cannot be edited blind).
 */
export function mayEditRecord(access: ChildAccess): boolean {
  if (access.view === 'none' || access.identity !== 'visible') return false;
  return access.mayWrite || access.basis === 'migration_agency';
}

export type ResponsibleOrganisation =
  { readonly kind: 'migration_agency' } | { readonly kind: 'municipality'; readonly code: string };

/** The Migration Agency until a municipality is assigned (or after responsibility ended), else that municipality. */
export function responsibleOrganisation(
  facts: Pick<ChildFacts, 'responsibility'>,
  today: string,
): ResponsibleOrganisation {
  const code = currentResponsibleMunicipality(facts, today);
  const assigned = facts.responsibility.some(
    (p) => p.kind !== 'arrival' && p.municipalityCode === code && isActiveOn(p, today),
  );
  return code !== null && assigned ? { kind: 'municipality', code } : { kind: 'migration_agency' };
}

/** Whether the actor acts for an organisation: the Migration Agency's allocation officers, a municipality's unit manager. */
export function actsFor(actor: Actor, owner: ResponsibleOrganisation): boolean {
  if (owner.kind === 'migration_agency')
    return actor.organisationType === 'migration_agency' && actor.role === 'allocation_officer';
  return actor.role === 'unit_manager' && actor.municipalityCodes.includes(owner.code);
}

/**
 * Merging is for the responsible organisation: it must be responsible for one of the two records, and the other must
 * be its own too or the Migration Agency's (a second registration not yet assigned). Two municipalities' records are
 * never merged across (a transfer comes first).
 */
export function mayMerge(
  actor: Actor,
  surviving: Pick<ChildFacts, 'responsibility'>,
  merged: Pick<ChildFacts, 'responsibility'>,
  today: string,
): boolean {
  const a = responsibleOrganisation(surviving, today);
  const b = responsibleOrganisation(merged, today);
  const compatible = a.kind === 'migration_agency' || b.kind === 'migration_agency' || a.code === b.code;
  return compatible && (actsFor(actor, a) || actsFor(actor, b));
}

/** Who may start a merge into a record (the UI's offer): its responsible organisation, and the Migration Agency. */
export function mayMergeInto(
  actor: Actor,
  record: Pick<ChildFacts, 'responsibility'>,
  today: string,
): boolean {
  return (
    actsFor(actor, responsibleOrganisation(record, today)) || actsFor(actor, { kind: 'migration_agency' })
  );
}

/** Undoing a merge: the surviving record's responsible organisation, or the one that was responsible for the merged one. */
export function mayUndoMerge(
  actor: Actor,
  surviving: Pick<ChildFacts, 'responsibility'>,
  mergedOwner: ResponsibleOrganisation,
  today: string,
): boolean {
  return actsFor(actor, responsibleOrganisation(surviving, today)) || actsFor(actor, mergedOwner);
}

export type KeepChoice = 'surviving' | 'merged';

export interface MachineConflict {
  readonly machine: string;
  readonly surviving: string;
  readonly merged: string;
}

/**
 * Sub-processes both records have moved on in: the user must say which record's state to keep (`keep`), otherwise
 * the merge is refused naming each one. A record still at a machine's initial state has nothing to lose.
 */
export function mergeConflicts(
  surviving: ReadonlyMap<string, string>,
  merged: ReadonlyMap<string, string>,
  initialOf: (machine: string) => string | undefined,
  keep: Readonly<Record<string, KeepChoice>> = {},
): MachineConflict[] {
  const conflicts: MachineConflict[] = [];
  for (const [machine, mergedState] of merged) {
    const survivingState = surviving.get(machine);
    const initial = initialOf(machine);
    if (survivingState === undefined || survivingState === initial || mergedState === initial) continue;
    if (keep[machine] === undefined)
      conflicts.push({ machine, surviving: survivingState, merged: mergedState });
  }
  return conflicts.sort((a, b) => a.machine.localeCompare(b.machine));
}

/** Which record's state a machine keeps after the merge: the one that moved on, or the one the user chose. */
export function stateToKeep(
  machine: string,
  surviving: string | undefined,
  merged: string,
  initial: string | undefined,
  keep: Readonly<Record<string, KeepChoice>> = {},
): KeepChoice {
  if (surviving === undefined) return 'merged';
  if (merged === initial) return 'surviving';
  if (surviving === initial) return 'merged';
  return keep[machine] ?? 'surviving';
}
