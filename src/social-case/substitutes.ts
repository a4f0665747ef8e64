/**
 * Substitutes during an absence, set by the unit manager for their own organisation: in the period the substitute
 * sees the absent worker's cases as their own ("my cases") and counts as the child's assigned worker (health section).
 */
import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { addDays } from '../domain/time.ts';
import type { Caller } from '../case/caller.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { substitutes, users } from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { SubstituteBody, SubstituteSchema } from './contract.ts';
import { caseworkersOf } from './workers.ts';

type Substitute = z.infer<typeof SubstituteSchema>;

const absentUser = alias(users, 'absent_user');
const standInUser = alias(users, 'stand_in_user');

/** The organisation's current and planned substitutes. */
export async function listSubstitutes(caller: Caller): Promise<Substitute[]> {
  const rows = await caller.db
    .select({ s: substitutes, absentName: absentUser.displayName, standInName: standInUser.displayName })
    .from(substitutes)
    .innerJoin(absentUser, eq(absentUser.id, substitutes.absentUserId))
    .innerJoin(standInUser, eq(standInUser.id, substitutes.substituteUserId))
    .where(
      and(eq(substitutes.organisationId, caller.actor.organisationId), gte(substitutes.toDate, caller.today)),
    )
    .orderBy(asc(substitutes.fromDate));
  caller.audit.detail('substitutes', rows.length);
  return rows.map((r) => ({
    id: r.s.id,
    absent: { userId: r.s.absentUserId, name: r.absentName },
    substitute: { userId: r.s.substituteUserId, name: r.standInName },
    fromDate: r.s.fromDate,
    toDate: r.s.toDate,
  }));
}

type SetSubstitute = z.output<typeof SubstituteBody>;

export async function setSubstitute(caller: Caller, input: SetSubstitute): Promise<{ id: string }> {
  const org = caller.actor.organisationId;
  const problems: { field: string; code: string; message: string }[] = [];
  const eligible = await caseworkersOf(caller.db, org, [input.absentUserId, input.substituteUserId]);
  if (!eligible.includes(input.absentUserId))
    problems.push({
      field: 'body.absentUserId',
      code: 'not_caseworker',
      message: 'Personen är inte handläggare i er organisation',
    });
  if (!eligible.includes(input.substituteUserId))
    problems.push({
      field: 'body.substituteUserId',
      code: 'not_caseworker',
      message: 'Personen är inte handläggare i er organisation',
    });
  if (input.absentUserId === input.substituteUserId)
    problems.push({
      field: 'body.substituteUserId',
      code: 'same_worker',
      message: 'Ersättaren kan inte vara den som är frånvarande',
    });
  if (input.toDate < input.fromDate)
    problems.push({
      field: 'body.toDate',
      code: 'substitute_dates',
      message: 'Slutdatumet kan inte ligga före startdatumet',
    });
  else if (input.toDate < caller.today)
    problems.push({ field: 'body.toDate', code: 'substitute_past', message: 'Perioden har redan passerat' });
  if (problems.length === 0) {
    const [overlap] = await caller.db
      .select({ id: substitutes.id })
      .from(substitutes)
      .where(
        and(
          eq(substitutes.organisationId, org),
          eq(substitutes.absentUserId, input.absentUserId),
          lte(substitutes.fromDate, input.toDate),
          gte(substitutes.toDate, input.fromDate),
        ),
      );
    if (overlap !== undefined)
      problems.push({
        field: 'body.fromDate',
        code: 'substitute_overlap',
        message: 'Det finns redan en ersättare för en del av perioden',
      });
  }
  if (problems.length > 0)
    throw unprocessable('invalid_substitute', 'The substitute cannot be set', problems);
  const [row] = await caller.db
    .insert(substitutes)
    .values({ organisationId: org, ...input, setBy: caller.actor.userId })
    .returning({ id: substitutes.id });
  if (row === undefined) throw new Error('substitute not written');
  await notifyUsers(
    caller.db,
    [input.substituteUserId],
    'case_assigned',
    null,
    { substituteId: row.id, fromDate: input.fromDate, toDate: input.toDate },
    caller.now,
  );
  caller.audit.detail('substituteId', row.id);
  return row;
}

/** Ends a substitute early: a period not yet begun (or begun today) is withdrawn, a running one ends yesterday. */
export async function endSubstitute(
  caller: Caller,
  substituteId: string,
): Promise<{ id: string; toDate: string | null }> {
  const [row] = await caller.db
    .select()
    .from(substitutes)
    .where(
      and(eq(substitutes.id, substituteId), eq(substitutes.organisationId, caller.actor.organisationId)),
    );
  if (row === undefined) throw notFound();
  caller.audit.detail('substituteId', row.id);
  if (row.toDate < caller.today) return { id: row.id, toDate: row.toDate };
  if (row.fromDate >= caller.today) {
    await caller.db.delete(substitutes).where(eq(substitutes.id, row.id));
    return { id: row.id, toDate: null };
  }
  const toDate = addDays(caller.today, -1);
  await caller.db
    .update(substitutes)
    .set({ toDate })
    .where(and(eq(substitutes.id, row.id), ne(substitutes.toDate, toDate)));
  return { id: row.id, toDate };
}
