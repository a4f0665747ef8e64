/**
 * Use cases of the age case, recorded by the Migration Agency's asylum officers: doubt about the stated age, a medical
 * assessment offered (with the child's consent or not), a temporary age decision (applies at once; appealable), an
 * appeal of it, and the final decision. A decision that changes the registered birth date moves the birthday
 * deadlines; one that makes the child 18 or older ends the god man and the child-specific responsibilities through
 * recorded decisions (src/responsibility/end.ts), never silently.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { ageChange } from '../domain/asylum/age.ts';
import { checkNotBefore, checkNotFuture, type FieldProblem } from '../domain/asylum/asylum.ts';
import { age } from '../domain/case/machines.ts';
import { rescheduleBirthdayDeadlines } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import { runConsequences } from '../case/consequences.ts';
import { ageRecords, caseEvents, children, fieldChanges } from '../platform/db/schema.ts';
import { conflict } from '../platform/http/errors.ts';
import { notifyAgeDecision } from './notify.ts';
import { takeStep, writableSection } from './step.ts';

interface Dated {
  readonly expectedVersion?: number | undefined;
}

/** The date of the latest step of the age case (doubt, assessment, decision, appeal), for ordering checks. */
async function latestAgeStep(caller: Caller, childId: string): Promise<string | null> {
  const [row] = await caller.db
    .select({ on: caseEvents.occurredOn })
    .from(caseEvents)
    .where(and(eq(caseEvents.childId, childId), eq(caseEvents.machine, age.name)))
    .orderBy(desc(caseEvents.occurredOn))
    .limit(1);
  return row?.on ?? null;
}

function audit(caller: Caller, childId: string, step: string): void {
  caller.audit.children([childId]);
  caller.audit.detail('step', step);
}

/** The officer doubts the stated age (and the child is not obviously an adult). */
export async function recordDoubt(
  caller: Caller,
  childId: string,
  input: { doubtedOn: string } & Dated,
): Promise<void> {
  await writableSection(caller, childId, 'age');
  await takeStep(caller, {
    childId,
    machine: age,
    event: 'doubt',
    occurredOn: input.doubtedOn,
    expectedVersion: input.expectedVersion,
    details: {},
    check: () => checkNotFuture('doubtedOn', input.doubtedOn, caller.today),
  });
  audit(caller, childId, 'doubt');
}

/** Before adjudging someone an adult the Agency must offer a medical age assessment; the child's consent is recorded. */
export async function offerMedicalAssessment(
  caller: Caller,
  childId: string,
  input: { offeredOn: string; consent: boolean } & Dated,
): Promise<void> {
  await writableSection(caller, childId, 'age');
  await takeStep(caller, {
    childId,
    machine: age,
    event: 'order_medical_assessment',
    occurredOn: input.offeredOn,
    expectedVersion: input.expectedVersion,
    details: { consent: input.consent },
    check: async () => [
      ...checkNotFuture('offeredOn', input.offeredOn, caller.today),
      ...checkNotBefore('offeredOn', input.offeredOn, await latestAgeStep(caller, childId)),
    ],
  });
  audit(caller, childId, 'order_medical_assessment');
  caller.audit.detail('consent', input.consent);
}

export interface AgeDecisionInput extends Dated {
  readonly decidedOn: string;
  readonly birthDate: string;
}

/** The temporary age decision: applies at once. */
export function decideAgeTemporarily(
  caller: Caller,
  childId: string,
  input: AgeDecisionInput,
): Promise<void> {
  return decideAge(caller, childId, input, 'decide_temporarily', 'temporary_decision');
}

/** The final age decision (set with the asylum decision, or after an appeal). */
export function decideAgeFinally(caller: Caller, childId: string, input: AgeDecisionInput): Promise<void> {
  return decideAge(caller, childId, input, 'decide_finally', 'final_decision');
}

async function decideAge(
  caller: Caller,
  childId: string,
  input: AgeDecisionInput,
  event: 'decide_temporarily' | 'decide_finally',
  kind: 'temporary_decision' | 'final_decision',
): Promise<void> {
  const { facts } = await writableSection(caller, childId, 'age');
  const [child] = await caller.db
    .select({ birthDate: children.birthDate })
    .from(children)
    .where(eq(children.id, childId))
    .for('no key update');
  if (child === undefined) throw new Error('child vanished inside the transaction');
  const change = ageChange(child.birthDate, input.birthDate, input.decidedOn, caller.today);
  const check = async (): Promise<FieldProblem[]> => [
    ...checkNotFuture('decidedOn', input.decidedOn, caller.today),
    ...checkNotBefore('decidedOn', input.decidedOn, await latestAgeStep(caller, childId)),
    ...(input.birthDate >= input.decidedOn
      ? [
          {
            field: 'birthDate',
            code: 'age_birth_not_before_decision',
            message: 'Födelsedatumet måste ligga före beslutsdatumet',
          },
        ]
      : []),
  ];
  await takeStep(caller, {
    childId,
    machine: age,
    event,
    occurredOn: input.decidedOn,
    expectedVersion: input.expectedVersion,
    details: {
      birthDate: input.birthDate,
      previousBirthDate: child.birthDate,
      adult: change.adultOnDecision,
      makesAdult: change.makesAdult,
    },
    check,
  });
  await caller.db.insert(ageRecords).values({
    childId,
    kind,
    birthDate: input.birthDate,
    decidedOn: input.decidedOn,
    recordedBy: caller.actor.userId,
  });
  if (change.changed) {
    await caller.db
      .update(children)
      .set({ birthDate: input.birthDate, version: sql`${children.version} + 1` })
      .where(eq(children.id, childId));
    await caller.db.insert(fieldChanges).values({
      childId,
      entity: 'child',
      entityId: childId,
      field: 'birthDate',
      oldValue: child.birthDate,
      newValue: input.birthDate,
      changedBy: caller.actor.userId,
      changedAt: caller.now,
    });
    await rescheduleBirthdayDeadlines(caller.db, childId, input.birthDate);
  }
  // Told while the municipality is still responsible: the end below may close its responsibility.
  if (change.changed || change.adultOnDecision) {
    await notifyAgeDecision(caller, facts, {
      kind,
      decidedOn: input.decidedOn,
      birthDateChanged: change.changed,
      adult: change.adultOnDecision,
      makesAdult: change.makesAdult,
    });
  }
  if (change.endsResponsibilityOn !== null)
    await runConsequences(caller, 'child.adult', {
      childId,
      reason: 'age_changed',
      on: change.endsResponsibilityOn,
    });
  audit(caller, childId, event);
  caller.audit.detail('makesAdult', change.makesAdult);
}

/** An appeal of the temporary age decision to the migration court; one per decision. */
export async function appealAgeDecision(
  caller: Caller,
  childId: string,
  input: { appealedOn: string } & Dated,
): Promise<void> {
  await writableSection(caller, childId, 'age');
  const [decision] = await caller.db
    .select()
    .from(ageRecords)
    .where(and(eq(ageRecords.childId, childId), inArray(ageRecords.kind, ['temporary_decision'])))
    .orderBy(desc(ageRecords.decidedOn), desc(ageRecords.createdAt))
    .limit(1);
  await takeStep(caller, {
    childId,
    machine: age,
    event: 'appeal_age',
    occurredOn: input.appealedOn,
    expectedVersion: input.expectedVersion,
    details: { decidedOn: decision?.decidedOn ?? null },
    check: () => {
      if (decision?.appealedOn != null) {
        throw conflict('age_already_appealed', 'The temporary age decision is already appealed', [
          {
            field: 'body.appealedOn',
            code: 'age_already_appealed',
            message: `Beslutet överklagades redan ${decision.appealedOn}`,
          },
        ]);
      }
      return [
        ...checkNotFuture('appealedOn', input.appealedOn, caller.today),
        ...checkNotBefore('appealedOn', input.appealedOn, decision?.decidedOn ?? null),
      ];
    },
  });
  if (decision !== undefined)
    await caller.db
      .update(ageRecords)
      .set({ appealedOn: input.appealedOn })
      .where(eq(ageRecords.id, decision.id));
  audit(caller, childId, 'appeal_age');
}
