/**
 * The inspection's steps and its two views (ADR 0027): the machine in src/domain/supervision/inspection.ts decides
 * which step a state allows and whose it is; this file loads, checks the rule, writes and audits. Each write bumps the
 * inspection's version in the same statement that checks its state, so two steps at once cannot both pass.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { transition } from '../domain/case/machine.ts';
import {
  closeProblem,
  findingsBySeverity,
  inspectionMachine,
  isOverdue,
  mostSerious,
  reportRecipients,
  sampleOpen,
  type AdHocTrigger,
  type CriticismLevel,
  type InspectionEvent,
  type InspectionKind,
  type InspectionState,
} from '../domain/supervision/inspection.ts';
import type { SampleFileKind } from '../domain/supervision/sample.ts';
import type { Caller } from '../case/caller.ts';
import {
  children,
  organisations,
  supervisionActions,
  supervisionFindings,
  supervisionInspections,
  supervisionSampleFiles,
} from '../platform/db/schema.ts';
import { conflict, forbidden, stale, unprocessable } from '../platform/http/errors.ts';
import type { InspectionSchema, ReportSchema } from './contract.ts';
import type { Authority, InspectionRow } from './scope.ts';

type InspectionView = Answer<z.input<typeof InspectionSchema>>;
type ReportView = Answer<z.input<typeof ReportSchema>>;
type Step = ReportView['steps'][number];

export const SUPERVISION_PURPOSE = 'supervision';

/** The steps the caller's role may take from the state (the web offers these and no others). */
export function stepsFor(
  state: InspectionState,
  role: 'supervision_inspector' | 'guardianship_officer',
): Step[] {
  return inspectionMachine.transitions
    .filter((t) => t.from.includes(state) && t.roles.includes(role))
    .map((t) => t.event);
}

/**
 * Moves the inspection by `event` as the caller's role: 409 from a state that does not allow it (or when another
 * step moved it first), 403 for a role the table does not name. `set` is written in the same statement.
 */
export async function advance(
  caller: Caller,
  row: InspectionRow,
  event: InspectionEvent,
  set: Partial<typeof supervisionInspections.$inferInsert> = {},
): Promise<InspectionRow> {
  const result = transition(inspectionMachine, row.state as InspectionState, event, caller.actor.role);
  if (!result.ok) {
    if (result.reason === 'role_may_not') throw forbidden();
    throw conflict('transition_not_allowed', result.message, [
      {
        field: 'state',
        code: 'transition_not_allowed',
        message: 'Inspektionen är inte i ett läge som tillåter detta',
      },
    ]);
  }
  const [updated] = await caller.db
    .update(supervisionInspections)
    .set({ ...set, state: result.to, version: row.version + 1 })
    .where(and(eq(supervisionInspections.id, row.id), eq(supervisionInspections.version, row.version)))
    .returning();
  if (updated === undefined)
    throw stale('Someone else changed this inspection after you opened it', { version: row.version });
  return updated;
}

/** A date the step is dated: not in the future, not before `earliest` (the step before it). */
export function checkStepDate(caller: Caller, field: string, value: string, earliest: string | null): void {
  if (value > caller.today)
    throw unprocessable('supervision_invalid', 'The date is in the future', [
      { field, code: 'date_in_future', message: 'Datumet får inte ligga i framtiden' },
    ]);
  if (earliest !== null && value < earliest)
    throw unprocessable('supervision_invalid', 'The date is before the step before it', [
      { field, code: 'before_previous_step', message: 'Datumet ligger före föregående steg' },
    ]);
}

async function countyBoardOf(caller: Caller, id: string): Promise<{ id: string; name: string }> {
  const [row] = await caller.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? { id, name: '' };
}

/** The view both roles share: the record, the findings most serious first, the recipients, the actions. */
export async function coreView(
  caller: Caller,
  row: InspectionRow,
  authority: Authority,
  role: 'supervision_inspector' | 'guardianship_officer',
): Promise<ReportView> {
  const [findings, actions, sample, board] = await Promise.all([
    caller.db
      .select()
      .from(supervisionFindings)
      .where(eq(supervisionFindings.inspectionId, row.id))
      .orderBy(asc(supervisionFindings.recordedAt)),
    caller.db
      .select()
      .from(supervisionActions)
      .where(eq(supervisionActions.inspectionId, row.id))
      .orderBy(asc(supervisionActions.deadline), asc(supervisionActions.description)),
    caller.db
      .select({ fileId: supervisionSampleFiles.fileId })
      .from(supervisionSampleFiles)
      .where(eq(supervisionSampleFiles.inspectionId, row.id)),
    countyBoardOf(caller, row.countyBoardId),
  ]);
  const names = new Map(authority.municipalities.map((m) => [m.code, m.name]));
  const presented = findings.map((f) => ({
    id: f.id,
    level: f.level as CriticismLevel,
    title: f.title,
    description: f.description,
    fileId: f.fileId,
    recordedAt: f.recordedAt.toISOString(),
  }));
  return {
    id: row.id,
    kind: row.kind as InspectionKind,
    year: row.year,
    state: row.state as InspectionState,
    plannedOn: row.plannedOn,
    skipReason: row.skipReason,
    trigger: row.trigger as AdHocTrigger | null,
    triggerNote: row.triggerNote,
    authority: { id: authority.id, name: authority.name, municipalities: [...authority.municipalities] },
    countyBoard: board,
    sampledOn: row.sampledOn,
    sampleSize: sample.length,
    reportSentOn: row.reportSentOn,
    recipients: reportRecipients(authority.municipalities.map((m) => m.code)).map((r) => ({
      ...r,
      municipalityName: names.get(r.municipalityCode) ?? r.municipalityCode,
    })),
    findings: findingsBySeverity(presented),
    mostSerious: mostSerious(presented),
    response: row.response,
    respondedOn: row.respondedOn,
    actions: actions.map((a) => ({
      id: a.id,
      description: a.description,
      deadline: a.deadline,
      doneOn: a.doneOn,
      overdue: isOverdue(a, caller.today),
    })),
    closedOn: row.closedOn,
    version: row.version,
    steps: stepsFor(row.state as InspectionState, role),
  };
}

/**
 * The inspector's view: the shared view and, while the inspection is open, the sampled files with the children's
 * names (masked for a protected identity) — every child shown is named in the audit event.
 */
export async function inspectorView(
  caller: Caller,
  row: InspectionRow,
  authority: Authority,
): Promise<InspectionView> {
  const core = await coreView(caller, row, authority, 'supervision_inspector');
  const open = sampleOpen(row.state as InspectionState);
  const files = open
    ? await caller.db
        .select({
          fileId: supervisionSampleFiles.fileId,
          kind: supervisionSampleFiles.fileKind,
          childId: supervisionSampleFiles.childId,
          firstName: children.firstName,
          lastName: children.lastName,
          dossierNumber: children.dossierNumber,
          protectedIdentity: children.protectedIdentity,
        })
        .from(supervisionSampleFiles)
        .innerJoin(children, eq(children.id, supervisionSampleFiles.childId))
        .where(eq(supervisionSampleFiles.inspectionId, row.id))
        .orderBy(asc(supervisionSampleFiles.position))
    : [];
  if (files.length > 0) {
    caller.audit.purpose(SUPERVISION_PURPOSE);
    caller.audit.children(files.map((f) => f.childId));
    if (files.some((f) => f.protectedIdentity)) caller.audit.detail('protectedIdentity', true);
  }
  caller.audit.detail('inspectionId', row.id);
  return {
    ...core,
    sample: files.map((f) => ({
      fileId: f.fileId,
      kind: f.kind as SampleFileKind,
      childId: f.childId,
      childName: f.protectedIdentity ? null : `${f.firstName} ${f.lastName}`,
      dossierNumber: f.dossierNumber,
    })),
    sampleSeed: row.sampleSeed,
    samplePool: row.samplePool,
  };
}

/** Why the inspection cannot be closed, as a 422 naming the open actions. */
export function assertClosable(actions: readonly { doneOn: string | null; deadline: string }[]): void {
  if (closeProblem(actions) !== null)
    throw unprocessable('supervision_invalid', 'Follow-up actions are not done yet', [
      {
        field: 'body.closedOn',
        code: 'open_actions',
        message: 'Överförmyndarens uppföljande åtgärder är inte klara ännu',
      },
    ]);
}
