/**
 * The one way a child's case changes state. Every sub-process (social case, placement, school, health, guardianship,
 * asylum, age, responsibility, transfer) goes through `applyTransition`, which — inside the request's transaction —
 * locks the machine's state row, asks the domain table whether the event is allowed from the current state for the
 * caller's role (409 if not), checks the caller's expected version (409 `stale` with the current state), requires a
 * complete best-interests record for decisions (422 naming the missing fields), and then writes the new state, the
 * timeline event, the best-interests record, and closes and opens the deadlines the table names.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { currentResponsibleMunicipality } from '../domain/access/child-scope.ts';
import type { AnyMachine } from '../domain/case/machines.ts';
import { transition, type Trigger } from '../domain/case/machine.ts';
import { DEADLINE_RULES, dueFor, type DeadlineRuleId } from '../domain/deadlines/rules.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  asylumCases,
  bestInterestsRecords,
  caseEvents,
  caseStates,
  children,
  deadlines,
  responsibilityPeriods,
} from '../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, stale } from '../platform/http/errors.ts';
import type { CaseCaller } from './caller.ts';
import { requireCompleteBestInterests, type BestInterestsInput } from './best-interests.ts';

export type EventDetail = string | number | boolean | null | readonly string[];

export interface TransitionRequest {
  readonly childId: string;
  readonly machine: AnyMachine;
  readonly event: string;
  /** The date the event took effect (the decision date, the day the child moved …); not after today. */
  readonly occurredOn: string;
  /** The version of the machine's state the caller saw; a different current version answers 409 `stale`. */
  readonly expectedVersion?: number | undefined;
  readonly bestInterests?: BestInterestsInput | null | undefined;
  /** Decision kind recorded with the best-interests record (default: the event name). */
  readonly decisionKind?: string;
  /** Ids, codes and dates (no free text about the child); shown on the timeline. */
  readonly details?: Readonly<Record<string, EventDetail>>;
  /** The municipality owning the machine's instance (social case, placement); kept on the state row. */
  readonly municipalityCode?: string | null;
  /** Overrides the trigger (default: the actor's role); `system` for the daily rules. */
  readonly trigger?: Trigger;
}

export interface TransitionOutcome {
  readonly eventId: string;
  readonly from: string;
  readonly to: string;
  readonly version: number;
  readonly bestInterestsId: string | null;
  readonly opened: readonly { readonly id: string; readonly rule: DeadlineRuleId; readonly due: string }[];
  readonly closed: number;
}

export interface MachineState {
  readonly state: string;
  readonly version: number;
  readonly municipalityCode: string | null;
}

/** The current state of every machine of a child (machines never started are at their initial state, version 0). */
export async function machineStates(db: DbOrTx, childId: string): Promise<Map<string, MachineState>> {
  const rows = await db.select().from(caseStates).where(eq(caseStates.childId, childId));
  return new Map(
    rows.map((r) => [
      r.machine,
      { state: r.state, version: r.version, municipalityCode: r.municipalityCode },
    ]),
  );
}

export async function machineState(
  db: DbOrTx,
  childId: string,
  machine: AnyMachine,
  lock = false,
): Promise<MachineState> {
  const query = db
    .select()
    .from(caseStates)
    .where(and(eq(caseStates.childId, childId), eq(caseStates.machine, machine.name)));
  const [row] = lock ? await query.for('update') : await query;
  return row === undefined ? { state: machine.initial, version: 0, municipalityCode: null } : row;
}

function allowedOrRefused(
  machine: AnyMachine,
  current: MachineState,
  event: string,
  trigger: Trigger,
  childId: string,
) {
  const result = transition(machine, current.state, event, trigger);
  if (!result.ok) {
    if (result.reason === 'role_may_not') throw forbidden([childId]);
    if (result.reason === 'unknown_event') throw badRequest('unknown_event', result.message);
    throw conflict('transition_not_allowed', `${result.message}`, [
      {
        field: 'state',
        code: current.state,
        message: `Steget går inte att göra när ärendet har status ${current.state}`,
      },
    ]);
  }
  return result;
}

/**
 * Refuses, as `applyTransition` would, a transition its machine does not allow now — and locks the state row until
 * the caller's transaction ends, so it cannot change before then. For a step whose transition is taken after the
 * commit (an allocation decision's follow-ups, ADR 0023): the decision is refused, not left with follow-ups that
 * cannot run.
 */
export async function checkTransition(
  ctx: CaseCaller,
  request: Pick<TransitionRequest, 'childId' | 'machine' | 'event' | 'trigger'>,
): Promise<void> {
  const current = await machineState(ctx.db, request.childId, request.machine, true);
  allowedOrRefused(
    request.machine,
    current,
    request.event,
    request.trigger ?? ctx.actor?.role ?? 'system',
    request.childId,
  );
}

export async function applyTransition(
  ctx: CaseCaller,
  request: TransitionRequest,
): Promise<TransitionOutcome> {
  const { machine, event, childId } = request;
  const trigger: Trigger = request.trigger ?? ctx.actor?.role ?? 'system';
  if (request.occurredOn > ctx.today) {
    throw badRequest('validation', 'The date cannot be in the future', [
      { field: 'occurredOn', code: 'future', message: 'Datumet kan inte ligga i framtiden' },
    ]);
  }
  const current = await machineState(ctx.db, childId, machine, true);
  const result = allowedOrRefused(machine, current, event, trigger, childId);
  if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
    throw stale('Someone else changed this part of the case after you opened it', {
      machine: machine.name,
      ...current,
      lastEvent: await lastEvent(ctx.db, childId, machine.name),
    });
  }
  const record = result.bestInterests
    ? requireCompleteBestInterests(request.bestInterests)
    : (request.bestInterests ?? null);

  const bestInterestsId =
    record === null
      ? null
      : await saveBestInterests(ctx, childId, request.decisionKind ?? `${machine.name}.${event}`, record);

  const version = current.version + 1;
  const municipalityCode =
    request.municipalityCode === undefined ? current.municipalityCode : request.municipalityCode;
  await ctx.db
    .insert(caseStates)
    .values({
      childId,
      machine: machine.name,
      state: result.to,
      version,
      municipalityCode,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [caseStates.childId, caseStates.machine],
      set: { state: result.to, version, municipalityCode, updatedAt: ctx.now },
    });

  const [saved] = await ctx.db
    .insert(caseEvents)
    .values({
      childId,
      machine: machine.name,
      event,
      fromState: current.state,
      toState: result.to,
      occurredOn: request.occurredOn,
      recordedAt: ctx.now,
      actorUserId: ctx.actor?.userId ?? null,
      actorOrganisationId: ctx.actor?.organisationId ?? null,
      actorRole: ctx.actor?.role ?? 'system',
      bestInterestsId,
      details: request.details ?? {},
    })
    .returning({ id: caseEvents.id });
  if (saved === undefined) throw new Error('case event not written');

  const closed = await closeDeadlines(ctx, childId, result.closes, saved.id);
  const opened = await openDeadlines(ctx, childId, result.starts, request.occurredOn, saved.id);
  ctx.audit?.children([childId]);
  ctx.audit?.detail('machine', machine.name);
  ctx.audit?.detail('event', event);
  return { eventId: saved.id, from: current.state, to: result.to, version, bestInterestsId, opened, closed };
}

/** Writes a decision's best-interests record (immutable) in the caller's transaction; its id. */
export async function saveBestInterests(
  ctx: CaseCaller,
  childId: string,
  decisionKind: string,
  record: BestInterestsInput,
): Promise<string> {
  if (ctx.actor === null) throw new Error('A best-interests record needs a person who made the decision');
  const [saved] = await ctx.db
    .insert(bestInterestsRecords)
    .values({
      childId,
      decisionKind,
      rightsConcerned: [...record.rightsConcerned],
      whatIsKnown: record.whatIsKnown ?? '',
      childsViews: record.childsViews,
      childsViewsLanguage: record.childsViewsLanguage,
      howWeighed: record.howWeighed ?? '',
      feedbackToChild: record.feedbackToChild,
      feedbackGivenOn: record.feedbackGivenOn,
      notHeardReason: record.notHeardReason,
      recordedBy: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      recordedAt: ctx.now,
    })
    .returning({ id: bestInterestsRecords.id });
  if (saved === undefined) throw new Error('best-interests record not written');
  return saved.id;
}

async function lastEvent(db: DbOrTx, childId: string, machine: string) {
  const [row] = await db
    .select({
      event: caseEvents.event,
      occurredOn: caseEvents.occurredOn,
      recordedAt: caseEvents.recordedAt,
      actorRole: caseEvents.actorRole,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.childId, childId), eq(caseEvents.machine, machine)))
    .orderBy(sql`${caseEvents.recordedAt} desc`)
    .limit(1);
  return row === undefined ? null : { ...row, recordedAt: row.recordedAt.toISOString() };
}

export async function closeDeadlines(
  ctx: CaseCaller,
  childId: string,
  rules: readonly DeadlineRuleId[],
  eventId: string | null,
): Promise<number> {
  if (rules.length === 0) return 0;
  const closed = await ctx.db
    .update(deadlines)
    .set({ closedAt: ctx.now, closedByEventId: eventId })
    .where(
      and(eq(deadlines.childId, childId), inArray(deadlines.rule, [...rules]), isNull(deadlines.closedAt)),
    )
    .returning({ id: deadlines.id });
  return closed.length;
}

/** The dates a deadline's due date may depend on — in one round trip (it is read for every transition that opens one). */
export async function deadlineFacts(db: DbOrTx, childId: string, today: string) {
  const [child] = await db
    .select({
      birthDate: children.birthDate,
      periods: sql<{ municipalityCode: string; kind: string; from: string; to: string | null }[]>`coalesce((
        select json_agg(json_build_object('municipalityCode', p.municipality_code, 'kind', p.kind, 'from', p.from_date, 'to', p.to_date)
          order by p.from_date, p.created_at)
        from ${responsibilityPeriods} p where p.child_id = ${childId}), '[]'::json)`,
      decision: sql<string | null>`(select a.decision from ${asylumCases} a where a.child_id = ${childId})`,
    })
    .from(children)
    .where(eq(children.id, childId));
  if (child === undefined) throw notFound([childId]);
  const responsible = currentResponsibleMunicipality(
    { responsibility: child.periods.map((p) => ({ ...p, kind: p.kind as 'arrival' })) },
    today,
  );
  return {
    birthDate: child.birthDate,
    arrivalDate: child.periods[0]?.from ?? today,
    permitHolder: child.decision === 'permanent_permit' || child.decision === 'temporary_permit',
    responsible,
  };
}

/**
 * Opens deadlines for the given rules, each due by its rule, for whoever the rule names; an open deadline of the same
 * rule for the child is closed first (it is superseded). Social services' and guardianship deadlines follow the
 * responsible municipality (`moveOpenDeadlines` when it changes).
 */
export async function openDeadlines(
  ctx: CaseCaller,
  childId: string,
  rules: readonly DeadlineRuleId[],
  on: string,
  eventId: string | null,
): Promise<{ id: string; rule: DeadlineRuleId; due: string }[]> {
  if (rules.length === 0) return [];
  const facts = await deadlineFacts(ctx.db, childId, ctx.today);
  await closeDeadlines(ctx, childId, rules, eventId);
  const rows = rules.map((rule) => ({
    childId,
    rule,
    dueOn: dueFor(rule, {
      on,
      birthDate: facts.birthDate,
      arrivalDate: facts.arrivalDate,
      permitHolder: facts.permitHolder,
    }).due,
    startedOn: on,
    actorKind: DEADLINE_RULES[rule].actor,
    municipalityCode: facts.responsible,
    openedByEventId: eventId,
  }));
  // One insert for all of them; each answer row is matched to its rule, not to its position.
  const inserted = await ctx.db
    .insert(deadlines)
    .values(rows)
    .returning({ id: deadlines.id, rule: deadlines.rule });
  return rows.flatMap((row) => {
    const id = inserted.find((i) => i.rule === row.rule)?.id;
    return id === undefined ? [] : [{ id, rule: row.rule, due: row.dueOn }];
  });
}

/** When responsibility moves, the open deadlines of social services and the guardianship authority move with it. */
export async function moveOpenDeadlines(
  db: DbOrTx,
  childId: string,
  toMunicipalityCode: string,
): Promise<void> {
  await db
    .update(deadlines)
    .set({ municipalityCode: toMunicipalityCode })
    .where(
      and(
        eq(deadlines.childId, childId),
        isNull(deadlines.closedAt),
        inArray(deadlines.actorKind, ['social_services', 'guardianship']),
      ),
    );
}

/** After a change of the registered birth date, the birthday deadlines are recomputed. */
export async function rescheduleBirthdayDeadlines(
  db: DbOrTx,
  childId: string,
  birthDate: string,
): Promise<void> {
  const rules: DeadlineRuleId[] = ['turning-18-warning', 'continued-responsibility-notice'];
  for (const rule of rules) {
    const { due } = dueFor(rule, { on: birthDate, birthDate, arrivalDate: birthDate, permitHolder: false });
    await db
      .update(deadlines)
      .set({ dueOn: due })
      .where(and(eq(deadlines.childId, childId), eq(deadlines.rule, rule), isNull(deadlines.closedAt)));
  }
}
