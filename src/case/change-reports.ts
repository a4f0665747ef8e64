/**
 * Changes the responsible municipality must report to the Migration Agency (transfer, absconding, departure,
 * reunification, SFV, 18): each becomes a row on the municipality's change-report list and a `change-report` deadline
 * — the 7th of the month after the change for asylum seekers, of the month after the quarter for permit holders.
 */
import { and, eq } from 'drizzle-orm';
import { deadlines as deadlineRules } from '../domain/deadlines/rules.ts';
import { changeReports, deadlines } from '../platform/db/schema.ts';
import { deadlineFacts } from './engine.ts';
import type { CaseCaller } from './caller.ts';

import type { ReportableChange } from './contract.ts';
export { type ReportableChange } from './contract.ts';

/** Records a change to report; the municipality is the one responsible when the change happened (or the given one). */
export async function recordChangeReport(
  ctx: CaseCaller,
  childId: string,
  change: ReportableChange,
  changedOn: string,
  municipalityCode?: string,
): Promise<{ id: string; dueOn: string } | null> {
  const facts = await deadlineFacts(ctx.db, childId, changedOn);
  const code = municipalityCode ?? facts.responsible;
  if (code === null) return null;
  const { due } = deadlineRules.changeReport(changedOn, facts.permitHolder);
  const [deadline] = await ctx.db
    .insert(deadlines)
    .values({
      childId,
      rule: 'change-report',
      dueOn: due,
      startedOn: changedOn,
      actorKind: 'social_services',
      municipalityCode: code,
    })
    .returning({ id: deadlines.id });
  const [row] = await ctx.db
    .insert(changeReports)
    .values({
      childId,
      municipalityCode: code,
      change,
      changedOn,
      permitHolder: facts.permitHolder,
      dueOn: due,
      deadlineId: deadline?.id ?? null,
    })
    .returning({ id: changeReports.id });
  if (row === undefined) throw new Error('change report not written');
  return { id: row.id, dueOn: due };
}

/** The municipality reported the change in the Migration Agency's e-service: the row and its deadline close. */
export async function markChangeReported(
  ctx: CaseCaller & { actor: NonNullable<CaseCaller['actor']> },
  reportId: string,
  reportedOn: string,
): Promise<boolean> {
  const [row] = await ctx.db
    .update(changeReports)
    .set({ reportedOn, reportedBy: ctx.actor.userId })
    .where(eq(changeReports.id, reportId))
    .returning({ deadlineId: changeReports.deadlineId });
  if (row === undefined) return false;
  if (row.deadlineId !== null) {
    await ctx.db
      .update(deadlines)
      .set({ closedAt: ctx.now })
      .where(and(eq(deadlines.id, row.deadlineId)));
  }
  return true;
}
