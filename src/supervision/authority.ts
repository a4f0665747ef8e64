/**
 * The guardianship authority's side (T6): the reports about itself — from the report on; what the county board plans
 * and samples before it is the board's own work — its response with the follow-up actions it commits to, and each
 * action done. The authority's view carries no sample (ADR 0027): the findings say what they are about.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  actionDateProblem,
  isOverdue,
  mostSerious,
  type CriticismLevel,
  type InspectionKind,
  type InspectionState,
} from '../domain/supervision/inspection.ts';
import type { Caller } from '../case/caller.ts';
import { supervisionActions, supervisionFindings, supervisionInspections } from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { ActionDoneBody, ReportListSchema, ReportSchema, ResponseBody } from './contract.ts';
import { advance, checkStepDate, coreView } from './inspection.ts';
import { authorities, inspectionForAuthority, ownAuthorityId, reportVisible } from './scope.ts';

type ReportView = Answer<z.input<typeof ReportSchema>>;
type ReportList = Answer<z.input<typeof ReportListSchema>>;

export async function listReports(caller: Caller): Promise<ReportList> {
  const authorityId = ownAuthorityId(caller);
  const [authority] = await authorities(caller, { ids: [authorityId] });
  const rows = (
    await caller.db
      .select()
      .from(supervisionInspections)
      .where(eq(supervisionInspections.authorityId, authorityId))
      .orderBy(desc(supervisionInspections.year), desc(supervisionInspections.reportSentOn))
  ).filter((r) => reportVisible(r.state));
  const ids = rows.map((r) => r.id);
  const [findings, actions] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          caller.db
            .select({ inspectionId: supervisionFindings.inspectionId, level: supervisionFindings.level })
            .from(supervisionFindings)
            .where(inArray(supervisionFindings.inspectionId, ids)),
          caller.db
            .select()
            .from(supervisionActions)
            .where(inArray(supervisionActions.inspectionId, ids))
            .orderBy(asc(supervisionActions.deadline)),
        ]);
  return {
    authority: authority ?? { id: authorityId, name: '', municipalities: [] },
    reports: rows.map((r) => {
      const own = actions.filter((a) => a.inspectionId === r.id);
      return {
        id: r.id,
        kind: r.kind as InspectionKind,
        year: r.year,
        state: r.state as InspectionState,
        plannedOn: r.plannedOn,
        reportSentOn: r.reportSentOn,
        mostSerious: mostSerious(
          findings.filter((f) => f.inspectionId === r.id).map((f) => ({ level: f.level as CriticismLevel })),
        ),
        openActions: own.filter((a) => a.doneOn === null).length,
        overdueActions: own.filter((a) => isOverdue(a, caller.today)).length,
      };
    }),
  };
}

export async function readReport(caller: Caller, inspectionId: string): Promise<ReportView> {
  const { row, authority } = await inspectionForAuthority(caller, inspectionId);
  caller.audit.detail('inspectionId', row.id);
  return coreView(caller, row, authority, 'guardianship_officer');
}

/** The authority's response (T6) with the follow-up actions it commits to, each with a deadline on or after the response. */
export async function recordResponse(
  caller: Caller,
  inspectionId: string,
  body: z.output<typeof ResponseBody>,
): Promise<ReportView> {
  const { row, authority } = await inspectionForAuthority(caller, inspectionId);
  checkStepDate(caller, 'body.respondedOn', body.respondedOn, row.reportSentOn);
  body.actions.forEach((action, i) => {
    if (actionDateProblem(action, body.respondedOn) !== null)
      throw unprocessable('supervision_invalid', 'A deadline is before the response', [
        {
          field: `body.actions.${i}.deadline`,
          code: 'deadline_before_response',
          message: 'Tidsfristen kan inte ligga före svaret',
        },
      ]);
  });
  const updated = await advance(caller, row, 'record_response', {
    response: body.response,
    respondedOn: body.respondedOn,
    respondedBy: caller.actor.userId,
  });
  if (body.actions.length > 0)
    await caller.db.insert(supervisionActions).values(
      body.actions.map((a) => ({
        inspectionId: row.id,
        description: a.description.trim(),
        deadline: a.deadline,
      })),
    );
  caller.audit.detail('inspectionId', row.id);
  caller.audit.detail('actions', body.actions.length);
  return coreView(caller, updated, authority, 'guardianship_officer');
}

export async function recordActionDone(
  caller: Caller,
  inspectionId: string,
  actionId: string,
  body: z.output<typeof ActionDoneBody>,
): Promise<ReportView> {
  const { row, authority } = await inspectionForAuthority(caller, inspectionId);
  const [action] = await caller.db
    .select()
    .from(supervisionActions)
    .where(and(eq(supervisionActions.id, actionId), eq(supervisionActions.inspectionId, row.id)));
  if (action === undefined) throw notFound();
  if (action.doneOn !== null)
    throw unprocessable('supervision_invalid', 'The action is already done', [
      { field: 'body.doneOn', code: 'already_done', message: 'Åtgärden är redan markerad som klar' },
    ]);
  checkStepDate(caller, 'body.doneOn', body.doneOn, row.respondedOn);
  const updated = await advance(caller, row, 'record_action_done');
  await caller.db
    .update(supervisionActions)
    .set({ doneOn: body.doneOn, doneBy: caller.actor.userId })
    .where(eq(supervisionActions.id, action.id));
  caller.audit.detail('actionId', action.id);
  return coreView(caller, updated, authority, 'guardianship_officer');
}
