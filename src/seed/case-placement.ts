/**
 * Demo data of placement, school and health, through their use cases (src/seed/case-seeding.ts).
 *  - Providers: each municipality that places a child gets a register (HVB, stödboende, familjehem, jourhem, a SiS
 *    unit) on its first placement, and another provider of a form whenever those it has are full.
 *  - Placements: one child in five is placed on call by the arrival municipality the night it arrives; the assigned
 *    municipality places the child the day it moves there — HVB most, then familjehem (the youngest most often),
 *    jourhem, stödboende for 16–17-year-olds with a recorded special reason; a few move on to a SiS home under LVU.
 *    A quarter move later; about 7 % abscond (reception-workflows.md §3.6), some are reunited with parents or leave
 *    Sweden; placements end the day before the 18th birthday. A few absconded children are found and placed on call.
 *  - School: enrolment and start counted from arrival (median about four weeks, a third over the 30-day goal).
 *  - Health: the region offers the examination within weeks; most are done, some declined (a few offered again),
 *    some with referrals.
 * Every state of `placement`, `school` and `health` occurs (positions in the population guarantee the rare ones).
 * The first 24 children are the tests' fixtures and are left as they are. Run after the responsibility seeder (the
 * hand-over's move date) and before the rules that end responsibility (18, age decisions): events stop the day before
 * the 18th birthday and at the end of the assigned municipality's responsibility.
 */
import { and, asc, eq } from 'drizzle-orm';
import { health, placement, school as schoolMachine, type AnyMachine } from '../domain/case/machines.ts';
import { ageOn, birthday, nextWorkingDay } from '../domain/deadlines/calendar.ts';
import { needsSpecialReason } from '../domain/placement/rules.ts';
import type {
  PlacementForm,
  ReferralDestination,
  SchoolProgramme,
  TargetGroup,
} from '../domain/placement/vocabulary.ts';
import { addDays } from '../domain/time.ts';
import { machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { recordHealth } from '../health/use-cases.ts';
import type { PlacementEndReason } from '../placement/end.ts';
import { listProviders, registerProvider, type Provider } from '../placement/providers.ts';
import { decidePlacement, endPlacement } from '../placement/use-cases.ts';
import { handovers, responsibilityPeriods } from '../platform/db/schema.ts';
import { enrol, recordSchoolStep } from '../school/use-cases.ts';
import type { Random, SeedActors, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;

const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

// ── Providers ───────────────────────────────────────────────────────────────

const NAMES: Readonly<Record<PlacementForm, readonly string[]>> = {
  hvb: [
    'HVB Solrosen',
    'HVB Linden',
    'HVB Hamnen',
    'HVB Björken',
    'HVB Eken',
    'HVB Kastanjen',
    'HVB Fyren',
    'HVB Vinden',
  ],
  stodboende: ['Stödboendet Kajen', 'Stödboendet Bryggan', 'Stödboendet Trappan'],
  familjehem: [
    'Familjehemmet Andersson',
    'Familjehemmet Hassan',
    'Familjehemmet Lindqvist',
    'Familjehemmet Karimi',
    'Familjehemmet Berg',
    'Familjehemmet Haile',
  ],
  jourhem: ['Jourhemmet Ek', 'Jourhemmet Sandberg', 'Jourhemmet Osman'],
  sis: ['SiS ungdomshem Bärby', 'SiS ungdomshem Höken', 'SiS ungdomshem Ljungbacken', 'SiS ungdomshem Råby'],
};
const PLACES: Readonly<Record<PlacementForm, readonly [number, number]>> = {
  hvb: [6, 12],
  stodboende: [8, 14],
  familjehem: [1, 2],
  jourhem: [1, 2],
  sis: [4, 8],
};
const LANGUAGE_POOL = [
  'arabiska',
  'dari',
  'pashto',
  'somaliska',
  'tigrinja',
  'kurdiska',
  'engelska',
  'franska',
];

async function registerOne(
  actors: SeedActors,
  code: string,
  date: string,
  form: PlacementForm,
  existing: number,
  random: Random,
): Promise<void> {
  const names = NAMES[form];
  const base = names[existing % names.length] ?? form;
  const name = existing < names.length ? base : `${base} ${Math.floor(existing / names.length) + 1}`;
  const [lo, hi] = PLACES[form];
  const targetGroups: TargetGroup[] =
    form === 'familjehem' || form === 'jourhem'
      ? ['younger']
      : form === 'hvb' && existing % 4 === 0
        ? ['girls']
        : random() < 0.2
          ? ['special_needs']
          : [];
  await registerProvider(await actors.as('unit_manager', code, date), {
    name,
    form,
    places: between(random, lo, hi),
    targetGroups,
    languages: [pick(random, LANGUAGE_POOL), pick(random, LANGUAGE_POOL)].filter(
      (l, i, all) => all.indexOf(l) === i,
    ),
    permitReference:
      (form === 'hvb' || form === 'stodboende') && random() < 0.6
        ? `IVO 3.5.1-${between(random, 10000, 99999)}/${between(random, 2019, 2025)}`
        : null,
    active: true,
  });
}

/** A provider of the form with a free place today, registering the municipality's providers as they are needed. */
export async function providerFor(
  actors: SeedActors,
  code: string,
  date: string,
  form: PlacementForm,
  random: Random,
): Promise<Provider> {
  const reader = await actors.as('social_worker', code, date);
  let { providers } = await listProviders(reader, { municipalityCode: code });
  if (providers.length === 0) {
    for (const f of ['hvb', 'hvb', 'stodboende', 'familjehem', 'familjehem', 'jourhem', 'sis'] as const) {
      await registerOne(actors, code, date, f, providers.filter((p) => p.form === f).length, random);
      ({ providers } = await listProviders(reader, { municipalityCode: code }));
    }
  }
  const free = providers.filter((p) => p.form === form && p.active && p.free > 0);
  if (free.length > 0) return pick(random, free);
  await registerOne(actors, code, date, form, providers.filter((p) => p.form === form).length, random);
  const again = (await listProviders(reader, { municipalityCode: code, form })).providers.filter(
    (p) => p.free > 0,
  );
  const chosen = again[again.length - 1];
  if (chosen === undefined) throw new Error(`no ${form} provider in ${code}`);
  return chosen;
}

// ── The child's window: the assigned municipality's responsibility, before the 18th birthday ──

interface Window {
  readonly code: string;
  readonly decidedOn: string;
  /** The day the child physically moved to the assigned municipality (the hand-over), or soon after the anvisning. */
  readonly movedOn: string;
  readonly last: string;
  readonly birthday18: string;
}

/** The window the seeder may act in, or null: a fixture, not assigned, or already seeded (a restarted run). */
async function windowOf(
  actors: SeedActors,
  child: SeedChild,
  random: Random,
  today: string,
  machine: AnyMachine,
): Promise<Window | null> {
  if (child.index < FIXTURES || child.decidedOn === null || child.assignedMunicipalityCode === null)
    return null;
  const code = child.assignedMunicipalityCode;
  const { db } = await actors.as('social_worker', code, child.decidedOn);
  if ((await machineState(db, child.id, machine)).state !== machine.initial) return null;
  const periods = await db
    .select()
    .from(responsibilityPeriods)
    .where(
      and(
        eq(responsibilityPeriods.childId, child.id),
        eq(responsibilityPeriods.municipalityCode, code),
        eq(responsibilityPeriods.kind, 'assigned'),
      ),
    )
    .orderBy(asc(responsibilityPeriods.fromDate));
  const period = periods[0];
  if (period === undefined) return null;
  const [handover] = await db
    .select({ movedOn: handovers.movedOn })
    .from(handovers)
    .where(and(eq(handovers.childId, child.id), eq(handovers.toCode, code)));
  const birthday18 = birthday(child.birthDate, 18);
  const last =
    [today, addDays(birthday18, -1), period.toDate === null ? today : addDays(period.toDate, -1)].sort()[0] ??
    today;
  const movedOn = handover?.movedOn ?? addDays(child.decidedOn, between(random, 0, 2));
  return {
    code,
    decidedOn: maxDate(period.fromDate, child.decidedOn),
    movedOn: maxDate(movedOn, period.fromDate),
    last,
    birthday18,
  };
}

function bestInterests(
  child: SeedChild,
  on: string,
  kind: 'place' | 'on_call' | 'move',
  form: PlacementForm,
) {
  const language = child.languages[0] ?? 'svenska';
  if (kind === 'on_call') {
    return {
      rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen', 'art. 22 barn på flykt'],
      whatIsKnown: 'Barnet kom till myndigheten sent på kvällen utan vuxen och behöver boende i natt.',
      childsViews: null,
      childsViewsLanguage: null,
      howWeighed: 'Skyddsbehovet väger tyngst; placeringen prövas på nytt nästa vardag.',
      feedbackToChild: null,
      feedbackGivenOn: null,
      notHeardReason: 'Beslutet fattades av socialjouren nattetid utan tolk; barnet hörs nästa vardag.',
    };
  }
  const why: Readonly<Record<PlacementForm, string>> = {
    hvb: 'Barnet behöver boende med personal dygnet runt under utredningstiden.',
    stodboende: 'Barnet klarar ett mer självständigt boende med stöd och vill bo nära skolan.',
    familjehem: 'Barnet är ungt och behöver en familjs omsorg; familjehemmet talar barnets språk.',
    jourhem: 'Barnet behöver ett tryggt boende i väntan på utredning av stadigvarande placering.',
    sis: 'Barnet har ett allvarligt missbruk och behöver vård enligt LVU på ett särskilt ungdomshem.',
  };
  return {
    rightsConcerned: [
      'art. 3 barnets bästa',
      'art. 12 rätt att uttrycka sin mening',
      'art. 20 skydd utanför familjen',
      ...(kind === 'move' ? ['art. 28 utbildning'] : []),
    ],
    whatIsKnown: why[form],
    childsViews:
      kind === 'move'
        ? 'Jag vill flytta men fortsätta i samma skola.'
        : 'Jag vill bo där det finns någon som talar mitt språk.',
    childsViewsLanguage: language,
    howWeighed:
      'Barnets önskemål om språk och skola har vägts mot behovet av stöd och tillgången på platser.',
    feedbackToChild: `Beslutet förklarades för barnet med tolk på ${language}.`,
    feedbackGivenOn: on,
    notHeardReason: null,
  };
}

const SPECIAL_REASONS = [
  'Barnet har visat god förmåga att klara eget boende, har ett stabilt nätverk och vill bo nära skolan.',
  'Barnet har bott i stödboende i ankomstkommunen med gott resultat; ett HVB bedöms inte behövas.',
  'Barnet är moget för sin ålder, går i skolan regelbundet och önskar själv stödboende.',
];

function firstForm(child: SeedChild, on: string, random: Random): PlacementForm {
  const age = ageOn(child.birthDate, on);
  const r = random();
  if (age < 13) return r < 0.55 ? 'familjehem' : r < 0.8 ? 'jourhem' : 'hvb';
  if (age >= 16 && r < 0.14) return 'stodboende';
  return r < 0.7 ? 'hvb' : r < 0.85 ? 'familjehem' : 'jourhem';
}

async function decide(
  actors: SeedActors,
  child: SeedChild,
  code: string,
  on: string,
  event: 'place' | 'place_on_call' | 'move',
  form: PlacementForm,
  random: Random,
  lvu = false,
) {
  const caller = await actors.as('social_worker', code, on);
  const provider = await providerFor(actors, code, on, form, random);
  await decidePlacement(caller, child.id, event, {
    providerId: provider.id,
    form,
    legalBasis: lvu || form === 'sis' ? 'LVU' : 'SoL',
    fromDate: on,
    specialReason: needsSpecialReason(form, child.birthDate, on) ? pick(random, SPECIAL_REASONS) : null,
    bestInterests: bestInterests(
      child,
      on,
      event === 'place_on_call' ? 'on_call' : event === 'move' ? 'move' : 'place',
      form,
    ),
  });
}

async function stateOf(caller: Caller, childId: string): Promise<string> {
  return (await machineState(caller.db, childId, placement)).state;
}

/** Which end, if any: the 18th birthday, or by position (every reason occurs) and the shares of §3.6. */
function endPlan(child: SeedChild, w: Window, today: string, random: Random): PlacementEndReason | null {
  if (child.index % 150 === 7) return 'absconded';
  const forced: Readonly<Record<number, PlacementEndReason>> = {
    1: 'absconded',
    2: 'reunited',
    3: 'left_sweden',
    4: 'moved',
    5: 'age_changed',
  };
  const byPosition = forced[child.index % 101];
  if (byPosition !== undefined) return byPosition;
  if (w.birthday18 <= today && child.index % 5 !== 0) return 'turned_18';
  const r = random();
  return r < 0.07
    ? 'absconded'
    : r < 0.085
      ? 'reunited'
      : r < 0.1
        ? 'left_sweden'
        : r < 0.12
          ? 'moved'
          : null;
}

export const seedPlacement: Seeder = async (actors, child, random, today) => {
  const w = await windowOf(actors, child, random, today, placement);
  if (w === null) return;
  // Absconded on the way: the assigned municipality is responsible but never placed the child.
  if (child.index % 211 === 13) return;
  // The arrival municipality's on-call social services place one child in five the night it arrives; its social
  // services decide the placement the next working day if the anvisning has not come by then.
  if (
    child.arrivalMunicipalityCode !== '' &&
    (random() < 0.2 || child.index % 97 === 31) &&
    child.arrivalDate < w.decidedOn
  ) {
    const onCallForm = random() < 0.6 ? 'jourhem' : 'hvb';
    await decide(
      actors,
      child,
      child.arrivalMunicipalityCode,
      child.arrivalDate,
      'place_on_call',
      onCallForm,
      random,
    );
    const next = nextWorkingDay(child.arrivalDate);
    if (next < w.decidedOn && next <= today)
      await decide(actors, child, child.arrivalMunicipalityCode, next, 'place', onCallForm, random);
  }
  if (w.movedOn > w.last) return;
  const probe = await actors.as('social_worker', w.code, w.movedOn);
  let form = firstForm(child, w.movedOn, random);
  await decide(
    actors,
    child,
    w.code,
    w.movedOn,
    (await stateOf(probe, child.id)) === 'placed' ? 'move' : 'place',
    form,
    random,
    form === 'hvb' && random() < 0.03,
  );
  let from = w.movedOn;

  // A quarter move: from the jourhem to a family or an HVB, at 16 to stödboende, a few under LVU to a SiS home.
  const toSis = (child.index % 53 === 9 || random() < 0.015) && ageOn(child.birthDate, w.movedOn) >= 13;
  if (toSis || random() < 0.25 || form === 'jourhem') {
    const later = addDays(from, between(random, 14, 150));
    const movedOn = toSis ? minDate(later, w.last) : later;
    if (movedOn <= w.last && movedOn > from) {
      const age = ageOn(child.birthDate, movedOn);
      form = toSis
        ? 'sis'
        : form === 'jourhem'
          ? age < 13
            ? 'familjehem'
            : 'hvb'
          : age >= 16 && random() < 0.5
            ? 'stodboende'
            : form === 'hvb'
              ? 'familjehem'
              : 'hvb';
      await decide(actors, child, w.code, movedOn, 'move', form, random);
      from = movedOn;
    }
  }

  const reason = endPlan(child, w, today, random);
  if (reason === null) return;
  // At 18 the placement ends the day before the birthday — unless responsibility moved elsewhere before that.
  if (reason === 'turned_18' && w.last !== addDays(w.birthday18, -1)) return;
  const foundLastNight = child.index % 150 === 7;
  const endDate =
    reason === 'turned_18'
      ? w.last
      : foundLastNight
        ? maxDate(from, addDays(w.last, -between(random, 5, 20)))
        : minDate(w.last, addDays(from, between(random, 5, 200)));
  if (endDate < from) return;
  await endPlacement(await actors.as('social_worker', w.code, endDate), child.id, { reason, endDate });

  // Found again: the on-call social services place the child for the night.
  if (reason === 'absconded' && (foundLastNight || random() < 0.1)) {
    const foundOn = foundLastNight ? w.last : minDate(w.last, addDays(endDate, between(random, 2, 30)));
    if (foundOn <= endDate) return;
    await decide(actors, child, w.code, foundOn, 'place_on_call', 'jourhem', random);
    const next = nextWorkingDay(foundOn);
    if (next <= w.last) await decide(actors, child, w.code, next, 'place', 'hvb', random);
  }
};

// ── School ──────────────────────────────────────────────────────────────────

const SCHOOLS = [
  'Rosengårdsskolan',
  'Västra skolan',
  'Centralskolan',
  'Internationella skolan',
  'Norrskolan',
  'Ängsskolan',
  'Gymnasiet Nova',
  'Språkintroduktionen City',
];

function programmeFor(age: number, random: Random): SchoolProgramme {
  if (age < 16) return random() < 0.03 ? 'anpassad_grundskola' : 'grundskola';
  const r = random();
  return r < 0.88 ? 'sprakintroduktion' : r < 0.94 ? 'yrkesintroduktion' : 'individuellt_alternativ';
}

export const seedSchool: Seeder = async (actors, child, random, today) => {
  const w = await windowOf(actors, child, random, today, schoolMachine);
  if (w === null || child.index % 67 === 3) return;
  // Days from arrival to the first school day: mostly three to five weeks, a third beyond the goal.
  const days = 10 + between(random, 0, 24) + (random() < 0.3 ? between(random, 10, 50) : 0);
  const startedOn = maxDate(addDays(child.arrivalDate, days), addDays(w.decidedOn, 3));
  const enrolledOn = maxDate(w.decidedOn, addDays(startedOn, -between(random, 2, 10)));
  if (enrolledOn > w.last) return;
  const programme = programmeFor(ageOn(child.birthDate, enrolledOn), random);
  const school = `${pick(random, SCHOOLS)}`;
  await enrol(await actors.as('social_worker', w.code, enrolledOn), child.id, {
    school,
    programme,
    enrolledOn,
  });
  if (startedOn > w.last) return;
  await recordSchoolStep(await actors.as('social_worker', w.code, startedOn), child.id, 'start_school', {
    date: startedOn,
  });
  if (child.index % 17 === 3 || (child.index % 7 === 0 && random() < 0.3)) {
    const endedOn = addDays(startedOn, between(random, 20, 200));
    if (endedOn <= w.last)
      await recordSchoolStep(await actors.as('social_worker', w.code, endedOn), child.id, 'end_school', {
        date: endedOn,
      });
  }
};

// ── Health ──────────────────────────────────────────────────────────────────

const REFERRALS: readonly (readonly [ReferralDestination, number])[] = [
  ['dental_care', 0.4],
  ['primary_care', 0.2],
  ['child_psychiatry', 0.15],
  ['paediatrics', 0.1],
  ['specialist_care', 0.08],
  ['youth_clinic', 0.05],
  ['other', 0.02],
];

function referralTo(random: Random): ReferralDestination {
  let r = random();
  for (const [to, share] of REFERRALS) {
    if (r < share) return to;
    r -= share;
  }
  return 'dental_care';
}

export const seedHealth: Seeder = async (actors, child, random, today) => {
  const w = await windowOf(actors, child, random, today, health);
  if (w === null || child.index % 47 === 5) return;
  const region = (on: string) => actors.as('health_staff', w.code, on);
  const offeredOn = addDays(w.decidedOn, between(random, 2, 25));
  if (offeredOn > w.last) return;
  await recordHealth(await region(offeredOn), child.id, { event: 'offer_examination', date: offeredOn });
  if (child.index % 43 === 2) return;
  if (random() < 0.12 || child.index % 89 === 4) {
    const declinedOn = addDays(offeredOn, between(random, 1, 14));
    if (declinedOn > w.last) return;
    await recordHealth(await region(declinedOn), child.id, { event: 'record_declined', date: declinedOn });
    // Some are offered it again after a while (still within a year of a permit).
    if (random() >= 0.3) return;
    const again = addDays(declinedOn, between(random, 30, 120));
    if (again > w.last) return;
    await recordHealth(await region(again), child.id, { event: 'offer_examination', date: again });
    return;
  }
  const doneOn = addDays(offeredOn, between(random, 3, 30));
  if (doneOn > w.last) return;
  await recordHealth(await region(doneOn), child.id, { event: 'record_done', date: doneOn });
  const referrals = random() < 0.35 ? (random() < 0.3 ? 2 : 1) : 0;
  let on = doneOn;
  for (let i = 0; i < referrals; i++) {
    on = addDays(on, between(random, 0, 10));
    if (on > w.last) return;
    await recordHealth(await region(on), child.id, {
      event: 'record_referral',
      date: on,
      to: referralTo(random),
    });
  }
};

/** The seeders of this capability, in the order they run for a child. */
export const PLACEMENT_SEEDERS: readonly { readonly name: string; readonly seed: Seeder }[] = [
  { name: 'placement', seed: seedPlacement },
  { name: 'school', seed: seedSchool },
  { name: 'health', seed: seedHealth },
];
