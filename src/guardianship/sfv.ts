/**
 * Special custodian (särskilt förordnad vårdnadshavare, SFV): after a residence permit the social welfare board
 * applies to the district court (10 § Lgeb; FB 6 kap. 8 a §, 9 §), or records the special reason not to (the child
 * turns 18 within six months, the parents are on their way). When the court's appointment becomes final the god
 * man's assignment ends by law ('sfv_final') and the change goes on the municipality's list to report to the Agency.
 */
import { and, desc, eq } from 'drizzle-orm';
import { guardianship } from '../domain/case/machines.ts';
import { recordChangeReport } from '../case/change-reports.ts';
import { applyTransition } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { asylumCases, sfvCases } from '../platform/db/schema.ts';
import { conflict, unprocessable } from '../platform/http/errors.ts';
import { endGuardianshipByLaw } from './end-by-law.ts';
import {
  sfvDecisionProblems,
  sfvNotApplyingProblems,
  type SfvNotApplyingReason,
} from '../domain/guardianship/rules.ts';
import { guardianshipOf, responsibleOrFail } from './scope.ts';

/** The permit the SFV step rests on; 422 when the child has none. */
async function requirePermit(caller: Caller, childId: string, on: string, field: string): Promise<string> {
  const [asylum] = await caller.db
    .select({ decision: asylumCases.decision, decidedOn: asylumCases.decidedOn })
    .from(asylumCases)
    .where(eq(asylumCases.childId, childId));
  const permit = asylum?.decision === 'permanent_permit' || asylum?.decision === 'temporary_permit';
  if (!permit || asylum?.decidedOn == null) {
    throw unprocessable('no_residence_permit', 'An SFV is applied for after a residence permit', [
      { field, code: 'no_residence_permit', message: 'Barnet har inget uppehållstillstånd registrerat' },
    ]);
  }
  if (on < asylum.decidedOn) {
    throw unprocessable('validation', 'The date is before the residence permit', [
      { field, code: 'before_permit', message: `Datumet är före uppehållstillståndet (${asylum.decidedOn})` },
    ]);
  }
  return asylum.decidedOn;
}

export async function applyForSfv(
  caller: Caller,
  childId: string,
  input: {
    readonly court: string;
    readonly appliedOn: string;
    readonly expectedVersion?: number | undefined;
  },
): Promise<{ id: string; version: number }> {
  const found = await guardianshipOf(caller, childId, 'write');
  const municipalityCode = responsibleOrFail(found, caller.today);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'apply_for_sfv',
    occurredOn: input.appliedOn,
    expectedVersion: input.expectedVersion,
    details: { appliedOn: input.appliedOn },
  });
  await requirePermit(caller, childId, input.appliedOn, 'body.appliedOn');
  const [row] = await caller.db
    .insert(sfvCases)
    .values({
      childId,
      municipalityCode,
      status: 'pending',
      appliedOn: input.appliedOn,
      court: input.court,
      recordedBy: caller.actor.userId,
    })
    .returning({ id: sfvCases.id });
  if (row === undefined) throw new Error('sfv case not written');
  caller.audit.detail('sfvCaseId', row.id);
  return { id: row.id, version: outcome.version };
}

export type SfvDecisionInput =
  | {
      readonly outcome: 'appointed';
      readonly custodianName: string;
      readonly decidedOn: string;
      readonly finalOn: string;
      readonly expectedVersion?: number | undefined;
    }
  | {
      readonly outcome: 'refused';
      readonly decidedOn: string;
      readonly finalOn: string | null;
      readonly expectedVersion?: number | undefined;
    };

/** The district court's decision. Appointed: final on `finalOn`, the god man's assignment ends by law that day. */
export async function recordSfvDecision(
  caller: Caller,
  childId: string,
  input: SfvDecisionInput,
): Promise<{ version: number; changeReportId: string | null }> {
  await guardianshipOf(caller, childId, 'write');
  const appointed = input.outcome === 'appointed';
  const [pending] = await caller.db
    .select()
    .from(sfvCases)
    .where(and(eq(sfvCases.childId, childId), eq(sfvCases.status, 'pending')))
    .orderBy(desc(sfvCases.createdAt))
    .limit(1);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: appointed ? 'sfv_appointed' : 'sfv_refused',
    occurredOn: appointed ? input.finalOn : input.decidedOn,
    expectedVersion: input.expectedVersion,
    details: {
      sfvCaseId: pending?.id ?? null,
      decidedOn: input.decidedOn,
      finalOn: input.finalOn,
      ...(appointed ? { godManEnded: 'sfv_final' } : {}),
    },
  });
  if (pending === undefined)
    throw conflict('no_pending_application', 'No pending application to the district court is recorded');
  const problems = sfvDecisionProblems({
    appliedOn: pending.appliedOn ?? input.decidedOn,
    decidedOn: input.decidedOn,
    finalOn: input.finalOn,
    today: caller.today,
  });
  if (problems.length > 0)
    throw unprocessable('validation', 'The dates of the decision do not add up', problems);
  await caller.db
    .update(sfvCases)
    .set({
      status: appointed ? 'appointed' : 'refused',
      custodianName: appointed ? input.custodianName : null,
      decidedOn: input.decidedOn,
      finalOn: input.finalOn,
      recordedBy: caller.actor.userId,
      version: pending.version + 1,
    })
    .where(eq(sfvCases.id, pending.id));
  caller.audit.detail('sfvCaseId', pending.id);
  if (!appointed) return { version: outcome.version, changeReportId: null };
  await endGuardianshipByLaw(caller, childId, 'sfv_final', input.finalOn);
  const report = await recordChangeReport(caller, childId, 'sfv', input.finalOn);
  return { version: outcome.version, changeReportId: report?.id ?? null };
}

/** A recorded special reason not to apply for an SFV after the permit; the god man's assignment continues. */
export async function recordSfvNotApplying(
  caller: Caller,
  childId: string,
  input: {
    readonly reason: SfvNotApplyingReason;
    readonly note: string | null;
    readonly decidedOn: string;
    readonly expectedVersion?: number | undefined;
  },
): Promise<{ id: string; version: number }> {
  const found = await guardianshipOf(caller, childId, 'write');
  const municipalityCode = responsibleOrFail(found, caller.today);
  const outcome = await applyTransition(caller, {
    childId,
    machine: guardianship,
    event: 'record_sfv_not_applying',
    occurredOn: input.decidedOn,
    expectedVersion: input.expectedVersion,
    details: { reason: input.reason },
  });
  await requirePermit(caller, childId, input.decidedOn, 'body.decidedOn');
  const problems = sfvNotApplyingProblems(input.reason, input.note, found.child.birthDate, input.decidedOn);
  if (problems.length > 0) throw unprocessable('validation', 'The special reason does not hold', problems);
  const [row] = await caller.db
    .insert(sfvCases)
    .values({
      childId,
      municipalityCode,
      status: 'not_applying',
      decidedOn: input.decidedOn,
      notApplyingReason: input.reason,
      notApplyingNote: input.note,
      recordedBy: caller.actor.userId,
    })
    .returning({ id: sfvCases.id });
  if (row === undefined) throw new Error('sfv case not written');
  caller.audit.detail('sfvCaseId', row.id);
  return { id: row.id, version: outcome.version };
}
