/**
 * The organisations of the reception system, created from the reference data: the Migration Agency with a unit,
 * 21 county boards, 290 municipal social services, guardianship authorities (one of them joint for several
 * municipalities), 21 regions, the police and the pool of gode män.
 */
import { POLICE_REGIONS, type PoliceRegion } from '../domain/missing/police-regions.ts';
import { eq } from 'drizzle-orm';
import type { OrganisationType } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  counties,
  guardianshipAuthorityMunicipalities,
  municipalities,
  organisations,
} from '../platform/db/schema.ts';

/** A real joint guardianship board: Sundsvall, Timrå, Ånge and Nordanstig. */
export const JOINT_GUARDIANSHIP = {
  name: 'Överförmyndare i samverkan Mitt (Sundsvall, Timrå, Ånge, Nordanstig)',
  codes: ['2281', '2262', '2260', '2132'],
};

export interface OrganisationIndex {
  readonly migrationAgency: string;
  readonly migrationAgencyUnit: string;
  readonly police: string;
  /** The police regions, each an organisation under the Police Authority placed in its seat county (ADR 0025). */
  readonly policeRegion: ReadonlyMap<PoliceRegion, string>;
  readonly godManPool: string;
  readonly municipality: ReadonlyMap<string, string>;
  readonly guardianship: ReadonlyMap<string, string>;
  readonly countyBoard: ReadonlyMap<string, string>;
  readonly region: ReadonlyMap<string, string>;
}

export async function createOrganisations(db: DbOrTx): Promise<OrganisationIndex> {
  const insert = async (
    values: {
      type: OrganisationType;
      name: string;
      municipalityCode?: string;
      countyCode?: string;
      parentId?: string;
    }[],
  ) =>
    values.length === 0
      ? []
      : db.insert(organisations).values(values).returning({
          id: organisations.id,
          municipalityCode: organisations.municipalityCode,
          countyCode: organisations.countyCode,
        });

  const [agency] = await insert([{ type: 'migration_agency', name: 'Migrationsverket' }]);
  if (agency === undefined) throw new Error('no agency');
  const [unit] = await insert([
    { type: 'migration_agency', name: 'Migrationsverket, Bosättningsenheten Umeå', parentId: agency.id },
  ]);
  const [police] = await insert([{ type: 'police', name: 'Polismyndigheten' }]);
  const [pool] = await insert([{ type: 'god_man_pool', name: 'Gode män' }]);
  if (unit === undefined || police === undefined || pool === undefined) throw new Error('seed insert failed');

  const regionEntries = Object.entries(POLICE_REGIONS) as [
    PoliceRegion,
    (typeof POLICE_REGIONS)[PoliceRegion],
  ][];
  const policeRegions = await insert(
    regionEntries.map(([, r]) => ({
      type: 'police' as const,
      name: r.name,
      countyCode: r.seat,
      parentId: police.id,
    })),
  );

  const allCounties = await db.select().from(counties).orderBy(counties.code);
  const boards = await insert(
    allCounties.map((c) => ({
      type: 'county_board' as const,
      name: `Länsstyrelsen i ${c.name}`,
      countyCode: c.code,
    })),
  );
  const regions = await insert(
    allCounties.map((c) => ({ type: 'region' as const, name: `Region ${c.shortName}`, countyCode: c.code })),
  );

  const allMunicipalities = await db.select().from(municipalities).orderBy(municipalities.code);
  const socialServices = await insert(
    allMunicipalities.map((m) => ({
      type: 'municipality' as const,
      name: `${m.name} kommun, socialtjänsten`,
      municipalityCode: m.code,
      countyCode: m.countyCode,
    })),
  );
  const own = allMunicipalities.filter((m) => !JOINT_GUARDIANSHIP.codes.includes(m.code));
  const guardianshipOrgs = await insert(
    own.map((m) => ({
      type: 'guardianship_authority' as const,
      name: `Överförmyndaren i ${m.name}`,
      countyCode: m.countyCode,
    })),
  );
  const [joint] = await insert([
    { type: 'guardianship_authority', name: JOINT_GUARDIANSHIP.name, countyCode: '22' },
  ]);
  if (joint === undefined) throw new Error('no joint guardianship authority');
  const served = [
    ...own.map((m, i) => ({ organisationId: guardianshipOrgs[i]?.id ?? '', municipalityCode: m.code })),
    ...JOINT_GUARDIANSHIP.codes.map((code) => ({ organisationId: joint.id, municipalityCode: code })),
  ];
  await db.insert(guardianshipAuthorityMunicipalities).values(served);

  return {
    migrationAgency: agency.id,
    migrationAgencyUnit: unit.id,
    police: police.id,
    policeRegion: new Map(regionEntries.map(([region], i) => [region, policeRegions[i]?.id ?? ''])),
    godManPool: pool.id,
    municipality: new Map(socialServices.map((o) => [o.municipalityCode ?? '', o.id])),
    guardianship: new Map(served.map((s) => [s.municipalityCode, s.organisationId])),
    countyBoard: new Map(boards.map((o) => [o.countyCode ?? '', o.id])),
    region: new Map(regions.map((o) => [o.countyCode ?? '', o.id])),
  };
}

export async function organisationsExist(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.type, 'migration_agency'))
    .limit(1);
  return row !== undefined;
}
