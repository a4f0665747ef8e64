/**
 * Demo data of the child's record (worklist capability), through its use cases: further identifiers, corrections of
 * the basic data (field history) and merges of duplicate records. Runs last, after every other seeder (it reads the
 * asylum state: a permit brings a personnummer). Assumes the anvisning and the hand-over have run (the municipality
 * that merges is the responsible one). The first 24 children are the tests' fixtures and are left alone.
 *
 * Shares (of about 2,000 children): every permit holder gets a personnummer (population registration follows the
 * permit); about a third of the asylum seekers a samordningsnummer (for school and health care); one in 25 a second
 * dossier number (an earlier application); one in 30 a corrected name spelling or stated birth date; one in 150 was
 * registered twice and merged by the Migration Agency (one of those merges undone again).
 *
 * Deadlines about to pass and coming meetings become notifications when the server's job runs (src/notifications),
 * within seconds of start — not here.
 */
import { eq } from 'drizzle-orm';
import { asylum } from '../domain/case/machines.ts';
import { identityNumberFor } from '../domain/search/identity-number.ts';
import { addDays } from '../domain/time.ts';
import { machineState } from '../case/engine.ts';
import { mergeChildren, unmergeChildren } from '../children/merge.ts';
import { addIdentifier, editBasicData } from '../children/record.ts';
import { registerChild } from '../children/use-cases.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { children } from '../platform/db/schema.ts';
import { HttpError } from '../platform/http/errors.ts';
import { periodsOf, responsibleOn } from '../responsibility/periods.ts';
import type { Seeder } from './case-seeding.ts';

const FIXTURES = 24;
const SPELLINGS: Readonly<Record<string, string>> = {
  Mohammad: 'Mohammed',
  Ahmad: 'Ahmed',
  Hussein: 'Husein',
  Abdulrahman: 'Abdul Rahman',
  Mustafa: 'Mostafa',
  Fatima: 'Fatemeh',
  Maryam: 'Mariam',
  Zahra: 'Zahraa',
};

/** A number already on another record (two children share a birth date and a serial): skipped, not a failure. */
async function unlessTaken(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 409) return;
    throw error;
  }
}

async function basicData(caller: Caller, childId: string) {
  const [row] = await caller.db.select().from(children).where(eq(children.id, childId));
  if (row === undefined) throw new Error('seed: child vanished');
  return row;
}

/**
 * The day (`today`, else the last day of the child's last period of responsibility, not before `from`) and the
 * municipality responsible on it; null when no municipality was responsible from `from` on.
 */
async function correctionDay(
  caller: Caller,
  childId: string,
  from: string,
  today: string,
): Promise<{ on: string; code: string } | null> {
  const periods = await periodsOf(caller.db, childId);
  const lastDays = periods
    .map((p) => (p.toDate === null ? today : addDays(p.toDate, -1)))
    .filter((d) => d >= from && d <= today);
  for (const on of [today, ...lastDays.sort().reverse()]) {
    const code = responsibleOn(periods, on);
    if (code !== null) return { on, code };
  }
  return null;
}

export const seedWorklist: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES || child.decidedOn === null || child.assignedMunicipalityCode === null) return;
  const on = child.decidedOn < today ? addDays(child.decidedOn, 1) : today;
  const agency = await actors.as('allocation_officer', null, on);
  const { child: row } = await childInScope(agency, child.id);
  if (row.protectedIdentity) return;
  const serial = (child.index % 997) + 1;

  const state = (await machineState(agency.db, child.id, asylum)).state;
  const permit =
    state === 'permanent_permit' || state === 'temporary_permit' || (state === 'final' && random() < 0.6);
  const registry = await actors.as('allocation_officer', null, today);
  if (permit) {
    await unlessTaken(() =>
      addIdentifier(registry, child.id, {
        kind: 'personnummer',
        value: identityNumberFor(child.birthDate, serial, 'personnummer'),
      }),
    );
  } else if (child.index % 3 === 1) {
    await unlessTaken(() =>
      addIdentifier(agency, child.id, {
        kind: 'samordningsnummer',
        value: identityNumberFor(child.birthDate, serial, 'samordningsnummer'),
      }),
    );
  }
  if (child.index % 25 === 7) {
    await unlessTaken(() =>
      addIdentifier(agency, child.id, { kind: 'dossier', value: `4${String(child.index).padStart(7, '0')}` }),
    );
  }

  if (child.index % 30 === 11) {
    // The municipality responsible that day corrects the spelling (or records the birth date the child states): not
    // necessarily the one assigned by the anvisning (a transfer may have moved the child on), and on the last day
    // some municipality was responsible when that ended before today (18, an age decision, …).
    const corrected = await correctionDay(agency, child.id, on, today);
    if (corrected === null) return;
    const social = await actors.as('social_worker', corrected.code, corrected.on);
    const current = await basicData(social, child.id);
    const spelling = SPELLINGS[current.firstName];
    await editBasicData(social, child.id, {
      version: current.version,
      ...(spelling === undefined
        ? { statedBirthDate: addDays(child.birthDate, -Math.floor(random() * 200) - 30) }
        : { firstName: spelling }),
    });
  }

  if (child.index % 150 === 42) {
    // Registered twice (a new dossier at a second contact, never assigned): the Migration Agency merges it.
    const twin = await registerChild(agency, {
      dossierNumber: `5${String(child.index).padStart(7, '0')}`,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      gender: child.gender,
      protectedIdentity: false,
      whereabouts: null,
      arrivalMunicipalityCode: child.arrivalMunicipalityCode,
      arrivalDate: child.arrivalDate,
    });
    const { mergeId } = await mergeChildren(registry, child.id, {
      mergedId: twin.id,
      reason: 'Samma barn registrerat vid två kontakter med Migrationsverket',
    });
    if (child.index % 300 === 42) await unmergeChildren(registry, child.id, mergeId);
  }
};
