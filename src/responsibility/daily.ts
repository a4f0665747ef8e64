/**
 * The daily rules: what follows from the calendar, not from anyone's step. On (or after) the 18th birthday without a
 * decision to continue, responsibility ends by the Migration Agency's rule; a decided end takes hold; the god man's
 * assignment ends by law in every case; aftercare ends at its end date. Each child in its own transaction, with an
 * audit event; idempotent (a second run finds nothing due). Run at server start, every hour, and as
 * `npm run anvisa -- case daily`.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addMonths } from '../domain/deadlines/calendar.ts';
import { canFire } from '../domain/case/machine.ts';
import { guardianship } from '../domain/case/machines.ts';
import { dailyActions, type DailyAction } from '../domain/responsibility/turning18.ts';
import { stockholmDate } from '../domain/time.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import { caseStates, children, responsibilityPeriods, turning18Decisions } from '../platform/db/schema.ts';
import { writeAuditEvent } from '../audit/writer.ts';
import { machineState } from '../case/engine.ts';
import { asSystem, type CaseCaller } from '../case/caller.ts';
import { runConsequences } from '../case/consequences.ts';
import { periodsOf } from './periods.ts';
import { endAftercareOn } from './turning18.ts';
import { describeError } from '../platform/safe-error.ts';

export interface DailySummary {
  readonly today: string;
  readonly checked: number;
  readonly applied: Readonly<Record<DailyAction['kind'], number>>;
  readonly failed: number;
}

/** Children 18 or older for whom something may be due (the pure rule decides for each). */
async function candidates(db: DbOrTx, today: string): Promise<{ id: string }[]> {
  const cutoff = addMonths(today, -18 * 12);
  const state = sql`coalesce((select s.state from ${caseStates} s where s.child_id = ${children.id} and s.machine = 'responsibility'), 'arrival_municipality')`;
  const eighteen = sql`(${children.birthDate} + interval '18 years')::date`;
  return db
    .select({ id: children.id })
    .from(children)
    .where(
      sql`${children.birthDate} <= ${cutoff} and (
        ${state} in ('arrival_municipality', 'assigned', 'received')
        or (${state} = 'ended'
          and exists (select 1 from ${turning18Decisions} d where d.child_id = ${children.id} and d.decision = 'end')
          and exists (select 1 from ${responsibilityPeriods} p where p.child_id = ${children.id} and (p.to_date is null or p.to_date >= ${eighteen})))
        or (${state} = 'continued_after_18' and (
          exists (select 1 from ${caseStates} g where g.child_id = ${children.id} and g.machine = 'guardianship'
            and g.state in ('god_man_requested', 'god_man_appointed', 'sfv_pending', 'sfv_appointed'))
          or not exists (select 1 from ${responsibilityPeriods} p where p.child_id = ${children.id} and (p.to_date is null or p.to_date > ${today}))))
      )`,
    )
    .orderBy(children.id);
}

async function actionsFor(ctx: CaseCaller, childId: string): Promise<DailyAction[]> {
  const [child] = await ctx.db
    .select({ birthDate: children.birthDate })
    .from(children)
    .where(sql`${children.id} = ${childId}`);
  if (child === undefined) return [];
  const [state, periods, guardianshipState, endDecisions] = await Promise.all([
    ctx.db
      .select({ state: caseStates.state })
      .from(caseStates)
      .where(sql`${caseStates.childId} = ${childId} and ${caseStates.machine} = 'responsibility'`),
    periodsOf(ctx.db, childId),
    machineState(ctx.db, childId, guardianship),
    ctx.db
      .select({ id: turning18Decisions.id })
      .from(turning18Decisions)
      .where(sql`${turning18Decisions.childId} = ${childId} and ${turning18Decisions.decision} = 'end'`),
  ]);
  return dailyActions(
    {
      state: state[0]?.state ?? 'arrival_municipality',
      birthDate: child.birthDate,
      periods: periods.map((p) => ({ from: p.fromDate, to: p.toDate })),
      decidedToEnd: endDecisions.length > 0,
      // Open while it can still end by law.
      guardianshipOpen: canFire(guardianship, guardianshipState.state, 'end_by_law', 'system'),
    },
    ctx.today,
  );
}

async function apply(ctx: CaseCaller, childId: string, action: DailyAction): Promise<void> {
  switch (action.kind) {
    case 'end_at_18':
      await runConsequences(ctx, 'child.adult', { childId, reason: 'turned_18', on: action.on });
      return;
    case 'end_as_decided':
      await runConsequences(ctx, 'child.adult_after_end_decided', { childId, on: action.on });
      return;
    case 'end_guardianship':
      await runConsequences(ctx, 'child.adult_with_continued_responsibility', { childId, on: action.on });
      return;
    case 'end_aftercare':
      await endAftercareOn(ctx, childId, action.on);
      return;
  }
}

/** The rules due for one child today, applied in the caller's transaction (also used by the demo seeding). */
export async function applyDailyRulesFor(ctx: CaseCaller, childId: string): Promise<DailyAction[]> {
  const actions = await actionsFor(ctx, childId);
  for (const action of actions) await apply(ctx, childId, action);
  return actions;
}

export async function runDailyRules(
  db: Db,
  now: Date,
  log: (message: string) => void = () => {},
): Promise<DailySummary> {
  const today = stockholmDate(now);
  const applied: Record<DailyAction['kind'], number> = {
    end_at_18: 0,
    end_as_decided: 0,
    end_guardianship: 0,
    end_aftercare: 0,
  };
  let failed = 0;
  const found = await candidates(db, today);
  for (const { id } of found) {
    try {
      const done = await db.transaction(async (tx) => {
        const actions = await applyDailyRulesFor(asSystem({ db: tx, now, today }), id);
        if (actions.length > 0) {
          await writeAuditEvent(
            tx,
            {
              kind: 'case.transition',
              outcome: 'allowed',
              requestId: `daily-rules-${randomUUID()}`,
              actor: null,
              purpose: 'daily rules',
              childIds: [id],
              emergency: false,
              payload: { rules: actions.map((a) => a.kind), on: actions.map((a) => a.on) },
            },
            now,
          );
        }
        return actions;
      });
      for (const action of done) applied[action.kind]++;
    } catch (error) {
      failed++;
      log(`daily rules failed for child ${id}: ${describeError(error)}`);
    }
  }
  return { today, checked: found.length, applied, failed };
}

/** Runs the daily rules now and then every `intervalMs` (one run at a time), on the injected clock. */
export function startDailyRules(
  db: Db,
  clock: () => Date,
  log: (message: string) => void,
  intervalMs = 3_600_000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => runDailyRules(db, clock(), log))
      .then((summary) => {
        const total = Object.values(summary.applied).reduce((a, b) => a + b, 0);
        if (total > 0 || summary.failed > 0)
          log(`daily rules ${summary.today}: ${total} applied, ${summary.failed} failed`);
      })
      .catch((error: unknown) => log(`daily rules failed: ${describeError(error)}`));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
