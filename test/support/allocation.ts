/** Demo data plus many children waiting for a decision, for the concurrency test and the allocation benchmark. */
import { eq } from 'drizzle-orm';
import { registerArrival } from '../../src/allocation/intake.ts';
import type { Caller } from '../../src/case/caller.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import type { Database, DbOrTx } from '../../src/platform/db/client.ts';
import { roleAssignments, users } from '../../src/platform/db/schema.ts';
import { SILENT_AUDIT } from '../../src/platform/http/route.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedDemo } from '../../src/seed/demo.ts';

export interface WaitingChildren {
  readonly officerId: string;
  /** The demo allocation officer as a use-case caller on a given handle (the database or a transaction). */
  readonly caller: (db: DbOrTx) => Caller;
  readonly childIds: string[];
}

export async function seedWaitingChildren(
  database: Database,
  count: number,
  now: Date,
  dossierStart: number,
): Promise<WaitingChildren> {
  const today = stockholmDate(now);
  await loadReferenceData(database.db);
  await seedDemo(database, now, today, 24);
  const [officer] = await database.db
    .select({ userId: users.id, organisationId: roleAssignments.organisationId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(eq(users.subject, 'dev:anna.alm'));
  if (officer === undefined) throw new Error('the demo allocation officer is missing');
  const caller = (db: DbOrTx): Caller => ({
    db,
    actor: {
      userId: officer.userId,
      organisationId: officer.organisationId,
      organisationType: 'migration_agency',
      role: 'allocation_officer',
      municipalityCodes: [],
      countyCode: null,
      protectedIdentityClearance: false,
      providerId: null,
    },
    now,
    today,
    audit: SILENT_AUDIT,
  });
  const childIds = await database.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { id } = await registerArrival(caller(tx), {
        dossierNumber: String(dossierStart + i),
        firstName: 'Barn',
        lastName: `Nummer${i}`,
        nameVariants: [],
        birthDate: '2010-01-01',
        gender: i % 12 === 0 ? 'female' : 'male',
        citizenship: 'Afghanistan',
        languages: ['dari'],
        interpreterNeeded: true,
        protectedIdentity: false,
        whereabouts: null,
        arrivalMunicipalityCode: '1287',
        arrivalDate: today,
        siblingOfChildId: null,
        relative: null,
        specialNeeds: null,
        wishes: null,
        ageInDoubt: false,
      });
      ids.push(id);
    }
    return ids;
  });
  return { officerId: officer.userId, caller, childIds };
}
