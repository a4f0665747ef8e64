/**
 * Use cases of the asylum case, recorded by the Migration Agency's asylum officers: open the case for a child
 * registered before cases were kept, interviews (booked or held), the decision, an appeal and the final decision.
 * Each step goes through the `asylum` machine (src/domain/case/machines.ts); the detail row follows its version.
 */
import { eq } from 'drizzle-orm';
import { addDays } from '../domain/time.ts';
import {
  bookedInterviews,
  checkDecision,
  checkInterview,
  checkNotBefore,
  checkNotFuture,
  DECISION_EVENTS,
  finalOutcome,
  interviewEvent,
  interviewsAtDecision,
  isPermit,
  withInterviewDate,
  withoutInterviewDates,
  type AsylumDecision,
  type CourtOutcome,
  type FieldProblem,
} from '../domain/asylum/asylum.ts';
import { transition } from '../domain/case/machine.ts';
import { asylum } from '../domain/case/machines.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { ageRecords, asylumCases, children } from '../platform/db/schema.ts';
import { conflict } from '../platform/http/errors.ts';
import { notifyAsylumDecision, notifyInterview, notifyInterviewCancelled } from './notify.ts';
import { rejectFields, takeStep, writableSection } from './step.ts';

type AsylumRow = typeof asylumCases.$inferSelect;

/** The child's asylum case, locked for this transaction; 409 when none was opened. */
async function lockedCase(caller: Caller, childId: string): Promise<AsylumRow> {
  const [row] = await caller.db
    .select()
    .from(asylumCases)
    .where(eq(asylumCases.childId, childId))
    .for('update');
  if (row === undefined) {
    throw conflict('asylum_case_missing', 'No asylum case is recorded for this child; open it first', [
      {
        field: 'asylumCase',
        code: 'missing',
        message: 'Det finns inget asylärende för barnet. Registrera ansökan först.',
      },
    ]);
  }
  return row;
}

function audit(caller: Caller, childId: string, step: string): void {
  caller.audit.children([childId]);
  caller.audit.detail('step', step);
}

/** For children registered before Anvisa kept asylum cases: the application with its date. */
export async function createAsylumCase(
  caller: Caller,
  childId: string,
  input: { appliedOn: string },
): Promise<void> {
  const { child } = await writableSection(caller, childId, 'asylum');
  const [existing] = await caller.db
    .select({ childId: asylumCases.childId })
    .from(asylumCases)
    .where(eq(asylumCases.childId, childId));
  if (existing !== undefined) {
    throw conflict('asylum_case_exists', 'The asylum case is already recorded', [
      { field: 'body.appliedOn', code: 'asylum_case_exists', message: 'Asylärendet är redan registrerat' },
    ]);
  }
  rejectFields(checkNotFuture('appliedOn', input.appliedOn, caller.today));
  await caller.db.insert(asylumCases).values({ childId, appliedOn: input.appliedOn, interviewDates: [] });
  const [anyAge] = await caller.db
    .select({ id: ageRecords.id })
    .from(ageRecords)
    .where(eq(ageRecords.childId, childId))
    .limit(1);
  if (anyAge === undefined) {
    // The birth date registered so far is the one the child stated: the start of the age history.
    const stated = child.statedBirthDate ?? child.birthDate;
    const record = {
      childId,
      birthDate: stated,
      decidedOn: input.appliedOn,
      recordedBy: caller.actor.userId,
    };
    await caller.db.insert(ageRecords).values([
      { ...record, kind: 'stated' },
      { ...record, birthDate: child.birthDate, kind: 'registered' },
    ]);
    if (child.statedBirthDate === null)
      await caller.db.update(children).set({ statedBirthDate: stated }).where(eq(children.id, childId));
  }
  audit(caller, childId, 'apply');
}

/** An interview date: in the future it is booked (a coming meeting), today or earlier it was held. */
export async function recordInterview(
  caller: Caller,
  childId: string,
  input: { interviewOn: string; expectedVersion?: number | undefined },
): Promise<void> {
  const { facts } = await writableSection(caller, childId, 'asylum');
  const row = await lockedCase(caller, childId);
  const event = interviewEvent(input.interviewOn, caller.today);
  const outcome = await takeStep(caller, {
    childId,
    machine: asylum,
    event,
    occurredOn: event === 'interview' ? input.interviewOn : caller.today,
    expectedVersion: input.expectedVersion,
    details: { interviewOn: input.interviewOn },
    check: () =>
      checkInterview({
        interviewOn: input.interviewOn,
        appliedOn: row.appliedOn,
        today: caller.today,
        latestOn: addDays(caller.today, 365),
      }),
  });
  await caller.db
    .update(asylumCases)
    .set({
      interviewDates: withInterviewDate(row.interviewDates, input.interviewOn),
      version: outcome.version,
    })
    .where(eq(asylumCases.childId, childId));
  if (event === 'schedule_interview' && !row.interviewDates.includes(input.interviewOn))
    await notifyInterview(caller, facts, input.interviewOn);
  audit(caller, childId, event);
}

export interface DecisionInput {
  readonly decision: AsylumDecision;
  readonly decidedOn: string;
  readonly permitEndsOn: string | null;
  readonly expectedVersion?: number | undefined;
}

/**
 * Interviews booked and not yet held when a decision is taken (src/domain/asylum/asylum.ts `interviewsAtDecision`):
 * a refusal waits for the interview (409 naming its date); a permit, a Dublin transfer or a case written off cancels
 * each booked interview with its own event first, so it is no longer a coming meeting and no reminder goes out.
 * Returns the cancelled dates (the decision's own step then carries no expected version: the first cancel checked it).
 */
async function settleBookedInterviews(
  caller: Caller,
  row: AsylumRow,
  input: DecisionInput,
): Promise<string[]> {
  const childId = row.childId;
  const current = await machineState(caller.db, childId, asylum, true);
  if (!transition(asylum, current.state, DECISION_EVENTS[input.decision], caller.actor.role).ok) return [];
  rejectFields(decisionProblems(row, input, caller.today));
  const plan = interviewsAtDecision(input.decision, bookedInterviews(row.interviewDates, caller.today));
  if (!plan.ok) {
    const message = `Asylsamtalet ${plan.interviewOn} har inte hållits. Ett avslag beslutas inte före samtalet: registrera samtalet när det är hållet.`;
    throw conflict(
      'asylum_interview_not_held',
      `The asylum interview booked for ${plan.interviewOn} has not been held: a refusal waits for it`,
      [{ field: 'body.decision', code: 'asylum_interview_not_held', message }],
    );
  }
  if (plan.cancel.length === 0) return [];
  for (const [index, interviewOn] of plan.cancel.entries()) {
    await applyTransition(caller, {
      childId,
      machine: asylum,
      event: 'cancel_interview',
      occurredOn: input.decidedOn,
      expectedVersion: index === 0 ? input.expectedVersion : undefined,
      details: { interviewOn, reason: input.decision },
    });
  }
  return [...plan.cancel];
}

function decisionProblems(row: AsylumRow, input: DecisionInput, today: string): FieldProblem[] {
  return [
    ...checkNotFuture('decidedOn', input.decidedOn, today),
    ...checkDecision({ ...input, notBefore: row.appliedOn, dateField: 'decidedOn' }),
  ];
}

/** The Agency's decision: a permit (permanent, or temporary with its end date), refusal, Dublin transfer, written off. */
export async function recordDecision(caller: Caller, childId: string, input: DecisionInput): Promise<void> {
  const { facts } = await writableSection(caller, childId, 'asylum');
  const row = await lockedCase(caller, childId);
  const cancelled = await settleBookedInterviews(caller, row, input);
  const outcome = await takeStep(caller, {
    childId,
    machine: asylum,
    event: DECISION_EVENTS[input.decision],
    occurredOn: input.decidedOn,
    expectedVersion: cancelled.length === 0 ? input.expectedVersion : undefined,
    details: { decision: input.decision, permitEndsOn: input.permitEndsOn },
    check: () => decisionProblems(row, input, caller.today),
  });
  await caller.db
    .update(asylumCases)
    .set({
      decision: input.decision,
      decidedOn: input.decidedOn,
      permitEndsOn: input.permitEndsOn,
      interviewDates: withoutInterviewDates(row.interviewDates, cancelled),
      version: outcome.version,
    })
    .where(eq(asylumCases.childId, childId));
  for (const interviewOn of cancelled) await notifyInterviewCancelled(caller, facts, interviewOn);
  await notifyAsylumDecision(caller, facts, {
    decision: input.decision,
    decidedOn: input.decidedOn,
    permitEndsOn: input.permitEndsOn,
    permit: isPermit(input.decision),
  });
  audit(caller, childId, DECISION_EVENTS[input.decision]);
  caller.audit.detail('decision', input.decision);
}

/** An appeal to the migration court of a refusal, a Dublin transfer or a temporary permit. */
export async function recordAppeal(
  caller: Caller,
  childId: string,
  input: { appealedOn: string; expectedVersion?: number | undefined },
): Promise<void> {
  await writableSection(caller, childId, 'asylum');
  const row = await lockedCase(caller, childId);
  const outcome = await takeStep(caller, {
    childId,
    machine: asylum,
    event: 'appeal',
    occurredOn: input.appealedOn,
    expectedVersion: input.expectedVersion,
    details: { decision: row.decision },
    check: () => [
      ...checkNotFuture('appealedOn', input.appealedOn, caller.today),
      ...checkNotBefore('appealedOn', input.appealedOn, row.decidedOn),
    ],
  });
  await caller.db
    .update(asylumCases)
    .set({ appealedOn: input.appealedOn, version: outcome.version })
    .where(eq(asylumCases.childId, childId));
  audit(caller, childId, 'appeal');
}

export interface FinalInput {
  readonly finalOn: string;
  /** After an appeal: the court's outcome. Without one: absent, or the Agency's decision. */
  readonly outcome: CourtOutcome | null;
  readonly permitEndsOn: string | null;
  readonly expectedVersion?: number | undefined;
}

/** What a final decision means from a state: the decision then in force, its permit end date, and any problems. */
function resolveFinal(row: AsylumRow, state: string, input: FinalInput, today: string) {
  const appealed = state === 'appealed';
  const problems: FieldProblem[] = [
    ...checkNotFuture('finalOn', input.finalOn, today),
    ...checkNotBefore('finalOn', input.finalOn, row.appealedOn ?? row.decidedOn),
  ];
  const resolved = finalOutcome({
    appealed,
    decision: row.decision as AsylumDecision | null,
    outcome: input.outcome,
  });
  if (!resolved.ok)
    return { problems: [...problems, resolved.problem], decision: null, permitEndsOn: row.permitEndsOn };
  if (appealed) {
    const decided = {
      decision: resolved.decision,
      decidedOn: input.finalOn,
      permitEndsOn: input.permitEndsOn,
      notBefore: input.finalOn,
      dateField: 'finalOn',
    };
    return {
      problems: [...problems, ...checkDecision(decided)],
      decision: resolved.decision,
      permitEndsOn: input.permitEndsOn,
    };
  }
  if (input.permitEndsOn !== null && input.permitEndsOn !== row.permitEndsOn) {
    problems.push({
      field: 'permitEndsOn',
      code: 'asylum_permit_end_not_appealed',
      message: 'Beslutet överklagades inte: slutdatumet är det i Migrationsverkets beslut',
    });
  }
  return { problems, decision: resolved.decision, permitEndsOn: row.permitEndsOn };
}

/** The decision gained legal force: as the Agency decided, or (after an appeal) as the court decided. */
export async function recordFinal(caller: Caller, childId: string, input: FinalInput): Promise<void> {
  const { facts } = await writableSection(caller, childId, 'asylum');
  const row = await lockedCase(caller, childId);
  // The case row is locked, so the state read here is the one the step starts from.
  const from = (await machineState(caller.db, childId, asylum)).state;
  const { problems, decision, permitEndsOn } = resolveFinal(row, from, input, caller.today);
  const outcome = await takeStep(caller, {
    childId,
    machine: asylum,
    event: 'become_final',
    occurredOn: input.finalOn,
    expectedVersion: input.expectedVersion,
    details: { decision, permitEndsOn, appealed: from === 'appealed' },
    check: () => problems,
  });
  await caller.db
    .update(asylumCases)
    .set({ decision, permitEndsOn, finalOn: input.finalOn, version: outcome.version })
    .where(eq(asylumCases.childId, childId));
  // After an appeal the municipality learns the court's outcome; without one, nothing changed for it.
  if (outcome.state === 'appealed' && decision !== null) {
    await notifyAsylumDecision(caller, facts, {
      decision,
      decidedOn: input.finalOn,
      permitEndsOn,
      permit: isPermit(decision),
      final: true,
    });
  }
  audit(caller, childId, 'become_final');
}
