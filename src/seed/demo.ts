/**
 * Demo data for `npm start`: organisations, one user per role (some with roles in several organisations) and
 * children in several municipalities, one of them with a protected identity. Deterministic (seeded).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../domain/access/roles.ts';
import { seededRandom } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import { writeAuditEvent } from '../audit/writer.ts';
import { registerChild, type Caller } from '../children/use-cases.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import { caseOfficers, guardianships, journalEntries, responsibilityPeriods, roleAssignments, users } from '../platform/db/schema.ts';
import type { AuditScope } from '../platform/http/route.ts';
import { createOrganisations, type OrganisationIndex } from './organisations.ts';

export interface DemoUser {
  readonly key: string;
  readonly name: string;
  readonly roles: readonly { readonly org: (o: OrganisationIndex) => string; readonly role: Role; readonly clearance?: boolean }[];
}

const muni = (code: string) => (o: OrganisationIndex) => o.municipality.get(code) ?? '';
const guardianship = (code: string) => (o: OrganisationIndex) => o.guardianship.get(code) ?? '';

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'anna.alm', name: 'Anna Alm', roles: [{ org: (o) => o.migrationAgencyUnit, role: 'allocation_officer' }] },
  { key: 'omar.said', name: 'Omar Said', roles: [{ org: (o) => o.migrationAgency, role: 'asylum_officer' }] },
  { key: 'eva.strom', name: 'Eva Ström', roles: [{ org: (o) => o.migrationAgency, role: 'compensation_officer' }] },
  { key: 'mv.dso', name: 'Mats Wik', roles: [{ org: (o) => o.migrationAgency, role: 'data_protection_officer' }] },
  { key: 'mv.admin', name: 'Ulla Admin', roles: [{ org: (o) => o.migrationAgency, role: 'administrator' }] },
  { key: 'sara.lind', name: 'Sara Lind', roles: [{ org: muni('1280'), role: 'social_worker', clearance: true }] },
  { key: 'ali.hassan', name: 'Ali Hassan', roles: [{ org: muni('1280'), role: 'social_worker' }] },
  { key: 'karin.berg', name: 'Karin Berg', roles: [{ org: muni('1280'), role: 'unit_manager', clearance: true }] },
  { key: 'malmo.dso', name: 'Mikael Ek', roles: [{ org: muni('1280'), role: 'data_protection_officer' }] },
  { key: 'malmo.admin', name: 'Maja Admin', roles: [{ org: muni('1280'), role: 'administrator' }] },
  {
    key: 'elin.dahl',
    name: 'Elin Dahl',
    roles: [
      { org: muni('1280'), role: 'social_worker' },
      { org: muni('1281'), role: 'unit_manager' },
    ],
  },
  { key: 'johan.nilsson', name: 'Johan Nilsson', roles: [{ org: muni('2281'), role: 'social_worker' }] },
  { key: 'sundsvall.dso', name: 'Sofia Dahlberg', roles: [{ org: muni('2281'), role: 'data_protection_officer' }] },
  { key: 'per.ek', name: 'Per Ek', roles: [{ org: guardianship('1280'), role: 'guardianship_officer' }] },
  { key: 'tove.mitt', name: 'Tove Sund', roles: [{ org: guardianship('2281'), role: 'guardianship_officer' }] },
  { key: 'birgitta.sjo', name: 'Birgitta Sjö', roles: [{ org: (o) => o.godManPool, role: 'god_man' }] },
  { key: 'hans.gren', name: 'Hans Gren', roles: [{ org: (o) => o.godManPool, role: 'god_man' }] },
  { key: 'lena.holm', name: 'Lena Holm', roles: [{ org: (o) => o.region.get('12') ?? '', role: 'health_staff' }] },
  { key: 'nils.polis', name: 'Nils Berglund', roles: [{ org: (o) => o.police, role: 'police_officer' }] },
  { key: 'maria.lst', name: 'Maria Lundqvist', roles: [{ org: (o) => o.countyBoard.get('12') ?? '', role: 'county_coordinator' }] },
];

const BOYS = ['Mohammad', 'Ahmad', 'Ali', 'Hussein', 'Abdulrahman', 'Mustafa', 'Yonas', 'Abdullahi', 'Reza', 'Hamid', 'Omar', 'Samir'];
const GIRLS = ['Fatima', 'Maryam', 'Amina', 'Zahra', 'Helen', 'Sara', 'Hodan', 'Nasrin', 'Lina'];
const SURNAMES = ['Ahmadi', 'Hosseini', 'Mohammadi', 'Rezaei', 'Haile', 'Tesfay', 'Warsame', 'Abdi', 'Al-Hassan', 'Karimi', 'Jafari', 'Osman'];
/** Arrival → assigned municipality pairs used by the demo children. */
const FLOWS: readonly (readonly [string, string | null])[] = [
  ['1280', '1280'],
  ['1280', '2281'],
  ['0180', '1280'],
  ['1480', '1281'],
  ['1280', null],
  ['0180', '2281'],
  ['1480', '1480'],
  ['0180', '0180'],
];

export const CANARY = { firstName: 'Zephyrina', lastName: 'Quillfeather', whereabouts: 'Kanariegatan 7, 211 99 Malmö' };

const silentAudit: AuditScope = { children() {}, emergency() {}, purpose() {}, detail() {}, kind() {}, skip() {} };

export interface DemoSummary {
  readonly users: number;
  readonly children: number;
}

export async function seedDemo(database: { db: Db }, now: Date, today: string, childCount = 60): Promise<DemoSummary> {
  return database.db.transaction(async (tx) => {
    const orgs = await createOrganisations(tx);
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx.insert(users).values({ subject: `dev:${u.key}`, displayName: u.name, email: `${u.key}@example.se` }).returning({ id: users.id });
      if (row === undefined) throw new Error('user insert failed');
      userIds.set(u.key, row.id);
      for (const r of u.roles) {
        await tx.insert(roleAssignments).values({ userId: row.id, organisationId: r.org(orgs), role: r.role, protectedIdentityClearance: r.clearance ?? false });
      }
    }
    const officer = userIds.get('anna.alm') ?? '';
    const caller: Caller = {
      db: tx,
      actor: {
        userId: officer,
        organisationId: orgs.migrationAgencyUnit,
        organisationType: 'migration_agency',
        role: 'allocation_officer',
        municipalityCodes: [],
        countyCode: null,
        protectedIdentityClearance: false,
      },
      now,
      today,
      audit: silentAudit,
    };
    const random = seededRandom(20261123);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const year = Number(today.slice(0, 4));
    for (let i = 0; i < childCount; i++) {
      const girl = random() < 0.2;
      const canary = i === 0;
      const [arrival, assigned] = FLOWS[i % FLOWS.length] ?? ['1280', null];
      const age = 13 + Math.floor(random() * 5);
      const birthDate = `${year - age - 1}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const arrivalDate = addDays(today, -(10 + Math.floor(random() * 200)));
      const { id } = await registerChild(caller, {
        dossierNumber: String(20_000_100 + i),
        firstName: canary ? CANARY.firstName : pick(girl ? GIRLS : BOYS),
        lastName: canary ? CANARY.lastName : pick(SURNAMES),
        birthDate,
        gender: girl ? 'female' : 'male',
        protectedIdentity: canary,
        whereabouts: canary ? CANARY.whereabouts : `HVB ${pick(['Solrosen', 'Linden', 'Hamnen', 'Björken'])}`,
        arrivalMunicipalityCode: arrival,
        arrivalDate,
      });
      await auditSeed(tx, 'child.register', officer, orgs.migrationAgencyUnit, id, now);
      await tx.insert(caseOfficers).values({ childId: id, userId: officer });
      if (assigned !== null) {
        const decided = addDays(arrivalDate, 2);
        await tx.update(responsibilityPeriods).set({ toDate: decided }).where(and(eq(responsibilityPeriods.childId, id), isNull(responsibilityPeriods.toDate)));
        await tx.insert(responsibilityPeriods).values({ childId: id, municipalityCode: assigned, kind: 'assigned', fromDate: decided, ownerOrganisationId: orgs.migrationAgencyUnit });
      }
      const responsible = assigned ?? arrival;
      if (i % 3 === 0) {
        const godMan = i % 2 === 0 ? 'birgitta.sjo' : 'hans.gren';
        await tx.insert(guardianships).values({
          childId: id,
          guardianUserId: userIds.get(godMan) ?? '',
          kind: 'god_man',
          fromDate: addDays(arrivalDate, 3),
          ownerOrganisationId: orgs.guardianship.get(responsible) ?? orgs.godManPool,
        });
      }
      if (arrival === '1280') {
        await tx.insert(journalEntries).values({
          childId: id,
          ownerOrganisationId: orgs.municipality.get('1280') ?? '',
          authorUserId: userIds.get('sara.lind') ?? '',
          body: 'Skyddsbedömning gjord vid ankomst. Placerad på jourhem i väntan på anvisning.',
          createdAt: new Date(`${arrivalDate}T12:00:00Z`),
        });
      }
    }
    return { users: DEMO_USERS.length, children: childCount };
  });
}

async function auditSeed(db: DbOrTx, kind: 'child.register', userId: string, organisationId: string, childId: string, now: Date) {
  await writeAuditEvent(
    db,
    {
      kind,
      outcome: 'allowed',
      requestId: `seed-${randomUUID()}`,
      actor: { userId, organisationId, role: 'allocation_officer' },
      purpose: 'demo data',
      childIds: [childId],
      emergency: false,
      payload: { route: 'seed' },
    },
    now,
  );
}
