/**
 * Placement decisions of the responsible municipality's social services: an ordinary placement, an on-call placement
 * (socialjouren, valid to the next working day and followed by an ordinary decision), a move, and the end with its
 * reason. Every decision carries a best-interests record (the engine answers 422 naming what is missing); the rules
 * of src/domain/placement answer 422 naming each refused field. The child's whereabouts become the provider's name
 * (masked by the presenters for a protected identity).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { placement } from '../domain/case/machines.ts';
import { placementDaysByMunicipality } from '../domain/placement/days.ts';
import {
  endProblems,
  onCallValidUntil,
  placementProblems,
  type PlacementFacts,
  type Problem,
} from '../domain/placement/rules.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { children, municipalities, placementProviders, placements, users } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/http/errors.ts';
import { applyTransition, machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { stepsFor } from '../case/steps.ts';
import { childContext, refuseStale, type ChildContext } from '../case/child-context.ts';
import type { DecisionBody, EndBody, PlacementSchema, PlacementViewSchema } from './contract.ts';
import { endCurrentPlacement } from './end.ts';
import { PLACEMENT_STEPS } from './steps.ts';

type PlacementRecord = z.output<typeof PlacementSchema>;

/** The placement view as the contract declares it (src/placement/contract.ts). */
export type PlacementView = Answer<z.output<typeof PlacementViewSchema>>;

type DecisionInput = z.output<typeof DecisionBody>;
type EndInput = z.output<typeof EndBody>;

const refuse = (problems: readonly Problem[]) =>
  unprocessable(
    'placement_invalid',
    'The placement breaks a placement rule',
    problems.map((p) => ({ field: p.field, code: p.code, message: p.message })),
  );

async function rowsOf(db: DbOrTx, childId: string) {
  return db
    .select({ row: placements, providerName: placementProviders.name, decidedBy: users.displayName })
    .from(placements)
    .innerJoin(placementProviders, eq(placementProviders.id, placements.providerId))
    .innerJoin(users, eq(users.id, placements.decidedBy))
    .where(eq(placements.childId, childId))
    .orderBy(desc(placements.fromDate), desc(placements.createdAt));
}

async function view(caller: Caller, ctx: ChildContext): Promise<PlacementView> {
  const childId = ctx.child.id;
  const [state, rows] = await Promise.all([
    machineState(caller.db, childId, placement),
    rowsOf(caller.db, childId),
  ]);
  const full = ctx.access.view === 'full';
  const records: PlacementRecord[] = rows.map(({ row, providerName, decidedBy }) => ({
    id: row.id,
    provider: ctx.whereaboutsVisible ? { id: row.providerId, name: providerName } : null,
    form: row.form,
    legalBasis: row.legalBasis,
    fromDate: row.fromDate,
    toDate: row.toDate,
    endReason: row.endReason,
    onCall: row.onCall,
    validUntil: row.validUntil,
    specialReason: full ? row.specialReason : null,
    decidedBy: full ? decidedBy : null,
    bestInterestsId: full ? row.bestInterestsId : null,
  }));
  const first = rows[rows.length - 1]?.row.fromDate ?? caller.today;
  const days = placementDaysByMunicipality(
    rows.map(({ row }) => ({
      childId,
      municipalityCode: row.municipalityCode,
      from: row.fromDate,
      to: row.toDate,
    })),
    { from: first, to: caller.today },
  );
  const names =
    days.length === 0
      ? []
      : await caller.db
          .select()
          .from(municipalities)
          .where(
            inArray(
              municipalities.code,
              days.map((d) => d.municipalityCode),
            ),
          );
  return {
    state: state.state,
    version: state.version,
    current: records.find((r) => r.toDate === null) ?? null,
    history: records,
    days: full
      ? days.map((d) => ({
          municipality: {
            code: d.municipalityCode,
            name: names.find((m) => m.code === d.municipalityCode)?.name ?? d.municipalityCode,
          },
          days: d.days,
        }))
      : [],
    child: { ...ctx.meeting, birthDate: ctx.child.birthDate },
    steps: stepsFor(caller, PLACEMENT_STEPS, childId, state.state, ctx.writable),
  };
}

export async function readPlacements(caller: Caller, childId: string): Promise<PlacementView> {
  return view(caller, await childContext(caller, childId, 'placement', 'read'));
}

type DecisionEvent = 'place' | 'place_on_call' | 'move';

/** Place (ordinary decision, also after an on-call placement), place on call, or move to another provider. */
export async function decidePlacement(
  caller: Caller,
  childId: string,
  event: DecisionEvent,
  input: DecisionInput,
): Promise<PlacementView> {
  const ctx = await childContext(caller, childId, 'placement', 'write');
  await refuseStale(caller, childId, placement, input.expectedVersion);
  const municipalityCode = ctx.responsible ?? '';
  const [provider] = await caller.db
    .select()
    .from(placementProviders)
    .where(
      and(
        eq(placementProviders.id, input.providerId),
        eq(placementProviders.municipalityCode, municipalityCode),
      ),
    );
  if (provider === undefined) {
    throw refuse([
      { field: 'providerId', code: 'unknown', message: 'Utföraren finns inte i kommunens register' },
    ]);
  }
  const state = await machineState(caller.db, childId, placement);
  const rows = await caller.db
    .select()
    .from(placements)
    .where(eq(placements.childId, childId))
    .orderBy(asc(placements.fromDate));
  const open = rows.find((r) => r.toDate === null);
  const lastEnded = rows.filter((r) => r.toDate !== null).at(-1);
  const follows: PlacementFacts['follows'] =
    open !== undefined && event === 'move'
      ? { kind: 'move', from: open.fromDate, to: null }
      : open !== undefined && event === 'place' && state.state === 'on_call_placed'
        ? { kind: 'after_on_call', from: open.fromDate, to: null }
        : lastEnded === undefined
          ? null
          : { kind: 'after_ended', from: lastEnded.fromDate, to: lastEnded.toDate };
  const problems = placementProblems({
    form: input.form,
    legalBasis: input.legalBasis,
    fromDate: input.fromDate,
    today: caller.today,
    birthDate: ctx.child.birthDate,
    specialReason: input.specialReason,
    provider: { form: provider.form, active: provider.active },
    follows,
  });
  if (problems.length > 0) throw refuse(problems);

  const placementId = randomUUID();
  const onCall = event === 'place_on_call';
  const outcome = await applyTransition(caller, {
    childId,
    machine: placement,
    event,
    occurredOn: input.fromDate,
    expectedVersion: input.expectedVersion,
    bestInterests: input.bestInterests,
    decisionKind: `placement.${event}`,
    details: { placementId, providerId: provider.id, form: input.form, legalBasis: input.legalBasis, onCall },
    municipalityCode,
  });
  if (open !== undefined) {
    // The placement this one follows ends the day this one begins: the day is counted once, for the new placement.
    await caller.db
      .update(placements)
      .set({
        toDate: input.fromDate,
        endReason: event === 'move' ? 'moved' : 'followed_by_decision',
        version: outcome.version,
      })
      .where(eq(placements.id, open.id));
  }
  await caller.db.insert(placements).values({
    id: placementId,
    childId,
    municipalityCode,
    providerId: provider.id,
    form: input.form,
    legalBasis: input.legalBasis,
    fromDate: input.fromDate,
    onCall,
    validUntil: onCall ? onCallValidUntil(input.fromDate) : null,
    specialReason: input.form === 'stodboende' ? input.specialReason : null,
    bestInterestsId: outcome.bestInterestsId,
    decidedBy: caller.actor.userId,
    version: outcome.version,
  });
  await caller.db.update(children).set({ whereabouts: provider.name }).where(eq(children.id, childId));
  caller.audit.detail('placementId', placementId);
  caller.audit.detail('providerId', provider.id);
  return view(caller, ctx);
}

/** Ends the current placement (ordinary or on call) with a reason; absconding, leaving Sweden and reunification are reported. */
export async function endPlacement(caller: Caller, childId: string, input: EndInput): Promise<PlacementView> {
  const ctx = await childContext(caller, childId, 'placement', 'write');
  await refuseStale(caller, childId, placement, input.expectedVersion);
  const [open] = await caller.db
    .select()
    .from(placements)
    .where(and(eq(placements.childId, childId), isNull(placements.toDate)));
  if (open !== undefined) {
    const problems = endProblems({ from: open.fromDate }, input.endDate, caller.today);
    if (problems.length > 0) throw refuse(problems);
  }
  const ended = await endCurrentPlacement(
    caller,
    childId,
    input.reason,
    input.endDate,
    input.expectedVersion,
  );
  if (!ended) {
    throw conflict('transition_not_allowed', 'placement: end is not possible when the child is not placed', [
      {
        field: 'state',
        code: (await machineState(caller.db, childId, placement)).state,
        message: 'Barnet har ingen pågående placering',
      },
    ]);
  }
  // Where the child is after the placement is not known from it: the whereabouts are cleared, not left stale.
  await caller.db.update(children).set({ whereabouts: null }).where(eq(children.id, childId));
  caller.audit.detail('reason', input.reason);
  return view(caller, ctx);
}
