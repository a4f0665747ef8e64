/**
 * The people who act in the generated demo data. Where a demo user holds the role for the organisation (Sara Lind in
 * Malmö, Per Ek at Malmö's guardianship authority …) the demo acts as that user, so their worklists show real work;
 * elsewhere it creates one staff member per organisation and role (subject `seed:<role>:<organisation>`, not offered by
 * the dev login), with the role assignment, as an administrator would.
 */
import { and, eq, isNull, like } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import type { OrganisationType, Role } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  guardianshipAuthorityMunicipalities,
  organisations,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { SILENT_AUDIT } from '../platform/http/route.ts';
import type { Caller } from '../case/caller.ts';
import type { SeedActors } from './case-seeding.ts';

interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly municipalityCodes: readonly string[];
  readonly countyCode: string | null;
}

/** The instant an action dated `date` happened: 10:00 Swedish time that day, or `now` for today. */
export function instantOn(date: string, today: string, now: Date): Date {
  return date === today ? now : new Date(`${date}T09:00:00Z`);
}

export function seedActors(db: DbOrTx, now: Date, today: string): SeedActors {
  const organisationCache = new Map<string, Organisation>();
  const actorCache = new Map<string, Actor>();

  async function organisationFor(role: Role, municipalityCode: string | null): Promise<Organisation> {
    const key = `${role}:${municipalityCode ?? ''}`;
    const cached = organisationCache.get(key);
    if (cached !== undefined) return cached;
    let row:
      | { id: string; name: string; type: string; municipalityCode: string | null; countyCode: string | null }
      | undefined;
    if (role === 'allocation_officer') {
      [row] = await db
        .select()
        .from(organisations)
        .where(
          and(eq(organisations.type, 'migration_agency'), like(organisations.name, '%Bosättningsenheten%')),
        );
    } else if (role === 'asylum_officer' || role === 'compensation_officer') {
      [row] = await db
        .select()
        .from(organisations)
        .where(and(eq(organisations.type, 'migration_agency'), isNull(organisations.parentId)));
    } else if (role === 'county_coordinator' || role === 'grant_officer') {
      // The county board of the municipality's county.
      [row] = await db
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.type, 'county_board'),
            eq(organisations.countyCode, (municipalityCode ?? '').slice(0, 2)),
          ),
        );
    } else if (
      role === 'social_worker' ||
      role === 'unit_manager' ||
      role === 'grant_applicant' ||
      role === 'finance_officer'
    ) {
      [row] = await db
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.type, 'municipality'),
            eq(organisations.municipalityCode, municipalityCode ?? ''),
          ),
        );
    } else if (role === 'guardianship_officer') {
      const [served] = await db
        .select({ id: guardianshipAuthorityMunicipalities.organisationId })
        .from(guardianshipAuthorityMunicipalities)
        .where(eq(guardianshipAuthorityMunicipalities.municipalityCode, municipalityCode ?? ''));
      if (served !== undefined)
        [row] = await db.select().from(organisations).where(eq(organisations.id, served.id));
    } else if (role === 'health_staff') {
      [row] = await db
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.type, 'region'),
            eq(organisations.countyCode, (municipalityCode ?? '').slice(0, 2)),
          ),
        );
    } else if (role === 'god_man') {
      [row] = await db.select().from(organisations).where(eq(organisations.type, 'god_man_pool'));
    }
    if (row === undefined)
      throw new Error(`no organisation for ${role} in ${municipalityCode ?? 'the nation'}`);
    const codes =
      row.type === 'guardianship_authority'
        ? (
            await db
              .select({ code: guardianshipAuthorityMunicipalities.municipalityCode })
              .from(guardianshipAuthorityMunicipalities)
              .where(eq(guardianshipAuthorityMunicipalities.organisationId, row.id))
          ).map((r) => r.code)
        : row.municipalityCode === null
          ? []
          : [row.municipalityCode];
    const organisation: Organisation = {
      id: row.id,
      name: row.name,
      type: row.type as OrganisationType,
      municipalityCodes: codes,
      countyCode: row.countyCode,
    };
    organisationCache.set(key, organisation);
    return organisation;
  }

  async function actorFor(role: Role, organisation: Organisation): Promise<Actor> {
    const key = `${role}:${organisation.id}`;
    const cached = actorCache.get(key);
    if (cached !== undefined) return cached;
    // A demo user with this role here (the first by name), else a generated staff member.
    const [demo] = await db
      .select({ userId: roleAssignments.userId, clearance: roleAssignments.protectedIdentityClearance })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(
          eq(roleAssignments.organisationId, organisation.id),
          eq(roleAssignments.role, role),
          isNull(roleAssignments.revokedAt),
          like(users.subject, 'dev:%'),
        ),
      )
      .orderBy(users.displayName)
      .limit(1);
    let userId = demo?.userId;
    if (userId === undefined) {
      const subject = `seed:${role}:${organisation.id}`;
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.subject, subject));
      userId = existing?.id;
      if (userId === undefined) {
        const [created] = await db
          .insert(users)
          .values({ subject, displayName: `${STAFF_NAMES[role] ?? 'Handläggare'} (${organisation.name})` })
          .returning({ id: users.id });
        if (created === undefined) throw new Error('staff user not created');
        userId = created.id;
        await db.insert(roleAssignments).values({ userId, organisationId: organisation.id, role });
      }
    }
    const actor: Actor = {
      userId,
      organisationId: organisation.id,
      organisationType: organisation.type,
      role,
      municipalityCodes: organisation.municipalityCodes,
      countyCode: organisation.countyCode,
      protectedIdentityClearance: demo?.clearance ?? false,
      providerId: null,
    };
    actorCache.set(key, actor);
    return actor;
  }

  return {
    async as(role, municipalityCode, date): Promise<Caller> {
      const actor = await actorFor(role, await organisationFor(role, municipalityCode));
      return { db, actor, now: instantOn(date, today, now), today: date, audit: SILENT_AUDIT };
    },
    async godMen(): Promise<readonly string[]> {
      const pool = await organisationFor('god_man', null);
      const rows = await db
        .select({ id: roleAssignments.userId })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.organisationId, pool.id),
            eq(roleAssignments.role, 'god_man'),
            isNull(roleAssignments.revokedAt),
          ),
        );
      return rows.map((r) => r.id);
    },
  };
}

const STAFF_NAMES: Partial<Record<Role, string>> = {
  social_worker: 'Socialsekreterare',
  unit_manager: 'Enhetschef',
  guardianship_officer: 'Handläggare, överförmyndare',
  health_staff: 'Sjuksköterska, hälsoundersökning',
  asylum_officer: 'Asylhandläggare',
  allocation_officer: 'Anvisningshandläggare',
  county_coordinator: 'Länssamordnare',
  grant_officer: 'Bidragshandläggare',
  grant_applicant: 'Bidragssökande',
  finance_officer: 'Ekonomihandläggare',
};
