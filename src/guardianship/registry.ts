/**
 * The registry of gode män, kept by the guardianship authorities: contact, languages, the municipalities whose
 * authority the god man takes assignments from, availability, and the current wards (counted from `guardianships`,
 * never stored). Each authority maintains only its own municipalities in a profile; a god man serving several
 * authorities is one person with one profile. The authority's own ward limit is a policy that warns, never refuses.
 */
import { and, asc, count, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  godManProfiles,
  guardianshipPolicies,
  guardianships,
  municipalities,
  organisations,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { conflict, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import type { Caller } from '../case/caller.ts';
import { DEFAULT_MAX_WARDS, wardLimitWarning } from '../domain/guardianship/rules.ts';
import { requireGuardianshipAuthority } from './scope.ts';

/** Current wards per god man on `on` (links that have begun and not ended). */
export async function wardCounts(
  db: DbOrTx,
  userIds: readonly string[],
  on: string,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: guardianships.guardianUserId, n: count() })
    .from(guardianships)
    .where(
      and(
        inArray(guardianships.guardianUserId, [...userIds]),
        eq(guardianships.kind, 'god_man'),
        lte(guardianships.fromDate, on),
        or(isNull(guardianships.toDate), gt(guardianships.toDate, on)),
      ),
    )
    .groupBy(guardianships.guardianUserId);
  return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}

export interface Policy {
  readonly maxWardsPerGodMan: number;
  /** True when the authority has not set its own limit and Anvisa's default applies. */
  readonly isDefault: boolean;
}

export async function policyFor(db: DbOrTx, organisationId: string): Promise<Policy> {
  const [row] = await db
    .select()
    .from(guardianshipPolicies)
    .where(eq(guardianshipPolicies.organisationId, organisationId));
  return row === undefined
    ? { maxWardsPerGodMan: DEFAULT_MAX_WARDS, isDefault: true }
    : { maxWardsPerGodMan: row.maxWardsPerGodMan, isDefault: false };
}

export async function setPolicy(
  caller: Caller,
  input: { readonly maxWardsPerGodMan: number },
): Promise<Policy> {
  requireGuardianshipAuthority(caller);
  await caller.db
    .insert(guardianshipPolicies)
    .values({
      organisationId: caller.actor.organisationId,
      maxWardsPerGodMan: input.maxWardsPerGodMan,
      updatedBy: caller.actor.userId,
      updatedAt: caller.now,
    })
    .onConflictDoUpdate({
      target: guardianshipPolicies.organisationId,
      set: {
        maxWardsPerGodMan: input.maxWardsPerGodMan,
        updatedBy: caller.actor.userId,
        updatedAt: caller.now,
      },
    });
  caller.audit.detail('maxWardsPerGodMan', input.maxWardsPerGodMan);
  return { maxWardsPerGodMan: input.maxWardsPerGodMan, isDefault: false };
}

/** Users holding the god man role today. */
async function activeGodMen(
  db: DbOrTx,
  userIds?: readonly string[],
): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.role, 'god_man'),
        isNull(roleAssignments.revokedAt),
        eq(users.disabled, false),
        ...(userIds === undefined ? [] : [inArray(users.id, [...userIds])]),
      ),
    )
    .orderBy(asc(users.displayName));
}

export interface RegistryEntry {
  readonly userId: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly languages: readonly string[];
  readonly municipalityCodes: readonly string[];
  readonly available: boolean;
  readonly wards: number;
  /** Whether one more appointment would take the god man past the authority's limit (the rule's warning, not a refusal). */
  readonly overLimitIfAppointed: boolean;
  readonly inRegistry: boolean;
  readonly version: number;
}

type Profile = typeof godManProfiles.$inferSelect;

const serves = (profile: Profile, served: readonly string[]) =>
  profile.municipalityCodes.some((c) => served.includes(c));

function entry(
  person: { id: string; name: string },
  profile: Profile | undefined,
  wards: number,
  policy: Policy,
): RegistryEntry {
  return {
    userId: person.id,
    name: person.name,
    email: profile?.email ?? null,
    phone: profile?.phone ?? null,
    languages: profile?.languages ?? [],
    municipalityCodes: profile?.municipalityCodes ?? [],
    available: profile?.available ?? false,
    wards,
    overLimitIfAppointed: wardLimitWarning(wards, policy.maxWardsPerGodMan) !== null,
    inRegistry: profile !== undefined,
    version: profile?.version ?? 0,
  };
}

/**
 * The authority's registry: gode män whose profile names one of its municipalities, and gode män of the pool not yet
 * in any registry (so that the authority can add them). Others' registries stay out of sight.
 */
export async function listRegistry(
  caller: Caller,
): Promise<{ policy: Policy; served: { code: string; name: string }[]; items: RegistryEntry[] }> {
  requireGuardianshipAuthority(caller);
  const served = caller.actor.municipalityCodes;
  const people = await activeGodMen(caller.db);
  const profiles = new Map((await caller.db.select().from(godManProfiles)).map((p) => [p.userId, p]));
  const visible = people.filter((p) => {
    const profile = profiles.get(p.id);
    return profile === undefined || serves(profile, served);
  });
  const wards = await wardCounts(
    caller.db,
    visible.map((p) => p.id),
    caller.today,
  );
  const policy = await policyFor(caller.db, caller.actor.organisationId);
  const items = visible.map((p) => entry(p, profiles.get(p.id), wards.get(p.id) ?? 0, policy));
  caller.audit.detail('shown', items.length);
  const names =
    served.length === 0
      ? []
      : await caller.db
          .select({ code: municipalities.code, name: municipalities.name })
          .from(municipalities)
          .where(inArray(municipalities.code, [...served]));
  return { policy, served: names.sort((a, b) => a.name.localeCompare(b.name, 'sv')), items };
}

/** One god man as the authority's registry shows them, or 404 when they are in another authority's registry only. */
export async function registryEntry(caller: Caller, userId: string): Promise<RegistryEntry> {
  const [person] = await activeGodMen(caller.db, [userId]);
  if (person === undefined) throw notFound();
  const [profile] = await caller.db.select().from(godManProfiles).where(eq(godManProfiles.userId, userId));
  if (profile !== undefined && !serves(profile, caller.actor.municipalityCodes)) throw notFound();
  const wards = await wardCounts(caller.db, [userId], caller.today);
  return entry(
    person,
    profile,
    wards.get(userId) ?? 0,
    await policyFor(caller.db, caller.actor.organisationId),
  );
}

export interface ProfileInput {
  readonly email: string | null;
  readonly phone: string | null;
  readonly languages: readonly string[];
  readonly municipalityCodes: readonly string[];
  readonly available: boolean;
}

function requireServed(caller: Caller, codes: readonly string[], allowEmpty = false): void {
  const foreign = codes.filter((c) => !caller.actor.municipalityCodes.includes(c));
  if (foreign.length > 0 || (codes.length === 0 && !allowEmpty)) {
    throw unprocessable('validation', 'Choose municipalities that your guardianship authority serves', [
      {
        field: 'body.municipalityCodes',
        code: codes.length === 0 ? 'required' : 'not_served',
        message:
          codes.length === 0 ? 'Välj minst en kommun' : `Överförmyndaren betjänar inte ${foreign.join(', ')}`,
      },
    ]);
  }
}

const cleanLanguages = (languages: readonly string[]) => [
  ...new Set(languages.map((l) => l.trim().toLocaleLowerCase('sv')).filter((l) => l !== '')),
];

/** Registers a new god man: a user in the god man pool with the god man role and a profile in this registry. */
export async function registerGodMan(
  caller: Caller,
  input: ProfileInput & { readonly subject: string; readonly name: string },
): Promise<{ id: string }> {
  requireGuardianshipAuthority(caller);
  requireServed(caller, input.municipalityCodes);
  const [existing] = await caller.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.subject, input.subject));
  if (existing !== undefined) {
    throw conflict('duplicate_subject', 'A user with this login id exists', [
      { field: 'body.subject', code: 'duplicate_user', message: 'Inloggnings-id:t används redan' },
    ]);
  }
  const [pool] = await caller.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.type, 'god_man_pool'))
    .limit(1);
  if (pool === undefined) throw new Error('no god man pool organisation');
  const [user] = await caller.db
    .insert(users)
    .values({ subject: input.subject, displayName: input.name, email: input.email })
    .returning({ id: users.id });
  if (user === undefined) throw new Error('user not written');
  await caller.db
    .insert(roleAssignments)
    .values({ userId: user.id, organisationId: pool.id, role: 'god_man', grantedBy: caller.actor.userId });
  await caller.db.insert(godManProfiles).values({
    userId: user.id,
    email: input.email,
    phone: input.phone,
    languages: cleanLanguages(input.languages),
    municipalityCodes: [...new Set(input.municipalityCodes)],
    available: input.available,
  });
  caller.audit.detail('godManId', user.id);
  return { id: user.id };
}

/**
 * Creates or changes a god man's profile. The authority sets only its own municipalities in the list; the others'
 * stay as they were. `expectedVersion` guards against a concurrent change (409 with the profile as it is now).
 */
export async function updateProfile(
  caller: Caller,
  userId: string,
  input: ProfileInput & { readonly expectedVersion: number },
): Promise<RegistryEntry> {
  requireGuardianshipAuthority(caller);
  const current = await registryEntry(caller, userId);
  if (current.version !== input.expectedVersion)
    throw stale('Someone else changed the profile after you opened it', current);
  const others = current.municipalityCodes.filter((c) => !caller.actor.municipalityCodes.includes(c));
  // An authority may take the god man out of its own registry while others keep them.
  requireServed(caller, input.municipalityCodes, others.length > 0);
  const values = {
    email: input.email,
    phone: input.phone,
    languages: cleanLanguages(input.languages),
    municipalityCodes: [...new Set([...others, ...input.municipalityCodes])],
    available: input.available,
    version: current.version + 1,
  };
  if (current.inRegistry)
    await caller.db.update(godManProfiles).set(values).where(eq(godManProfiles.userId, userId));
  else await caller.db.insert(godManProfiles).values({ userId, ...values });
  caller.audit.detail('godManId', userId);
  return { ...current, ...values };
}
