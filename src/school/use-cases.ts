/**
 * School: the child has a right to education from arrival. Social services record the enrolment (school and
 * programme), the first school day — which closes the `school-start` deadline opened at the anvisning — and the end.
 * The days from arrival to the school start are measured against the 30-day goal (prop. 2000/01:115).
 */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { school } from '../domain/case/machines.ts';
import { deadlines } from '../domain/deadlines/rules.ts';
import { dateProblems, type Problem } from '../domain/placement/rules.ts';
import { enrolmentProblems, SCHOOL_GOAL_DAYS, schoolClock } from '../domain/placement/school.ts';
import { schoolEnrolments } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/http/errors.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { stepsFor } from '../case/steps.ts';
import { childContext, refuseStale, type ChildContext } from '../case/child-context.ts';
import type { EnrolBody, SchoolViewSchema } from './contract.ts';
import { SCHOOL_STEPS } from './steps.ts';

/** The school view as the contract declares it (src/school/contract.ts). */
export type SchoolView = Answer<z.output<typeof SchoolViewSchema>>;

const refuse = (problems: readonly Problem[]) =>
  unprocessable(
    'school_invalid',
    'The school record breaks a rule',
    problems.map((p) => ({ field: p.field, code: p.code, message: p.message })),
  );

async function view(caller: Caller, ctx: ChildContext): Promise<SchoolView> {
  const [state, rows] = await Promise.all([
    machineState(caller.db, ctx.child.id, school),
    caller.db
      .select()
      .from(schoolEnrolments)
      .where(eq(schoolEnrolments.childId, ctx.child.id))
      .orderBy(asc(schoolEnrolments.enrolledOn), asc(schoolEnrolments.createdAt)),
  ]);
  const enrolments = rows
    .map((r) => ({
      id: r.id,
      school: ctx.whereaboutsVisible ? r.school : null,
      programme: r.programme,
      enrolledOn: r.enrolledOn,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
    }))
    .reverse();
  const firstStart = rows.flatMap((r) => (r.startedOn === null ? [] : [r.startedOn])).sort()[0] ?? null;
  const clock = schoolClock(ctx.arrivalDate, firstStart, caller.today);
  return {
    state: state.state,
    version: state.version,
    arrivalDate: ctx.arrivalDate,
    dueOn: deadlines.schoolStart(ctx.arrivalDate).due,
    goalDays: SCHOOL_GOAL_DAYS,
    ...clock,
    current: enrolments.find((e) => e.endedOn === null) ?? null,
    enrolments,
    child: ctx.meeting,
    steps: stepsFor(caller, SCHOOL_STEPS, ctx.child.id, state.state, ctx.writable),
  };
}

async function currentEnrolment(caller: Caller, childId: string) {
  const rows = await caller.db
    .select()
    .from(schoolEnrolments)
    .where(eq(schoolEnrolments.childId, childId))
    .orderBy(asc(schoolEnrolments.enrolledOn));
  return {
    current: rows.find((r) => r.endedOn === null),
    previousEnd:
      rows
        .flatMap((r) => (r.endedOn === null ? [] : [r.endedOn]))
        .sort()
        .at(-1) ?? null,
  };
}

function notPossible(event: string, state: string) {
  return conflict('transition_not_allowed', `school: ${event} is not possible from ${state}`, [
    { field: 'state', code: state, message: `Steget går inte att göra när skolgången har status ${state}` },
  ]);
}

export async function readSchool(caller: Caller, childId: string): Promise<SchoolView> {
  return view(caller, await childContext(caller, childId, 'school', 'read'));
}

export async function enrol(
  caller: Caller,
  childId: string,
  input: z.output<typeof EnrolBody>,
): Promise<SchoolView> {
  const ctx = await childContext(caller, childId, 'school', 'write');
  await refuseStale(caller, childId, school, input.expectedVersion);
  const { previousEnd } = await currentEnrolment(caller, childId);
  const problems = enrolmentProblems({
    ...input,
    arrivalDate: ctx.arrivalDate,
    birthDate: ctx.child.birthDate,
    today: caller.today,
    previousEnd,
  });
  if (problems.length > 0) throw refuse(problems);
  const outcome = await applyTransition(caller, {
    childId,
    machine: school,
    event: 'enrol',
    occurredOn: input.enrolledOn,
    expectedVersion: input.expectedVersion,
    details: { programme: input.programme },
    municipalityCode: ctx.responsible,
  });
  const [row] = await caller.db
    .insert(schoolEnrolments)
    .values({
      childId,
      municipalityCode: ctx.responsible ?? '',
      school: input.school,
      programme: input.programme,
      enrolledOn: input.enrolledOn,
      recordedBy: caller.actor.userId,
      version: outcome.version,
    })
    .returning({ id: schoolEnrolments.id });
  caller.audit.detail('enrolmentId', row?.id ?? null);
  return view(caller, ctx);
}

/** The first school day (closes the one-month deadline), or the end of the schooling. */
export async function recordSchoolStep(
  caller: Caller,
  childId: string,
  step: 'start_school' | 'end_school',
  input: { date: string; expectedVersion?: number | undefined },
): Promise<SchoolView> {
  const ctx = await childContext(caller, childId, 'school', 'write');
  await refuseStale(caller, childId, school, input.expectedVersion);
  const { current } = await currentEnrolment(caller, childId);
  const field = step === 'start_school' ? 'startedOn' : 'endedOn';
  if (current === undefined) throw notPossible(step, (await machineState(caller.db, childId, school)).state);
  const problems = dateProblems(field, input.date, current.startedOn ?? current.enrolledOn, caller.today);
  if (problems.length > 0) throw refuse(problems);
  const outcome = await applyTransition(caller, {
    childId,
    machine: school,
    event: step,
    occurredOn: input.date,
    expectedVersion: input.expectedVersion,
    details: { enrolmentId: current.id },
  });
  await caller.db
    .update(schoolEnrolments)
    .set({ [field]: input.date, version: outcome.version })
    .where(eq(schoolEnrolments.id, current.id));
  caller.audit.detail('enrolmentId', current.id);
  return view(caller, ctx);
}
