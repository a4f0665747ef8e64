/**
 * The authorization matrix's cases for the county board's work (see test/support/matrix.ts): the capacity survey and
 * the redistribution of shares. The own scope is Skåne (the county coordinator's county; Malmö's reporters); the
 * other scope is a period of Västernorrland, which no Skåne or Malmö user may see (404), or a request the rules
 * refuse (422). No child is involved: the other roles have no permission (403).
 */
import type { TestApp } from '../support/app.ts';
import { all, NO_SUCH, with_, type Fixture, type MatrixModule, type Scope } from '../support/matrix.ts';
import {
  AGREEMENT,
  aContact,
  anAgreement,
  aNetwork,
  aPeriod,
  aProgramme,
  aProposal,
  CONTACT,
  GOAL,
  REPORT,
} from './fixtures.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';

/** A Skåne network with two contacts, and a Värmland-only network (a Skåne coordinator gets 404 on it) with one. */
async function networkSetup(t: TestApp) {
  const skaneNetwork = await aNetwork(t, ['12'], 'Skånes nätverk');
  const otherNetwork = await aNetwork(t, ['17'], 'Värmlands nätverk');
  return {
    skaneNetwork,
    skaneContact: await aContact(t, skaneNetwork, '12'),
    skaneWithdrawn: await aContact(t, skaneNetwork, '12'),
    otherNetwork,
    otherContact: await aContact(t, otherNetwork, '17'),
    maria:
      (await t.database.raw.query<{ id: string }>(`select id from users where subject = 'dev:maria.lst'`))
        .rows[0]?.id ?? '',
  };
}

const network = (f: Fixture, s: Scope) => (s === 'own' ? x(f, 'skaneNetwork') : x(f, 'otherNetwork'));
const contact = (f: Fixture, s: Scope, own = 'skaneContact') =>
  `/api/county/networks/${network(f, s)}/contacts/${s === 'own' ? x(f, own) : x(f, 'otherContact')}`;

const period = (f: Fixture, s: Scope) => (s === 'own' ? x(f, 'skanePeriod') : x(f, 'otherCountyPeriod'));

export const countyMatrix: MatrixModule = {
  setup: async (t) => {
    const year = Number(
      (
        await t.database.raw.query<{ y: number }>(
          'select extract(year from valid_from)::int as y from share_versions order by valid_from desc limit 1',
        )
      ).rows[0]?.y ?? 2026,
    );
    return {
      skanePeriod: await aPeriod(t, '12', {
        startsOn: '2026-07-01',
        endsOn: '2026-12-31',
        dueOn: '2026-12-15',
      }),
      otherCountyPeriod: await aPeriod(t, '22', {
        startsOn: '2026-07-01',
        endsOn: '2026-12-31',
        dueOn: '2026-12-15',
      }),
      // Svalöv hands one per mille to Staffanstorp: neither is a municipality the core cases decide for.
      skaneProposal: await aProposal(t, '12', year, [{ fromCode: '1214', toCode: '1230', promille: 1 }]),
      shareYear: String(year),
      skaneProgramme: await aProgramme(t, '12'),
      skaneCodes: (
        await t.database.raw.query<{ code: string }>(
          `select code from municipalities where county_code = '12'`,
        )
      ).rows
        .map((r) => r.code)
        .join(','),
      otherCountyProgramme: await aProgramme(t, '22'),
      skaneAgreement: await anAgreement(t, '12'),
      otherCountyAgreement: await anAgreement(t, '22'),
      ...(await networkSetup(t)),
    };
  },
  cases: [
    {
      route: 'GET /api/capacity',
      build: () => ({ method: 'GET', url: '/api/capacity' }),
      noSession: 401,
      expect: with_(all(403), { unit_manager: [200, 200], capacity_reporter: [200, 200] }),
    },
    {
      route: 'PUT /api/capacity/:periodId/report',
      build: (f, s) => ({
        method: 'PUT',
        url: `/api/capacity/${period(f, s)}/report`,
        body: { answers: REPORT, expectedVersion: 0 },
      }),
      noSession: 401,
      // The unit manager (earlier in the run) gives Malmö's report; the reporter's first version then is stale.
      expect: with_(all(403), { unit_manager: [200, 404], capacity_reporter: [409, 404] }),
      writes: ['capacity_reports'],
    },
    {
      route: 'GET /api/county/capacity',
      build: () => ({ method: 'GET', url: '/api/county/capacity' }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 200] }),
    },
    {
      route: 'POST /api/county/capacity/periods',
      build: (_f, s) => ({
        method: 'POST',
        url: '/api/county/capacity/periods',
        // The other scope overlaps the period Skåne already has.
        body:
          s === 'own'
            ? {
                label: 'Lägesbild våren 2027',
                startsOn: '2027-01-01',
                endsOn: '2027-06-30',
                dueOn: '2027-03-31',
              }
            : { label: 'Överlappar', startsOn: '2026-10-01', endsOn: '2027-03-31', dueOn: '2026-11-30' },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 422] }),
      writes: ['capacity_periods'],
    },
    {
      route: 'GET /api/county/capacity/:periodId',
      build: (f, s) => ({ method: 'GET', url: `/api/county/capacity/${period(f, s)}` }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
    },
    {
      route: 'POST /api/county/capacity/:periodId/reminders',
      build: (f, s) => ({ method: 'POST', url: `/api/county/capacity/${period(f, s)}/reminders` }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 404] }),
      writes: ['capacity_reminders', 'notifications'],
    },
    {
      route: 'GET /api/county/shares',
      build: () => ({ method: 'GET', url: '/api/county/shares' }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 200] }),
    },
    {
      route: 'POST /api/county/redistributions',
      build: (f, s) => ({
        method: 'POST',
        url: '/api/county/redistributions',
        body: {
          year: Number(x(f, 'shareYear')),
          // Own: Svalöv to Staffanstorp again (the Agency fixed the first); other: to Sundsvall, outside the county.
          transfers: [{ fromCode: '1214', toCode: s === 'own' ? '1230' : '2281', promille: 1 }],
          dialogue: 'Svalöv avstår efter dialog; Staffanstorp har platser.',
        },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 422] }),
      writes: ['redistribution_proposals'],
    },
    {
      route: 'GET /api/allocation/redistributions',
      build: () => ({ method: 'GET', url: '/api/allocation/redistributions' }),
      noSession: 401,
      expect: with_(all(403), { allocation_officer: [200, 200] }),
    },
    {
      route: 'POST /api/allocation/redistributions/:proposalId/decision',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/allocation/redistributions/${s === 'own' ? x(f, 'skaneProposal') : NO_SUCH}/decision`,
        body: { decision: 'fix', note: 'Fastställd enligt länets förslag.' },
      }),
      noSession: 401,
      expect: with_(all(403), { allocation_officer: [200, 404] }),
      writes: ['share_versions', 'redistribution_proposals'],
    },
    {
      route: 'GET /api/county/programmes',
      build: () => ({ method: 'GET', url: '/api/county/programmes' }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 200] }),
    },
    {
      route: 'POST /api/county/programmes',
      build: (f, s) => ({
        method: 'POST',
        url: '/api/county/programmes',
        body: {
          firstYear: 2029,
          lastYear: 2030,
          adoptedOn: '2028-12-01',
          // The other scope leaves out every municipality but Malmö: the rule wants all of them.
          workingGroup: s === 'own' ? x(f, 'skaneCodes').split(',') : ['1280'],
          goals: [GOAL],
        },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 422] }),
      writes: ['development_programmes'],
    },
    {
      route: 'POST /api/county/programmes/:programmeId/follow-ups',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/county/programmes/${s === 'own' ? x(f, 'skaneProgramme') : x(f, 'otherCountyProgramme')}/follow-ups`,
        body: { year: 2026, goalIndex: 0, assessment: 'Målet nåddes för flickor men inte för pojkar.' },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
      writes: ['programme_follow_ups'],
    },
    {
      route: 'GET /api/county/agreements',
      build: () => ({ method: 'GET', url: '/api/county/agreements' }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 200] }),
    },
    {
      route: 'GET /api/county/networks',
      build: () => ({ method: 'GET', url: '/api/county/networks' }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 200] }),
    },
    {
      route: 'POST /api/county/agreements',
      build: (_f, s) => ({
        method: 'POST',
        url: '/api/county/agreements',
        // The other scope names a municipality of Västernorrland as the party: not one of Skåne's.
        body:
          s === 'own'
            ? AGREEMENT
            : {
                ...AGREEMENT,
                municipalities: ['2281'],
                signatures: AGREEMENT.signatures.map((g) =>
                  g.party === 'municipality' ? { ...g, municipalityCode: '2281' } : g,
                ),
              },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 422] }),
      writes: ['historic_agreements'],
    },
    {
      route: 'POST /api/county/agreements/:agreementId/void',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/county/agreements/${s === 'own' ? x(f, 'skaneAgreement') : x(f, 'otherCountyAgreement')}/void`,
        body: { reason: 'Registrerad från fel dokument.' },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
      writes: ['historic_agreements'],
    },
    {
      route: 'POST /api/county/networks',
      build: (_f, s) => ({
        method: 'POST',
        url: '/api/county/networks',
        // The other scope is a network of Värmland alone: Skåne's coordinator may not create it.
        body: {
          name: 'Nätverk för skolpersonal',
          counties: s === 'own' ? ['12', '13'] : ['17'],
          purpose: 'Erfarenhetsutbyte om skolstart för nyanlända.',
          meets: '2–4 gånger per år',
          fromYear: 2026,
          toYear: null,
        },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 422] }),
      writes: ['networks'],
    },
    {
      route: 'GET /api/county/networks/:networkId',
      build: (f, s) => ({ method: 'GET', url: `/api/county/networks/${network(f, s)}` }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
    },
    {
      route: 'POST /api/county/networks/:networkId/events',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/county/networks/${network(f, s)}/events`,
        body: {
          theme: 'Barns bästa vid asylprocessen',
          firstDay: '2026-10-03',
          lastDay: '2026-10-03',
          place: 'Malmö',
          online: false,
          speakers: '',
          contactIds: [],
          counts: [{ countyCode: s === 'own' ? '12' : '17', role: 'teacher', gender: 'female', count: 4 }],
        },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 404] }),
      writes: ['network_events', 'network_event_participants'],
    },
    {
      route: 'POST /api/county/networks/:networkId/contacts',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/county/networks/${network(f, s)}/contacts`,
        body: { ...CONTACT, countyCode: s === 'own' ? '12' : '17', ownerId: x(f, 'maria') },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [201, 404] }),
      writes: ['network_contacts'],
    },
    {
      route: 'PUT /api/county/networks/:networkId/contacts/:contactId',
      build: (f, s) => ({
        method: 'PUT',
        url: contact(f, s),
        body: { ...CONTACT, countyCode: s === 'own' ? '12' : '17', ownerId: x(f, 'maria') },
      }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
    },
    {
      route: 'POST /api/county/networks/:networkId/contacts/:contactId/withdrawal',
      build: (f, s) => ({ method: 'POST', url: `${contact(f, s, 'skaneWithdrawn')}/withdrawal` }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
    },
    {
      route: 'POST /api/county/networks/:networkId/contacts/:contactId/confirmation',
      build: (f, s) => ({ method: 'POST', url: `${contact(f, s)}/confirmation` }),
      noSession: 401,
      expect: with_(all(403), { county_coordinator: [200, 404] }),
    },
  ],
};
