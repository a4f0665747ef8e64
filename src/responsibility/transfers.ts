/**
 * Transfers of responsibility between municipalities (29 kap. 10–12 §§ SoL 2025:400, formerly 2 a kap. 10–12 §§
 * SoL 2001:453): the responsible municipality asks another to take the child over, or another municipality asks to take
 * it over; the other one confirms (a decision about the child, with its best-interests record) or declines, with a
 * reason and a date; the asking one may withdraw. Every step is on the `transfer` machine and in
 * `responsibility_transfers`. On confirmation the responsibility periods, the social case and the open deadlines
 * move, and the change goes on the list to report to the Migration Agency.
 */
import { MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { responsibility, transfer } from '../domain/case/machines.ts';
import {
  periodsAfterTransfer,
  takeOverRefusal,
  transferDateProblem,
  isTransferable,
  transferRelation,
  type TransferSide,
} from '../domain/responsibility/transfer.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { currentResponsibleMunicipality } from '../domain/access/child-scope.ts';
import {
  children,
  municipalities,
  responsibilityPeriods,
  responsibilityTransfers,
} from '../platform/db/schema.ts';
import { conflict, forbidden, HttpError, notFound, unprocessable } from '../platform/http/errors.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import { runConsequences } from '../case/consequences.ts';
import type { BestInterestsInput } from '../case/best-interests.ts';
import { requireSection } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { notifyMunicipality } from '../notifications/notify.ts';
import { careStartOf, kindOf, periodsOf, responsibleOn } from './periods.ts';

type TransferRow = typeof responsibilityTransfers.$inferSelect;

export interface RequestInput {
  readonly reason: string;
  readonly proposedFrom: string;
}

function requireMunicipalActor(caller: Caller, childIds: readonly string[] = []): string {
  const code = caller.actor.municipalityCodes[0];
  if (!MUNICIPAL_CASE_ROLES.includes(caller.actor.role) || code === undefined) throw forbidden(childIds);
  return code;
}

async function requireKnownMunicipality(db: DbOrTx, code: string): Promise<void> {
  const [known] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (known === undefined)
    throw unprocessable('unknown_municipality', 'Unknown municipality', [
      { field: 'body.municipalityCode', code: 'unknown', message: 'Ingen kommun har den koden' },
    ]);
}

/** The responsible municipality now and the start of its period; 409 when the responsibility cannot move. */
async function transferableResponsibility(
  caller: Caller,
  childId: string,
): Promise<{ responsible: string; since: string }> {
  const state = await machineState(caller.db, childId, responsibility);
  const periods = await periodsOf(caller.db, childId);
  const responsible = responsibleOn(periods, caller.today);
  if (!isTransferable(state.state) || responsible === null) {
    throw conflict('not_transferable', 'Only an assigned or continued responsibility can be transferred', [
      { field: 'state', code: state.state, message: 'Ansvaret kan inte flyttas i det här läget' },
    ]);
  }
  return { responsible, since: careStartOf(periods, responsible) ?? caller.today };
}

async function openRequest(
  caller: Caller,
  childId: string,
  parties: { fromCode: string; toCode: string; side: TransferSide },
  input: RequestInput & { expectedVersion?: number | undefined },
): Promise<{ id: string; fromCode: string; toCode: string }> {
  const id = randomUUID();
  await applyTransition(caller, {
    childId,
    machine: transfer,
    event: 'request_transfer',
    occurredOn: caller.today,
    expectedVersion: input.expectedVersion,
    details: { transferId: id, fromCode: parties.fromCode, toCode: parties.toCode, side: parties.side },
  });
  await caller.db.insert(responsibilityTransfers).values({
    id,
    childId,
    fromCode: parties.fromCode,
    toCode: parties.toCode,
    status: 'requested',
    requestedSide: parties.side,
    reason: input.reason,
    proposedFrom: input.proposedFrom,
    requestedBy: caller.actor.userId,
    requestedAt: caller.now,
  });
  const other = parties.side === 'from' ? parties.toCode : parties.fromCode;
  await notifyMunicipality(
    caller.db,
    'social_services',
    other,
    MUNICIPAL_CASE_ROLES,
    { kind: 'transfer_request', childId, details: { transferId: id } },
    caller.now,
  );
  caller.audit.detail('transferId', id);
  return { id, ...parties };
}

/** The responsible municipality asks another to take the child over. */
export async function requestHandOver(
  caller: Caller,
  childId: string,
  input: RequestInput & { municipalityCode: string; expectedVersion?: number | undefined },
) {
  const { access } = await childInScope(caller, childId);
  requireMunicipalActor(caller, [childId]);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'responsibility', 'write');
  const { responsible } = await transferableResponsibility(caller, childId);
  if (input.municipalityCode === responsible) {
    throw unprocessable('same_municipality', 'The child is already the responsibility of that municipality', [
      { field: 'body.municipalityCode', code: 'unchanged', message: 'Välj en annan kommun än den ansvariga' },
    ]);
  }
  await requireKnownMunicipality(caller.db, input.municipalityCode);
  return openRequest(
    caller,
    childId,
    { fromCode: responsible, toCode: input.municipalityCode, side: 'from' },
    input,
  );
}

/** What the take-over rule needs about the child a dossier number names, in one query whatever the number. */
async function takeOverCandidate(caller: Caller, dossierNumber: string) {
  // Qualified by hand: drizzle writes a lone table's columns unqualified, and `id` in the subqueries would be theirs.
  const childId = sql.raw('"children"."id"');
  const [row] = await caller.db
    .select({
      id: children.id,
      birthDate: children.birthDate,
      responsibilityState: sql<
        string | null
      >`(select s.state from case_states s where s.child_id = ${childId} and s.machine = ${responsibility.name})`,
      transferState: sql<
        string | null
      >`(select s.state from case_states s where s.child_id = ${childId} and s.machine = ${transfer.name})`,
      periods: sql<
        { municipalityCode: string; kind: string; from: string; to: string | null }[]
      >`coalesce((select json_agg(json_build_object('municipalityCode', p.municipality_code, 'kind', p.kind, 'from', p.from_date, 'to', p.to_date) order by p.from_date, p.created_at)
        from responsibility_periods p where p.child_id = ${childId}), '[]'::json)`,
    })
    .from(children)
    .where(eq(children.dossierNumber, dossierNumber));
  if (row === undefined) return null;
  const responsible = currentResponsibleMunicipality(
    { responsibility: row.periods.map((p) => ({ ...p, kind: kindOf(p.kind) })) },
    caller.today,
  );
  return {
    id: row.id,
    birthDate: row.birthDate,
    responsible,
    transferable: isTransferable(row.responsibilityState ?? responsibility.initial),
    requestOpen: (row.transferState ?? transfer.initial) !== transfer.initial,
  };
}

/**
 * Another municipality asks to take over a child it names by dossier number and birth date (ADR 0016). Asking opens
 * nothing: the answer carries only the request, what the asker typed and the status, and the child stays out of its
 * scope until the responsible municipality confirms. An unknown number and one the caller may not ask for get the same
 * 404 after the same single query; the attempt is audited with the number, and with the child when there is one.
 */
export async function requestTakeOver(
  caller: Caller,
  input: RequestInput & { dossierNumber: string; birthDate: string },
): Promise<{ id: string; dossierNumber: string; status: 'requested' }> {
  const own = requireMunicipalActor(caller);
  caller.audit.detail('dossierNumber', input.dossierNumber);
  const child = await takeOverCandidate(caller, input.dossierNumber);
  const refusal = takeOverRefusal(child, {
    birthDate: input.birthDate,
    municipalityCodes: caller.actor.municipalityCodes,
  });
  if (child === null) throw notFound();
  if (refusal === 'already_responsible') {
    throw conflict('already_responsible', 'Your municipality is already responsible for the child', [
      {
        field: 'body.dossierNumber',
        code: 'already_responsible',
        message: 'Er kommun är redan ansvarig för barnet',
      },
    ]);
  }
  if (refusal !== null || child.responsible === null) throw notFound([child.id]);
  caller.audit.children([child.id]);
  try {
    const created = await openRequest(
      caller,
      child.id,
      { fromCode: child.responsible, toCode: own, side: 'to' },
      input,
    );
    return { id: created.id, dossierNumber: input.dossierNumber, status: 'requested' };
  } catch (error) {
    // Another request opened between the check and the lock: answered like any other number it may not ask for.
    if (error instanceof HttpError && error.statusCode === 409) throw notFound([child.id]);
    throw error;
  }
}

/** Which side asked for each transfer. */
export function requestSides(rows: readonly TransferRow[]): Map<string, TransferSide> {
  return new Map(rows.map((r) => [r.id, r.requestedSide === 'to' ? 'to' : 'from']));
}

/** The transfer and the caller's part in it; 404 when the caller's municipality is no party. */
async function transferForParty(
  caller: Caller,
  transferId: string,
): Promise<{ row: TransferRow; side: TransferSide; relation: 'requester' | 'answerer' }> {
  const [row] = await caller.db
    .select()
    .from(responsibilityTransfers)
    .where(eq(responsibilityTransfers.id, transferId));
  if (row === undefined || !MUNICIPAL_CASE_ROLES.includes(caller.actor.role))
    throw notFound(row === undefined ? [] : [row.childId]);
  const side = requestSides([row]).get(row.id) ?? 'from';
  const relation = transferRelation(caller.actor.municipalityCodes, {
    fromCode: row.fromCode,
    toCode: row.toCode,
    requestedBy: side,
  });
  if (relation === 'none') throw notFound([row.childId]);
  caller.audit.children([row.childId]);
  caller.audit.detail('transferId', row.id);
  if (row.status !== 'requested') {
    throw conflict('transfer_answered', `The request was already ${row.status}`, [
      { field: 'state', code: row.status, message: 'Begäran är redan besvarad eller återkallad' },
    ]);
  }
  return { row, side, relation };
}

export interface ConfirmInput {
  readonly transferredOn: string;
  readonly answerNote: string | null;
  readonly bestInterests?: BestInterestsInput | undefined;
  readonly expectedVersion?: number | undefined;
}

/** The other municipality confirms: the responsibility moves on `transferredOn`. */
export async function confirmTransfer(
  caller: Caller,
  transferId: string,
  input: ConfirmInput,
): Promise<{ id: string; status: 'confirmed'; transferredOn: string }> {
  const { row, side, relation } = await transferForParty(caller, transferId);
  if (relation !== 'answerer') throw forbidden([row.childId]);
  const { responsible, since } = await transferableResponsibility(caller, row.childId);
  if (responsible !== row.fromCode)
    throw conflict('responsibility_moved', 'The responsibility has moved since the request was made');
  const problem = transferDateProblem(input.transferredOn, since, caller.today);
  if (problem !== null) {
    throw unprocessable('invalid_date', 'The transfer date is not possible', [
      {
        field: 'body.transferredOn',
        code: problem,
        message:
          problem === 'future'
            ? 'Datumet kan inte ligga i framtiden'
            : 'Datumet ligger före den nuvarande ansvarsperioden',
      },
    ]);
  }
  const outcome = await applyTransition(caller, {
    childId: row.childId,
    machine: transfer,
    event: 'confirm_transfer',
    occurredOn: input.transferredOn,
    expectedVersion: input.expectedVersion,
    bestInterests: input.bestInterests,
    decisionKind: 'transfer',
    details: { transferId: row.id, fromCode: row.fromCode, toCode: row.toCode },
  });
  await movePeriods(caller, row, input.transferredOn);
  await runConsequences(caller, 'transfer.confirmed', {
    childId: row.childId,
    fromCode: row.fromCode,
    toCode: row.toCode,
    on: input.transferredOn,
  });
  await caller.db
    .update(responsibilityTransfers)
    .set({
      status: 'confirmed',
      answeredBy: caller.actor.userId,
      answeredAt: caller.now,
      answerNote: input.answerNote,
      bestInterestsId: outcome.bestInterestsId,
    })
    .where(eq(responsibilityTransfers.id, row.id));
  await tellRequester(caller, row, side, 'confirmed');
  return { id: row.id, status: 'confirmed', transferredOn: input.transferredOn };
}

async function movePeriods(caller: Caller, row: TransferRow, on: string): Promise<void> {
  const periods = await periodsOf(caller.db, row.childId);
  const { closing, newTo, laterPeriods } = periodsAfterTransfer(
    periods.map((p) => ({ ...p, from: p.fromDate, to: p.toDate })),
    row.fromCode,
    on,
  );
  if (closing !== null) {
    await caller.db
      .update(responsibilityPeriods)
      .set({ toDate: on, endReason: 'transferred' })
      .where(eq(responsibilityPeriods.id, closing.id));
  }
  await caller.db.insert(responsibilityPeriods).values({
    childId: row.childId,
    municipalityCode: row.toCode,
    kind: 'transferred',
    fromDate: on,
    toDate: newTo,
    reason: 'transfer',
    ownerOrganisationId: caller.actor.organisationId,
  });
  for (const later of laterPeriods) {
    await caller.db
      .update(responsibilityPeriods)
      .set({ municipalityCode: row.toCode })
      .where(eq(responsibilityPeriods.id, later.id));
  }
}

async function tellRequester(
  caller: Caller,
  row: TransferRow,
  side: TransferSide,
  status: string,
): Promise<void> {
  const requester = side === 'from' ? row.fromCode : row.toCode;
  await notifyMunicipality(
    caller.db,
    'social_services',
    requester,
    MUNICIPAL_CASE_ROLES,
    { kind: 'transfer_answer', childId: row.childId, details: { transferId: row.id, status } },
    caller.now,
  );
}

/** The other municipality declines, with its reason. */
export async function declineTransfer(
  caller: Caller,
  transferId: string,
  input: { answerNote: string; expectedVersion?: number | undefined },
) {
  const { row, side, relation } = await transferForParty(caller, transferId);
  if (relation !== 'answerer') throw forbidden([row.childId]);
  await applyTransition(caller, {
    childId: row.childId,
    machine: transfer,
    event: 'decline_transfer',
    occurredOn: caller.today,
    expectedVersion: input.expectedVersion,
    details: { transferId: row.id },
  });
  await caller.db
    .update(responsibilityTransfers)
    .set({
      status: 'declined',
      answeredBy: caller.actor.userId,
      answeredAt: caller.now,
      answerNote: input.answerNote,
    })
    .where(eq(responsibilityTransfers.id, row.id));
  await tellRequester(caller, row, side, 'declined');
  return { id: row.id, status: 'declined' as const };
}

/** The municipality that asked withdraws its request. */
export async function withdrawTransfer(
  caller: Caller,
  transferId: string,
  input: { expectedVersion?: number | undefined },
) {
  const { row, side, relation } = await transferForParty(caller, transferId);
  if (relation !== 'requester') throw forbidden([row.childId]);
  await applyTransition(caller, {
    childId: row.childId,
    machine: transfer,
    event: 'withdraw_transfer',
    occurredOn: caller.today,
    expectedVersion: input.expectedVersion,
    details: { transferId: row.id },
  });
  await caller.db
    .update(responsibilityTransfers)
    .set({ status: 'withdrawn', answeredBy: caller.actor.userId, answeredAt: caller.now })
    .where(eq(responsibilityTransfers.id, row.id));
  const other = side === 'from' ? row.toCode : row.fromCode;
  await notifyMunicipality(
    caller.db,
    'social_services',
    other,
    MUNICIPAL_CASE_ROLES,
    { kind: 'transfer_answer', childId: row.childId, details: { transferId: row.id, status: 'withdrawn' } },
    caller.now,
  );
  return { id: row.id, status: 'withdrawn' as const };
}
