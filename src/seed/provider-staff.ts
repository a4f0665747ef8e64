/**
 * The demo's placement provider as an organisation (ADR 0025 point 4): Nils Persson, staff at one of Malmö's HVB —
 * the one with the most children placed there today, then the first by name — sees the children placed there now.
 * Run after the children's cases of the first start. The first start seeds only the tests' fixture children, whom the
 * case seeders leave unplaced, so on `npm start` Malmö's register is made here, as the case seeders would make it at
 * Malmö's first placement; the children the growth then places there, on whatever date, are the ones he sees.
 */
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { seededRandom } from '../domain/random.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  organisations,
  placementProviders,
  placements,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { registerProvider } from '../placement/providers.ts';
import { providerFor } from './case-placement.ts';
import type { SeedActors } from './case-seeding.ts';

export const PROVIDER_STAFF_USER = { key: 'nils.persson', name: 'Nils Persson' } as const;
const MALMO = '1280';
const PROVIDER_SEED = 5_000_000;

/** Malmö's HVB with the most children placed there on `today` (then by name), if Malmö has an HVB. */
async function busiestHvb(db: DbOrTx, today: string): Promise<{ id: string; name: string } | undefined> {
  const placed = sql<number>`count(${placements.id})`;
  const [row] = await db
    .select({ id: placementProviders.id, name: placementProviders.name })
    .from(placementProviders)
    .leftJoin(
      placements,
      and(
        eq(placements.providerId, placementProviders.id),
        lte(placements.fromDate, today),
        or(isNull(placements.toDate), gt(placements.toDate, today)),
      ),
    )
    .where(and(eq(placementProviders.municipalityCode, MALMO), eq(placementProviders.form, 'hvb')))
    .groupBy(placementProviders.id, placementProviders.name)
    .orderBy(desc(placed), asc(placementProviders.name))
    .limit(1);
  return row;
}

/**
 * The provider organisation and its demo user. When Malmö has no HVB yet (no child placed there so far), its register
 * is made as the case seeders make it (`registerAll`, the demo) or one HVB is registered (the tests' fixture database,
 * where no child is placed: the tests place the children they need).
 */
export async function seedProviderStaff(
  db: DbOrTx,
  actors: SeedActors,
  today: string,
  registerAll: boolean,
): Promise<void> {
  const subject = `dev:${PROVIDER_STAFF_USER.key}`;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.subject, subject));
  if (existing !== undefined) return;
  if ((await busiestHvb(db, today)) === undefined) {
    if (registerAll) await providerFor(actors, MALMO, today, 'hvb', seededRandom(PROVIDER_SEED));
    else
      await registerProvider(await actors.as('unit_manager', MALMO, today), {
        name: 'HVB Solrosen',
        form: 'hvb',
        places: 8,
        targetGroups: [],
        languages: ['dari', 'arabiska'],
        permitReference: null,
        active: true,
      });
  }
  const provider = await busiestHvb(db, today);
  if (provider === undefined) throw new Error('no HVB in Malmö');
  const [organisation] = await db
    .insert(organisations)
    .values({
      type: 'provider',
      // No municipality or county of its own: those are the municipal and regional organisations' (lookups by
      // municipality code find social services); the provider's municipality is the register's.
      name: `${provider.name}, Malmö`,
      providerId: provider.id,
    })
    .returning({ id: organisations.id });
  const [user] = await db
    .insert(users)
    .values({
      subject,
      displayName: PROVIDER_STAFF_USER.name,
      email: `${PROVIDER_STAFF_USER.key}@example.se`,
    })
    .returning({ id: users.id });
  if (organisation === undefined || user === undefined) throw new Error('provider staff not written');
  await db
    .insert(roleAssignments)
    .values({ userId: user.id, organisationId: organisation.id, role: 'provider_staff' });
}
