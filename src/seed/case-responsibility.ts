/**
 * Demo data of the responsibility capability, through its use cases. Two seeders:
 *
 * `seedHandover` (run first, before the social case and placement): the municipality the child arrived in records
 * the move a few days after the anvisning, and the assigned municipality acknowledges receipt — most children; one in
 * ten of the recent ones still waits. A few children are transferred to a neighbouring municipality later (asked by
 * the responsible one or by the other; confirmed, declined, withdrawn, or still open), and some of the changes are
 * reported to the Migration Agency.
 *
 * `seedTurning18` (run last, after guardianship): before the 18th birthday the municipality decides continued
 * responsibility (aftercare; mostly reported in time) or its end, or decides nothing; then the daily rules bring the
 * child up to today (the end at 18, the god man by law). A few aftercare periods are ended early.
 *
 * Every state of `responsibility` (the arrival municipality for children still waiting) and `transfer` occurs. The
 * first 24 children are the tests' fixtures and are left as the anvisning made them.
 */
import { and, eq, ne } from 'drizzle-orm';
import { responsibility, transfer } from '../domain/case/machines.ts';
import { addCalendarDays, birthday } from '../domain/deadlines/calendar.ts';
import { machineState } from '../case/engine.ts';
import { asSystem, type Caller } from '../case/caller.ts';
import { changeReports, children, handovers, municipalities } from '../platform/db/schema.ts';
import { applyDailyRulesFor } from '../responsibility/daily.ts';
import { acknowledgeReceipt, recordMove } from '../responsibility/handover.ts';
import { reportChange } from '../responsibility/lists.ts';
import { periodsOf, responsibleOn } from '../responsibility/periods.ts';
import {
  confirmTransfer,
  declineTransfer,
  requestHandOver,
  requestTakeOver,
  withdrawTransfer,
} from '../responsibility/transfers.ts';
import { decideTurning18, endAftercare, recordContinuedReported } from '../responsibility/turning18.ts';
import type { Random, SeedActors, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

function bestInterests(child: SeedChild, on: string, what: string, views: string) {
  const language = child.languages[0] ?? 'svenska';
  return {
    rightsConcerned: [
      'art. 3 barnets bästa',
      'art. 12 rätt att uttrycka sin mening',
      'art. 27 levnadsstandard',
    ],
    whatIsKnown: what,
    childsViews: views,
    childsViewsLanguage: language,
    howWeighed: 'Barnets egen vilja, skolgången och nätverket har vägts mot behovet av stöd.',
    feedbackToChild: `Beslutet förklarades för barnet med tolk på ${language}.`,
    feedbackGivenOn: on,
    notHeardReason: null,
  };
}

async function stateOf(
  caller: Caller,
  childId: string,
  machine: typeof responsibility | typeof transfer,
): Promise<string> {
  return (await machineState(caller.db, childId, machine)).state;
}

// ── Hand-over and transfers ──────────────────────────────────────────────────────

/** What happens to the child's responsibility after the hand-over, by position (so every outcome occurs). */
type TransferPlan = 'none' | 'confirmed' | 'declined' | 'open' | 'take_over' | 'withdrawn';

function transferPlan(index: number): TransferPlan {
  const plans: Readonly<Record<number, TransferPlan>> = {
    3: 'confirmed',
    23: 'take_over',
    43: 'declined',
    63: 'confirmed',
    83: 'open',
    103: 'withdrawn',
  };
  return plans[index % 120] ?? 'none';
}

export const seedHandover: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES || child.decidedOn === null || child.assignedMunicipalityCode === null) return;
  const code = child.assignedMunicipalityCode;
  const decidedOn = child.decidedOn;
  // One in ten children decided in the last three weeks is not yet acknowledged; a few older ones neither.
  const waits = (addCalendarDays(decidedOn, 21) > today && random() < 0.1) || child.index % 53 === 11;
  const probe = await actors.as('social_worker', code, decidedOn);
  const [handover] = await probe.db
    .select()
    .from(handovers)
    .where(and(eq(handovers.childId, child.id), eq(handovers.toCode, code)));
  let receivedOn = decidedOn;
  if (handover !== undefined) {
    const movedOn = minDate(today, addCalendarDays(decidedOn, between(random, 0, 4)));
    if (!waits || random() < 0.5) {
      await recordMove(await actors.as('social_worker', handover.fromCode, movedOn), child.id, { movedOn });
      receivedOn = movedOn;
    }
  }
  if (waits) return;
  receivedOn = minDate(today, addCalendarDays(receivedOn, between(random, 0, 2)));
  await acknowledgeReceipt(await actors.as('social_worker', code, receivedOn), child.id, {
    acknowledgedOn: receivedOn,
  });
  await seedTransfer(actors, child, code, receivedOn, random, today);
};

async function neighbour(caller: Caller, code: string, random: Random): Promise<string | null> {
  const rows = await caller.db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.countyCode, code.slice(0, 2)), ne(municipalities.code, code)))
    .orderBy(municipalities.code);
  return rows[Math.floor(random() * rows.length)]?.code ?? null;
}

async function seedTransfer(
  actors: SeedActors,
  child: SeedChild,
  code: string,
  receivedOn: string,
  random: Random,
  today: string,
): Promise<void> {
  const plan = transferPlan(child.index);
  if (plan === 'none') return;
  const askedOn = minDate(today, addCalendarDays(receivedOn, between(random, 20, 90)));
  // Turning 18 before the answer would end the responsibility first.
  if (addCalendarDays(askedOn, 14) >= birthday(child.birthDate, 18)) return;
  const responsibleSide = await actors.as('social_worker', code, askedOn);
  const other = await neighbour(responsibleSide, code, random);
  if (other === null) return;
  const reason =
    plan === 'take_over'
      ? 'Barnets morbror bor i kommunen och barnet vill bo nära honom.'
      : 'Barnet har flyttat till ett familjehem i grannkommunen och går i skola där.';
  const [{ dossierNumber, birthDate } = { dossierNumber: '', birthDate: '' }] = await responsibleSide.db
    .select({ dossierNumber: children.dossierNumber, birthDate: children.birthDate })
    .from(children)
    .where(eq(children.id, child.id));
  const created =
    plan === 'take_over'
      ? await requestTakeOver(await actors.as('social_worker', other, askedOn), {
          dossierNumber,
          birthDate,
          reason,
          proposedFrom: addCalendarDays(askedOn, 14),
        })
      : await requestHandOver(responsibleSide, child.id, {
          municipalityCode: other,
          reason,
          proposedFrom: addCalendarDays(askedOn, 14),
        });
  if (plan === 'open') return;
  const answeredOn = minDate(today, addCalendarDays(askedOn, between(random, 2, 10)));
  // The one that did not ask answers: the other municipality for a hand-over, the responsible one for a take-over.
  const answerer = await actors.as('social_worker', plan === 'take_over' ? code : other, answeredOn);
  if (plan === 'withdrawn') {
    await withdrawTransfer(await actors.as('social_worker', code, answeredOn), created.id, {});
    return;
  }
  if (plan === 'declined') {
    await declineTransfer(answerer, created.id, {
      answerNote: 'Kommunen kan inte ordna ett lämpligt boende för barnet just nu.',
    });
    return;
  }
  await confirmTransfer(answerer, created.id, {
    transferredOn: answeredOn,
    answerNote: null,
    bestInterests: bestInterests(
      child,
      answeredOn,
      reason,
      'Jag vill bo där, nära min familj och min skola.',
    ),
  });
  await reportSome(actors, child, 'transfer', random, today);
}

/** Most changes are reported to the Migration Agency within days or weeks; some are still waiting. */
async function reportSome(
  actors: SeedActors,
  child: SeedChild,
  change: 'transfer' | 'turning_18',
  random: Random,
  today: string,
): Promise<void> {
  if (child.index % 3 === 0 || random() < 0.25) return;
  const probe = await actors.as('allocation_officer', null, today);
  const rows = await probe.db
    .select()
    .from(changeReports)
    .where(and(eq(changeReports.childId, child.id), eq(changeReports.change, change)));
  for (const row of rows) {
    const reportedOn = minDate(today, addCalendarDays(row.changedOn, between(random, 1, 30)));
    await reportChange(
      await actors.as('social_worker', row.municipalityCode, reportedOn),
      row.id,
      reportedOn,
    );
  }
}

// ── Turning 18 ───────────────────────────────────────────────────────────────────

export const seedTurning18: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES || child.decidedOn === null) return;
  const birthday18 = birthday(child.birthDate, 18);
  // The decision comes in the weeks before the notice is due (three weeks before the birthday).
  const decidedOn = maxDate(child.decidedOn, addCalendarDays(birthday18, -between(random, 22, 45)));
  const probe = await actors.as('allocation_officer', null, today);
  if (
    decidedOn < birthday18 &&
    decidedOn <= today &&
    ['assigned', 'received'].includes(await stateOf(probe, child.id, responsibility))
  ) {
    const code = responsibleOn(await periodsOf(probe.db, child.id), decidedOn);
    const choice = child.index % 4 === 0 ? 'continue' : child.index % 4 === 1 ? 'end' : null;
    if (code !== null && choice !== null) {
      const caller = await actors.as('social_worker', code, decidedOn);
      const continuing = choice === 'continue';
      const until = birthday(child.birthDate, random() < 0.5 ? 21 : random() < 0.5 ? 20 : 19);
      const reportedOn =
        continuing && random() < 0.85
          ? minDate(today, addCalendarDays(decidedOn, between(random, 0, 4)))
          : null;
      await decideTurning18(caller, child.id, {
        decision: choice,
        continuedUntil: continuing ? until : null,
        reportedOn: reportedOn !== null && reportedOn === decidedOn ? reportedOn : null,
        bestInterests: bestInterests(
          child,
          decidedOn,
          continuing
            ? 'Den unga har behov av fortsatt stöd i boendet för att avsluta gymnasiet.'
            : 'Den unga klarar sig själv, har arbete och bostad ordnad.',
          continuing
            ? 'Jag vill bo kvar och gå klart skolan.'
            : 'Jag vill flytta till min bror när jag fyller 18.',
        ),
      });
      if (reportedOn !== null && reportedOn !== decidedOn)
        await recordContinuedReported(
          await actors.as('social_worker', code, reportedOn),
          child.id,
          reportedOn,
        );
    }
  }
  // The daily rules bring the child up to today: the end at 18, a decided end, the god man by law.
  await applyDailyRulesFor(asSystem({ db: probe.db, now: probe.now, today }), child.id);
  await reportSome(actors, child, 'turning_18', random, today);
  // A few young people leave aftercare early.
  const endedOn = addCalendarDays(birthday18, between(random, 14, 120));
  if (
    child.index % 8 === 0 &&
    endedOn <= today &&
    (await stateOf(probe, child.id, responsibility)) === 'continued_after_18'
  ) {
    const code = responsibleOn(await periodsOf(probe.db, child.id), endedOn);
    if (code !== null)
      await endAftercare(await actors.as('social_worker', code, endedOn), child.id, { endedOn });
  }
};
