/**
 * The hand-over after an anvisning: the municipality the child is with records the day the child physically moved
 * (`record_move`); the assigned municipality acknowledges receipt (`acknowledge_receipt`). Either party may act only
 * on a hand-over to the municipality responsible today.
 */
import { MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { and, eq } from 'drizzle-orm';
import { responsibility } from '../domain/case/machines.ts';
import { moveDateProblem } from '../domain/responsibility/handover.ts';
import { handovers } from '../platform/db/schema.ts';
import { conflict, forbidden, notFound, unprocessable } from '../platform/http/errors.ts';
import { applyTransition } from '../case/engine.ts';
import { requireSection } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { careStartOf, periodsOf, responsibleOn } from './periods.ts';

type HandoverRow = typeof handovers.$inferSelect;

/** The hand-over to the municipality responsible today, if the child has one. */
async function currentHandover(
  caller: Caller,
  childId: string,
): Promise<{
  handover: HandoverRow | null;
  responsible: string | null;
  assignedOn: string | null;
  arrivalDate: string | null;
}> {
  const periods = await periodsOf(caller.db, childId);
  const responsible = responsibleOn(periods, caller.today);
  if (responsible === null) return { handover: null, responsible, assignedOn: null, arrivalDate: null };
  const [handover] = await caller.db
    .select()
    .from(handovers)
    .where(and(eq(handovers.childId, childId), eq(handovers.toCode, responsible)));
  return {
    handover: handover ?? null,
    responsible,
    assignedOn: careStartOf(periods, responsible),
    arrivalDate: handover === undefined ? null : careStartOf(periods, handover.fromCode),
  };
}

export interface MoveInput {
  readonly movedOn: string;
  readonly expectedVersion?: number | undefined;
}

export async function recordMove(
  caller: Caller,
  childId: string,
  input: MoveInput,
): Promise<{ handoverId: string; movedOn: string; version: number }> {
  const { access } = await childInScope(caller, childId);
  const { handover, responsible, assignedOn, arrivalDate } = await currentHandover(caller, childId);
  const codes = caller.actor.municipalityCodes;
  const party =
    handover !== null &&
    MUNICIPAL_CASE_ROLES.includes(caller.actor.role) &&
    (codes.includes(handover.fromCode) || codes.includes(handover.toCode));
  if (!party || handover === null) {
    // The responsible municipality without a hand-over (the child was assigned where it arrived) learns that; others nothing.
    if (responsible !== null && codes.includes(responsible) && access.mayWrite)
      throw conflict(
        'no_handover',
        'The child was assigned to the municipality it arrived in: there is no move to record',
      );
    throw notFound([childId]);
  }
  if (codes.includes(handover.toCode))
    await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  if (handover.movedOn !== null) {
    throw conflict('move_recorded', 'The move is already recorded', [
      {
        field: 'body.movedOn',
        code: 'already_recorded',
        message: `Flytten registrerades redan (${handover.movedOn})`,
      },
    ]);
  }
  const problem = moveDateProblem(
    input.movedOn,
    { arrivalDate: arrivalDate ?? input.movedOn, assignedOn: assignedOn ?? input.movedOn },
    caller.today,
  );
  if (problem !== null) {
    throw unprocessable('invalid_date', 'The move date is not possible', [
      { field: 'body.movedOn', code: problem, message: MOVE_DATE_MESSAGES[problem] },
    ]);
  }
  const outcome = await applyTransition(caller, {
    childId,
    machine: responsibility,
    event: 'record_move',
    occurredOn: input.movedOn,
    expectedVersion: input.expectedVersion,
    details: { handoverId: handover.id, fromCode: handover.fromCode, toCode: handover.toCode },
  });
  await caller.db
    .update(handovers)
    .set({ movedOn: input.movedOn, movedRecordedBy: caller.actor.userId })
    .where(eq(handovers.id, handover.id));
  caller.audit.detail('handoverId', handover.id);
  return { handoverId: handover.id, movedOn: input.movedOn, version: outcome.version };
}

const MOVE_DATE_MESSAGES = {
  future: 'Datumet kan inte ligga i framtiden',
  before_arrival: 'Barnet kan inte ha flyttat före ankomsten',
  before_anvisning: 'Barnet kan inte ha flyttat före anvisningen',
} as const;

export interface ReceiptInput {
  readonly acknowledgedOn: string;
  readonly expectedVersion?: number | undefined;
}

/** The assigned municipality acknowledges that it has received the child (and the responsibility). */
export async function acknowledgeReceipt(
  caller: Caller,
  childId: string,
  input: ReceiptInput,
): Promise<{ handoverId: string | null; acknowledgedOn: string; version: number }> {
  const { access } = await childInScope(caller, childId);
  if (!MUNICIPAL_CASE_ROLES.includes(caller.actor.role)) throw forbidden([childId]);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  const { handover, assignedOn } = await currentHandover(caller, childId);
  if (input.acknowledgedOn > caller.today || (assignedOn !== null && input.acknowledgedOn < assignedOn)) {
    throw unprocessable('invalid_date', 'The date is not possible', [
      {
        field: 'body.acknowledgedOn',
        code: input.acknowledgedOn > caller.today ? 'future' : 'before_anvisning',
        message:
          input.acknowledgedOn > caller.today
            ? 'Datumet kan inte ligga i framtiden'
            : 'Mottagandet kan inte ligga före anvisningen',
      },
    ]);
  }
  const outcome = await applyTransition(caller, {
    childId,
    machine: responsibility,
    event: 'acknowledge_receipt',
    occurredOn: input.acknowledgedOn,
    expectedVersion: input.expectedVersion,
    details: { handoverId: handover?.id ?? null },
  });
  if (handover !== null) {
    await caller.db
      .update(handovers)
      .set({ acknowledgedOn: input.acknowledgedOn, acknowledgedBy: caller.actor.userId })
      .where(eq(handovers.id, handover.id));
    caller.audit.detail('handoverId', handover.id);
  }
  return { handoverId: handover?.id ?? null, acknowledgedOn: input.acknowledgedOn, version: outcome.version };
}
