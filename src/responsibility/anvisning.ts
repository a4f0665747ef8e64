/**
 * What follows an allocation decision (or its correction) for each child decided, after the ledger's save has moved
 * the responsibility periods: the `responsibility` machine records the assignment (starting the school-start and
 * turning-18 clocks), the former municipality's open social case is handed over and the assigned municipality
 * receives the report, a hand-over is opened when the child must move, open deadlines follow the responsibility, and
 * the assigned municipality's social services are told.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { responsibility } from '../domain/case/machines.ts';
import { handovers, responsibilityPeriods } from '../platform/db/schema.ts';
import { applyTransition, moveOpenDeadlines } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import { notifyMunicipality } from '../notifications/notify.ts';
import { periodsOf } from './periods.ts';
import { receiveReport } from './social-case.ts';

export interface DecidedResponsibility {
  readonly decisionId: string;
  readonly childIds: readonly string[];
  readonly municipalityCode: string;
  /** For a correction: the municipality of the decision it supersedes. */
  readonly correctedFrom: string | null;
}

export async function afterAnvisning(
  ctx: CaseCaller & { readonly actor: Actor },
  decided: DecidedResponsibility,
): Promise<void> {
  for (const childId of decided.childIds) await forChild(ctx, childId, decided);
}

async function forChild(
  ctx: CaseCaller & { readonly actor: Actor },
  childId: string,
  decided: DecidedResponsibility,
): Promise<void> {
  const code = decided.municipalityCode;
  const correction = decided.correctedFrom !== null;
  await applyTransition(ctx, {
    childId,
    machine: responsibility,
    event: correction ? 'reassign' : 'assign',
    occurredOn: ctx.today,
    details: {
      decisionId: decided.decisionId,
      municipalityCode: code,
      ...(correction ? { correctedFrom: decided.correctedFrom } : {}),
    },
  });
  await labelPeriods(ctx, childId, code, correction);
  const holder = await whoHasTheChild(ctx, childId, decided);
  if (holder !== code) {
    await ctx.db
      .insert(handovers)
      .values({ childId, fromCode: holder, toCode: code })
      .onConflictDoUpdate({
        target: [handovers.childId, handovers.toCode],
        set: {
          fromCode: holder,
          movedOn: null,
          movedRecordedBy: null,
          acknowledgedOn: null,
          acknowledgedBy: null,
        },
      });
  }
  await receiveReport(ctx, childId, code, ctx.today, 'anvisning');
  await moveOpenDeadlines(ctx.db, childId, code);
  await notifyMunicipality(
    ctx.db,
    'social_services',
    code,
    ['social_worker', 'unit_manager'],
    { kind: 'incoming_child', childId, details: { decisionId: decided.decisionId, fromCode: holder } },
    ctx.now,
  );
}

/** Why the closed period ended and why the new one began (the ledger's save wrote only the dates). */
async function labelPeriods(
  ctx: CaseCaller,
  childId: string,
  code: string,
  correction: boolean,
): Promise<void> {
  await ctx.db
    .update(responsibilityPeriods)
    .set({ endReason: correction ? 'corrected' : 'handed_over' })
    .where(
      and(
        eq(responsibilityPeriods.childId, childId),
        eq(responsibilityPeriods.toDate, ctx.today),
        isNull(responsibilityPeriods.endReason),
      ),
    );
  await ctx.db
    .update(responsibilityPeriods)
    .set({ reason: correction ? 'correction' : 'anvisning' })
    .where(
      and(
        eq(responsibilityPeriods.childId, childId),
        eq(responsibilityPeriods.municipalityCode, code),
        eq(responsibilityPeriods.fromDate, ctx.today),
        isNull(responsibilityPeriods.toDate),
        isNull(responsibilityPeriods.reason),
      ),
    );
}

/**
 * The municipality the child is with now. A new decision: the arrival municipality. A correction: the municipality
 * named in the superseded decision — unless the child never left the place it was to be handed over from, in which
 * case that hand-over never happened and is dropped.
 */
async function whoHasTheChild(
  ctx: CaseCaller,
  childId: string,
  decided: DecidedResponsibility,
): Promise<string> {
  if (decided.correctedFrom === null) {
    const arrival = (await periodsOf(ctx.db, childId)).find((p) => p.kind === 'arrival');
    return arrival?.municipalityCode ?? decided.municipalityCode;
  }
  const [pending] = await ctx.db
    .select()
    .from(handovers)
    .where(and(eq(handovers.childId, childId), eq(handovers.toCode, decided.correctedFrom)));
  if (pending !== undefined && pending.movedOn === null && pending.acknowledgedOn === null) {
    await ctx.db.delete(handovers).where(eq(handovers.id, pending.id));
    return pending.fromCode;
  }
  return decided.correctedFrom;
}
