/**
 * Placement providers of a municipality (HVB, stödboende, familjehem, jourhem, SiS units) and their free places.
 * A municipality's social services see and (unit managers) keep their own register; the county coordinator sees the
 * capacity of the county's municipalities. Other organisations' providers answer 404. Changes carry the version the
 * editor saw: a stale change answers 409 with the provider as it is now.
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { and, asc, count, eq, gt, inArray, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { freePlaces } from '../domain/placement/rules.ts';
import { PLACEMENT_FORMS, type PlacementForm, type TargetGroup } from '../domain/placement/vocabulary.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { municipalities, placementProviders, placements } from '../platform/db/schema.ts';
import { conflict, forbidden, notFound, stale } from '../platform/http/errors.ts';
import type { Caller } from '../case/caller.ts';
import type { CapacityRowSchema, ProviderBody, ProviderSchema } from './contract.ts';

type ProviderInput = Answer<z.output<typeof ProviderBody>>;
export type Provider = z.output<typeof ProviderSchema>;
type CapacityRow = z.output<typeof CapacityRowSchema>;

/** Which providers the actor may see, as a condition; null for roles without a register. */
function scopeCondition(actor: Actor): SQL | null {
  if (actor.organisationType === 'municipality' && actor.municipalityCodes.length > 0) {
    return inArray(placementProviders.municipalityCode, [...actor.municipalityCodes]);
  }
  if (actor.organisationType === 'county_board' && actor.countyCode !== null)
    return like(placementProviders.municipalityCode, `${actor.countyCode}%`);
  return null;
}

const asForm = (value: string): PlacementForm =>
  (PLACEMENT_FORMS as readonly string[]).find((f) => f === value) as PlacementForm;

async function loadProviders(db: DbOrTx, where: SQL | undefined, today: string): Promise<Provider[]> {
  const occupied = db
    .select({ providerId: placements.providerId, n: count().as('n') })
    .from(placements)
    .where(and(lte(placements.fromDate, today), or(isNull(placements.toDate), gt(placements.toDate, today))))
    .groupBy(placements.providerId)
    .as('occupied');
  const rows = await db
    .select({
      p: placementProviders,
      municipalityName: municipalities.name,
      occupied: sql<number>`coalesce(${occupied.n}, 0)`.mapWith(Number),
    })
    .from(placementProviders)
    .innerJoin(municipalities, eq(municipalities.code, placementProviders.municipalityCode))
    .leftJoin(occupied, eq(occupied.providerId, placementProviders.id))
    .where(where)
    .orderBy(
      asc(placementProviders.municipalityCode),
      asc(placementProviders.form),
      asc(placementProviders.name),
    );
  return rows.map(({ p, municipalityName, occupied: n }) => ({
    id: p.id,
    municipality: { code: p.municipalityCode, name: municipalityName },
    name: p.name,
    form: asForm(p.form),
    places: p.places,
    occupied: n,
    free: freePlaces(p.places, n),
    targetGroups: p.targetGroups as TargetGroup[],
    languages: p.languages,
    permitReference: p.permitReference,
    active: p.active,
    version: p.version,
  }));
}

/** Places, current placements and free places per municipality and form (active providers only). */
export function capacityOf(providers: readonly Provider[]): CapacityRow[] {
  const rows = new Map<string, CapacityRow>();
  for (const p of providers.filter((x) => x.active)) {
    const key = `${p.municipality.code}:${p.form}`;
    const row = rows.get(key) ?? {
      municipalityCode: p.municipality.code,
      form: p.form,
      providers: 0,
      places: 0,
      occupied: 0,
      free: 0,
    };
    rows.set(key, {
      ...row,
      providers: row.providers + 1,
      places: row.places + p.places,
      occupied: row.occupied + p.occupied,
      free: row.free + p.free,
    });
  }
  return [...rows.values()];
}

export async function listProviders(
  caller: Caller,
  filter: { readonly municipalityCode?: string | undefined; readonly form?: PlacementForm | undefined },
): Promise<{ providers: Provider[]; capacity: CapacityRow[] }> {
  const scope = scopeCondition(caller.actor);
  if (scope === null) throw forbidden();
  const conditions = [
    scope,
    filter.municipalityCode === undefined
      ? undefined
      : eq(placementProviders.municipalityCode, filter.municipalityCode),
    filter.form === undefined ? undefined : eq(placementProviders.form, filter.form),
  ];
  const providers = await loadProviders(caller.db, and(...conditions), caller.today);
  caller.audit.detail('providers', providers.length);
  return { providers, capacity: capacityOf(providers) };
}

/** One provider in the actor's scope, or 404. */
export async function providerInScope(caller: Caller, providerId: string): Promise<Provider> {
  const scope = scopeCondition(caller.actor);
  if (scope === null) throw notFound();
  const [provider] = await loadProviders(
    caller.db,
    and(scope, eq(placementProviders.id, providerId)),
    caller.today,
  );
  if (provider === undefined) throw notFound();
  return provider;
}

async function refuseDuplicate(
  db: DbOrTx,
  municipalityCode: string,
  input: ProviderInput,
  exceptId: string | null,
): Promise<void> {
  const [same] = await db
    .select({ id: placementProviders.id })
    .from(placementProviders)
    .where(
      and(
        eq(placementProviders.municipalityCode, municipalityCode),
        eq(placementProviders.form, input.form),
        sql`lower(${placementProviders.name}) = lower(${input.name})`,
        exceptId === null ? undefined : ne(placementProviders.id, exceptId),
      ),
    );
  if (same !== undefined) {
    throw conflict(
      'duplicate_provider',
      'The municipality already has a provider of this form with this name',
      [
        {
          field: 'name',
          code: 'placement_provider_duplicate_name',
          message: 'Det finns redan en utförare med det namnet och den placeringsformen',
        },
      ],
    );
  }
}

/** A unit manager registers a provider in the own municipality's register. */
export async function registerProvider(caller: Caller, input: ProviderInput): Promise<Provider> {
  const municipalityCode =
    caller.actor.organisationType === 'municipality' ? caller.actor.municipalityCodes[0] : undefined;
  if (municipalityCode === undefined) throw forbidden();
  await refuseDuplicate(caller.db, municipalityCode, input, null);
  const [row] = await caller.db
    .insert(placementProviders)
    .values({
      municipalityCode,
      ...input,
      targetGroups: [...input.targetGroups],
      languages: [...input.languages],
    })
    .returning({ id: placementProviders.id });
  if (row === undefined) throw new Error('provider not written');
  caller.audit.detail('providerId', row.id);
  return providerInScope(caller, row.id);
}

/**
 * Changes a provider the editor saw at `version`. The form cannot change once children have been placed there:
 * their placements would no longer match it.
 */
export async function changeProvider(
  caller: Caller,
  providerId: string,
  input: ProviderInput & { readonly version: number },
): Promise<Provider> {
  if (caller.actor.organisationType !== 'municipality') throw notFound();
  const current = await providerInScope(caller, providerId);
  caller.audit.detail('providerId', providerId);
  if (current.version !== input.version)
    throw stale('Someone else changed this provider after you opened it', current);
  if (input.form !== current.form) {
    const [used] = await caller.db
      .select({ n: count() })
      .from(placements)
      .where(eq(placements.providerId, providerId));
    if ((used?.n ?? 0) > 0) {
      throw conflict(
        'provider_in_use',
        'Children have been placed with this provider; its form cannot change',
        [
          {
            field: 'form',
            code: 'placement_provider_in_use',
            message: 'Barn har placerats hos utföraren; placeringsformen kan inte ändras',
          },
        ],
      );
    }
  }
  await refuseDuplicate(caller.db, current.municipality.code, input, providerId);
  const { version: _seen, ...values } = input;
  const changed = await caller.db
    .update(placementProviders)
    .set({
      ...values,
      targetGroups: [...input.targetGroups],
      languages: [...input.languages],
      version: current.version + 1,
    })
    .where(and(eq(placementProviders.id, providerId), eq(placementProviders.version, current.version)))
    .returning({ id: placementProviders.id });
  if (changed.length === 0)
    throw stale(
      'Someone else changed this provider after you opened it',
      await providerInScope(caller, providerId),
    );
  return providerInScope(caller, providerId);
}
