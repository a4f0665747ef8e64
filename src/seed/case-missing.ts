/**
 * Demo data of children who go missing (issue 12), through the use cases (src/missing): episodes in every state of the
 * `missing_episode` machine for about 4–8 % of the children, more often around a refusal of asylum and the 18th
 * birthday (the research's risk moments: ../shared/domain/missing-county-compensation-return.md §D — 4 % of those
 * assigned 2013–May 2016, 7–9 % today). Each episode is dated relative to `today`, so the demo is right on any date:
 * open episodes are recent; closed ones are old enough for the routine's minimum. The social services of the
 * municipality responsible on each date take every step. The first 24 children are the tests' fixtures and are left
 * alone; one position in every 33 of each 400 children is forced to the next outcome, so that every state occurs;
 * Malmö, the demo's own municipality, has a few more open episodes than the rest, so that its users see the routine.
 */
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, birthday } from '../domain/time.ts';
import { seededRandom } from '../domain/random.ts';
import { asylumCases, missingEpisodes } from '../platform/db/schema.ts';
import { periodsOf, responsibleOn } from '../responsibility/periods.ts';
import type { Caller } from '../case/caller.ts';
import {
  acknowledgeNotification,
  closeEpisode,
  completeReturn,
  markNotificationSent,
  recordFound,
  recordLvuAssessment,
  recordReturnTalk,
  recordStrategyMeeting,
  reportAbsence,
  simpleStep,
  type MissingView,
} from '../missing/use-cases.ts';
import { saveProfile } from '../missing/profile.ts';
import { SaveProfileBody } from '../missing/contract.ts';
import type { BestInterestsInput } from '../case/contract.ts';
import { stockholmInstant } from '../domain/stockholm-time.ts';
import type { Random, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;

const OUTCOMES = [
  'absent',
  'away_returned',
  'missing',
  'notified',
  'active',
  'found',
  'return_talk',
  'returned',
  'closed_not_found',
  'closed_aged_out',
  'closed_left_country',
  'found_after_closure',
  // Three searches within a month: the third calls a strategy meeting (the routine's repeat rule, D13).
  'repeated',
] as const;
type Outcome = (typeof OUTCOMES)[number];
type EpisodeOutcome = Exclude<Outcome, 'repeated'>;

const PLACES = [
  'HVB-hemmet',
  'Skolan',
  'Centralstationen',
  'Stödboendet',
  'Hos en vän i stan',
  'Fritidsgården',
];

const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** A wall time in Sweden on a demo day, with that day's offset (summer time too). */
function at(date: string, hhmm: string): Date {
  const instant = stockholmInstant(`${date}T${hhmm}`);
  if (instant === null) throw new Error(`not a wall time in Sweden: ${date} ${hhmm}`);
  return new Date(instant);
}

/** One position in every 33 of each 400 children is forced to the next outcome: every state occurs, spread out. */
function forcedFor(child: SeedChild): Outcome | null {
  const position = (child.index - FIXTURES) % 400;
  return position % 33 === 0 ? (OUTCOMES[position / 33] ?? null) : null;
}

function outcomeFor(
  child: SeedChild,
  random: Random,
  facts: { readonly refused: boolean; readonly inCareAt18: boolean },
  today: string,
): Outcome | null {
  const forced = forcedFor(child);
  if (forced !== null) return forced;
  // Around a refusal and the 18th birthday (within eight weeks, or past it in the last year) ten times as often.
  const eighteen = birthday(child.birthDate, 18);
  const aroundEighteen = eighteen <= addDays(today, 56) && eighteen >= addDays(today, -365);
  // Some who went missing before their 18th birthday are still gone on it: the episode closes, aged out. (Only where
  // the municipality still cares for the young person on the birthday — continued care — can it decide that then.)
  if (facts.inCareAt18 && eighteen < today && eighteen >= addDays(today, -365) && random() < 0.3)
    return 'closed_aged_out';
  // Malmö is the demo's own municipality (its users are the walkthrough's): a few more of its children are missing
  // now, so that its worklist, review list and the police of region Syd have open episodes to show.
  if (child.assignedMunicipalityCode === '1280' && random() < 0.12)
    return pick(random, [
      'missing',
      'notified',
      'active',
      'active',
      'found',
      'return_talk',
      'repeated',
    ] as const);
  const chance = facts.refused || aroundEighteen ? 0.16 : 0.025;
  if (random() >= chance) return null;
  const u = random();
  // Most episodes end with the child back; a few are open, fewer closed without the child.
  if (u < 0.2) return 'away_returned';
  if (u < 0.62) return 'returned';
  if (u < 0.68) return 'return_talk';
  if (u < 0.72) return 'found';
  if (u < 0.8) return 'active';
  if (u < 0.84) return 'notified';
  if (u < 0.87) return 'missing';
  if (u < 0.9) return 'absent';
  if (u < 0.96) return 'closed_not_found';
  return 'closed_left_country';
}

/**
 * Three searches within a month, the first two ended with the child back and talked with, the third still open: the
 * third calls a strategy meeting, which half of the municipalities (by the child's position) have held by now, the day
 * before today.
 */
async function repeatedSearches(
  actors: Parameters<Seeder>[0],
  child: SeedChild,
  today: string,
  s: {
    readonly decidedOn: string;
    readonly adult: string;
    readonly worker: (date: string) => Promise<Caller | null>;
    readonly episode: (outcome: EpisodeOutcome, reported: string) => Promise<void>;
  },
): Promise<void> {
  if (addDays(today, -28) <= s.decidedOn || s.adult <= today) return;
  const probe = await actors.as('social_worker', child.assignedMunicipalityCode, today);
  const latest = async () =>
    (
      await probe.db
        .select({ state: missingEpisodes.state, id: missingEpisodes.id, version: missingEpisodes.version })
        .from(missingEpisodes)
        .where(eq(missingEpisodes.childId, child.id))
        .orderBy(desc(missingEpisodes.reportedAt))
        .limit(1)
    )[0];
  for (const daysAgo of [28, 16]) {
    await s.episode('returned', addDays(today, -daysAgo));
    // A search that did not end (nobody responsible on a day) leaves the next one out: one open episode at a time.
    if ((await latest())?.state !== 'returned') return;
  }
  await s.episode('active', addDays(today, -3));
  const third = await latest();
  const held = addDays(today, -1);
  const meeting = child.index % 2 === 0 ? await s.worker(held) : null;
  if (third === undefined || meeting === null) return;
  await recordStrategyMeeting(
    meeting,
    child.id,
    third.id,
    {
      heldOn: held,
      participants: ['Socialsekreterare', 'Polisen', 'Personal på boendet', 'God man'],
      decisions:
        'Fast kontaktperson på boendet varje kväll, ny genomgång av genomförandeplanen och täta kontakter med skolan.',
      carePlanReviewed: true,
    },
    third.version,
  );
}

/** A prevention profile as social services keep it (drawn from the child's position, not the random stream). */
function demoProfile(child: SeedChild): z.output<typeof SaveProfileBody> {
  const of = <T>(items: readonly T[], salt: number): T => items[(child.index + salt) % items.length] as T;
  return SaveProfileBody.parse({
    description: {
      heightCm: 150 + ((child.index * 7) % 35),
      build: of(['Smal', 'Normal', 'Kraftig', 'Senig'], 0),
      hair: of(['Svart, kort', 'Mörkbrunt, lockigt', 'Svart, långt, ofta i hästsvans', 'Brunt, rakt'], 1),
      eyes: of(['Bruna', 'Mörkbruna', 'Gröna'], 2),
      distinguishingMarks: of(['Ärr över vänster ögonbryn', 'Födelsemärke på höger kind', '', 'Glasögon'], 3),
      languages: [...child.languages],
    },
    phones: [`07${String(10_000_000 + ((child.index * 7919) % 89_999_999)).padStart(8, '0')}`],
    socialMedia: [{ platform: of(['Snapchat', 'Instagram', 'TikTok'], 4), handle: `anv${child.index}` }],
    contacts: [
      { name: 'Kamrat från skolan', relation: 'Vän', phone: null },
      {
        name: of(['Kusin i Göteborg', 'Farbror i Stockholm', 'Landsman i Malmö'], 5),
        relation: 'Släkt eller bekant',
        phone: null,
      },
    ],
    places: [of(['Malmö C', 'Centralstationen', 'Parken vid biblioteket', 'Köpcentrumet'], 6)],
    previousEpisodes: null,
    medicalNeeds: of([null, 'Astmamedicin (inhalator) behövs dagligen.', null, null], 7),
  });
}

const first = (view: MissingView) => {
  const e = view.episodes[0];
  if (e === undefined) throw new Error('missing seeder: no episode');
  return e;
};

function closureRecord(on: string, what: string): BestInterestsInput {
  return {
    rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen', 'art. 22 barn på flykt'],
    whatIsKnown: what,
    childsViews: null,
    childsViewsLanguage: null,
    howWeighed:
      'Sökandet har pågått under rutinens tid utan resultat; ärendet hålls öppet för att kunna återupptas om barnet hittas.',
    feedbackToChild: null,
    feedbackGivenOn: null,
    notHeardReason: `Barnet är försvunnet och har inte kunnat höras (${on}); god man och polis är underrättade.`,
  };
}

/** The best-interests record after a return talk: held (the child's views, feedback the same day) or declined. */
function talkRecord(on: string, views: string | null, language: string | null = null): BestInterestsInput {
  return {
    rightsConcerned: [
      'art. 3 barnets bästa',
      'art. 12 rätt att uttrycka sin mening',
      'art. 19 skydd mot våld',
    ],
    whatIsKnown: 'Barnet har återfunnits efter ett avvikande och är tillbaka i placeringen.',
    childsViews: views,
    childsViewsLanguage: views === null ? null : language,
    howWeighed:
      'Barnets trygghet och önskan om kontakt med vänner vägs mot risken för nya avvikanden; placeringen ses över.',
    feedbackToChild:
      views === null ? null : 'Det som bestämdes förklarades för barnet direkt efter samtalet.',
    feedbackGivenOn: views === null ? null : on,
    notHeardReason:
      views === null ? `Barnet avböjde återkomstsamtalet (${on}); erbjuds igen inom en vecka.` : null,
  };
}

/**
 * The missing seeder draws from a stream of its own (seeded by the child's position), not the child's shared one: the
 * seeders after it (the record's corrections and merges) then draw exactly what they drew before it existed.
 */
const MISSING_SEED = 9_100_000;

export const seedMissing: Seeder = async (actors, child, _shared, today) => {
  const random = seededRandom(MISSING_SEED + child.index);
  const decidedOn = child.decidedOn;
  if (child.index < FIXTURES || decidedOn === null) return;
  const probe = await actors.as('social_worker', child.assignedMunicipalityCode, today);
  const [asylum] = await probe.db
    .select({ decision: asylumCases.decision })
    .from(asylumCases)
    .where(eq(asylumCases.childId, child.id));
  const periods = await periodsOf(probe.db, child.id);
  const adult = birthday(child.birthDate, 18);
  const outcome = outcomeFor(
    child,
    random,
    { refused: asylum?.decision === 'refused', inCareAt18: responsibleOn(periods, adult) !== null },
    today,
  );
  if (outcome === null) return;
  /** The responsible municipality's social worker on a date; null when the child is nobody's there (or adult). */
  const worker = async (date: string): Promise<Caller | null> => {
    const code = responsibleOn(periods, date);
    if (code === null || date < decidedOn || date > adult || date > today) return null;
    return actors.as('social_worker', code, date);
  };
  /** One episode, reported on a day, taken as far as its outcome (each step on a day before today). */
  let profiled = false;
  const episode = async (outcome: EpisodeOutcome, reported: string): Promise<void> => {
    const sw = await worker(reported);
    if (sw === null) return;
    // The prevention profile was kept before the first episode, so the police have it when the search begins.
    if (!profiled) {
      profiled = true;
      const keeper = await worker(addDays(reported, -7));
      if (keeper !== null) await saveProfile(keeper, child.id, demoProfile(child));
    }
    const kind = outcome === 'absent' || outcome === 'away_returned' ? 'away_without_permission' : 'missing';
    const lastSeen = at(addDays(reported, -1), '21:30');
    const police =
      kind === 'missing'
        ? { reference: `5000-K${child.index}-${reported.slice(2, 4)}`, reportedAt: at(reported, '07:30') }
        : undefined;
    let e = first(
      await reportAbsence(sw, child.id, {
        kind,
        lastSeenAt: lastSeen,
        lastSeenPlace: pick(random, PLACES),
        police,
      }),
    );
    if (outcome === 'absent') return;
    if (outcome === 'away_returned') {
      const back = await worker(addDays(reported, 1));
      if (back !== null && addDays(reported, 1) < today)
        await simpleStep(back, child.id, e.id, 'record_return', e.version, at(addDays(reported, 1), '08:00'));
      return;
    }
    if (outcome === 'missing') return;
    // The notifications sent outside Anvisa (the Agency's e-service, the school), the same morning.
    for (const n of e.notifications.filter((x) => x.sentAt === null))
      e = first(await markNotificationSent(sw, child.id, e.id, n.id, at(reported, '08:45')));
    if (outcome === 'notified') return;
    // By the next step, the recipients have acknowledged (told by phone or in the app; the social worker records it).
    for (const n of e.notifications.filter((x) => x.acknowledgedAt === null && x.notApplicable === null))
      e = first(
        await acknowledgeNotification(sw, child.id, e.id, n.id, {
          acknowledgedAt: at(reported, '09:15'),
          by: 'Uppgift per telefon',
        }),
      );
    const nextDay = addDays(reported, 1);
    const follow = await worker(nextDay);
    if (follow === null || nextDay >= today) return;
    e = first(await simpleStep(follow, child.id, e.id, 'start_follow_up', e.version));
    e = first(
      await recordLvuAssessment(
        follow,
        child.id,
        e.id,
        {
          outcome: 'no_grounds',
          grounds: [],
          concreteFacts:
            'Inga iakttagelser av missbruk, brottslig verksamhet eller annat socialt nedbrytande beteende före avvikandet; boendet och skolan tillfrågade.',
          decisionReference: null,
        },
        e.version,
      ),
    );
    if (outcome === 'active') return;
    if (
      outcome === 'closed_not_found' ||
      outcome === 'found_after_closure' ||
      outcome === 'closed_left_country' ||
      outcome === 'closed_aged_out'
    ) {
      const minimumPassed = e.earliestClosureOn ?? addDays(reported, 92);
      const closeOn =
        outcome === 'closed_aged_out'
          ? adult
          : outcome === 'closed_left_country'
            ? addDays(reported, between(random, 14, 40))
            : minimumPassed;
      const closer = closeOn < today ? await worker(closeOn) : null;
      const closure =
        outcome === 'closed_aged_out' && closer !== null
          ? 'close_aged_out'
          : outcome === 'closed_left_country' || closer === null
            ? 'close_left_country'
            : 'close_not_found';
      const fallback = addDays(reported, 14);
      const decider = closer ?? (fallback < today ? await worker(fallback) : null);
      if (decider === null) return;
      e = first(
        await closeEpisode(
          decider,
          child.id,
          e.id,
          {
            closure,
            reason:
              closure === 'close_left_country'
                ? 'Polisen har uppgift om att barnet har rest ut ur Sverige.'
                : closure === 'close_aged_out'
                  ? 'Barnet har fyllt 18 år och är fortfarande försvunnet.'
                  : 'Barnet har inte återfunnits under rutinens minsta tid; inga nya uppgifter.',
            bestInterests: closureRecord(decider.today, 'Barnet har varit försvunnet sedan polisanmälan.'),
          },
          e.version,
        ),
      );
      if (outcome !== 'found_after_closure' || closure !== 'close_not_found') return;
      const foundOn = addDays(decider.today, between(random, 1, 5));
      if (foundOn >= today) return;
      const finder = await worker(foundOn);
      if (finder === null) return;
      await recordFound(
        finder,
        child.id,
        e.id,
        {
          foundAt: at(foundOn, '07:00'),
          place: 'Göteborg',
          foundBy: 'Polisen',
          condition: 'unharmed',
          crimeSuspected: false,
          crimeReportReference: null,
          harm: null,
        },
        e.version,
      );
      return;
    }
    const foundOn = addDays(reported, between(random, 1, 6));
    if (foundOn >= today) return;
    const finder = await worker(foundOn);
    if (finder === null) return;
    const harmed = random() < 0.15;
    e = first(
      await recordFound(
        finder,
        child.id,
        e.id,
        {
          foundAt: at(foundOn, '06:30'),
          place: pick(random, ['Malmö C', 'Hos en kamrat', 'Stockholm C', 'Köpenhamn', 'En lägenhet i stan']),
          foundBy: pick(random, ['Polisen', 'Personalen på boendet', 'God man']),
          condition: harmed ? 'needs_care' : 'unharmed',
          crimeSuspected: harmed,
          crimeReportReference: harmed ? `5000-K${child.index}9-${foundOn.slice(2, 4)}` : null,
          harm: harmed ? 'Trött och undernärd; läkarkontakt ordnad.' : null,
        },
        e.version,
      ),
    );
    if (outcome === 'found') return;
    const talkOn = addDays(foundOn, between(random, 0, 2));
    if (talkOn >= today) return;
    const talker = await worker(talkOn);
    if (talker === null) return;
    const declined = random() < 0.2;
    e = first(
      await recordReturnTalk(
        talker,
        child.id,
        e.id,
        declined
          ? {
              outcome: 'declined',
              at: at(talkOn, '08:30'),
              participants: [],
              childsAccount: null,
              childsViews: null,
              actions: null,
              notHeldReason: null,
              bestInterests: talkRecord(talkOn, null),
            }
          : {
              outcome: 'held',
              at: at(talkOn, '08:30'),
              participants: ['Socialsekreterare', `Tolk på ${child.languages[0] ?? 'svenska'}`],
              childsAccount:
                'Barnet berättar att det ville träffa vänner i en annan stad och inte vågade säga det.',
              childsViews: 'Vill bo kvar men önskar mer kontakt med vännerna och en fast kontaktperson.',
              actions: 'Ny genomgång av placeringen, kontaktperson utsedd, uppföljning om två veckor.',
              notHeldReason: null,
              bestInterests: talkRecord(
                talkOn,
                'Vill bo kvar men önskar mer kontakt med vännerna och en fast kontaktperson.',
                child.languages[0] ?? null,
              ),
            },
        e.version,
      ),
    );
    if (outcome === 'return_talk') return;
    const doneOn = addDays(talkOn, 1);
    if (doneOn >= today) return;
    const reviewer = await worker(doneOn);
    if (reviewer === null) return;
    await completeReturn(
      reviewer,
      child.id,
      e.id,
      { placementReview: random() < 0.8 ? 'continues' : 'change_needed', note: null },
      e.version,
    );
  };
  if (outcome === 'repeated') {
    await repeatedSearches(actors, child, today, { decidedOn, adult, worker, episode });
    return;
  }
  // When it was reported, in days before today: every timed step falls on a day before today (a caller acting today
  // acts at the real time, and a step later that day would be in the future); open episodes are recent, closed ones
  // old enough for the routine's minimum.
  const ageDays: number | null = {
    absent: 1,
    away_returned: between(random, 2, 300),
    missing: 1,
    notified: between(random, 1, 3),
    active: between(random, 2, 40),
    found: between(random, 7, 20),
    return_talk: between(random, 10, 60),
    returned: between(random, 10, 300),
    closed_not_found: between(random, 100, 160),
    closed_aged_out: null,
    closed_left_country: between(random, 60, 300),
    found_after_closure: between(random, 110, 160),
  }[outcome];
  // The days each outcome's steps need after the report, all before today and before the 18th birthday.
  const need: Record<EpisodeOutcome, number> = {
    absent: 1,
    away_returned: 2,
    missing: 1,
    notified: 1,
    active: 2,
    found: 7,
    return_talk: 10,
    returned: 10,
    closed_not_found: 95,
    closed_aged_out: 30,
    closed_left_country: 41,
    found_after_closure: 102,
  };
  const end = outcome === 'closed_aged_out' ? addDays(adult, 1) : adult < today ? adult : today;
  const latest = addDays(end, -need[outcome]);
  const earliest = addDays(decidedOn, 1);
  if (earliest > latest || (outcome === 'closed_aged_out' && adult >= today)) return;
  const desired = ageDays === null ? addDays(adult, -between(random, 30, 50)) : addDays(today, -ageDays);
  const reported = desired < earliest ? earliest : desired > latest ? latest : desired;
  await episode(outcome, reported);
};
