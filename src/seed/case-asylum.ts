/**
 * Demo data of the asylum and age case, through the use cases (src/asylum). Two seeders, because an age decision that
 * makes the child an adult ends what the other capabilities seeded:
 *
 * - `ASYLUM_SEEDER` (after placement, school and health; before guardianship, whose SFV part needs the permits): the
 *   interview a few weeks after arrival (booked when still to come), the decision after about three to nine months
 *   (processing time 2019: 168 days on average), its appeal and the final decision; doubts about the age, a medical
 *   assessment offered, temporary age decisions that keep the child under 18, and the final age decision with the
 *   asylum decision.
 * - `AGE_ADULT_SEEDER` (last, after guardianship and before the turning-18 rules): temporary age decisions that make
 *   the child 18 or older — the god man, placement, social case and responsibility then end by rule — some appealed.
 *
 * Shares (../shared/domain/allocation-and-compensation.md §4.5, reception-workflows.md §2.4): 74 % of first-instance
 * decisions granted in 2011, 85 % excluding Dublin and written-off cases (2020: 60 %), so permits ≈ 70 %, refusals
 * ≈ 15 %, Dublin ≈ 8 %, written off ≈ 7 %. Temporary permits are the main rule since 2021 [assumption: 70 % of
 * permits, three years (refugees) or 13 months (subsidiary protection)]. Age doubts [assumption: 8 % of children];
 * RMV's assessments pointed to 18 or over in 442 of 581 cases (2017) [assumption: about a third of the doubts end in an
 * adult decision here]. The first 24 children are the tests' fixtures and are left as registered. Every state of the
 * `asylum` and `age` machines occurs: rare ones are forced for a few positions in every 200 children.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import { adultFrom, isAdultOn } from '../domain/asylum/age.ts';
import type { AsylumDecision, CourtOutcome } from '../domain/asylum/asylum.ts';
import { age } from '../domain/case/machines.ts';
import { addMonths } from '../domain/deadlines/calendar.ts';
import { addDays } from '../domain/time.ts';
import {
  appealAgeDecision,
  decideAgeFinally,
  decideAgeTemporarily,
  offerMedicalAssessment,
  recordDoubt,
} from '../asylum/age.ts';
import {
  createAsylumCase,
  recordAppeal,
  recordDecision,
  recordFinal,
  recordInterview,
} from '../asylum/asylum-case.ts';
import { machineState } from '../case/engine.ts';
import { asylumCases, caseEvents } from '../platform/db/schema.ts';
import type { Random, SeedActors, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;

/** Rare states forced for a few positions in every 200 children, so that each occurs in the demo. */
const FORCED = [
  'written_off',
  'dublin_transfer',
  'permanent_permit',
  'temporary_permit',
  'refused',
  'appealed',
  'in_doubt',
  'medical_assessment',
  'adult',
  // A temporary age decision made final with the asylum decision (rare by chance: doubt 8 %, then a decision).
  'age_final',
] as const;
type Forced = (typeof FORCED)[number];

function forcedFor(child: SeedChild): Forced | null {
  if (child.index < FIXTURES) return null;
  return FORCED[(child.index - FIXTURES) % 200] ?? null;
}

const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

function firstDecision(random: Random): AsylumDecision {
  const u = random();
  return u < 0.49
    ? 'temporary_permit'
    : u < 0.7
      ? 'permanent_permit'
      : u < 0.85
        ? 'refused'
        : u < 0.93
          ? 'dublin_transfer'
          : 'written_off';
}

/** Three years for refugee status, 13 months for subsidiary protection (the day before the anniversary). */
function permitEnd(random: Random, decidedOn: string): string {
  return addDays(addMonths(decidedOn, random() < 0.6 ? 36 : 13), -1);
}

const APPEAL_SHARE: Readonly<Record<AsylumDecision, number>> = {
  refused: 0.75,
  dublin_transfer: 0.3,
  temporary_permit: 0.05,
  permanent_permit: 0,
  written_off: 0,
};

function courtOutcome(random: Random, appealed: AsylumDecision): CourtOutcome {
  const u = random();
  if (appealed === 'refused') return u < 0.2 ? 'temporary_permit' : 'refused';
  if (appealed === 'temporary_permit') return u < 0.3 ? 'permanent_permit' : 'temporary_permit';
  return u < 0.1 ? 'temporary_permit' : 'dublin_transfer';
}

const asOfficer = (actors: SeedActors, date: string) => actors.as('asylum_officer', null, date);

interface AsylumPlan {
  readonly interviewOn: string;
  readonly decidedOn: string;
  readonly decision: AsylumDecision;
  readonly appeal: boolean;
}

/** The asylum case's dates; a forced rare state is reached close to today, so it has not moved on yet. */
function asylumPlan(child: SeedChild, today: string, random: Random, forced: Forced | null): AsylumPlan {
  const arrival = child.arrivalDate;
  const natural = {
    interviewOn: addDays(arrival, between(random, 14, 42)),
    decidedOn: addDays(arrival, between(random, 90, 270)),
    decision: firstDecision(random),
  };
  const appealDraw = random();
  if (forced === null || forced === 'in_doubt' || forced === 'medical_assessment' || forced === 'adult') {
    return { ...natural, appeal: appealDraw < APPEAL_SHARE[natural.decision] };
  }
  // Decided a few days ago (not yet final); for `appealed`, a refusal appealed at once.
  const decidedOn = later(arrival, addDays(today, -between(random, 2, 12)));
  const interviewOn = earlier(natural.interviewOn, decidedOn);
  const decision = forced === 'appealed' ? 'refused' : forced === 'age_final' ? 'temporary_permit' : forced;
  return { interviewOn, decidedOn, decision, appeal: forced === 'appealed' };
}

async function seedAsylum(
  actors: SeedActors,
  child: SeedChild,
  random: Random,
  today: string,
  forced: Forced | null,
): Promise<string | null> {
  const plan = asylumPlan(child, today, random, forced);
  const probe = await asOfficer(actors, child.arrivalDate);
  const [row] = await probe.db
    .select({ appliedOn: asylumCases.appliedOn })
    .from(asylumCases)
    .where(eq(asylumCases.childId, child.id));
  if (row === undefined) await createAsylumCase(probe, child.id, { appliedOn: child.arrivalDate });

  if (plan.interviewOn > today) {
    // A coming meeting: booked up to four weeks ahead, about three weeks before it.
    if (plan.interviewOn <= addDays(today, 28)) {
      const bookedOn = later(child.arrivalDate, earlier(today, addDays(plan.interviewOn, -21)));
      await recordInterview(await asOfficer(actors, bookedOn), child.id, { interviewOn: plan.interviewOn });
    }
    return null;
  }
  await recordInterview(await asOfficer(actors, plan.interviewOn), child.id, {
    interviewOn: plan.interviewOn,
  });
  if (plan.decidedOn > today) return null;

  const decidedOn = later(plan.decidedOn, plan.interviewOn);
  await recordDecision(await asOfficer(actors, decidedOn), child.id, {
    decision: plan.decision,
    decidedOn,
    permitEndsOn: plan.decision === 'temporary_permit' ? permitEnd(random, decidedOn) : null,
  });
  if (forced !== null && forced !== 'appealed') return decidedOn;
  if (plan.appeal) {
    // The appeal within the three weeks; the migration court decides some four to eight months later.
    const appealedOn = addDays(decidedOn, between(random, 5, 20));
    if (appealedOn > today) return decidedOn;
    await recordAppeal(await asOfficer(actors, appealedOn), child.id, { appealedOn });
    if (forced === 'appealed') return decidedOn;
    const finalOn = addDays(appealedOn, between(random, 120, 240));
    if (finalOn > today) return decidedOn;
    const outcome = courtOutcome(random, plan.decision);
    await recordFinal(await asOfficer(actors, finalOn), child.id, {
      finalOn,
      outcome,
      permitEndsOn: outcome === 'temporary_permit' ? permitEnd(random, finalOn) : null,
    });
    return decidedOn;
  }
  // Not appealed: the decision gains legal force after the three weeks for an appeal.
  const finalOn = addDays(decidedOn, between(random, 22, 35));
  if (finalOn <= today)
    await recordFinal(await asOfficer(actors, finalOn), child.id, {
      finalOn,
      outcome: null,
      permitEndsOn: null,
    });
  return decidedOn;
}

/**
 * A birth date the temporary decision may set and keep the child under 18 until well after today: up to eighteen
 * months earlier than registered, never so early that the child is 18 within two months.
 */
function minorBirthDate(random: Random, registered: string, decidedOn: string, today: string): string {
  const limit = addDays(today, 60);
  for (let shift = between(random, 0, 540); shift > 0; shift = Math.floor(shift / 2)) {
    const candidate = addDays(registered, -shift);
    if (adultFrom(candidate) > limit && !isAdultOn(candidate, decidedOn)) return candidate;
  }
  return registered;
}

async function seedAgeDoubt(
  actors: SeedActors,
  child: SeedChild,
  random: Random,
  today: string,
  forced: Forced | null,
  asylumDecidedOn: string | null,
): Promise<void> {
  const doubted =
    forced === 'in_doubt' ||
    forced === 'medical_assessment' ||
    forced === 'adult' ||
    forced === 'age_final' ||
    (forced === null && random() < 0.08);
  // Only for children still well under 18 by the date they stated.
  if (!doubted || adultFrom(child.birthDate) <= addDays(today, 120)) return;
  const doubtedOn =
    forced === 'in_doubt'
      ? later(child.arrivalDate, addDays(today, -between(random, 1, 10)))
      : addDays(child.arrivalDate, between(random, 5, 30));
  if (doubtedOn > today) return;
  await recordDoubt(await asOfficer(actors, doubtedOn), child.id, { doubtedOn });
  if (forced === 'in_doubt') return;
  let lastOn = doubtedOn;
  if (forced === 'medical_assessment' || forced === 'adult' || random() < 0.8) {
    const offeredOn = addDays(doubtedOn, between(random, 3, 14));
    if (offeredOn > today) return;
    await offerMedicalAssessment(await asOfficer(actors, offeredOn), child.id, {
      offeredOn,
      consent: random() < 0.85,
    });
    lastOn = offeredOn;
  }
  // The adult decisions come last (AGE_ADULT_SEEDER), once the other capabilities have seeded what they end.
  if (forced === 'medical_assessment' || forced === 'adult' || (forced !== 'age_final' && random() < 0.35))
    return;
  const planned = addDays(lastOn, between(random, 21, 60));
  // Forced to reach the final age: the temporary decision comes before the asylum decision that makes it final.
  const decidedOn =
    forced === 'age_final' && asylumDecidedOn !== null && planned >= asylumDecidedOn
      ? addDays(asylumDecidedOn, -1)
      : planned;
  if (decidedOn <= lastOn) return;
  if (decidedOn > today) return;
  const birthDate = minorBirthDate(random, child.birthDate, decidedOn, today);
  await decideAgeTemporarily(await asOfficer(actors, decidedOn), child.id, { decidedOn, birthDate });
  lastOn = decidedOn;
  if (random() < 0.1) {
    const appealedOn = addDays(decidedOn, between(random, 7, 20));
    if (appealedOn <= today) {
      await appealAgeDecision(await asOfficer(actors, appealedOn), child.id, { appealedOn });
      lastOn = appealedOn;
    }
  }
  // The final age is set with the asylum decision.
  if (asylumDecidedOn !== null && asylumDecidedOn > lastOn) {
    const finalBirthDate = random() < 0.9 ? birthDate : child.birthDate;
    await decideAgeFinally(await asOfficer(actors, asylumDecidedOn), child.id, {
      decidedOn: asylumDecidedOn,
      birthDate: finalBirthDate,
    });
  }
}

export const seedAsylumCase: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES) return;
  const forced = forcedFor(child);
  const asylumDecidedOn = await seedAsylum(actors, child, random, today, forced);
  await seedAgeDoubt(actors, child, random, today, forced, asylumDecidedOn);
};

/**
 * Temporary age decisions that make the child an adult, for children the first seeder left in doubt: dated after
 * everything else in the child's case, so that what they end (god man, placement, social case, responsibility) exists.
 */
export const seedAgeDecisionsMakingAdults: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES) return;
  const forced = forcedFor(child);
  if (forced === 'in_doubt' || forced === 'medical_assessment') return;
  const probe = await asOfficer(actors, today);
  const { state } = await machineState(probe.db, child.id, age);
  if (state !== 'in_doubt' && state !== 'medical_assessment') return;
  const [lastAge] = await probe.db
    .select({ on: caseEvents.occurredOn })
    .from(caseEvents)
    .where(and(eq(caseEvents.childId, child.id), eq(caseEvents.machine, age.name)))
    .orderBy(desc(caseEvents.occurredOn))
    .limit(1);
  const [lastAny] = await probe.db
    .select({ on: max(caseEvents.occurredOn) })
    .from(caseEvents)
    .where(eq(caseEvents.childId, child.id));
  const planned = addDays(lastAge?.on ?? child.arrivalDate, forced === 'adult' ? 1 : between(random, 21, 60));
  const decidedOn = later(planned, lastAny?.on ?? planned);
  if (decidedOn > today) return;
  // 18 to 20 years old on the decision date.
  const birthDate = addDays(addMonths(decidedOn, -12 * 18), -between(random, 30, 700));
  await decideAgeTemporarily(await asOfficer(actors, decidedOn), child.id, { decidedOn, birthDate });
  if (random() < 0.6) {
    const appealedOn = addDays(decidedOn, between(random, 5, 20));
    if (appealedOn <= today)
      await appealAgeDecision(await asOfficer(actors, appealedOn), child.id, { appealedOn });
  }
};

/** For src/seed/case-seeders.ts: the asylum case before guardianship, the adult age decisions after it. */
export const ASYLUM_SEEDER = { name: 'asylum', seed: seedAsylumCase } as const;
export const AGE_ADULT_SEEDER = { name: 'age-adult', seed: seedAgeDecisionsMakingAdults } as const;
