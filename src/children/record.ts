/**
 * The child's record as one identity: the basic data (names, stated birth date, gender) edited with optimistic
 * concurrency and field-level history, further identifiers (dossier numbers, personnummer, samordningsnummer), and
 * possible duplicates (search before create). Who may change them: src/domain/search/records.ts.
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { childAccess } from '../domain/access/child-scope.ts';
import {
  duplicateReasons,
  type DuplicateProbe,
  type DuplicateReason,
} from '../domain/search/child-search.ts';
import { parseIdentityNumber } from '../domain/search/identity-number.ts';
import {
  BASIC_FIELDS,
  changedFields,
  mayEditRecord,
  mayMergeInto,
  type BasicData,
} from '../domain/search/records.ts';
import {
  childIdentifiers,
  childIntake,
  childMerges,
  children,
  fieldChanges,
  users,
} from '../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import { presentSummary } from './present.ts';
import { loadChildrenWithFacts, type ChildRow } from './repository.ts';
import { scopeInput, scopeSql, searchableChildren } from './search.ts';
import { lookupFor } from './use-cases.ts';
import { childInScope, type Caller } from '../case/caller.ts';

import type { ChildRecordSchema, ChildSummary, HistoryResponse, IdentifierKind } from './contract.ts';

export type ChildRecord = Answer<z.output<typeof ChildRecordSchema>>;

function basicData(child: ChildRow): BasicData {
  return {
    firstName: child.firstName,
    lastName: child.lastName,
    statedBirthDate: child.statedBirthDate,
    gender: child.gender,
  };
}

/** The child in scope whose record the caller may change (403 when they see the child but may not, 404 outside). */
async function editableChild(caller: Caller, childId: string) {
  const found = await childInScope(caller, childId);
  if (!mayEditRecord(found.access)) throw forbidden([childId]);
  return found;
}

async function presentRecord(caller: Caller, child: ChildRow, mayMergeIt: boolean): Promise<ChildRecord> {
  const [identifiers, merges] = await Promise.all([
    caller.db
      .select()
      .from(childIdentifiers)
      .where(eq(childIdentifiers.childId, child.id))
      .orderBy(asc(childIdentifiers.createdAt), asc(childIdentifiers.value)),
    caller.db
      .select({ merge: childMerges, mergedDossierNumber: children.dossierNumber })
      .from(childMerges)
      .innerJoin(children, eq(children.id, childMerges.mergedId))
      .where(eq(childMerges.survivingId, child.id))
      .orderBy(desc(childMerges.mergedAt)),
  ]);
  return {
    childId: child.id,
    version: child.version,
    dossierNumber: child.dossierNumber,
    firstName: child.firstName,
    lastName: child.lastName,
    birthDate: child.birthDate,
    statedBirthDate: child.statedBirthDate,
    gender: child.gender,
    identifiers: identifiers.map((i) => ({
      id: i.id,
      // The column holds only these kinds (they are the only ones ever written: addIdentifier, registration).
      kind: i.kind as IdentifierKind,
      value: i.value,
      addedAt: i.createdAt.toISOString(),
    })),
    mayMerge: mayMergeIt,
    merges: merges.map(({ merge, mergedDossierNumber }) => ({
      id: merge.id,
      mergedId: merge.mergedId,
      mergedDossierNumber,
      mergedAt: merge.mergedAt.toISOString(),
      revertedAt: merge.revertedAt?.toISOString() ?? null,
    })),
  };
}

export async function readRecord(caller: Caller, childId: string): Promise<ChildRecord> {
  const { child, facts } = await editableChild(caller, childId);
  caller.audit.children([childId]);
  return presentRecord(caller, child, mayMergeInto(caller.actor, facts, caller.today));
}

export interface BasicDataEdit {
  readonly version: number;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly statedBirthDate?: string | null | undefined;
  readonly gender?: string | undefined;
}

/** The latest change of the record, as shown next to a stale edit. */
async function lastChange(caller: Caller, childId: string) {
  const rows = await caller.db
    .select({
      field: fieldChanges.field,
      newValue: fieldChanges.newValue,
      changedAt: fieldChanges.changedAt,
      by: users.displayName,
    })
    .from(fieldChanges)
    .innerJoin(users, eq(users.id, fieldChanges.changedBy))
    .where(and(eq(fieldChanges.childId, childId), eq(fieldChanges.entity, 'child')))
    .orderBy(desc(fieldChanges.changedAt))
    .limit(BASIC_FIELDS.length);
  const latest = rows[0];
  if (latest === undefined) return null;
  const same = rows.filter((r) => r.changedAt.getTime() === latest.changedAt.getTime());
  return {
    changedBy: latest.by,
    changedAt: latest.changedAt.toISOString(),
    fields: same.map((r) => r.field),
  };
}

/**
 * Changes the basic data if nobody changed it since the caller read `version`: otherwise 409 `stale` with the record
 * as it is now and who changed it last, so the caller can compare and re-apply. Every changed field is recorded.
 */
export async function editBasicData(
  caller: Caller,
  childId: string,
  edit: BasicDataEdit,
): Promise<ChildRecord> {
  const { facts } = await editableChild(caller, childId);
  if (edit.statedBirthDate != null && edit.statedBirthDate > caller.today) {
    throw unprocessable('date_in_future', 'The stated birth date may not lie in the future', [
      { field: 'body.statedBirthDate', code: 'future', message: 'Datumet kan inte ligga i framtiden' },
    ]);
  }
  const [child] = await caller.db.select().from(children).where(eq(children.id, childId)).for('update');
  if (child === undefined) throw notFound([childId]);
  const mayMergeIt = mayMergeInto(caller.actor, facts, caller.today);
  if (child.version !== edit.version) {
    caller.audit.detail('stale', true);
    throw stale('Someone else changed the child’s basic data after you opened it', {
      record: await presentRecord(caller, child, mayMergeIt),
      lastChange: await lastChange(caller, childId),
    });
  }
  const changes = changedFields(basicData(child), {
    ...(edit.firstName === undefined ? {} : { firstName: edit.firstName }),
    ...(edit.lastName === undefined ? {} : { lastName: edit.lastName }),
    ...(edit.statedBirthDate === undefined ? {} : { statedBirthDate: edit.statedBirthDate }),
    ...(edit.gender === undefined ? {} : { gender: edit.gender }),
  });
  caller.audit.children([childId]);
  caller.audit.detail(
    'fields',
    changes.map((c) => c.field),
  );
  if (changes.length === 0) return presentRecord(caller, child, mayMergeIt);
  const set: { firstName?: string; lastName?: string; gender?: string; statedBirthDate?: string | null } = {};
  for (const c of changes) {
    if (c.field === 'statedBirthDate') set.statedBirthDate = c.newValue;
    else if (c.newValue !== null) set[c.field] = c.newValue;
  }
  const [updated] = await caller.db
    .update(children)
    .set({ ...set, version: child.version + 1 })
    .where(and(eq(children.id, childId), eq(children.version, child.version)))
    .returning();
  if (updated === undefined)
    throw conflict('stale', 'Someone else changed the child’s basic data at the same moment');
  await caller.db.insert(fieldChanges).values(
    changes.map((c) => ({
      childId,
      entity: 'child',
      entityId: childId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      changedBy: caller.actor.userId,
      changedAt: caller.now,
    })),
  );
  return presentRecord(caller, updated, mayMergeIt);
}

/** Validates and normalises an identifier: 400 with a Swedish field error when it is not a valid number of its kind. */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'dossier') {
    if (!/^[0-9]{4,12}$/.test(trimmed)) {
      throw badRequest('validation', 'A dossier number is 4–12 digits', [
        { field: 'body.value', code: 'dossier_format', message: 'Aktnumret ska vara 4–12 siffror' },
      ]);
    }
    return trimmed;
  }
  const parsed = parseIdentityNumber(trimmed);
  if (parsed === null) {
    throw badRequest('validation', 'Not a valid personnummer or samordningsnummer', [
      {
        field: 'body.value',
        code: 'personnummer_invalid',
        message: 'Ogiltigt person- eller samordningsnummer: kontrollera datum och kontrollsiffra',
      },
    ]);
  }
  if (parsed.kind !== kind) {
    throw badRequest('validation', `The number is a ${parsed.kind}`, [
      {
        field: 'body.kind',
        code: `is_${parsed.kind}`,
        message:
          parsed.kind === 'samordningsnummer'
            ? 'Numret är ett samordningsnummer'
            : 'Numret är ett personnummer',
      },
    ]);
  }
  return parsed.value;
}

export async function addIdentifier(
  caller: Caller,
  childId: string,
  input: { kind: IdentifierKind; value: string },
): Promise<{ id: string; kind: IdentifierKind; value: string }> {
  await editableChild(caller, childId);
  const value = normaliseIdentifier(input.kind, input.value);
  const [asIdentifier, asDossier] = await Promise.all([
    caller.db
      .select({ childId: childIdentifiers.childId })
      .from(childIdentifiers)
      .where(and(eq(childIdentifiers.kind, input.kind), eq(childIdentifiers.value, value))),
    input.kind === 'dossier'
      ? caller.db.select({ childId: children.id }).from(children).where(eq(children.dossierNumber, value))
      : [],
  ]);
  const taken = [...asIdentifier, ...asDossier];
  if (taken.length > 0) {
    // Never which child holds it: the caller may not see that record. Another record of the same child can be merged.
    const own = taken.some((t) => t.childId === childId);
    throw conflict(
      own ? 'identifier_exists' : 'identifier_taken',
      own ? 'The child already has this identifier' : 'Another record has this identifier',
      [
        {
          field: 'body.value',
          code: own ? 'identifier_exists' : 'identifier_taken',
          message: own
            ? 'Barnet har redan det här numret'
            : 'Numret finns redan på en annan post – sök efter dubbletter och slå ihop dem',
        },
      ],
    );
  }
  const [row] = await caller.db
    .insert(childIdentifiers)
    .values({ childId, kind: input.kind, value, addedBy: caller.actor.userId, createdAt: caller.now })
    .returning({ id: childIdentifiers.id });
  if (row === undefined) throw new Error('identifier not written');
  await caller.db.insert(fieldChanges).values({
    childId,
    entity: 'child_identifier',
    entityId: row.id,
    field: input.kind,
    oldValue: null,
    newValue: value,
    changedBy: caller.actor.userId,
    changedAt: caller.now,
  });
  caller.audit.children([childId]);
  caller.audit.detail('identifierKind', input.kind);
  return { id: row.id, kind: input.kind, value };
}

export type HistoryEntry = z.output<typeof HistoryResponse>[number];

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** Every recorded change of the child's record (basic data and identifiers), newest first, with who and when. */
export async function readHistory(caller: Caller, childId: string): Promise<HistoryEntry[]> {
  await editableChild(caller, childId);
  const rows = await caller.db
    .select({ change: fieldChanges, by: users.displayName })
    .from(fieldChanges)
    .innerJoin(users, eq(users.id, fieldChanges.changedBy))
    .where(
      and(eq(fieldChanges.childId, childId), inArray(fieldChanges.entity, ['child', 'child_identifier'])),
    )
    .orderBy(desc(fieldChanges.changedAt), asc(fieldChanges.field));
  caller.audit.children([childId]);
  caller.audit.detail('entries', rows.length);
  return rows.map(({ change, by }) => ({
    id: change.id,
    entity: change.entity,
    field: change.field,
    oldValue: asText(change.oldValue),
    newValue: asText(change.newValue),
    changedBy: by,
    changedAt: change.changedAt.toISOString(),
  }));
}

export interface DuplicateQuery extends DuplicateProbe {
  /** The record being looked at (not a duplicate of itself). */
  readonly excludeId?: string | undefined;
}

/**
 * Records in the caller's scope that may be the same child: the same dossier or identity number, or the same birth
 * date and a similar name (only where the caller may see the name). Found in SQL by number or birth date, decided by
 * the pure rule.
 */
export async function findDuplicates(
  caller: Caller,
  query: DuplicateQuery,
): Promise<{ child: ChildSummary; reasons: DuplicateReason[] }[]> {
  const numbers = sql`exists (select 1 from child_identifiers i where i.child_id = ${children.id} and (${sql.join(
    [
      query.dossierNumber === undefined
        ? sql`false`
        : sql`(i.kind = 'dossier' and i.value = ${query.dossierNumber})`,
      query.identityNumber === undefined
        ? sql`false`
        : sql`(i.kind <> 'dossier' and i.value = ${query.identityNumber})`,
    ],
    sql` or `,
  )}))`;
  const by = [
    ...(query.dossierNumber === undefined ? [] : [eq(children.dossierNumber, query.dossierNumber)]),
    ...(query.birthDate === undefined
      ? []
      : [or(eq(children.birthDate, query.birthDate), eq(children.statedBirthDate, query.birthDate))]),
    numbers,
  ];
  const scope = await scopeInput(caller.db, caller.actor, caller.today, caller.now);
  const rows = await caller.db
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        isNull(children.mergedIntoId),
        query.excludeId === undefined ? sql`true` : ne(children.id, query.excludeId),
        or(...by),
        scopeSql(scope),
      ),
    )
    .orderBy(asc(children.dossierNumber))
    .limit(200);
  const loaded = await loadChildrenWithFacts(
    caller.db,
    rows.map((r) => r.id),
  );
  const ids = loaded.map((l) => l.child.id);
  const [searchable, lookup, intake] = await Promise.all([
    searchableChildren(caller.db, loaded),
    lookupFor(caller.db, []),
    ids.length === 0
      ? []
      : caller.db
          .select({ childId: childIntake.childId, nameVariants: childIntake.nameVariants })
          .from(childIntake)
          .where(inArray(childIntake.childId, ids)),
  ]);
  const variants = new Map(intake.map((r) => [r.childId, r.nameVariants]));
  const found: { child: ChildSummary; reasons: DuplicateReason[] }[] = [];
  for (const one of loaded) {
    const access = childAccess(caller.actor, one.facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: scope.grants,
    });
    const base = searchable.get(one.child.id);
    if (access.view === 'none' || base === undefined) continue;
    const reasons = duplicateReasons(
      { ...base, nameVariants: variants.get(one.child.id) ?? [] },
      query,
      access.identity === 'visible',
    );
    if (reasons.length === 0) continue;
    found.push({ child: presentSummary(one.child, one.facts, access, caller.today, lookup), reasons });
  }
  const shown = found.slice(0, 20);
  caller.audit.children(shown.map((f) => f.child.id));
  caller.audit.detail('shown', shown.length);
  return shown;
}
