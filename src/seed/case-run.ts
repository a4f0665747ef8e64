/**
 * Runs the capabilities' seeders for one child (src/seed/case-seeders.ts), with the child's facts as the seeders
 * need them.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { childIntake, children, responsibilityPeriods } from '../platform/db/schema.ts';
import type { Random, SeedActors, SeedChild } from './case-seeding.ts';
import { CASE_SEEDERS } from './case-seeders.ts';

export async function seedChildFacts(db: DbOrTx, childId: string, index: number): Promise<SeedChild> {
  const [child] = await db.select().from(children).where(eq(children.id, childId));
  if (child === undefined) throw new Error(`no child ${childId}`);
  const [intake] = await db
    .select({ languages: childIntake.languages })
    .from(childIntake)
    .where(eq(childIntake.childId, childId));
  const periods = await db
    .select()
    .from(responsibilityPeriods)
    .where(eq(responsibilityPeriods.childId, childId))
    .orderBy(asc(responsibilityPeriods.fromDate));
  const arrival = periods.find((p) => p.kind === 'arrival') ?? periods[0];
  const assigned = periods.find((p) => p.kind === 'assigned');
  return {
    id: childId,
    index,
    birthDate: child.birthDate,
    gender: child.gender === 'female' || child.gender === 'male' ? child.gender : 'other',
    languages: intake?.languages ?? [],
    arrivalDate: arrival?.fromDate ?? child.createdAt.toISOString().slice(0, 10),
    arrivalMunicipalityCode: arrival?.municipalityCode ?? '',
    decidedOn: assigned?.fromDate ?? null,
    assignedMunicipalityCode: assigned?.municipalityCode ?? null,
  };
}

export async function seedCase(
  db: DbOrTx,
  actors: SeedActors,
  childId: string,
  index: number,
  today: string,
  random: Random,
): Promise<void> {
  if (CASE_SEEDERS.length === 0) return;
  const child = await seedChildFacts(db, childId, index);
  for (const seeder of CASE_SEEDERS) await seeder.seed(actors, child, random, today);
}
