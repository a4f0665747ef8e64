/**
 * The region's health examination of an asylum-seeking child (lag 2008:344): offered, then done or declined, with the
 * dates, and the referrals made — where to and when, never why: no diagnoses, no free text. Seen only by the region's
 * health staff (who record it) and the child's assigned social workers (src/domain/access/case-sections.ts).
 */
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { health } from '../domain/case/machines.ts';
import { dateProblems, type Problem } from '../domain/placement/rules.ts';
import { REFERRAL_DESTINATIONS, type ReferralDestination } from '../domain/placement/vocabulary.ts';
import { healthExaminations } from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { stepsFor } from '../case/steps.ts';
import { childContext, refuseStale, type ChildContext } from '../case/child-context.ts';
import type { HealthViewSchema, ReferralSchema } from './contract.ts';
import { HEALTH_STEPS } from './steps.ts';

type Referral = z.output<typeof ReferralSchema>;

/** The health view as the contract declares it (src/health/contract.ts). */
export type HealthView = Answer<z.output<typeof HealthViewSchema>>;

export type HealthStep =
  | { readonly event: 'offer_examination'; readonly date: string }
  | { readonly event: 'record_done'; readonly date: string }
  | { readonly event: 'record_declined'; readonly date: string }
  | { readonly event: 'record_referral'; readonly date: string; readonly to: ReferralDestination };

const FIELD: Readonly<Record<HealthStep['event'], string>> = {
  offer_examination: 'offeredOn',
  record_done: 'doneOn',
  record_declined: 'declinedOn',
  record_referral: 'on',
};

const refuse = (problems: readonly Problem[]) =>
  unprocessable(
    'health_invalid',
    'The health record breaks a rule',
    problems.map((p) => ({ field: p.field, code: p.code, message: p.message })),
  );

/** Only known destinations are kept: a stored row is never shown with free text. */
function referralsOf(value: unknown): Referral[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r: unknown) => {
    const { to, on } = (r ?? {}) as { to?: unknown; on?: unknown };
    return typeof on === 'string' && REFERRAL_DESTINATIONS.some((d) => d === to)
      ? [{ to: to as ReferralDestination, on }]
      : [];
  });
}

async function examinationsOf(caller: Caller, childId: string) {
  return caller.db
    .select()
    .from(healthExaminations)
    .where(eq(healthExaminations.childId, childId))
    .orderBy(desc(healthExaminations.offeredOn), desc(healthExaminations.createdAt));
}

async function view(caller: Caller, ctx: ChildContext): Promise<HealthView> {
  const [state, rows] = await Promise.all([
    machineState(caller.db, ctx.child.id, health),
    examinationsOf(caller, ctx.child.id),
  ]);
  return {
    state: state.state,
    version: state.version,
    examinations: rows.map((r) => ({
      id: r.id,
      countyCode: r.countyCode,
      offeredOn: r.offeredOn,
      doneOn: r.doneOn,
      declinedOn: r.declinedOn,
      referrals: referralsOf(r.referrals),
    })),
    child: ctx.meeting,
    steps: stepsFor(caller, HEALTH_STEPS, ctx.child.id, state.state, ctx.writable),
  };
}

export async function readHealth(caller: Caller, childId: string): Promise<HealthView> {
  return view(caller, await childContext(caller, childId, 'health', 'read'));
}

/** One step of the examination by the region's health staff. */
export async function recordHealth(
  caller: Caller,
  childId: string,
  step: HealthStep,
  expectedVersion?: number,
): Promise<HealthView> {
  const ctx = await childContext(caller, childId, 'health', 'write');
  await refuseStale(caller, childId, health, expectedVersion);
  const countyCode = caller.actor.countyCode;
  if (countyCode === null) throw notFound([childId]);
  const [latest] = await examinationsOf(caller, childId);
  const field = FIELD[step.event];
  if (step.event !== 'offer_examination') {
    if (latest === undefined) {
      const { state } = await machineState(caller.db, childId, health);
      throw conflict('transition_not_allowed', `health: ${step.event} is not possible from ${state}`, [
        { field: 'state', code: state, message: 'Ingen hälsoundersökning har erbjudits' },
      ]);
    }
    const problems = dateProblems(
      field,
      step.date,
      step.event === 'record_referral' ? (latest.doneOn ?? latest.offeredOn) : latest.offeredOn,
      caller.today,
    );
    if (problems.length > 0) throw refuse(problems);
  } else {
    const after = latest?.declinedOn ?? latest?.offeredOn ?? ctx.arrivalDate;
    const problems = dateProblems(field, step.date, after, caller.today);
    if (problems.length > 0) throw refuse(problems);
  }
  const outcome = await applyTransition(caller, {
    childId,
    machine: health,
    event: step.event,
    occurredOn: step.date,
    expectedVersion,
    details: step.event === 'record_referral' ? { to: step.to } : {},
  });
  if (step.event === 'offer_examination') {
    const [row] = await caller.db
      .insert(healthExaminations)
      .values({
        childId,
        countyCode,
        offeredOn: step.date,
        recordedBy: caller.actor.userId,
        version: outcome.version,
      })
      .returning({ id: healthExaminations.id });
    caller.audit.detail('examinationId', row?.id ?? null);
  } else if (latest !== undefined) {
    const set =
      step.event === 'record_done'
        ? { doneOn: step.date }
        : step.event === 'record_declined'
          ? { declinedOn: step.date }
          : { referrals: [...referralsOf(latest.referrals), { to: step.to, on: step.date }] };
    await caller.db
      .update(healthExaminations)
      .set({ ...set, version: outcome.version })
      .where(eq(healthExaminations.id, latest.id));
    caller.audit.detail('examinationId', latest.id);
  }
  return view(caller, ctx);
}
