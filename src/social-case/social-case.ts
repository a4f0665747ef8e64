/**
 * Social services' case of the responsible municipality (20 kap. SoL 2025:400, formerly 11 kap. SoL 2001:453):
 * report received → protection assessment → preliminary assessment (open an investigation or not) → investigation
 * (four months from its opening unless extended with a reason) → decisions on interventions with care plan → care
 * started (implementation plan) → reviews every six months → closed by the unit manager. Every step goes through
 * `applyTransition`; this module writes the step's details to `social_cases` and keeps the case's open deadlines on
 * its primary social worker.
 */
import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { currentResponsibleMunicipality } from '../domain/access/child-scope.ts';
import { socialCase } from '../domain/case/machines.ts';
import type { Trigger } from '../domain/case/machine.ts';
import type { Caller } from '../case/caller.ts';
import { childInScope } from '../case/caller.ts';
import { organisationsFor } from '../notifications/notify.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { caseEvents, caseWorkers, deadlines, socialCases } from '../platform/db/schema.ts';
import { HttpError, unprocessable } from '../platform/http/errors.ts';
import type { BestInterestsInput } from '../case/best-interests.ts';
import {
  SOCIAL_CASE_RULES,
  type INVESTIGATION_FINDINGS,
  type NO_INVESTIGATION_FINDINGS,
  type ReportSource,
} from '../domain/social-case/codes.ts';
import { applyTransition, machineState, type TransitionOutcome } from '../case/engine.ts';
import type { CaseCaller } from '../case/caller.ts';
import { requireSection } from '../case/relation.ts';

export type SocialCaseRow = typeof socialCases.$inferSelect;

/** States in which the case is open (a report has been received and the case is not closed). */
export const OPEN_STATES: readonly string[] = socialCase.states.filter((s) => s !== 'none' && s !== 'closed');

/** The child's open case row, else the latest one (or null when no report was ever received). */
export async function currentCaseRow(db: DbOrTx, childId: string): Promise<SocialCaseRow | null> {
  const [row] = await db
    .select()
    .from(socialCases)
    .where(eq(socialCases.childId, childId))
    .orderBy(
      sql`${socialCases.closedOn} is null desc`,
      desc(socialCases.reportReceivedOn),
      desc(socialCases.createdAt),
    )
    .limit(1);
  return row ?? null;
}

/** The date of the machine's last event of the given kinds (e.g. when a handed-over case was closed). */
async function lastEventOn(db: DbOrTx, childId: string, events: readonly string[]): Promise<string | null> {
  const [row] = await db
    .select({ on: caseEvents.occurredOn })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.childId, childId),
        eq(caseEvents.machine, socialCase.name),
        inArray(caseEvents.event, [...events]),
      ),
    )
    .orderBy(desc(caseEvents.recordedAt))
    .limit(1);
  return row?.on ?? null;
}

/** Closes the case row and ends its social workers' assignments on the given date. */
async function closeRow(db: DbOrTx, row: SocialCaseRow, on: string, version: number): Promise<void> {
  await db.update(socialCases).set({ closedOn: on, version }).where(eq(socialCases.id, row.id));
  await db
    .update(caseWorkers)
    .set({ toDate: sql`greatest(${caseWorkers.fromDate}, ${on}::date)` })
    .where(
      and(eq(caseWorkers.socialCaseId, row.id), or(isNull(caseWorkers.toDate), gt(caseWorkers.toDate, on))),
    );
}

/**
 * A case row left open after the machine was closed by Anvisa itself (a hand-over through `applyTransition` alone) is
 * closed on the date of that event, so a new report can open a new case.
 */
async function settleLeftOpen(db: DbOrTx, childId: string): Promise<void> {
  const state = await machineState(db, childId, socialCase);
  if (OPEN_STATES.includes(state.state)) return;
  const open = await db
    .select()
    .from(socialCases)
    .where(and(eq(socialCases.childId, childId), isNull(socialCases.closedOn)));
  if (open.length === 0) return;
  const on = (await lastEventOn(db, childId, ['close', 'hand_over_case'])) ?? open[0]?.reportReceivedOn ?? '';
  for (const row of open)
    await closeRow(db, row, on < row.reportReceivedOn ? row.reportReceivedOn : on, state.version);
}

export interface ReceiveReport {
  readonly municipalityCode: string;
  readonly receivedOn: string;
  readonly source: ReportSource;
  readonly expectedVersion?: number | undefined;
  /** `system` when the anvisning or a confirmed transfer is the report to the newly responsible municipality. */
  readonly trigger?: Trigger;
}

/**
 * A report is received: a new case of the municipality opens (from `none`, or after an earlier case closed). Used by
 * the API (a social worker registers a report) and by Anvisa itself at the anvisning or a transfer (`trigger: 'system'`).
 */
export async function receiveReport(
  ctx: CaseCaller,
  childId: string,
  report: ReceiveReport,
): Promise<{ socialCaseId: string; outcome: TransitionOutcome }> {
  await settleLeftOpen(ctx.db, childId);
  const outcome = await applyTransition(ctx, {
    childId,
    machine: socialCase,
    event: 'receive_report',
    occurredOn: report.receivedOn,
    expectedVersion: report.expectedVersion,
    municipalityCode: report.municipalityCode,
    details: { source: report.source, municipalityCode: report.municipalityCode },
    ...(report.trigger === undefined ? {} : { trigger: report.trigger }),
  });
  const owner = ctx.actor?.municipalityCodes.includes(report.municipalityCode)
    ? ctx.actor.organisationId
    : (await organisationsFor(ctx.db, 'social_services', report.municipalityCode))[0];
  if (owner === undefined) throw new Error(`no social services for municipality ${report.municipalityCode}`);
  const [row] = await ctx.db
    .insert(socialCases)
    .values({
      childId,
      municipalityCode: report.municipalityCode,
      ownerOrganisationId: owner,
      reportReceivedOn: report.receivedOn,
      version: outcome.version,
    })
    .returning({ id: socialCases.id });
  if (row === undefined) throw new Error('social case not written');
  ctx.audit?.detail('socialCaseId', row.id);
  return { socialCaseId: row.id, outcome };
}

/** The open case row; created from the machine's last report when Anvisa opened the case without one. */
async function openRow(ctx: CaseCaller, childId: string): Promise<SocialCaseRow> {
  const row = await currentCaseRow(ctx.db, childId);
  if (row !== null && row.closedOn === null) return row;
  const state = await machineState(ctx.db, childId, socialCase);
  const receivedOn = (await lastEventOn(ctx.db, childId, ['receive_report'])) ?? ctx.today;
  const code = state.municipalityCode ?? ctx.actor?.municipalityCodes[0] ?? null;
  const owner =
    code === null
      ? undefined
      : ctx.actor?.municipalityCodes.includes(code)
        ? ctx.actor.organisationId
        : (await organisationsFor(ctx.db, 'social_services', code))[0];
  if (code === null || owner === undefined) throw new Error('an open social case without a municipality');
  const [created] = await ctx.db
    .insert(socialCases)
    .values({
      childId,
      municipalityCode: code,
      ownerOrganisationId: owner,
      reportReceivedOn: receivedOn,
      version: state.version,
    })
    .returning();
  if (created === undefined) throw new Error('social case not written');
  return created;
}

export type StepInput =
  | { readonly event: 'receive_report'; readonly source: ReportSource }
  | { readonly event: 'assess_protection'; readonly outcome: string }
  | { readonly event: 'open_investigation'; readonly finding: (typeof INVESTIGATION_FINDINGS)[number] }
  | {
      readonly event: 'decide_not_to_investigate';
      readonly finding: (typeof NO_INVESTIGATION_FINDINGS)[number];
      readonly bestInterests?: BestInterestsInput | undefined;
    }
  | { readonly event: 'extend_investigation'; readonly extendedTo: string; readonly reason: string }
  | {
      readonly event: 'decide_interventions';
      readonly interventions: readonly string[];
      readonly carePlanOn: string;
      readonly bestInterests?: BestInterestsInput | undefined;
    }
  | { readonly event: 'start_care'; readonly implementationPlanOn: string | null }
  | { readonly event: 'review_care'; readonly outcome: string }
  | { readonly event: 'close'; readonly reason: string };

export type StepRequest = StepInput & {
  readonly occurredOn: string;
  readonly expectedVersion?: number | undefined;
};

const field = (name: string, code: string, message: string) => ({ field: `body.${name}`, code, message });

function notBefore(date: string, earliest: string | null, name: string, message: string): void {
  if (earliest !== null && date < earliest)
    throw unprocessable('before_previous_step', message, [field(name, 'before_previous_step', message)]);
}

/** The date of the case's previous step (before the event just written): a step cannot be dated before it. */
async function previousStepOn(db: DbOrTx, childId: string, exceptEventId: string): Promise<string | null> {
  const [row] = await db
    .select({ on: sql<string | null>`max(${caseEvents.occurredOn})::text` })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.childId, childId),
        eq(caseEvents.machine, socialCase.name),
        ne(caseEvents.id, exceptEventId),
      ),
    );
  return row?.on ?? null;
}

/** One step of the case by the responsible municipality's social services. */
export async function stepSocialCase(
  caller: Caller,
  childId: string,
  step: StepRequest,
): Promise<{ socialCaseId: string; state: string; version: number }> {
  const { facts, access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'social_case', 'write');
  const ctx: CaseCaller = caller;
  if (step.event === 'receive_report') {
    const code = currentResponsibleMunicipality(facts, caller.today);
    if (code === null || !caller.actor.municipalityCodes.includes(code))
      throw new HttpError(403, 'forbidden', 'Only the responsible municipality', [], [childId]);
    const { socialCaseId, outcome } = await receiveReport(ctx, childId, {
      municipalityCode: code,
      receivedOn: step.occurredOn,
      source: step.source,
      expectedVersion: step.expectedVersion,
    });
    await assignOpenDeadlines(caller.db, childId, socialCaseId);
    return { socialCaseId, state: outcome.to, version: outcome.version };
  }
  await settleLeftOpen(caller.db, childId);
  const details: Record<string, string | readonly string[]> = {};
  let bestInterests: BestInterestsInput | undefined;
  if (step.event === 'assess_protection' || step.event === 'review_care') details.outcome = step.outcome;
  // What the preliminary assessment found goes with its decision, on the timeline.
  if (step.event === 'open_investigation' || step.event === 'decide_not_to_investigate')
    details.finding = step.finding;
  if (step.event === 'close') details.reason = step.reason;
  if (step.event === 'decide_interventions') {
    details.interventions = step.interventions;
    details.carePlanOn = step.carePlanOn;
  }
  if (step.event === 'extend_investigation') details.extendedTo = step.extendedTo;
  if (step.event === 'start_care' && step.implementationPlanOn !== null)
    details.implementationPlanOn = step.implementationPlanOn;
  if (step.event === 'decide_not_to_investigate' || step.event === 'decide_interventions')
    bestInterests = step.bestInterests;
  const outcome = await applyTransition(ctx, {
    childId,
    machine: socialCase,
    event: step.event,
    occurredOn: step.occurredOn,
    expectedVersion: step.expectedVersion,
    bestInterests,
    decisionKind: `social_case.${step.event}`,
    details,
  });
  const row = await openRow(ctx, childId);
  notBefore(
    step.occurredOn,
    await previousStepOn(caller.db, childId, outcome.eventId),
    'occurredOn',
    'Datumet kan inte ligga före ärendets föregående steg',
  );
  await recordStep(caller, row, step, outcome.version);
  await assignOpenDeadlines(caller.db, childId, row.id);
  ctx.audit?.detail('socialCaseId', row.id);
  return { socialCaseId: row.id, state: outcome.to, version: outcome.version };
}

async function recordStep(
  caller: Caller,
  row: SocialCaseRow,
  step: StepRequest,
  version: number,
): Promise<void> {
  const on = step.occurredOn;
  const set = (values: Partial<typeof socialCases.$inferInsert>) =>
    caller.db
      .update(socialCases)
      .set({ ...values, version })
      .where(eq(socialCases.id, row.id));
  switch (step.event) {
    case 'receive_report':
      return;
    case 'assess_protection':
      await set({ protectionAssessedOn: on, protectionOutcome: step.outcome });
      return;
    case 'open_investigation':
      await set({ preliminaryDecidedOn: on, investigationOpenedOn: on });
      return;
    case 'decide_not_to_investigate':
      await set({ preliminaryDecidedOn: on });
      return;
    case 'extend_investigation':
      await extendInvestigation(caller, row, step, version);
      return;
    case 'decide_interventions':
      notBefore(
        step.carePlanOn,
        row.investigationOpenedOn,
        'carePlanOn',
        'Vårdplanen kan inte vara upprättad före utredningen inleddes',
      );
      if (step.carePlanOn > caller.today)
        throw unprocessable('future', 'The care plan date cannot be in the future', [
          field('carePlanOn', 'future', 'Datumet kan inte ligga i framtiden'),
        ]);
      await set({ interventionsDecidedOn: on, carePlanOn: step.carePlanOn });
      return;
    case 'start_care':
      if (step.implementationPlanOn !== null) {
        notBefore(
          step.implementationPlanOn,
          row.interventionsDecidedOn,
          'implementationPlanOn',
          'Genomförandeplanen kan inte vara upprättad före beslutet om insatser',
        );
        if (step.implementationPlanOn > caller.today) {
          throw unprocessable('future', 'The implementation plan date cannot be in the future', [
            field('implementationPlanOn', 'future', 'Datumet kan inte ligga i framtiden'),
          ]);
        }
      }
      await set({ implementationPlanOn: step.implementationPlanOn });
      return;
    case 'review_care':
      await set({ lastReviewOn: on });
      return;
    case 'close':
      await closeRow(caller.db, row, on, version);
      return;
  }
}

/** The investigation runs beyond four months only with a recorded reason: the open deadline moves to the new date. */
async function extendInvestigation(
  caller: Caller,
  row: SocialCaseRow,
  step: Extract<StepRequest, { event: 'extend_investigation' }>,
  version: number,
) {
  const [open] = await caller.db
    .select({ id: deadlines.id, dueOn: deadlines.dueOn })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.childId, row.childId),
        eq(deadlines.rule, 'investigation'),
        isNull(deadlines.closedAt),
      ),
    );
  const current = open?.dueOn ?? row.investigationExtendedTo;
  if (current !== null && current !== undefined && step.extendedTo <= current) {
    const message = `Det nya datumet måste ligga efter nuvarande tidsfrist (${current})`;
    throw unprocessable('extension_not_later', message, [
      field('extendedTo', 'extension_not_later', message),
    ]);
  }
  if (step.extendedTo <= step.occurredOn) {
    const message = 'Det nya datumet måste ligga efter beslutet om förlängning';
    throw unprocessable('extension_not_later', message, [
      field('extendedTo', 'extension_not_later', message),
    ]);
  }
  if (open !== undefined)
    await caller.db
      .update(deadlines)
      .set({ dueOn: step.extendedTo, extendedReason: step.reason })
      .where(eq(deadlines.id, open.id));
  await caller.db
    .update(socialCases)
    .set({ investigationExtendedTo: step.extendedTo, investigationExtensionReason: step.reason, version })
    .where(eq(socialCases.id, row.id));
}

/** The case's open deadlines are the primary social worker's (the worklist shows them as theirs). */
export async function assignOpenDeadlines(db: DbOrTx, childId: string, socialCaseId: string): Promise<void> {
  const [primary] = await db
    .select({ userId: caseWorkers.userId })
    .from(caseWorkers)
    .where(
      and(
        eq(caseWorkers.socialCaseId, socialCaseId),
        eq(caseWorkers.role, 'primary'),
        isNull(caseWorkers.toDate),
      ),
    )
    .orderBy(desc(caseWorkers.fromDate))
    .limit(1);
  await db
    .update(deadlines)
    .set({ assigneeUserId: primary?.userId ?? null })
    .where(
      and(
        eq(deadlines.childId, childId),
        inArray(deadlines.rule, [...SOCIAL_CASE_RULES]),
        isNull(deadlines.closedAt),
      ),
    );
}
