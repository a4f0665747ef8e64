/**
 * Opening the asylum case: when the Migration Agency registers an arriving child, the application is dated the
 * arrival and the birth date the child gave is both the stated and the registered one (age_records keeps the history
 * from here on). Three statements, so registration stays fast.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { ageRecords, asylumCases, children } from '../platform/db/schema.ts';

export interface OpenAsylumCase {
  readonly childId: string;
  readonly appliedOn: string;
  /** The birth date as the child stated it at registration. */
  readonly birthDate: string;
  readonly recordedBy: string | null;
}

export async function openAsylumCase(db: DbOrTx, input: OpenAsylumCase): Promise<void> {
  await db
    .insert(asylumCases)
    .values({ childId: input.childId, appliedOn: input.appliedOn, interviewDates: [] });
  await db.update(children).set({ statedBirthDate: input.birthDate }).where(eq(children.id, input.childId));
  const record = {
    childId: input.childId,
    birthDate: input.birthDate,
    decidedOn: input.appliedOn,
    recordedBy: input.recordedBy,
  };
  await db.insert(ageRecords).values([
    { ...record, kind: 'stated' },
    { ...record, kind: 'registered' },
  ]);
}
