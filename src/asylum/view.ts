/**
 * The asylum and age case as the caller may see it (the case-sections table decides: the Migration Agency, the
 * responsible municipality's social services and the guardianship authority read it; asylum officers also change it).
 * Codes, dates and states only — no names of the child; the steps the caller may take next come from
 * the step tables (steps.ts), each with the route that takes it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SectionAccess } from '../domain/access/case-sections.ts';
import { adultFrom, ageBandOn, isAdultOn } from '../domain/asylum/age.ts';
import { comingInterviews, isPermit } from '../domain/asylum/asylum.ts';
import { age, asylum, type AnyMachine } from '../domain/case/machines.ts';
import { ageOn } from '../domain/deadlines/calendar.ts';
import { machineStates } from '../case/engine.ts';
import { sectionsFor } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { stepsFor } from '../case/steps.ts';
import { ageRecords, asylumCases, caseEvents, childIntake, children } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';

import type { z } from 'zod';
import type { AgeViewSchema, AsylumViewSchema, HistoryEntry, MigrationView } from './contract.ts';
import { AGE_STEPS, applySteps, ASYLUM_STEPS } from './steps.ts';

export { type MigrationView } from './contract.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const flag = (v: unknown) => (typeof v === 'boolean' ? v : null);

function presentEvent(row: typeof caseEvents.$inferSelect): HistoryEntry {
  const d = (row.details ?? {}) as Record<string, unknown>;
  return {
    event: row.event,
    from: row.fromState,
    to: row.toState,
    occurredOn: row.occurredOn,
    recordedAt: row.recordedAt.toISOString(),
    actorRole: row.actorRole,
    decision: text(d.decision),
    permitEndsOn: text(d.permitEndsOn),
    interviewOn: text(d.interviewOn),
    birthDate: text(d.birthDate),
    previousBirthDate: text(d.previousBirthDate),
    consent: flag(d.consent),
    makesAdult: flag(d.makesAdult),
  };
}

export async function readMigration(caller: Caller, childId: string): Promise<MigrationView> {
  const { access } = await childInScope(caller, childId);
  const sections = await sectionsFor(caller.db, caller.actor, access, childId, caller.today);
  if (sections.asylum === 'none' && sections.age === 'none') throw notFound([childId]);
  caller.audit.children([childId]);
  return presentMigration(caller, childId, sections.asylum, sections.age);
}

/** The view after a step (the section was checked by the step). */
export async function presentMigration(
  caller: Caller,
  childId: string,
  asylumLevel: SectionAccess,
  ageLevel: SectionAccess,
): Promise<MigrationView> {
  const machines = [
    ...(asylumLevel === 'none' ? [] : [asylum.name]),
    ...(ageLevel === 'none' ? [] : [age.name]),
  ];
  const [states, events, [intake]] = await Promise.all([
    machineStates(caller.db, childId),
    machines.length === 0
      ? []
      : caller.db
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.childId, childId), inArray(caseEvents.machine, machines)))
          .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.recordedAt)),
    caller.db
      .select({ needed: childIntake.interpreterNeeded, languages: childIntake.languages })
      .from(childIntake)
      .where(eq(childIntake.childId, childId)),
  ]);
  const historyOf = (machine: string) => events.filter((e) => e.machine === machine).map(presentEvent);
  const stateOf = (machine: AnyMachine) => states.get(machine.name) ?? { state: machine.initial, version: 0 };
  return {
    childId,
    interpreter: intake === undefined ? null : { needed: intake.needed, languages: intake.languages },
    asylum:
      asylumLevel === 'none'
        ? null
        : await asylumView(caller, childId, stateOf(asylum), historyOf(asylum.name), asylumLevel),
    age:
      ageLevel === 'none'
        ? null
        : await ageView(caller, childId, stateOf(age), historyOf(age.name), ageLevel),
  };
}

async function asylumView(
  caller: Caller,
  childId: string,
  current: { state: string; version: number },
  history: HistoryEntry[],
  level: SectionAccess,
): Promise<z.infer<typeof AsylumViewSchema>> {
  const [row] = await caller.db.select().from(asylumCases).where(eq(asylumCases.childId, childId));
  return {
    recorded: row !== undefined,
    state: current.state,
    version: current.version,
    appliedOn: row?.appliedOn ?? null,
    interviewDates: row?.interviewDates ?? [],
    comingInterviews: comingInterviews(row?.interviewDates ?? [], caller.today),
    decision: row?.decision ?? null,
    decidedOn: row?.decidedOn ?? null,
    permitEndsOn: row?.permitEndsOn ?? null,
    appealedOn: row?.appealedOn ?? null,
    finalOn: row?.finalOn ?? null,
    permitHolder: isPermit(row?.decision ?? null),
    history,
    steps:
      row === undefined
        ? applySteps(caller, childId, level === 'write')
        : stepsFor(caller, ASYLUM_STEPS, childId, current.state, level === 'write'),
  };
}

async function ageView(
  caller: Caller,
  childId: string,
  current: { state: string; version: number },
  history: HistoryEntry[],
  level: SectionAccess,
): Promise<z.infer<typeof AgeViewSchema>> {
  const [[child], rows] = await Promise.all([
    caller.db
      .select({ birthDate: children.birthDate, stated: children.statedBirthDate })
      .from(children)
      .where(eq(children.id, childId)),
    caller.db
      .select()
      .from(ageRecords)
      .where(eq(ageRecords.childId, childId))
      .orderBy(asc(ageRecords.decidedOn), asc(ageRecords.createdAt)),
  ]);
  if (child === undefined) throw notFound([childId]);
  const records = rows.map((r) => ({
    kind: r.kind,
    birthDate: r.birthDate,
    decidedOn: r.decidedOn,
    appealedOn: r.appealedOn,
    adultOnDecision: isAdultOn(r.birthDate, r.decidedOn),
  }));
  const decisions = records.filter((r) => r.kind === 'temporary_decision' || r.kind === 'final_decision');
  const doubt = history.filter((h) => h.event === 'doubt').at(-1);
  const medical = history.filter((h) => h.event === 'order_medical_assessment').at(-1);
  return {
    state: current.state,
    version: current.version,
    statedBirthDate: child.stated ?? records.find((r) => r.kind === 'stated')?.birthDate ?? null,
    registeredBirthDate: child.birthDate,
    ageToday: ageOn(child.birthDate, caller.today),
    ageBand: ageBandOn(child.birthDate, caller.today),
    adultToday: isAdultOn(child.birthDate, caller.today),
    adultFrom: adultFrom(child.birthDate),
    records,
    currentDecision: decisions.at(-1) ?? null,
    doubtedOn: doubt?.occurredOn ?? null,
    medicalAssessment:
      medical === undefined ? null : { offeredOn: medical.occurredOn, consent: medical.consent ?? false },
    history,
    // The machine keeps a temporary decision open to appeal; the use case takes one appeal of it (age.ts).
    steps: stepsFor(caller, AGE_STEPS, childId, current.state, level === 'write').filter(
      (step) => step.event !== 'appeal_age' || decisions.at(-1)?.appealedOn === null,
    ),
  };
}
