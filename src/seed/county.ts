/**
 * The county board's demo year (issue 13): Länsstyrelsen i Skåne's capacity survey — the four half-year periods up to
 * and including the one `today` is in — answered by most of its municipalities through the same use cases the pages
 * call: most on time, some after the county's reminder, a few not at all; in the current period Malmö has not yet
 * reported (its reporters' task). The reported places follow each municipality's share, with the trend moving from
 * period to period. Redistribution: Skåne's proposal for the year, returned by the Migration Agency with reasons (so
 * Skåne may propose again), and Västernorrland's, awaiting the Agency. Skåne's development programme for last year
 * and this, with last year's follow-up of each goal. Skåne's historic agreements (2008–2014, fixed history, signed
 * by fictional officials): Malmö's and its renegotiation, a joint one of Lund and Staffanstorp, Helsingborg's, and a
 * registration voided as made on the wrong municipality, with the right one beside it.
 */
import { desc, eq } from 'drizzle-orm';
import { CAPACITY_HOUSING, HEALTH_ACCESS, type CapacityAnswers } from '../domain/county/capacity.ts';
import { seededRandom } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { capacityPeriods, municipalities, shareValues, shareVersions } from '../platform/db/schema.ts';
import { createPeriod, remindMissing, submitReport } from '../county/capacity.ts';
import { adoptProgramme, recordFollowUp } from '../county/programme.ts';
import { recordAgreement, voidAgreement } from '../county/agreements.ts';
import { decideRedistribution, proposeRedistribution } from '../allocation/redistribution.ts';
import type { SeedActors } from './case-seeding.ts';

const SKANE = '12';
const MALMO = '1280';
const COUNTY_SEED = 6_000_000;

interface Half {
  readonly label: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly dueOn: string;
}

/** The half-year `today` is in and the three before it, oldest first. */
export function halfYears(today: string): Half[] {
  const year = Number(today.slice(0, 4));
  const second = Number(today.slice(5, 7)) > 6;
  const halves: Half[] = [];
  for (let back = 3; back >= 0; back--) {
    const index = year * 2 + (second ? 1 : 0) - back;
    const y = Math.floor(index / 2);
    const autumn = index % 2 === 1;
    halves.push({
      label: `Lägesbild ${autumn ? 'hösten' : 'våren'} ${y}`,
      startsOn: autumn ? `${y}-07-01` : `${y}-01-01`,
      endsOn: autumn ? `${y}-12-31` : `${y}-06-30`,
      dueOn: autumn ? `${y}-09-15` : `${y}-03-15`,
    });
  }
  return halves;
}

/** A report in proportion to the municipality's share, moved a little from period to period. */
function answersFor(promille: number, period: number, random: () => number): CapacityAnswers {
  const base = Math.max(2, Math.round(promille * 1.5 + period * (random() - 0.4) * 3));
  const n = (share: number) => Math.max(0, Math.round(base * share * (0.7 + random() * 0.6)));
  const places = Object.fromEntries(
    CAPACITY_HOUSING.map((form, i) => {
      const weight = [0.3, 0.15, 0.25, 0.2, 0.1][i] ?? 0.1;
      return [form, { guaranteed: n(weight), movable: Math.round(n(weight) * 0.3) }];
    }),
  ) as CapacityAnswers['places'];
  const total = Object.values(places).reduce((s, p) => s + p.guaranteed + p.movable, 0);
  return {
    places,
    targetGroups: {
      girls: Math.min(total, Math.round(total * 0.25)),
      younger: Math.min(total, Math.round(total * 0.15)),
      special_needs: Math.min(total, Math.round(total * 0.05)),
    },
    languageIntroductionPlaces: n(0.8),
    healthAccess: HEALTH_ACCESS[random() < 0.7 ? 0 : random() < 0.8 ? 1 : 2] ?? 'good',
    healthNote: random() < 0.3 ? 'Väntetid till hälsoundersökning på cirka tre veckor.' : '',
    leisureNote: random() < 0.3 ? 'Samarbete med idrottsföreningar och biblioteket.' : '',
    godMenAvailable: n(0.4),
    specialCustodiansAvailable: Math.round(n(0.1)),
    selfAssessment:
      random() < 0.5
        ? 'Beredskapen är god. Vi kan ta emot enligt vår andel.'
        : 'Vi har få lediga platser i familjehem och behöver stöd i rekryteringen.',
  };
}

export async function seedCounty(db: DbOrTx, actors: SeedActors, today: string): Promise<void> {
  const random = seededRandom(COUNTY_SEED);
  const halves = halfYears(today);
  const first = halves[0];
  if (first === undefined) return;
  const county = await actors.as('county_coordinator', `${SKANE}00`, first.startsOn);
  for (const half of halves) await createPeriod({ ...county, today: half.startsOn }, half);
  const codes = (
    await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.countyCode, SKANE))
  ).map((m) => m.code);
  const [version] = await db
    .select({ id: shareVersions.id })
    .from(shareVersions)
    .where(eq(shareVersions.validFrom, `${today.slice(0, 4)}-01-01`))
    .orderBy(desc(shareVersions.decidedAt))
    .limit(1);
  const shares = new Map(
    version === undefined
      ? []
      : (
          await db
            .select({ code: shareValues.municipalityCode, promille: shareValues.promille })
            .from(shareValues)
            .where(eq(shareValues.versionId, version.id))
        ).map((v) => [v.code, v.promille]),
  );
  const periods = (await createPeriodIds(db)).filter((p) => halves.some((h) => h.startsOn === p.startsOn));
  for (const [index, half] of halves.entries()) {
    const period = periods.find((p) => p.startsOn === half.startsOn);
    if (period === undefined || today < half.startsOn) continue;
    const current = index === halves.length - 1;
    const onTime = addDays(half.dueOn, -10) < today ? addDays(half.dueOn, -10) : today;
    const reminderDay = addDays(half.dueOn, 3);
    const lateDay = addDays(half.dueOn, 12);
    const late: string[] = [];
    for (const code of codes) {
      const roll = random();
      // In the current period Malmö has not reported yet: its reporters see the task.
      if (current && code === MALMO) continue;
      const answers = answersFor(shares.get(code) ?? 1, index, random);
      if (roll < 0.7) {
        const caller = await actors.as('unit_manager', code, onTime);
        await submitReport({ ...caller, today: onTime }, period.id, { answers, expectedVersion: 0 });
      } else if (roll < 0.88) late.push(code);
    }
    if (reminderDay >= today) continue;
    await remindMissing(
      { ...county, today: reminderDay, now: new Date(`${reminderDay}T09:00:00Z`) },
      period.id,
    );
    if (lateDay >= today) continue;
    for (const code of late) {
      const caller = await actors.as('unit_manager', code, lateDay);
      await submitReport({ ...caller, today: lateDay }, period.id, {
        answers: answersFor(shares.get(code) ?? 1, index, random),
        expectedVersion: 0,
      });
    }
  }
  await seedRedistributions(actors, today, shares);
  await seedProgramme(actors, today, codes);
  await seedAgreements(actors, today);
}

async function createPeriodIds(db: DbOrTx) {
  return db
    .select({ id: capacityPeriods.id, startsOn: capacityPeriods.startsOn })
    .from(capacityPeriods)
    .where(eq(capacityPeriods.countyCode, SKANE));
}

/** Skåne's proposal returned by the Agency; Västernorrland's awaiting it (the Agency's shares page shows both). */
async function seedRedistributions(actors: SeedActors, today: string, shares: ReadonlyMap<string, number>) {
  const year = Number(today.slice(0, 4));
  const proposedOn = addDays(today, -20);
  const skane = await actors.as('county_coordinator', `${SKANE}00`, proposedOn);
  const svalov = shares.get('1214') ?? 0;
  if (svalov > 0) {
    const view = await proposeRedistribution(skane, {
      year,
      transfers: [{ fromCode: '1214', toCode: '1290', promille: svalov }],
      dialogue:
        'Svalöv har få platser och avstår sin andel till Kristianstad, som har ledig kapacitet i familjehem.',
    });
    const proposal = view.proposals.find((p) => p.status === 'proposed');
    const agency = await actors.as('allocation_officer', null, addDays(today, -12));
    if (proposal !== undefined)
      await decideRedistribution(agency, proposal.id, {
        decision: 'return',
        note: 'Kristianstads kommun har inte yttrat sig i dialogen. Komplettera förslaget.',
      });
  }
  const vasternorrland = await actors.as('county_coordinator', '2200', addDays(today, -5));
  const harnosand = shares.get('2280') ?? 0;
  if (harnosand > 0)
    await proposeRedistribution(vasternorrland, {
      year,
      transfers: [{ fromCode: '2280', toCode: '2281', promille: Math.min(harnosand, 1) }],
      dialogue: 'Härnösand avstår en promille till Sundsvall efter dialog i länets nätverk.',
    });
}

/** Skåne's programme for last year and this, adopted early last year, with last year's follow-up of each goal. */
async function seedProgramme(actors: SeedActors, today: string, codes: readonly string[]) {
  const year = Number(today.slice(0, 4));
  const adoptedOn = `${year - 1}-01-20`;
  const county = await actors.as('county_coordinator', `${SKANE}00`, adoptedOn);
  const programme = await adoptProgramme(county, {
    firstYear: year - 1,
    lastYear: year,
    adoptedOn,
    workingGroup: [...codes],
    goals: [
      {
        title: 'Varje barn har en god man inom tre dagar',
        measures: [
          {
            text: 'Gemensam rekrytering och utbildning av gode män i länet.',
            responsible: 'Överförmyndarna i länet',
          },
        ],
        indicators: [{ kind: 'god_man_median_days', target: 3 }],
      },
      {
        title: 'Skolstart inom en månad',
        measures: [
          {
            text: 'Mottagningsenhet för nyanlända elever i varje kommun.',
            responsible: 'Kommunernas skolförvaltningar',
          },
        ],
        indicators: [{ kind: 'school_start_within_goal_share', target: 80 }],
      },
      {
        title: 'Fler barn i familjehem och en lägesbild från alla kommuner',
        measures: [
          { text: 'Länsgemensam familjehemsrekrytering.', responsible: 'Socialtjänsten i länets kommuner' },
          {
            text: 'Lägesbilden tas upp i länets nätverk varje halvår.',
            responsible: 'Länsstyrelsen i Skåne län',
          },
        ],
        indicators: [
          { kind: 'familjehem_share', target: 40 },
          { kind: 'capacity_reported_share', target: 90 },
        ],
      },
    ],
  });
  const id = programme.programmes.find((p) => p.firstYear === year - 1)?.id;
  if (id === undefined) return;
  const followUpDay = `${year - 1}-12-15`;
  const followUp = await actors.as('county_coordinator', `${SKANE}00`, followUpDay);
  const assessments = [
    'Tiden till god man kortades men målet nåddes inte i de mindre kommunerna.',
    'De flesta barn började skolan inom en månad; två kommuner saknar mottagningsenhet.',
    'Familjehemmen räcker inte till; rekryteringen fortsätter nästa år.',
  ];
  for (const [goalIndex, assessment] of assessments.entries())
    await recordFollowUp(followUp, id, { year: year - 1, goalIndex, assessment });
}

type Party = 'municipality' | 'migrationsverket' | 'county_board';

const sign = (
  party: Party,
  municipalityCode: string | null,
  signatory: string,
  title: string,
  place: string,
  signedOn: string,
) => ({
  party,
  municipalityCode,
  signatory,
  title,
  place,
  signedOn,
});

/** Skåne's agreements before the share model: history, the same on any date; registered a month before `today`. */
async function seedAgreements(actors: SeedActors, today: string) {
  const registeredOn = addDays(today, -30);
  const county = await actors.as('county_coordinator', `${SKANE}00`, registeredOn);
  const agency = (signedOn: string) =>
    sign('migrationsverket', null, 'Per-Olof Wik', 'Enhetschef, mottagningsenheten', 'Norrköping', signedOn);
  const board = (signedOn: string) =>
    sign('county_board', null, 'Helena Strand', 'Integrationsdirektör', 'Malmö', signedOn);
  const base = { registrationNumber: '', validTo: null, replacesId: null, note: '' };
  const first = await recordAgreement(county, {
    ...base,
    registrationNumber: '851-20431-2007',
    municipalities: [MALMO],
    validFrom: '2008-01-01',
    validTo: '2011-12-31',
    asylumPlaces: 30,
    permitPlaces: 10,
    signatures: [
      sign('municipality', MALMO, 'Anders Lindqvist', 'Stadsdirektör', 'Malmö', '2007-11-12'),
      agency('2007-11-26'),
    ],
    note: 'Platserna i två HVB i kommunens egen regi.',
  });
  const malmo2008 = first.agreements.find((a) => a.validFrom === '2008-01-01')?.id ?? null;
  await recordAgreement(county, {
    ...base,
    registrationNumber: '851-31877-2011',
    municipalities: [MALMO],
    validFrom: '2012-01-01',
    asylumPlaces: 60,
    permitPlaces: 25,
    replacesId: malmo2008,
    signatures: [
      sign('municipality', MALMO, 'Anders Lindqvist', 'Stadsdirektör', 'Malmö', '2011-11-14'),
      board('2011-11-21'),
      agency('2011-12-01'),
    ],
    note: 'Omförhandlad efter länsstyrelsens dialog hösten 2011: fler platser, även för barn med uppehållstillstånd.',
  });
  await recordAgreement(county, {
    ...base,
    registrationNumber: '851-11502-2013',
    municipalities: ['1281', '1230'],
    validFrom: '2013-07-01',
    asylumPlaces: 12,
    permitPlaces: 8,
    signatures: [
      sign('municipality', '1281', 'Eva Sjöberg', 'Socialchef', 'Lund', '2013-05-06'),
      sign('municipality', '1230', 'Jonas Hed', 'Kommunchef', 'Staffanstorp', '2013-05-08'),
      board('2013-05-20'),
      agency('2013-06-03'),
    ],
    note: 'Gemensam överenskommelse: Lund ordnar HVB, Staffanstorp stödboende.',
  });
  await recordAgreement(county, {
    ...base,
    registrationNumber: '851-4120-2014',
    municipalities: ['1283'],
    validFrom: '2014-03-01',
    asylumPlaces: 25,
    permitPlaces: 10,
    signatures: [
      sign(
        'municipality',
        '1283',
        'Maria Ek',
        'Förvaltningschef, socialförvaltningen',
        'Helsingborg',
        '2014-01-28',
      ),
      board('2014-02-05'),
      agency('2014-02-14'),
    ],
  });
  const vellinge = {
    ...base,
    registrationNumber: '851-9930-2015',
    validFrom: '2015-09-01',
    asylumPlaces: 8,
    permitPlaces: 4,
    note: 'Överenskommelse under hösten 2015, då många barn kom.',
  };
  const wrong = await recordAgreement(county, {
    ...vellinge,
    municipalities: ['1287'],
    signatures: [
      sign('municipality', '1287', 'Lars Mårtensson', 'Kommundirektör', 'Vellinge', '2015-08-17'),
      agency('2015-08-24'),
    ],
  });
  const wrongId = wrong.agreements.find((a) => a.validFrom === '2015-09-01')?.id;
  if (wrongId !== undefined)
    await voidAgreement(county, wrongId, {
      reason: 'Registrerad på Trelleborg; dokumentet gäller Vellinge. Rätt registrering finns nedan.',
    });
  await recordAgreement(county, {
    ...vellinge,
    municipalities: ['1233'],
    signatures: [
      sign('municipality', '1233', 'Lars Mårtensson', 'Kommundirektör', 'Vellinge', '2015-08-17'),
      agency('2015-08-24'),
    ],
  });
}
