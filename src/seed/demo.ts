/**
 * Demo data for `npm start`: organisations, one user per role (some with roles in several organisations) and
 * children in several municipalities, one of them with a protected identity. Deterministic (seeded).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '../domain/access/roles.ts';
import { seededRandom, weightedPicker } from '../domain/random.ts';
import { isAdultOn } from '../domain/asylum/minor.ts';
import { addDays } from '../domain/time.ts';
import { defaultRoutine } from '../domain/missing/routine.ts';
import { writeAuditEvent } from '../audit/writer.ts';
import { decide, proposalFor } from '../allocation/decide.ts';
import { registerArrival, type RelativeInput } from '../allocation/intake.ts';
import { importShares, populationShareCsv } from '../allocation/shares-use-cases.ts';
import type { Caller } from '../case/caller.ts';
import { crashPoint } from '../platform/crash-point.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import {
  anvisningDecisions,
  guardianships,
  journalEntries,
  municipalities,
  municipalMissingPolicies,
  population,
  regionalRoutines,
  relativeAssessments,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { SILENT_AUDIT } from '../platform/http/route.ts';
import { seedActors } from './actors.ts';
import { seedCase } from './case-run.ts';
import { seedProviderStaff } from './provider-staff.ts';
import { seedCounty } from './county.ts';
import { seedNetworks } from './networks.ts';
import { seedGrants } from './grants.ts';
import { seedSpecialGrants } from './special-grants.ts';
import { seedCompensation } from './compensation.ts';
import { seedClaims } from './claims.ts';
import { seedCompensationPlacement, seedPayouts } from './payouts.ts';
import { seedSupervision } from './supervision.ts';
import { seedArrivalHistory } from './statistics.ts';
import { writeJournal } from '../social-case/personakt.ts';
import { createOrganisations, type OrganisationIndex } from './organisations.ts';

const ARRIVAL_NOTE = 'Skyddsbedömning gjord vid ankomst. Placerad på jourhem i väntan på anvisning.';

/** Base of the per-child random streams of the case seeders. */
export const CASE_SEED = 4_000_000;

export interface DemoUser {
  readonly key: string;
  readonly name: string;
  readonly roles: readonly {
    readonly org: (o: OrganisationIndex) => string;
    readonly role: Role;
    readonly clearance?: boolean;
  }[];
}

const muni = (code: string) => (o: OrganisationIndex) => o.municipality.get(code) ?? '';
const guardianship = (code: string) => (o: OrganisationIndex) => o.guardianship.get(code) ?? '';

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: 'anna.alm',
    name: 'Anna Alm',
    roles: [{ org: (o) => o.migrationAgencyUnit, role: 'allocation_officer' }],
  },
  {
    key: 'jonas.berg',
    name: 'Jonas Berg',
    roles: [{ org: (o) => o.migrationAgencyUnit, role: 'allocation_officer' }],
  },
  { key: 'omar.said', name: 'Omar Said', roles: [{ org: (o) => o.migrationAgency, role: 'asylum_officer' }] },
  {
    key: 'eva.strom',
    name: 'Eva Ström',
    roles: [{ org: (o) => o.migrationAgency, role: 'compensation_officer' }],
  },
  {
    key: 'mv.dso',
    name: 'Mats Wik',
    roles: [{ org: (o) => o.migrationAgency, role: 'data_protection_officer' }],
  },
  { key: 'mv.admin', name: 'Ulla Admin', roles: [{ org: (o) => o.migrationAgency, role: 'administrator' }] },
  {
    key: 'sara.lind',
    name: 'Sara Lind',
    roles: [{ org: muni('1280'), role: 'social_worker', clearance: true }],
  },
  { key: 'ali.hassan', name: 'Ali Hassan', roles: [{ org: muni('1280'), role: 'social_worker' }] },
  {
    key: 'karin.berg',
    name: 'Karin Berg',
    roles: [{ org: muni('1280'), role: 'unit_manager', clearance: true }],
  },
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
  {
    key: 'sundsvall.dso',
    name: 'Sofia Dahlberg',
    roles: [{ org: muni('2281'), role: 'data_protection_officer' }],
  },
  { key: 'per.ek', name: 'Per Ek', roles: [{ org: guardianship('1280'), role: 'guardianship_officer' }] },
  {
    key: 'tove.mitt',
    name: 'Tove Sund',
    roles: [{ org: guardianship('2281'), role: 'guardianship_officer' }],
  },
  { key: 'birgitta.sjo', name: 'Birgitta Sjö', roles: [{ org: (o) => o.godManPool, role: 'god_man' }] },
  { key: 'hans.gren', name: 'Hans Gren', roles: [{ org: (o) => o.godManPool, role: 'god_man' }] },
  {
    key: 'lena.holm',
    name: 'Lena Holm',
    roles: [{ org: (o) => o.region.get('12') ?? '', role: 'health_staff' }],
  },
  {
    key: 'nils.polis',
    name: 'Nils Berglund',
    roles: [{ org: (o) => o.policeRegion.get('syd') ?? '', role: 'police_officer' }],
  },
  {
    key: 'stina.polis',
    name: 'Stina Åberg',
    roles: [{ org: (o) => o.policeRegion.get('stockholm') ?? '', role: 'police_officer' }],
  },
  {
    key: 'linnea.sand',
    name: 'Linnea Sand',
    roles: [{ org: muni('1280'), role: 'capacity_reporter' }],
  },
  {
    key: 'maria.lst',
    name: 'Maria Lundqvist',
    roles: [{ org: (o) => o.countyBoard.get('12') ?? '', role: 'county_coordinator' }],
  },
  {
    key: 'gustav.bidrag',
    name: 'Gustav Strand',
    roles: [{ org: (o) => o.countyBoard.get('12') ?? '', role: 'grant_officer' }],
  },
  {
    key: 'hanna.bidrag',
    name: 'Hanna Berglöf',
    roles: [{ org: (o) => o.countyBoard.get('06') ?? '', role: 'grant_officer' }],
  },
  { key: 'malmo.bidrag', name: 'Amir Karimi', roles: [{ org: muni('1280'), role: 'grant_applicant' }] },
  { key: 'malmo.ekonomi', name: 'Fredrik Holm', roles: [{ org: muni('1280'), role: 'finance_officer' }] },
  {
    key: 'ingrid.tillsyn',
    name: 'Ingrid Malm',
    roles: [{ org: (o) => o.countyBoard.get('12') ?? '', role: 'supervision_inspector' }],
  },
];

export const BOYS = [
  'Mohammad',
  'Ahmad',
  'Ali',
  'Hussein',
  'Abdulrahman',
  'Mustafa',
  'Yonas',
  'Abdullahi',
  'Reza',
  'Hamid',
  'Omar',
  'Samir',
];
export const GIRLS = ['Fatima', 'Maryam', 'Amina', 'Zahra', 'Helen', 'Sara', 'Hodan', 'Nasrin', 'Lina'];
export const SURNAMES = [
  'Ahmadi',
  'Hosseini',
  'Mohammadi',
  'Rezaei',
  'Haile',
  'Tesfay',
  'Warsame',
  'Abdi',
  'Al-Hassan',
  'Karimi',
  'Jafari',
  'Osman',
];
export const CITIZENSHIPS = ['Afghanistan', 'Syrien', 'Somalia', 'Eritrea', 'Marocko', 'Irak'];
export const LANGUAGES: Record<string, string[]> = {
  Afghanistan: ['dari', 'pashto'],
  Syrien: ['arabiska'],
  Somalia: ['somaliska'],
  Eritrea: ['tigrinja'],
  Marocko: ['arabiska', 'franska'],
  Irak: ['arabiska', 'kurdiska'],
};
export const RELATIONS = ['morbror', 'faster', 'kusin', 'äldre bror', 'moster'];
const STREETS = ['Storgatan', 'Kyrkogatan', 'Skolvägen', 'Björkvägen', 'Järnvägsgatan', 'Parkvägen'];

/**
 * A stated relative with made-up contact details, derived from the child's number (no draw from the random stream,
 * so the rest of the demo stays as it was).
 */
export function demoRelative(municipalityCode: string, relation: string, index: number): RelativeInput {
  const n = index + 7;
  return {
    municipalityCode,
    relation,
    name: `${BOYS[n % BOYS.length] ?? 'Ali'} ${SURNAMES[(n * 5) % SURNAMES.length] ?? 'Ahmadi'}`,
    address: `${STREETS[n % STREETS.length] ?? 'Storgatan'} ${1 + (n % 40)}`,
    // 070-174 06 05 … 070-174 06 99: numbers Post- och telestyrelsen sets aside for fiction, never a subscriber's.
    phone: `070-174 06 ${String(5 + (n % 95)).padStart(2, '0')}`,
  };
}
/**
 * Arrival → assigned municipality of the first demo children (tests rely on them): assigned through a relative
 * there, or null when the child is still waiting for a decision.
 */
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
const FIXTURE_CHILDREN = 24;
/** The first demo children arrived between 3 and this many days before today. */
const ARRIVALS_BACK = 422;
/** Where children first turn up: the large cities and the ports of arrival. */
export const ARRIVAL_MUNICIPALITIES = ['1280', '0180', '1480', '1287', '0380', '1281', '0580'];

export const CANARY = {
  firstName: 'Zephyrina',
  lastName: 'Quillfeather',
  whereabouts: 'Kanariegatan 7, 211 99 Malmö',
};

export interface DemoSummary {
  readonly users: number;
  readonly children: number;
  readonly decisions: number;
  readonly waiting: number;
}

interface ChildSpec {
  readonly index: number;
  readonly arrival: string;
  readonly arrivalDate: string;
  /** Fixture children: the municipality they are assigned to through a relative; null: still waiting. */
  readonly fixedAssignment: string | null | undefined;
  readonly relative: string | null;
  readonly assessment: 'suitable' | 'unsuitable' | 'open';
  readonly sibling: boolean;
  readonly girl: boolean;
}

/** A drawn birth date moved a year later while it would make the child 18 or older on arrival (only children arrive). */
export function minorOnArrival(birthDate: string, arrivalDate: string): string {
  let date = birthDate;
  while (isAdultOn(date, arrivalDate)) date = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return date;
}

function childSpecs(
  count: number,
  today: string,
  random: () => number,
  populationCodes: (r: () => number) => string,
): ChildSpec[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const specs: ChildSpec[] = [];
  for (let i = 0; i < count; i++) {
    const fixture = i < FIXTURE_CHILDREN;
    const [arrival, assigned] = FLOWS[i % FLOWS.length] ?? ['1280', null];
    const sibling = !fixture && random() < 0.06 && specs.length > FIXTURE_CHILDREN;
    const previous = specs[specs.length - 1];
    const relative = fixture ? (assigned ?? null) : random() < 0.17 ? populationCodes(random) : null;
    specs.push({
      index: i,
      arrival: sibling && previous ? previous.arrival : fixture ? arrival : pick(ARRIVAL_MUNICIPALITIES),
      arrivalDate:
        sibling && previous
          ? previous.arrivalDate
          : addDays(today, -(3 + Math.floor(random() * (ARRIVALS_BACK - 2)))),
      fixedAssignment: fixture ? assigned : undefined,
      relative: sibling ? null : relative,
      assessment: fixture
        ? 'suitable'
        : random() < 0.75
          ? 'suitable'
          : random() < 0.6
            ? 'unsuitable'
            : 'open',
      sibling,
      girl: i !== 0 && random() < 0.2,
    });
  }
  return specs;
}

export interface SeedOptions {
  /**
   * Take every decided child through its case with the capabilities' seeders (the demo of `npm start`). Off for the
   * integration tests' fixture database, which instead links the fixture children's gode män and journal notes
   * directly (faster; the tests drive the case use cases themselves).
   */
  readonly caseSeeders?: boolean;
}

/**
 * The routines for children who go missing that the demo knows: Skåne's regional plan (launched by the county board on
 * 14 December 2018, in force from the turn of the year; hours as Anvisa's defaults, since the plan's own are not
 * stored) and Malmö's local routine, which closes an episode without grounds for LVU after three weeks (issue 12). Other
 * counties have none recorded: their episodes follow the defaults, and say so.
 */
async function seedMissingRoutines(db: DbOrTx): Promise<void> {
  const skane = defaultRoutine('12');
  await db.insert(regionalRoutines).values({
    countyCode: '12',
    validFrom: '2019-01-01',
    reference: 'Regional plan för ensamkommande barn som försvinner, Länsstyrelsen Skåne (2018-12-14)',
    recipients: skane.recipients,
    closureMinimum: skane.closureMinimum,
    returnTalkWithinHours: skane.returnTalkWithinHours,
    repeatEpisodes: skane.repeat.episodes,
    repeatWithinDays: skane.repeat.withinDays,
  });
  await db.insert(municipalMissingPolicies).values({
    municipalityCode: '1280',
    validFrom: '2019-01-01',
    policyReference:
      'Malmö stad, rutin för ensamkommande barn som avviker: avslut efter tre veckor utan grund för LVU',
    closureMinimum: { days: 21 },
  });
}

export async function seedDemo(
  database: { db: Db },
  now: Date,
  today: string,
  childCount = 60,
  options: SeedOptions = {},
): Promise<DemoSummary> {
  const caseSeeders = options.caseSeeders ?? false;
  return database.db.transaction(async (tx) => {
    const orgs = await createOrganisations(tx);
    crashPoint('seed-organisations');
    await seedMissingRoutines(tx);
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ subject: `dev:${u.key}`, displayName: u.name, email: `${u.key}@example.se` })
        .returning({ id: users.id });
      if (row === undefined) throw new Error('user insert failed');
      userIds.set(u.key, row.id);
      for (const r of u.roles) {
        await tx.insert(roleAssignments).values({
          userId: row.id,
          organisationId: r.org(orgs),
          role: r.role,
          protectedIdentityClearance: r.clearance ?? false,
        });
      }
    }
    const officer = userIds.get('anna.alm') ?? '';
    const actors = seedActors(tx, now, today);
    const callerOn = (date: string): Caller => ({
      db: tx,
      actor: {
        userId: officer,
        organisationId: orgs.migrationAgencyUnit,
        organisationType: 'migration_agency',
        role: 'allocation_officer',
        municipalityCodes: [],
        countyCode: null,
        protectedIdentityClearance: false,
        providerId: null,
      },
      now: date === today ? now : new Date(`${date}T10:00:00Z`),
      today: date,
      audit: SILENT_AUDIT,
    });
    const year = Number(today.slice(0, 4));
    // Shares for every year a demo child may have been decided in (arrivals go back ARRIVALS_BACK days: early in the
    // year that reaches the year before last), each from the population of the year before.
    const firstYear = Math.min(year - 1, Number(addDays(today, -ARRIVALS_BACK).slice(0, 4)));
    for (let validYear = firstYear; validYear <= year; validYear++) {
      const populationYear = validYear - 1;
      const available = await tx
        .select({ year: population.year })
        .from(population)
        .where(eq(population.year, populationYear))
        .limit(1);
      const csv = await populationShareCsv(tx, available.length > 0 ? populationYear : 2025);
      await importShares(
        { ...callerOn(today), now: new Date(`${validYear - 1}-12-15T10:00:00Z`) },
        {
          validFrom: `${validYear}-01-01`,
          csv,
          note: `Andelar ${validYear} (demo: proportionella mot folkmängden, golv 1 ‰)`,
        },
      );
    }
    crashPoint('seed-shares');
    const populations = await tx.select().from(population).where(eq(population.year, 2025));
    const byPopulation = weightedPicker(populations.map((p) => p.population));
    const random = seededRandom(20261123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const specs = childSpecs(
      childCount,
      today,
      random,
      (r) => populations[byPopulation(r)]?.municipalityCode ?? '0180',
    );

    const ids: string[] = [];
    for (const spec of specs) {
      const canary = spec.index === 0;
      const citizenship = pick(CITIZENSHIPS);
      const age = 12 + Math.floor(random() * 6);
      const birthDate = minorOnArrival(
        `${year - age - 1}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        spec.arrivalDate,
      );
      const caller = callerOn(spec.arrivalDate);
      const { id, relativeAssessmentId } = await registerArrival(caller, {
        dossierNumber: String(20_000_100 + spec.index),
        firstName: canary ? CANARY.firstName : pick(spec.girl ? GIRLS : BOYS),
        lastName: canary ? CANARY.lastName : pick(SURNAMES),
        nameVariants: [],
        birthDate,
        gender: spec.girl || canary ? 'female' : 'male',
        citizenship,
        languages: LANGUAGES[citizenship] ?? [],
        interpreterNeeded: random() < 0.9,
        protectedIdentity: canary,
        whereabouts: canary ? CANARY.whereabouts : `HVB ${pick(['Solrosen', 'Linden', 'Hamnen', 'Björken'])}`,
        arrivalMunicipalityCode: spec.arrival,
        arrivalDate: spec.arrivalDate,
        siblingOfChildId: spec.sibling ? (ids[ids.length - 1] ?? null) : null,
        relative: spec.relative !== null ? demoRelative(spec.relative, pick(RELATIONS), spec.index) : null,
        specialNeeds: random() < 0.1 ? 'Behöver traumabehandling' : null,
        wishes: random() < 0.3 ? 'Vill bo nära sin kusin och gå i skolan' : null,
        ageInDoubt: false,
      });
      ids.push(id);
      await auditSeed(tx, 'child.register', officer, orgs.migrationAgencyUnit, [id], caller.now);
      if (relativeAssessmentId !== null && spec.assessment !== 'open') {
        await tx
          .update(relativeAssessments)
          .set({
            outcome: spec.assessment,
            outcomeNote: 'Bedömning gjord av socialtjänsten (demodata)',
            assessedAt: caller.now,
          })
          .where(eq(relativeAssessments.id, relativeAssessmentId));
      }
      if (!caseSeeders && spec.index % 3 === 0) {
        await tx.insert(guardianships).values({
          childId: id,
          guardianUserId: userIds.get(spec.index % 2 === 0 ? 'birgitta.sjo' : 'hans.gren') ?? '',
          kind: 'god_man',
          fromDate: addDays(spec.arrivalDate, 1),
          ownerOrganisationId: orgs.guardianship.get(spec.fixedAssignment ?? spec.arrival) ?? orgs.godManPool,
        });
      }
      if (!caseSeeders && spec.arrival === '1280') {
        await tx.insert(journalEntries).values({
          childId: id,
          ownerOrganisationId: orgs.municipality.get('1280') ?? '',
          authorUserId: userIds.get('sara.lind') ?? '',
          body: ARRIVAL_NOTE,
          createdAt: new Date(`${spec.arrivalDate}T12:00:00Z`),
        });
      } else if (caseSeeders && spec.arrival === '1280') {
        // The same note in the demo, written by Malmö's social worker through the personakt's use case.
        await writeJournal(await actors.as('social_worker', '1280', spec.arrivalDate), id, {
          kind: 'note',
          body: ARRIVAL_NOTE,
          occurredOn: spec.arrivalDate,
          notForChild: false,
          direction: null,
          counterpart: null,
          channel: null,
        });
      }
    }

    crashPoint('seed-children');
    // Decisions, in the order they were taken: two days after arrival; the latest arrivals still wait.
    let decisions = 0;
    let waiting = 0;
    // The considerations are printed in the decision: municipalities by their formal names, never by code.
    const officialNames = new Map(
      (
        await tx.select({ code: municipalities.code, name: municipalities.officialName }).from(municipalities)
      ).map((m) => [m.code, m.name]),
    );
    const order = specs
      .map((spec, i) => ({ spec, id: ids[i] ?? '' }))
      .sort((a, b) => a.spec.arrivalDate.localeCompare(b.spec.arrivalDate) || a.spec.index - b.spec.index);
    for (const { spec, id } of order) {
      const decidedOn = addDays(spec.arrivalDate, 2);
      const pending = spec.fixedAssignment === null || spec.assessment === 'open' || decidedOn > today;
      if (pending) {
        waiting++;
        continue;
      }
      const caller = callerOn(decidedOn);
      const [current] = await tx
        .select({ id: anvisningDecisions.id })
        .from(anvisningDecisions)
        .where(sql`${anvisningDecisions.childIds} @> array[${id}]::uuid[]`);
      if (current !== undefined) continue; // decided with a sibling
      const { proposal, group } = await proposalFor(caller, id);
      const row = await decide(caller, {
        childId: id,
        municipalityCode: proposal.municipality.code,
        proposedCode: proposal.municipality.code,
        reason: null,
        considerations: {
          relatives:
            spec.relative !== null
              ? `Anhörig i ${officialNames.get(proposal.municipality.code) ?? 'kommunen'}, bedömd som lämplig av socialtjänsten`
              : null,
          siblings: group.childIds.length > 1 ? 'Syskon anvisas tillsammans' : null,
          specialNeeds: null,
          childsWishes: 'Barnet vill bo nära släkt och börja skolan snart',
        },
        rule: 'quota',
      });
      await auditSeed(tx, 'allocation.decide', officer, orgs.migrationAgencyUnit, row.childIds, caller.now, {
        decisionId: row.id,
      });
      decisions++;
    }

    // The case after the anvisning, child by child in arrival order, through the capabilities' use cases.
    for (const { spec, id } of caseSeeders ? order : []) {
      await seedCase(tx, actors, id, spec.index, today, seededRandom(CASE_SEED + spec.index));
      crashPoint('seed-cases');
    }
    await seedProviderStaff(tx, actors, today, caseSeeders);
    if (caseSeeders) await seedCounty(tx, actors, today);
    // Networks, competence events and contacts (ADR 0029): the 2020 resource network, Kronoberg's and Skåne's.
    if (caseSeeders) await seedNetworks(actors, today);
    await seedGrants(actors, today);
    // The child's special grant (ADR 0033): Birgitta Sjö's wards, one application in each status.
    await seedSpecialGrants(tx, actors, today);
    // The county board's supervision of the guardianship authorities (ADR 0027): last year's inspections and this year's plan.
    if (caseSeeders) await seedSupervision(tx, actors, now, today);
    // A Malmö child placed, under LVU in the previous quarter (ADR 0035), so the schablons and the LVU cost have days.
    if (caseSeeders) await seedCompensationPlacement(tx, actors, today);
    // The compensation view (ADR 0032): the LVU daily costs Malmö's finance officer has recorded.
    await seedCompensation(tx, now, today);
    // The claims (ADR 0034): an earlier quarter of Malmö's claimed, decided with a line reduced, and paid.
    await seedClaims(actors, today);
    // The Agency's payouts (ADR 0035): Malmö's earlier quarters and last year paid, two missing schablons reported.
    await seedPayouts(tx, actors, today);
    // The statistics' forecast (ADR 0039): an invented monthly history before the demo's first arrival.
    await seedArrivalHistory(
      tx,
      (await actors.as('allocation_officer', null, today)).actor.userId,
      now,
      today,
    );
    return { users: DEMO_USERS.length + 1, children: childCount, decisions, waiting };
  });
}

/** `detail` as the route would note it (e.g. the decision id an `allocation.decide` event stands for). */
export async function auditSeed(
  db: DbOrTx,
  kind: 'child.register' | 'allocation.decide',
  userId: string,
  organisationId: string,
  childIds: readonly string[],
  now: Date,
  detail: Readonly<Record<string, string>> = {},
) {
  await writeAuditEvent(
    db,
    {
      kind,
      outcome: 'allowed',
      requestId: `seed-${randomUUID()}`,
      actor: { userId, organisationId, role: 'allocation_officer' },
      purpose: 'demo data',
      childIds,
      emergency: false,
      payload: { route: 'seed', ...detail },
    },
    now,
  );
}
