/**
 * Merging two records of the same child, and undoing it. The merged record's rows move to the surviving record —
 * every table with a child_id (MOVED_TABLES, checked against the database schema by merge.int.test.ts) — except what
 * belongs to the record itself: audit events, emergency access grants, the allocation decision and its guard (the
 * decision names the child ids it was taken for; the timeline follows merged records). What moved is listed in
 * child_merges.moved, so that undoing moves exactly those rows back. Sub-processes both records moved on in are a
 * conflict the user must resolve explicitly (`keep`), else 409 naming each one.
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { MergeBody } from './contract.ts';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  mayMerge,
  mayUndoMerge,
  mergeConflicts,
  responsibleOrganisation,
  stateToKeep,
  type KeepChoice,
  type ResponsibleOrganisation,
} from '../domain/search/records.ts';
import { machineNamed } from '../domain/case/machines.ts';
import {
  asylumCases,
  caseOfficers,
  caseStates,
  childIdentifiers,
  childIntake,
  childMerges,
  children,
} from '../platform/db/schema.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../platform/http/errors.ts';
import { childInScope, type Caller } from '../case/caller.ts';

/** Tables whose rows (each with an id) move with the child. */
export const MOVED_TABLES = [
  'responsibility_periods',
  'guardianships',
  'journal_entries',
  'relative_assessments',
  'child_identifiers',
  'best_interests_records',
  'case_events',
  'deadlines',
  'field_changes',
  'responsibility_transfers',
  'handovers',
  'change_reports',
  'social_cases',
  'case_documents',
  'placements',
  'school_enrolments',
  'health_examinations',
  'guardianship_requests',
  'sfv_cases',
  'age_records',
  'turning18_decisions',
  'notifications',
  // A missing report for a child registered twice (D-R9): the episodes (their events and notifications hang on them)
  // become the surviving record's.
  'missing_episodes',
  'missing_profile_photos',
  'missing_profiles',
  'risk_observations',
  // The child's special grant applications (ADR 0033) are the child's, whichever record they were made on.
  'special_grant_applications',
] as const;
/** Tables keyed by the child (or the child and something else): moved unless the surviving record has its own. */
export const KEYED_TABLES = ['case_states', 'case_officers', 'child_intake', 'asylum_cases'] as const;
/** Tables that stay with the record they were written for. */
export const KEPT_TABLES = [
  'audit_events',
  'audit_event_children',
  'emergency_access_grants',
  'decided_children',
  // A supervision sample records the file drawn as it was drawn (ADR 0027): it keeps the record it names.
  'supervision_sample_files',
  // A claim's line names the child as it was claimed (ADR 0034); a submitted line is frozen.
  'compensation_claim_lines',
  // What the Migration Agency paid, and a municipality's report of a schablon it did not pay, are records of the
  // record they were made for (ADR 0035): a payment is never moved.
  'compensation_payout_lines',
  'missing_schablon_reports',
] as const;

export interface Moved {
  /** Ids of the rows moved, per table. */
  readonly rows: Record<string, string[]>;
  /** Machines whose state row moved, and machines whose rows were exchanged (the merged record's state kept). */
  readonly caseStates: string[];
  readonly caseStatesSwapped: string[];
  readonly caseOfficers: string[];
  readonly childIntake: boolean;
  readonly asylumCase: 'moved' | 'swapped' | null;
  /** The merged record's dossier number, added to the surviving record as an identifier. */
  readonly identifierId: string | null;
  /** Who was responsible for the merged record (may undo the merge). */
  readonly mergedOwner: ResponsibleOrganisation;
}

/** Rows that would break a uniqueness rule on the surviving record: refused with 409, naming them. */
async function uniqueConflicts(db: DbOrTx, s: string, m: string): Promise<string[]> {
  const checks: [string, SQL][] = [
    [
      'handovers',
      sql`select 1 from handovers a join handovers b on a.to_code = b.to_code where a.child_id = ${s} and b.child_id = ${m}`,
    ],
    [
      'social_cases',
      sql`select 1 from social_cases a join social_cases b on a.municipality_code = b.municipality_code
        where a.child_id = ${s} and b.child_id = ${m} and a.closed_on is null and b.closed_on is null`,
    ],
    [
      'placements',
      sql`select 1 from placements a, placements b where a.child_id = ${s} and b.child_id = ${m} and a.to_date is null and b.to_date is null`,
    ],
    [
      // Each record's profile counts its own versions: two histories cannot become one without renumbering either.
      'missing_profiles',
      sql`select 1 from missing_profiles a, missing_profiles b where a.child_id = ${s} and b.child_id = ${m}`,
    ],
    [
      'responsibility_transfers',
      sql`select 1 from responsibility_transfers a, responsibility_transfers b
        where a.child_id = ${s} and b.child_id = ${m} and a.status = 'requested' and b.status = 'requested'`,
    ],
  ];
  const found: string[] = [];
  for (const [table, query] of checks) {
    if (rowsOf(await db.execute(sql`${query} limit 1`)).length > 0) found.push(table);
  }
  return found;
}

/** drizzle's execute answers `{ rows }` on node-postgres and PGlite alike. */
function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function swapStates(db: DbOrTx, a: string, b: string, machines: readonly string[]): Promise<void> {
  if (machines.length === 0) return;
  const rows = await db
    .select()
    .from(caseStates)
    .where(and(inArray(caseStates.childId, [a, b]), inArray(caseStates.machine, [...machines])));
  await db
    .delete(caseStates)
    .where(and(inArray(caseStates.childId, [a, b]), inArray(caseStates.machine, [...machines])));
  await db.insert(caseStates).values(rows.map((r) => ({ ...r, childId: r.childId === a ? b : a })));
}

async function swapAsylum(db: DbOrTx, a: string, b: string): Promise<void> {
  const rows = await db
    .select()
    .from(asylumCases)
    .where(inArray(asylumCases.childId, [a, b]));
  await db.delete(asylumCases).where(inArray(asylumCases.childId, [a, b]));
  await db.insert(asylumCases).values(rows.map((r) => ({ ...r, childId: r.childId === a ? b : a })));
}

const initialOf = (machine: string) => machineNamed(machine)?.initial;

type MergeInput = Answer<z.output<typeof MergeBody>>;

export async function mergeChildren(
  caller: Caller,
  survivorId: string,
  input: MergeInput,
): Promise<{ mergeId: string; moved: Record<string, number> }> {
  if (survivorId === input.mergedId) {
    throw badRequest('validation', 'A record cannot be merged into itself', [
      { field: 'body.mergedId', code: 'same_record', message: 'Välj en annan post än den här' },
    ]);
  }
  const survivor = await childInScope(caller, survivorId);
  const merged = await childInScope(caller, input.mergedId);
  if (!mayMerge(caller.actor, survivor.facts, merged.facts, caller.today))
    throw forbidden([survivorId, input.mergedId]);
  const mergedOwner = responsibleOrganisation(merged.facts, caller.today);
  // Both rows locked: two merges of the same records wait for each other.
  await caller.db
    .select({ id: children.id })
    .from(children)
    .where(inArray(children.id, [survivorId, input.mergedId]))
    .for('update');
  const [mergedInto] = await caller.db
    .select({ id: childMerges.id })
    .from(childMerges)
    .where(and(eq(childMerges.survivingId, input.mergedId), isNull(childMerges.revertedAt)));
  if (mergedInto !== undefined) {
    throw conflict('has_merged_records', 'Other records were merged into this one; undo those first', [
      {
        field: 'body.mergedId',
        code: 'has_merged_records',
        message: 'Andra poster har slagits samman med den här; ångra det först',
      },
    ]);
  }
  const states = await caller.db
    .select()
    .from(caseStates)
    .where(inArray(caseStates.childId, [survivorId, input.mergedId]));
  const of = (id: string) => new Map(states.filter((s) => s.childId === id).map((s) => [s.machine, s.state]));
  const keep = Object.fromEntries(
    Object.entries(input.keep ?? {}).flatMap(([m, k]) => (k === undefined ? [] : [[m, k]])),
  ) as Record<string, KeepChoice>;
  const conflicts = mergeConflicts(of(survivorId), of(input.mergedId), initialOf, keep);
  const unique = await uniqueConflicts(caller.db, survivorId, input.mergedId);
  if (conflicts.length > 0 || unique.length > 0) {
    throw new HttpError(
      409,
      'merge_conflict',
      'Both records have moved on in the same part of the case: choose which to keep',
      [
        ...conflicts.map((c) => ({
          field: `keep.${c.machine}`,
          code: 'both_in_progress',
          message: `Båda posterna har status i ${c.machine}: ${c.surviving} och ${c.merged}`,
        })),
        ...unique.map((table) => ({
          field: table,
          code: 'both_current',
          message: `Båda posterna har en pågående rad i ${table}`,
        })),
      ],
      [survivorId, input.mergedId],
      { conflicts, tables: unique },
    );
  }

  const rows: Record<string, string[]> = {};
  for (const table of MOVED_TABLES) {
    const ids = rowsOf<{ id: string }>(
      await caller.db.execute(
        sql`update ${sql.identifier(table)} set child_id = ${survivorId} where child_id = ${input.mergedId} returning id`,
      ),
    );
    if (ids.length > 0) rows[table] = ids.map((r) => r.id);
  }

  const moveStates: string[] = [];
  const swapStatesOf: string[] = [];
  const survivorStates = of(survivorId);
  for (const [machine, state] of of(input.mergedId)) {
    if (stateToKeep(machine, survivorStates.get(machine), state, initialOf(machine), keep) !== 'merged')
      continue;
    (survivorStates.has(machine) ? swapStatesOf : moveStates).push(machine);
  }
  if (moveStates.length > 0) {
    await caller.db
      .update(caseStates)
      .set({ childId: survivorId })
      .where(and(eq(caseStates.childId, input.mergedId), inArray(caseStates.machine, moveStates)));
  }
  await swapStates(caller.db, survivorId, input.mergedId, swapStatesOf);

  const officers = await caller.db
    .select({ userId: caseOfficers.userId, childId: caseOfficers.childId })
    .from(caseOfficers)
    .where(inArray(caseOfficers.childId, [survivorId, input.mergedId]));
  const movedOfficers = officers
    .filter(
      (o) =>
        o.childId === input.mergedId &&
        !officers.some((s) => s.childId === survivorId && s.userId === o.userId),
    )
    .map((o) => o.userId);
  if (movedOfficers.length > 0) {
    await caller.db
      .update(caseOfficers)
      .set({ childId: survivorId })
      .where(and(eq(caseOfficers.childId, input.mergedId), inArray(caseOfficers.userId, movedOfficers)));
  }

  const intake = await caller.db
    .select({ childId: childIntake.childId })
    .from(childIntake)
    .where(inArray(childIntake.childId, [survivorId, input.mergedId]));
  const moveIntake =
    intake.some((i) => i.childId === input.mergedId) && !intake.some((i) => i.childId === survivorId);
  if (moveIntake)
    await caller.db
      .update(childIntake)
      .set({ childId: survivorId })
      .where(eq(childIntake.childId, input.mergedId));

  const asylum = await caller.db
    .select({ childId: asylumCases.childId })
    .from(asylumCases)
    .where(inArray(asylumCases.childId, [survivorId, input.mergedId]));
  let asylumCase: Moved['asylumCase'] = null;
  if (asylum.some((a) => a.childId === input.mergedId)) {
    if (!asylum.some((a) => a.childId === survivorId)) {
      await caller.db
        .update(asylumCases)
        .set({ childId: survivorId })
        .where(eq(asylumCases.childId, input.mergedId));
      asylumCase = 'moved';
    } else if (swapStatesOf.includes('asylum')) {
      await swapAsylum(caller.db, survivorId, input.mergedId);
      asylumCase = 'swapped';
    }
  }

  const [mergedRow] = await caller.db
    .select({ dossierNumber: children.dossierNumber })
    .from(children)
    .where(eq(children.id, input.mergedId));
  const [existing] = await caller.db
    .select({ id: childIdentifiers.id })
    .from(childIdentifiers)
    .where(
      and(eq(childIdentifiers.kind, 'dossier'), eq(childIdentifiers.value, mergedRow?.dossierNumber ?? '')),
    );
  let identifierId: string | null = null;
  if (existing === undefined && mergedRow !== undefined) {
    const [added] = await caller.db
      .insert(childIdentifiers)
      .values({
        childId: survivorId,
        kind: 'dossier',
        value: mergedRow.dossierNumber,
        addedBy: caller.actor.userId,
        createdAt: caller.now,
      })
      .returning({ id: childIdentifiers.id });
    identifierId = added?.id ?? null;
  }

  await caller.db.update(children).set({ mergedIntoId: survivorId }).where(eq(children.id, input.mergedId));
  const moved: Moved = {
    rows,
    caseStates: moveStates,
    caseStatesSwapped: swapStatesOf,
    caseOfficers: movedOfficers,
    childIntake: moveIntake,
    asylumCase,
    identifierId,
    mergedOwner,
  };
  const [record] = await caller.db
    .insert(childMerges)
    .values({
      survivingId: survivorId,
      mergedId: input.mergedId,
      reason: input.reason,
      moved,
      mergedBy: caller.actor.userId,
      mergedAt: caller.now,
    })
    .returning({ id: childMerges.id });
  if (record === undefined) throw new Error('merge not recorded');
  const counts = Object.fromEntries(Object.entries(rows).map(([table, ids]) => [table, ids.length]));
  caller.audit.children([survivorId, input.mergedId]);
  caller.audit.detail('mergeId', record.id);
  for (const [table, n] of Object.entries(counts)) caller.audit.detail(`moved.${table}`, n);
  return { mergeId: record.id, moved: { ...counts, case_states: moveStates.length + swapStatesOf.length } };
}

/** Moves exactly the rows the merge moved back to the merged record, and the merged record answers again. */
export async function unmergeChildren(
  caller: Caller,
  survivorId: string,
  mergeId: string,
): Promise<{ mergedId: string }> {
  const survivor = await childInScope(caller, survivorId);
  const [merge] = await caller.db
    .select()
    .from(childMerges)
    .where(and(eq(childMerges.id, mergeId), eq(childMerges.survivingId, survivorId)))
    .for('update');
  if (merge === undefined) throw notFound([survivorId]);
  const moved = merge.moved as Moved;
  const mergedOwner =
    (moved as Partial<Moved>).mergedOwner ?? responsibleOrganisation(survivor.facts, caller.today);
  if (!mayUndoMerge(caller.actor, survivor.facts, mergedOwner, caller.today))
    throw forbidden([survivorId, merge.mergedId]);
  if (merge.revertedAt !== null) throw conflict('already_reverted', 'This merge was already undone');
  const mergedId = merge.mergedId;
  for (const [table, ids] of Object.entries(moved.rows)) {
    if (!(MOVED_TABLES as readonly string[]).includes(table) || ids.length === 0) continue;
    await caller.db.execute(
      sql`update ${sql.identifier(table)} set child_id = ${mergedId} where child_id = ${survivorId} and id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  if (moved.caseStates.length > 0) {
    await caller.db
      .update(caseStates)
      .set({ childId: mergedId })
      .where(and(eq(caseStates.childId, survivorId), inArray(caseStates.machine, moved.caseStates)));
  }
  await swapStates(caller.db, survivorId, mergedId, moved.caseStatesSwapped);
  if (moved.caseOfficers.length > 0) {
    await caller.db
      .update(caseOfficers)
      .set({ childId: mergedId })
      .where(and(eq(caseOfficers.childId, survivorId), inArray(caseOfficers.userId, moved.caseOfficers)));
  }
  if (moved.childIntake)
    await caller.db.update(childIntake).set({ childId: mergedId }).where(eq(childIntake.childId, survivorId));
  if (moved.asylumCase === 'moved')
    await caller.db.update(asylumCases).set({ childId: mergedId }).where(eq(asylumCases.childId, survivorId));
  if (moved.asylumCase === 'swapped') await swapAsylum(caller.db, survivorId, mergedId);
  if (moved.identifierId !== null)
    await caller.db.delete(childIdentifiers).where(eq(childIdentifiers.id, moved.identifierId));
  await caller.db.update(children).set({ mergedIntoId: null }).where(eq(children.id, mergedId));
  await caller.db
    .update(childMerges)
    .set({ revertedBy: caller.actor.userId, revertedAt: caller.now })
    .where(eq(childMerges.id, mergeId));
  caller.audit.children([survivorId, mergedId]);
  caller.audit.detail('mergeId', mergeId);
  return { mergedId };
}
