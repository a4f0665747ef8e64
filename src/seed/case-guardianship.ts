/**
 * Demo data of the guardianship capability, through its use cases: the registry of gode män (extra demo gode män
 * registered where the pool runs short), a request at arrival (mostly by the Migration Agency, else by social
 * services), the appointment a few days later (some take weeks), a few resignations with a replacement, ends by the
 * authority's decision, and — for children with a residence permit (run after the asylum seeder) — SFV applications
 * pending, appointed and refused, and recorded reasons not to apply. Every state of `guardianship` occurs; the ends at
 * 18 come from the turning-18 rule, which runs after this seeder.
 *
 * The first 24 children are the tests' fixtures: every third has a god man from the day after arrival (Birgitta Sjö for
 * even, Hans Gren for odd positions where Malmö's authority appoints; elsewhere one from that authority's registry),
 * the next one none, the one after an open request.
 */
import { and, arrayOverlaps, asc, count, eq, gt, isNull, like, lte, or, sql } from 'drizzle-orm';
import { currentResponsibleMunicipality, type ResponsibilityKind } from '../domain/access/child-scope.ts';
import { guardianship } from '../domain/case/machines.ts';
import { addMonths, birthday } from '../domain/deadlines/calendar.ts';
import { addDays } from '../domain/time.ts';
import { machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { appointGodMan, endGuardianship, resignGodMan } from '../guardianship/appointment.ts';
import { registerGodMan, updateProfile } from '../guardianship/registry.ts';
import { requestGodMan, withdrawRequest } from '../guardianship/requests.ts';
import { END_BY_DECISION_REASONS, DEFAULT_MAX_WARDS } from '../domain/guardianship/rules.ts';
import { applyForSfv, recordSfvDecision, recordSfvNotApplying } from '../guardianship/sfv.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  asylumCases,
  godManProfiles,
  guardianships,
  responsibilityPeriods,
  users,
} from '../platform/db/schema.ts';
import type { Random, SeedActors, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;
const FIRST = [
  'Anna',
  'Lars',
  'Karin',
  'Mats',
  'Eva',
  'Per',
  'Maria',
  'Johan',
  'Lena',
  'Anders',
  'Ingrid',
  'Nils',
  'Sofia',
  'Erik',
  'Fatima',
  'Ahmad',
  'Leila',
  'Samir',
];
const LAST = [
  'Andersson',
  'Berg',
  'Lindqvist',
  'Holm',
  'Nyström',
  'Ek',
  'Sandberg',
  'Lund',
  'Forsberg',
  'Wallin',
  'Hassan',
  'Karimi',
  'Haile',
  'Osman',
];
const COURTS: Readonly<Record<string, string>> = {
  '12': 'Malmö tingsrätt',
  '01': 'Stockholms tingsrätt',
  '14': 'Göteborgs tingsrätt',
  '22': 'Sundsvalls tingsrätt',
};

const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const minDate = (a: string, b: string) => (a < b ? a : b);

function bestInterests(child: SeedChild, on: string, heard: boolean, what: string) {
  const language = child.languages[0] ?? 'svenska';
  return {
    rightsConcerned: [
      'art. 3 barnets bästa',
      'art. 12 rätt att uttrycka sin mening',
      'art. 22 barn på flykt',
    ],
    whatIsKnown: what,
    childsViews: heard
      ? 'Barnet vill ha en god man som förstår hens språk och hjälper till med asylärendet.'
      : null,
    childsViewsLanguage: heard ? language : null,
    howWeighed: 'Barnets önskemål om språk och kontinuitet har vägts mot tillgången på gode män.',
    feedbackToChild: heard ? `Barnet informerades om beslutet med tolk på ${language}.` : null,
    feedbackGivenOn: heard ? on : null,
    notHeardReason: heard
      ? null
      : 'Tolk kunde inte ordnas i tid och förordnandet brådskade; barnet hörs vid första mötet.',
  };
}

async function responsibleOn(db: DbOrTx, childId: string, date: string): Promise<string | null> {
  const periods = await db
    .select()
    .from(responsibilityPeriods)
    .where(eq(responsibilityPeriods.childId, childId))
    .orderBy(asc(responsibilityPeriods.fromDate));
  return currentResponsibleMunicipality(
    {
      responsibility: periods.map((p) => ({
        municipalityCode: p.municipalityCode,
        kind: p.kind as ResponsibilityKind,
        from: p.fromDate,
        to: p.toDate,
      })),
    },
    date,
  );
}

/** Birgitta Sjö and Hans Gren (the demo gode män) in the registry of Malmö's authority, where Per Ek works. */
async function ensureDemoProfiles(caller: Caller): Promise<void> {
  if (!caller.actor.municipalityCodes.includes('1280')) return;
  const wanted: Readonly<Record<string, readonly string[]>> = {
    'dev:birgitta.sjo': ['arabiska', 'svenska', 'engelska'],
    'dev:hans.gren': ['dari', 'pashto', 'svenska'],
  };
  for (const [subject, languages] of Object.entries(wanted)) {
    const [person] = await caller.db
      .select({ id: users.id, profile: godManProfiles })
      .from(users)
      .leftJoin(godManProfiles, eq(godManProfiles.userId, users.id))
      .where(eq(users.subject, subject));
    if (person === undefined || person.profile !== null) continue;
    await updateProfile(caller, person.id, {
      email: `${subject.slice(4)}@example.se`,
      phone: '070-555 01 23',
      languages,
      municipalityCodes: ['1280'],
      available: true,
      expectedVersion: 0,
    });
  }
}

/**
 * A god man from the authority's registry with room under the limit, preferring one who speaks the child's language;
 * a new one is registered when the registry runs short.
 */
async function chooseGodMan(caller: Caller, child: SeedChild, on: string, random: Random): Promise<string> {
  const served = caller.actor.municipalityCodes;
  const rows = await caller.db
    .select({
      userId: godManProfiles.userId,
      languages: godManProfiles.languages,
      wards:
        sql<number>`(select count(*) from ${guardianships} g where g.guardian_user_id = ${godManProfiles.userId} and g.kind = 'god_man' and g.from_date <= ${on} and (g.to_date is null or g.to_date > ${on}))`.mapWith(
          Number,
        ),
    })
    .from(godManProfiles)
    .where(
      and(eq(godManProfiles.available, true), arrayOverlaps(godManProfiles.municipalityCodes, [...served])),
    )
    .orderBy(asc(godManProfiles.userId));
  const room = rows.filter((r) => r.wards < DEFAULT_MAX_WARDS - 1);
  const speaking = room.filter((r) => r.languages.some((l) => child.languages.includes(l)));
  const pool = speaking.length > 0 ? speaking : room;
  if (pool.length > 0 && random() < 0.9) return pick(random, pool).userId;
  const code = served[0] ?? '';
  const [registered] = await caller.db
    .select({ n: count() })
    .from(users)
    .where(like(users.subject, `seed:god_man:${code}:%`));
  const { id } = await registerGodMan(caller, {
    subject: `seed:god_man:${code}:${Number(registered?.n ?? 0) + 1}`,
    name: `${pick(random, FIRST)} ${pick(random, LAST)}`,
    email: null,
    phone: `070-${between(random, 100, 999)} ${between(random, 10, 99)} ${between(random, 10, 99)}`,
    languages: [
      ...(random() < 0.6 && child.languages[0] !== undefined ? [child.languages[0]] : []),
      'svenska',
      ...(random() < 0.5 ? ['engelska'] : []),
    ],
    municipalityCodes: [code],
    available: true,
  });
  return id;
}

async function inRegistryOf(officer: Caller, userId: string): Promise<boolean> {
  const [row] = await officer.db
    .select({ userId: godManProfiles.userId })
    .from(godManProfiles)
    .where(
      and(
        eq(godManProfiles.userId, userId),
        arrayOverlaps(godManProfiles.municipalityCodes, [...officer.actor.municipalityCodes]),
      ),
    );
  return row !== undefined;
}

interface Step {
  readonly actors: SeedActors;
  readonly child: SeedChild;
  readonly random: Random;
  /** The last day anything may happen: today, or the day before the 18th birthday. */
  readonly last: string;
}

async function officerOn(s: Step, date: string): Promise<Caller | null> {
  const probe = await s.actors.as('asylum_officer', null, date);
  const code = await responsibleOn(probe.db, s.child.id, date);
  if (code === null) return null;
  const caller = await s.actors.as('guardianship_officer', code, date);
  await ensureDemoProfiles(caller);
  return caller;
}

async function socialOn(s: Step, date: string): Promise<Caller | null> {
  const probe = await s.actors.as('asylum_officer', null, date);
  const code = await responsibleOn(probe.db, s.child.id, date);
  return code === null ? null : s.actors.as('social_worker', code, date);
}

/** Request (and, when due by `last`, appoint): returns the appointment date, or null when still waiting. */
async function requestAndAppoint(
  s: Step,
  requestedOn: string,
  waitDays: number,
  godMan?: string,
): Promise<string | null> {
  const requester =
    s.random() < 0.7
      ? await s.actors.as('asylum_officer', null, requestedOn)
      : await socialOn(s, requestedOn);
  if (requester === null) return null;
  await requestGodMan(requester, s.child.id, { requestedOn });
  const appointedOn = addDays(requestedOn, waitDays);
  if (appointedOn > s.last) return null;
  const officer = await officerOn(s, appointedOn);
  if (officer === null) return null;
  const heard = s.random() < 0.9;
  // A preferred god man (the fixtures') only where this authority has them in its registry.
  const preferred = godMan !== undefined && (await inRegistryOf(officer, godMan)) ? godMan : undefined;
  await appointGodMan(officer, s.child.id, {
    guardianUserId: preferred ?? (await chooseGodMan(officer, s.child, appointedOn, s.random)),
    fromDate: appointedOn,
    childHeard: heard,
    bestInterests: bestInterests(
      s.child,
      appointedOn,
      heard,
      'Barnet har kommit ensamt till Sverige och saknar vårdnadshavare här; en god man behövs för asylärendet.',
    ),
  });
  return appointedOn;
}

/** Days from request to appointment: mostly 1–3 (practice), some a week or two, a few a month. */
function waitDays(random: Random): number {
  const r = random();
  return r < 0.75 ? between(random, 1, 3) : r < 0.95 ? between(random, 4, 14) : between(random, 15, 35);
}

async function seedFixture(s: Step, legacyGodMan: string | null): Promise<void> {
  const position = s.child.index % 3;
  if (position === 1) return;
  if (position === 2) {
    await requestAndAppoint(s, minDate(s.child.arrivalDate, s.last), 10_000);
    return;
  }
  const subject = s.child.index % 2 === 0 ? 'dev:birgitta.sjo' : 'dev:hans.gren';
  const probe = await s.actors.as('asylum_officer', null, s.child.arrivalDate);
  const [demo] = await probe.db.select({ id: users.id }).from(users).where(eq(users.subject, subject));
  await requestAndAppoint(s, s.child.arrivalDate, 1, legacyGodMan ?? demo?.id);
}

/** After a permit, social services apply for an SFV (pending → appointed or refused), or record why they do not. */
async function seedSfv(s: Step, appointedOn: string): Promise<void> {
  const probe = await s.actors.as('asylum_officer', null, appointedOn);
  const [asylum] = await probe.db
    .select({ decision: asylumCases.decision, decidedOn: asylumCases.decidedOn })
    .from(asylumCases)
    .where(eq(asylumCases.childId, s.child.id));
  if (
    asylum?.decidedOn == null ||
    (asylum.decision !== 'permanent_permit' && asylum.decision !== 'temporary_permit')
  )
    return;
  const start = asylum.decidedOn > appointedOn ? asylum.decidedOn : appointedOn;
  // By position, so that every outcome occurs: 2 in 10 record a reason not to apply, 6 apply, 2 have not yet.
  const mode = s.child.index % 10;
  if (mode < 2) {
    const on = addDays(start, between(s.random, 7, 40));
    if (on > s.last) return;
    const social = await socialOn(s, on);
    if (social === null) return;
    const soon = birthday(s.child.birthDate, 18) <= addMonths(on, 6);
    const reason = soon ? 'turns_18_within_6_months' : s.random() < 0.6 ? 'parents_on_their_way' : 'other';
    await recordSfvNotApplying(social, s.child.id, {
      reason,
      note:
        reason === 'other'
          ? 'Barnet bor hos sin vuxna syster som ansöker om att bli vårdnadshavare.'
          : reason === 'parents_on_their_way'
            ? 'Familjeåterförening beviljad, föräldrarna väntas inom två månader.'
            : null,
      decidedOn: on,
    });
    return;
  }
  if (mode >= 8) return;
  const appliedOn = addDays(start, between(s.random, 14, 60));
  if (appliedOn > s.last) return;
  const social = await socialOn(s, appliedOn);
  if (social === null) return;
  await applyForSfv(social, s.child.id, {
    court: COURTS[social.actor.municipalityCodes[0]?.slice(0, 2) ?? ''] ?? 'Tingsrätten',
    appliedOn,
  });
  const decidedOn = addDays(appliedOn, between(s.random, 45, 150));
  const refused = s.child.index % 40 === 4;
  const finalOn = addDays(decidedOn, 21);
  if ((refused ? decidedOn : finalOn) > s.last) return;
  const later = await socialOn(s, refused ? decidedOn : finalOn);
  if (later === null) return;
  if (refused) await recordSfvDecision(later, s.child.id, { outcome: 'refused', decidedOn, finalOn: null });
  else
    await recordSfvDecision(later, s.child.id, {
      outcome: 'appointed',
      custodianName: `${pick(s.random, FIRST)} ${pick(s.random, LAST)}`,
      decidedOn,
      finalOn,
    });
}

export const seedGuardianship: Seeder = async (actors, child, random, today) => {
  const last = minDate(today, addDays(birthday(child.birthDate, 18), -1));
  const s: Step = { actors, child, random, last };
  if (child.arrivalDate > last) return;
  const probe = await actors.as('asylum_officer', null, today);
  if ((await machineState(probe.db, child.id, guardianship)).state !== 'none') return;
  // An older record may have linked a god man before the request flow existed: for the fixtures the same god man is
  // appointed anew (the tests know them).
  const [legacy] = await probe.db
    .select({ userId: guardianships.guardianUserId })
    .from(guardianships)
    .where(
      and(
        eq(guardianships.childId, child.id),
        lte(guardianships.fromDate, today),
        or(isNull(guardianships.toDate), gt(guardianships.toDate, today)),
      ),
    );
  if (child.index < FIXTURES) {
    await seedFixture(s, legacy?.userId ?? null);
    return;
  }
  // A few children have no request yet (arrived in the last days, or the Agency has not applied).
  if (child.index % 61 === 5) return;
  const requestedOn = minDate(addDays(child.arrivalDate, random() < 0.8 ? 0 : 1), last);
  if (child.index % 97 === 7) {
    // A parent turned up before anyone was appointed: the authority withdraws the request.
    const asylum = await actors.as('asylum_officer', null, requestedOn);
    await requestGodMan(asylum, child.id, { requestedOn });
    const officer = await officerOn(s, minDate(addDays(requestedOn, 1), last));
    if (officer !== null) await withdrawRequest(officer, child.id, { withdrawnOn: officer.today });
    return;
  }
  // Beyond the fixtures an older link is simply replaced by the appointment from the registry.
  let appointedOn = await requestAndAppoint(s, requestedOn, waitDays(random));
  if (appointedOn === null) return;
  if (child.index % 19 === 3) {
    // The god man resigns (moved, too many assignments); a replacement is appointed.
    const resignedOn = addDays(appointedOn, between(random, 20, 200));
    if (resignedOn > last) return;
    const officer = await officerOn(s, resignedOn);
    if (officer === null) return;
    await resignGodMan(officer, child.id, { resignedOn });
    const replacedOn = addDays(resignedOn, waitDays(random));
    if (replacedOn > last) return;
    const next = await officerOn(s, replacedOn);
    if (next === null) return;
    await appointGodMan(next, child.id, {
      guardianUserId: await chooseGodMan(next, child, replacedOn, random),
      fromDate: replacedOn,
      childHeard: true,
      bestInterests: bestInterests(
        child,
        replacedOn,
        true,
        'Den tidigare gode mannen har begärt entledigande; barnet behöver en ny god man.',
      ),
    });
    appointedOn = replacedOn;
  }
  if (child.index % 29 === 11) {
    const endedOn = addDays(appointedOn, between(random, 10, 250));
    if (endedOn > last) return;
    const officer = await officerOn(s, endedOn);
    if (officer === null) return;
    const reason = pick(random, END_BY_DECISION_REASONS);
    await endGuardianship(officer, child.id, {
      kind: 'by_decision',
      reason,
      endedOn,
      bestInterests: bestInterests(
        child,
        endedOn,
        true,
        reason === 'parent_custody'
          ? 'Barnets mamma har kommit till Sverige och kan utöva vårdnaden.'
          : reason === 'left_sweden'
            ? 'Barnet har lämnat Sverige för att återförenas med familjen.'
            : 'Godmanskapet behövs inte längre.',
      ),
    });
    return;
  }
  await seedSfv(s, appointedOn);
};
