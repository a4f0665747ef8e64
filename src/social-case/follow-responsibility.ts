/**
 * When responsibility moves (anvisning, correction, transfer) or ends, the social services' case follows it: the
 * former municipality's open case is handed over (closed), and the newly responsible municipality "receives the
 * report" — the anvisning or the confirmed transfer is the report that starts its clocks (opened through the social
 * case's own `receiveReport`). Both are Anvisa's own (`system`) records.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { socialCase } from '../domain/case/machines.ts';
import { caseWorkers, socialCases } from '../platform/db/schema.ts';
import { applyTransition, machineState, type EventDetail } from '../case/engine.ts';
import { asSystem, type CaseCaller } from '../case/caller.ts';
import { OPEN_STATES, receiveReport as receiveSocialCaseReport } from './social-case.ts';

/** Whether the child's social case is open, and for which municipality. */
export async function openSocialCase(
  ctx: CaseCaller,
  childId: string,
): Promise<{ open: boolean; municipalityCode: string | null }> {
  const current = await machineState(ctx.db, childId, socialCase);
  return { open: OPEN_STATES.includes(current.state), municipalityCode: current.municipalityCode };
}

/** Hands the open social case over (closes it) on `on`; false when none was open. */
export async function handOverSocialCase(
  ctx: CaseCaller,
  childId: string,
  on: string,
  details: Readonly<Record<string, EventDetail>> = {},
): Promise<boolean> {
  if (!(await openSocialCase(ctx, childId)).open) return false;
  const { version } = await applyTransition(asSystem(ctx), {
    childId,
    machine: socialCase,
    event: 'hand_over_case',
    occurredOn: on,
    trigger: 'system',
    details,
  });
  // The case row closes with its social workers' assignments (as social services' own closing does).
  const open = await ctx.db
    .select()
    .from(socialCases)
    .where(and(eq(socialCases.childId, childId), isNull(socialCases.closedOn)));
  for (const row of open) {
    const closedOn = on < row.reportReceivedOn ? row.reportReceivedOn : on;
    await ctx.db.update(socialCases).set({ closedOn, version }).where(eq(socialCases.id, row.id));
    await ctx.db
      .update(caseWorkers)
      .set({ toDate: sql`greatest(${caseWorkers.fromDate}, ${closedOn}::date)` })
      .where(
        and(
          eq(caseWorkers.socialCaseId, row.id),
          or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, closedOn)),
        ),
      );
  }
  return true;
}

/**
 * The newly responsible municipality receives the report on `on` (the anvisning or the confirmed transfer is the
 * report: its protection-assessment and preliminary-assessment clocks start); false when its case is already open.
 */
export async function followResponsibility(
  ctx: CaseCaller,
  childId: string,
  municipalityCode: string,
  on: string,
  source: 'anvisning' | 'transfer',
): Promise<boolean> {
  const current = await openSocialCase(ctx, childId);
  if (current.open && current.municipalityCode === municipalityCode) return false;
  if (current.open) await handOverSocialCase(ctx, childId, on, { reason: source });
  await receiveSocialCaseReport(asSystem(ctx), childId, {
    municipalityCode,
    receivedOn: on,
    source,
    trigger: 'system',
  });
  return true;
}
