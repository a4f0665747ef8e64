/** What the county tests share: a complete capacity report, and periods and proposals written straight to the tables. */
import type { TestApp } from '../support/app.ts';

/** A complete, consistent report (42 places in all). */
export const REPORT = {
  places: {
    hvb_own: { guaranteed: 10, movable: 2 },
    hvb_purchased: { guaranteed: 6, movable: 0 },
    stodboende: { guaranteed: 8, movable: 4 },
    familjehem: { guaranteed: 7, movable: 1 },
    jourhem: { guaranteed: 3, movable: 1 },
  },
  targetGroups: { girls: 8, younger: 5, special_needs: 2 },
  languageIntroductionPlaces: 30,
  healthAccess: 'good',
  healthNote: 'Hälsoundersökning inom två veckor.',
  leisureNote: 'Föreningslivet tar emot.',
  godMenAvailable: 12,
  specialCustodiansAvailable: 3,
  selfAssessment: 'Vi har god beredskap för våren.',
} as const;

/** A period of a county, written directly (the period routes are under test themselves). */
export async function aPeriod(
  t: TestApp,
  countyCode: string,
  dates: { startsOn: string; endsOn: string; dueOn: string; label?: string },
): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into capacity_periods (county_code, label, starts_on, ends_on, due_on, created_by)
     values ($1, $2, $3, $4, $5, (select id from users where subject = 'dev:maria.lst')) returning id`,
    [countyCode, dates.label ?? `Lägesbild ${dates.startsOn}`, dates.startsOn, dates.endsOn, dates.dueOn],
  );
  return rows[0]?.id ?? '';
}

/** A county's proposal awaiting the Agency, on the latest share version of the year, written directly. */
export async function aProposal(
  t: TestApp,
  countyCode: string,
  year: number,
  transfers: readonly { fromCode: string; toCode: string; promille: number }[],
): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into redistribution_proposals
       (county_code, year, base_version_id, transfers, dialogue, status, proposed_by, proposed_at)
     values ($1, $2::int,
       (select id from share_versions where extract(year from valid_from)::int = $2::int
        order by valid_from desc, decided_at desc limit 1),
       $3::jsonb, 'Dialog med kommunerna i länet hösten före.', 'proposed',
       (select id from users where subject = 'dev:maria.lst'), now()) returning id`,
    [countyCode, year, JSON.stringify(transfers)],
  );
  return rows[0]?.id ?? '';
}

/** A goal with one measure and one indicator of each kind. */
export const GOAL = {
  title: 'Snabbare förordnande av god man',
  measures: [{ text: 'Gemensam rekrytering av gode män i länet.', responsible: 'Överförmyndarna i länet' }],
  indicators: [
    { kind: 'god_man_median_days', target: 3 },
    { kind: 'school_start_within_goal_share', target: 80 },
    { kind: 'capacity_reported_share', target: 90 },
    { kind: 'familjehem_share', target: 40 },
  ],
} as const;

/** A county's programme for 2026–2027 with every municipality in its working group, written directly. */
export async function aProgramme(t: TestApp, countyCode: string): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into development_programmes
       (county_code, first_year, last_year, adopted_on, working_group, goals, adopted_by, adopted_at)
     values ($1, 2026, 2027, '2025-12-01',
       (select array_agg(code order by code) from municipalities where county_code = $1),
       $2::jsonb, (select id from users where subject = 'dev:maria.lst'), now()) returning id`,
    [countyCode, JSON.stringify([GOAL])],
  );
  return rows[0]?.id ?? '';
}

/** A complete historic agreement of Malmö (1280): its signature, the county board's and the Agency's. */
export const AGREEMENT = {
  registrationNumber: '851-1234-2011',
  municipalities: ['1280'],
  validFrom: '2012-01-01',
  validTo: '2013-12-31',
  asylumPlaces: 40,
  permitPlaces: 20,
  replacesId: null,
  signatures: [
    {
      party: 'municipality',
      municipalityCode: '1280',
      signatory: 'Kerstin Ahl',
      title: 'Socialdirektör',
      place: 'Malmö',
      signedOn: '2011-11-02',
    },
    {
      party: 'county_board',
      municipalityCode: null,
      signatory: 'Göran Borg',
      title: 'Integrationsdirektör',
      place: 'Malmö',
      signedOn: '2011-11-10',
    },
    {
      party: 'migrationsverket',
      municipalityCode: null,
      signatory: 'Lisa Falk',
      title: 'Enhetschef',
      place: 'Norrköping',
      signedOn: '2011-11-20',
    },
  ],
  note: 'Platserna fördelas på två HVB.',
};

/** A historic agreement of a county's first municipality (by code), written directly. */
export async function anAgreement(t: TestApp, countyCode: string): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into historic_agreements
       (county_code, municipalities, valid_from, asylum_places, permit_places, signatures, concluded_on, note,
        recorded_by, recorded_at)
     values ($1, array[(select min(code) from municipalities where county_code = $1)], '2010-01-01', 10, 0,
       '[]'::jsonb, '2009-12-01', '', (select id from users where subject = 'dev:maria.lst'), now()) returning id`,
    [countyCode],
  );
  return rows[0]?.id ?? '';
}
/** A network of the given counties, written directly (the network routes are under test themselves). */
export async function aNetwork(
  t: TestApp,
  counties: readonly string[],
  name = 'Resursnätverket',
): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into networks (name, counties, purpose, meets, from_year, to_year, created_by, created_at)
     values ($1, $2::text[], 'Kompetens om mottagandet av ensamkommande barn.', 'Vid behov', 2020, null,
       (select id from users where subject = 'dev:maria.lst'), now()) returning id`,
    [name, counties],
  );
  return rows[0]?.id ?? '';
}

/** A contact with consent in a network, owned by Maria Lundqvist (Skåne's coordinator), written directly. */
export async function aContact(t: TestApp, networkId: string, countyCode: string): Promise<string> {
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into network_contacts (network_id, county_code, role, organisation, gender, name, email, phone,
       consent_on, consent_how, owner_id, confirmed_on, updated_by, updated_at)
     values ($1, $2, 'teacher', 'Exempelgymnasiet', 'female', 'Eva Exempel', 'eva.exempel@example.se', '',
       '2026-01-10', 'written', (select id from users where subject = 'dev:maria.lst'), '2026-01-10',
       (select id from users where subject = 'dev:maria.lst'), now()) returning id`,
    [networkId, countyCode],
  );
  return rows[0]?.id ?? '';
}

/** A contact as the form sends it, with consent. */
export const CONTACT = {
  name: 'Olof Exempel',
  email: 'olof.exempel@example.se',
  phone: '010-123 45 67',
  countyCode: '12',
  role: 'social_worker',
  organisation: 'Malmö stad, socialtjänsten',
  gender: 'male',
  consentOn: '2026-11-01',
  consentHow: 'email',
} as const;
