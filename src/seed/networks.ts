/**
 * The demo's networks (issue 13 point 6, ADR 0029), through the use cases the pages call. The 2020
 * Värmland–Örebro–Dalarna resource network is fixed history: its purpose, its two known sessions (3 October 2020,
 * "Barns bästa vid asylprocessen" with Strömsunds kommun; 23–24 November 2020, Barnrättsdagarna) and its key persons
 * by county, role and organisation as the county boards published them — but every person's name and e-mail address
 * here is invented (the real persons are not demo data), and who attended is the demo's assumption. The program's
 * first two sessions of 2020 are not known and not seeded. Kronoberg's Ensamkommandenätverk (since 2011, two to four
 * meetings a year) without members. Skåne's network, dated from `today`: members owned by Skåne's coordinator (one
 * not confirmed for more than a year, so it needs review) and an event this year with named and anonymous participants.
 */
import { addDays } from '../domain/time.ts';
import type { NetworkRole, ParticipantGender } from '../domain/county/networks.ts';
import { addContact, addEvent, createNetwork } from '../county/networks.ts';
import type { SeedActors } from './case-seeding.ts';

interface Person {
  readonly county: string;
  readonly name: string;
  readonly gender: ParticipantGender;
  readonly role: NetworkRole;
  readonly organisation: string;
}

// Roles and organisations from the county boards' page of 2020; the names are invented.
const RESOURCE_PERSONS: readonly Person[] = [
  {
    county: '20',
    name: 'Anna Dalström',
    gender: 'female',
    role: 'school_leader',
    organisation: 'Mora gymnasium (biträdande rektor)',
  },
  {
    county: '20',
    name: 'Karin Björkvik',
    gender: 'female',
    role: 'study_counsellor',
    organisation: 'Stiernhööksgymnasiet, Rättviks kommun',
  },
  { county: '20', name: 'Lena Falkå', gender: 'female', role: 'social_worker', organisation: 'Falu kommun' },
  {
    county: '20',
    name: 'Erik Siljeberg',
    gender: 'male',
    role: 'guardianship_officer',
    organisation: 'Överförmyndare i samverkan i övre Dalarna',
  },
  {
    county: '20',
    name: 'Sofia Borlind',
    gender: 'female',
    role: 'ngo_project_leader',
    organisation: 'Rädda Barnen Region Öst, Borlänge',
  },
  {
    county: '17',
    name: 'Maja Klarälv',
    gender: 'female',
    role: 'teacher',
    organisation: 'Karlstads kommun (skolsamordnare)',
  },
  {
    county: '17',
    name: 'Helena Vänerby',
    gender: 'female',
    role: 'teacher',
    organisation: 'Nobelgymnasiet, Karlstad (språkintroduktion)',
  },
  {
    county: '17',
    name: 'Annika Fryksdal',
    gender: 'female',
    role: 'guardianship_officer',
    organisation: 'Östra Värmlands överförmyndarnämnd',
  },
  {
    county: '17',
    name: 'Per Värmeskog',
    gender: 'male',
    role: 'hvb_staff',
    organisation: 'HVB Mellanbo, Kristinehamn (samordnare)',
  },
  {
    county: '17',
    name: 'Nils Glaskogen',
    gender: 'male',
    role: 'hvb_staff',
    organisation: 'HVB Mellanbo, Kristinehamns kommun (integrationshandledare)',
  },
  {
    county: '18',
    name: 'Samira Kilsbergen',
    gender: 'female',
    role: 'ngo_project_leader',
    organisation: 'Tegelbruket',
  },
  {
    county: '18',
    name: 'Johanna Tiveden',
    gender: 'female',
    role: 'manager',
    organisation: 'Integrations- och arbetsmarknadsenheten, Laxå kommun',
  },
  {
    county: '18',
    name: 'Alex Hjälmarsund',
    gender: 'other',
    role: 'other',
    organisation: 'Örebro Rättighetscenter (informatör)',
  },
];

const SKANE_PERSONS: readonly Person[] = [
  {
    county: '12',
    name: 'Elin Österlen',
    gender: 'female',
    role: 'social_worker',
    organisation: 'Malmö stad, socialtjänsten',
  },
  {
    county: '12',
    name: 'Jonas Söderslätt',
    gender: 'male',
    role: 'study_counsellor',
    organisation: 'Lunds kommun, Katedralskolan',
  },
  {
    county: '12',
    name: 'Fatima Kullaberg',
    gender: 'female',
    role: 'guardianship_officer',
    organisation: 'Överförmyndarnämnden i Helsingborg',
  },
];

const email = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ /g, '.')}@example.se`;

export async function seedNetworks(actors: SeedActors, today: string): Promise<void> {
  // The resource network of 2020, created by Värmland's county board at the start of the year.
  const start = '2020-02-03';
  const varmland = await actors.as('county_coordinator', '1700', start);
  const owners = new Map<string, string>();
  for (const code of ['17', '18', '20'])
    owners.set(code, (await actors.as('county_coordinator', `${code}00`, start)).actor.userId);
  let network = await createNetwork(varmland, {
    name: 'Resursnätverk för mottagande av ensamkommande barn – Värmland, Örebro och Dalarna',
    counties: ['17', '18', '20'],
    purpose:
      'Att det inom varje län i regionen finns nyckelpersoner med fördjupad kunskap om mottagandet av ensamkommande barn och unga inom olika verksamhetsområden, och att stärka barnrättsperspektivet utifrån barnkonventionen. En länsöverskridande kompetensutvecklingsinsats under 2020.',
    meets: 'Fyra kompetensutvecklingstillfällen under 2020',
    fromYear: 2020,
    toYear: 2020,
  });
  for (const p of RESOURCE_PERSONS)
    network = await addContact(varmland, network.id, {
      name: p.name,
      email: email(p.name),
      phone: '',
      countyCode: p.county,
      role: p.role,
      organisation: p.organisation,
      gender: p.gender,
      consentOn: start,
      consentHow: 'email',
      ownerId: owners.get(p.county) ?? varmland.actor.userId,
    });
  const members = network.members.map((m) => m.id);
  const autumn = await actors.as('county_coordinator', '1700', '2020-11-30');
  await addEvent(autumn, network.id, {
    theme: 'Barns bästa vid asylprocessen',
    firstDay: '2020-10-03',
    lastDay: '2020-10-03',
    place: '',
    online: false,
    speakers: 'Strömsunds kommun, projektet Barns bästa vid återvändande',
    contactIds: members,
    counts: [],
  });
  await addEvent(autumn, network.id, {
    theme: 'Barnrättsdagarna – inkl. barnkonventionen och heder',
    firstDay: '2020-11-23',
    lastDay: '2020-11-24',
    place: '',
    online: false,
    speakers: '',
    contactIds: members.slice(0, 11),
    counts: [],
  });

  const kronoberg = await actors.as('county_coordinator', '0700', '2011-03-01');
  await createNetwork(kronoberg, {
    name: 'Ensamkommandenätverket i Kronobergs län',
    counties: ['07'],
    purpose: 'Länets nätverk för de som arbetar med mottagandet av ensamkommande barn och unga.',
    meets: '2–4 gånger per år',
    fromYear: 2011,
    toYear: null,
  });

  await seedSkane(actors, today);
}

/** Skåne's network: one member confirmed more than a year ago (needs review), an event this year. */
async function seedSkane(actors: SeedActors, today: string) {
  const year = Number(today.slice(0, 4));
  const longAgo = addDays(today, -400);
  const first = await actors.as('county_coordinator', '1200', longAgo);
  let network = await createNetwork(first, {
    name: 'Skånes nätverk för mottagande av ensamkommande barn',
    counties: ['12'],
    purpose: 'Erfarenhetsutbyte och kompetensutveckling för socialtjänst, skola och överförmyndare i länet.',
    meets: '4 gånger per år',
    fromYear: Number(longAgo.slice(0, 4)),
    toYear: null,
  });
  const [old, ...rest] = SKANE_PERSONS;
  const contact = (p: Person, on: string) => ({
    name: p.name,
    email: email(p.name),
    phone: '',
    countyCode: p.county,
    role: p.role,
    organisation: p.organisation,
    gender: p.gender,
    consentOn: on,
    consentHow: 'written' as const,
    ownerId: first.actor.userId,
  });
  if (old !== undefined) network = await addContact(first, network.id, contact(old, longAgo));
  const recent = addDays(today, -20);
  const county = await actors.as('county_coordinator', '1200', recent);
  for (const p of rest) network = await addContact(county, network.id, contact(p, recent));
  const day = recent < `${year}-01-01` ? today : recent;
  await addEvent({ ...county, today: day }, network.id, {
    theme: 'Barns bästa och barnkonventionen i mottagandet',
    firstDay: day,
    lastDay: day,
    place: 'Malmö',
    online: false,
    speakers: 'Länsstyrelsen i Skåne län',
    contactIds: network.members.map((m) => m.id),
    counts: [
      { countyCode: '12', role: 'social_worker', gender: 'female', count: 9 },
      { countyCode: '12', role: 'teacher', gender: 'male', count: 5 },
      { countyCode: '12', role: 'hvb_staff', gender: 'female', count: 6 },
    ],
  });
}
