/**
 * Registering an arriving child at the Migration Agency (beyond the minimal record): name variants, citizenship,
 * languages, siblings arriving together, a close relative (which opens an assessment task for the relative's
 * municipality, due within 3 days), special needs and the child's own wishes.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { relativeContactVisible } from '../domain/allocation/relative-contact.ts';
import { DEADLINE_RULES, deadlines } from '../domain/deadlines/rules.ts';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { presentChildren, registerChild } from '../children/use-cases.ts';
import type { ArrivalBody } from './contract.ts';
import { type Caller } from '../case/caller.ts';
import { runConsequences } from '../case/consequences.ts';
import { applyTransition } from '../case/engine.ts';
import { age } from '../domain/case/machines.ts';
import {
  anvisningDecisions,
  caseOfficers,
  childIntake,
  children,
  deadlines as deadlinesTable,
  municipalities,
  organisations,
  relativeAssessments,
  responsibilityPeriods,
  users,
} from '../platform/db/schema.ts';
import { loadChildrenWithFacts } from '../children/repository.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';

/**
 * An arrival as the contract's body declares it (src/allocation/contract.ts): the child's record, a sibling already
 * registered, a stated relative (the municipality asked to assess them, and how to reach them), and the officer's
 * doubt about the stated age (the age case then opens in doubt).
 */
export type ArrivalInput = Answer<z.output<typeof ArrivalBody>>;
export type RelativeInput = NonNullable<ArrivalInput['relative']>;

export async function registerArrival(
  caller: Caller,
  input: ArrivalInput,
): Promise<{ id: string; relativeAssessmentId: string | null }> {
  let siblingGroupId: string | null = null;
  if (input.siblingOfChildId !== null) {
    const [sibling] = await caller.db
      .select()
      .from(childIntake)
      .where(eq(childIntake.childId, input.siblingOfChildId));
    if (sibling === undefined) {
      throw unprocessable('unknown_sibling', 'The sibling is not registered', [
        { field: 'body.siblingOfChildId', code: 'unknown', message: 'no registered child with this id' },
      ]);
    }
    // Intake rows are the Agency's own working record; joining a group is the only change ever made to them.
    // coalesce: two arrivals joining the same sibling at once end up in one group.
    const [joined] = await caller.db
      .update(childIntake)
      .set({ siblingGroupId: sql`coalesce(${childIntake.siblingGroupId}, ${randomUUID()}::uuid)` })
      .where(eq(childIntake.childId, sibling.childId))
      .returning({ group: childIntake.siblingGroupId });
    siblingGroupId = joined?.group ?? null;
  }
  if (input.relative !== null) {
    const [known] = await caller.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.code, input.relative.municipalityCode));
    if (known === undefined) {
      throw unprocessable('unknown_municipality', 'Unknown municipality', [
        {
          field: 'body.relative.municipalityCode',
          code: 'unknown',
          message: 'no municipality has this code',
        },
      ]);
    }
  }
  const { id } = await registerChild(caller, input);
  // Registering the child is the asylum application: the case opens with it, dated the arrival.
  await runConsequences(caller, 'child.arrived', {
    childId: id,
    appliedOn: input.arrivalDate,
    birthDate: input.birthDate,
    recordedBy: caller.actor.userId,
  });
  // A doubtful age goes the existing age-assessment way: the same `doubt` step the asylum officer can take later.
  if (input.ageInDoubt)
    await applyTransition(caller, {
      childId: id,
      machine: age,
      event: 'doubt',
      occurredOn: caller.today,
      details: { atRegistration: true },
    });
  // The registering officer handles the case (and so may see a protected identity).
  await caller.db.insert(caseOfficers).values({ childId: id, userId: caller.actor.userId });
  await caller.db.insert(childIntake).values({
    childId: id,
    nameVariants: [...input.nameVariants],
    citizenship: input.citizenship,
    languages: [...input.languages],
    interpreterNeeded: input.interpreterNeeded,
    siblingGroupId,
    relativeMunicipalityCode: input.relative?.municipalityCode ?? null,
    relativeRelation: input.relative?.relation ?? null,
    specialNeeds: input.specialNeeds,
    wishes: input.wishes,
    ownerOrganisationId: caller.actor.organisationId,
  });
  let relativeAssessmentId: string | null = null;
  if (input.relative !== null) {
    const due = deadlines.relativeAssessment(caller.today);
    const [task] = await caller.db
      .insert(relativeAssessments)
      .values({
        childId: id,
        municipalityCode: input.relative.municipalityCode,
        relation: input.relative.relation,
        relativeName: input.relative.name,
        relativeAddress: input.relative.address,
        relativePhone: input.relative.phone,
        dueOn: due.due,
        ownerOrganisationId: caller.actor.organisationId,
      })
      .returning({ id: relativeAssessments.id });
    relativeAssessmentId = task?.id ?? null;
    // On the worklist of the relative's municipality's social services until the assessment is recorded.
    await caller.db.insert(deadlinesTable).values({
      childId: id,
      rule: due.rule,
      dueOn: due.due,
      startedOn: caller.today,
      actorKind: DEADLINE_RULES[due.rule].actor,
      municipalityCode: input.relative.municipalityCode,
    });
  }
  return { id, relativeAssessmentId };
}

/** Children registered and not yet decided, the earliest arrival first, as the caller may see them. */
export async function waitingChildren(caller: Caller) {
  const rows = await caller.db
    .select({
      id: children.id,
      arrivalDate: sql<string>`(select min(p.from_date) from ${responsibilityPeriods} p where p.child_id = ${children.id} and p.kind = 'arrival')`,
    })
    .from(children)
    .innerJoin(childIntake, eq(childIntake.childId, children.id))
    .where(
      sql`not exists (select 1 from ${anvisningDecisions} d where d.child_ids @> array[${children.id}]::uuid[])`,
    )
    .orderBy(sql`2`, asc(children.createdAt));
  const arrival = new Map(rows.map((r) => [r.id, r.arrivalDate]));
  return (
    await presentChildren(
      caller,
      rows.map((r) => r.id),
    )
  ).map((child) => ({ ...child, arrivalDate: arrival.get(child.id) ?? null }));
}

type AssessmentRow = typeof relativeAssessments.$inferSelect;

/**
 * The relative's contact details where the caller may see them (relative-contact.ts), else null. Every task shown
 * with them is counted in the request's audit event (the details themselves never go into the audit).
 */
async function contactsFor(
  caller: Caller,
  tasks: readonly AssessmentRow[],
): Promise<Map<string, { name: string; address: string | null; phone: string | null } | null>> {
  const facts = new Map(
    (await loadChildrenWithFacts(caller.db, [...new Set(tasks.map((t) => t.childId))])).map((c) => [
      c.child.id,
      c.facts,
    ]),
  );
  const contacts = new Map<string, { name: string; address: string | null; phone: string | null } | null>();
  for (const task of tasks) {
    const child = facts.get(task.childId);
    const visible =
      task.relativeName !== null &&
      child !== undefined &&
      relativeContactVisible(
        caller.actor,
        { municipalityCode: task.municipalityCode, open: task.outcome === null },
        child,
      );
    contacts.set(
      task.id,
      visible
        ? { name: task.relativeName ?? '', address: task.relativeAddress, phone: task.relativePhone }
        : null,
    );
  }
  const shown = [...contacts.values()].filter((c) => c !== null).length;
  if (shown > 0) caller.audit.detail('relativeContactsShown', shown);
  return contacts;
}

/** Tasks for the social services of a relative's municipality, the one due first on top. */
export async function assessmentsFor(caller: Caller) {
  const codes = caller.actor.municipalityCodes;
  if (codes.length === 0) return [];
  const tasks = await caller.db
    .select()
    .from(relativeAssessments)
    // Only open tasks: once answered, the municipality has no further reason to see the child.
    .where(
      and(inArray(relativeAssessments.municipalityCode, [...codes]), isNull(relativeAssessments.outcome)),
    )
    .orderBy(asc(relativeAssessments.dueOn), asc(relativeAssessments.createdAt));
  const summaries = new Map(
    (
      await presentChildren(
        caller,
        tasks.map((t) => t.childId),
      )
    ).map((c) => [c.id, c]),
  );
  const visibleTasks = tasks.filter((t) => summaries.has(t.childId));
  const contacts = await contactsFor(caller, visibleTasks);
  return visibleTasks.flatMap((t) => {
    const child = summaries.get(t.childId);
    return child === undefined
      ? []
      : [
          {
            id: t.id,
            childId: t.childId,
            child,
            relation: t.relation,
            relative: contacts.get(t.id) ?? null,
            dueOn: t.dueOn,
            overdue: t.dueOn < caller.today,
            outcome: t.outcome,
            outcomeNote: t.outcomeNote,
          },
        ];
  });
}

export async function recordAssessment(
  caller: Caller,
  assessmentId: string,
  input: { outcome: 'suitable' | 'unsuitable'; note: string },
): Promise<void> {
  const [task] = await caller.db
    .select()
    .from(relativeAssessments)
    .where(eq(relativeAssessments.id, assessmentId));
  if (task === undefined || !caller.actor.municipalityCodes.includes(task.municipalityCode)) throw notFound();
  if (task.outcome !== null) throw conflict('already_assessed', 'This assessment already has an outcome');
  const updated = await caller.db
    .update(relativeAssessments)
    .set({
      outcome: input.outcome,
      outcomeNote: input.note,
      assessedBy: caller.actor.userId,
      assessedAt: caller.now,
    })
    .where(and(eq(relativeAssessments.id, assessmentId), isNull(relativeAssessments.outcome)))
    .returning({ id: relativeAssessments.id });
  if (updated.length === 0) throw conflict('already_assessed', 'This assessment already has an outcome');
  // Answered: off the municipality's worklist.
  await caller.db
    .update(deadlinesTable)
    .set({ closedAt: caller.now })
    .where(
      and(
        eq(deadlinesTable.childId, task.childId),
        eq(deadlinesTable.rule, 'relative-assessment'),
        eq(deadlinesTable.municipalityCode, task.municipalityCode),
        isNull(deadlinesTable.closedAt),
      ),
    );
  caller.audit.children([task.childId]);
  caller.audit.detail('outcome', input.outcome);
}

/** The assessment's status as the officer sees it: who answered, when, and what. */
export async function assessmentStatus(caller: Caller, childId: string) {
  const rows = await caller.db
    .select({ task: relativeAssessments, assessor: users.displayName, organisation: organisations.name })
    .from(relativeAssessments)
    .leftJoin(users, eq(users.id, relativeAssessments.assessedBy))
    .leftJoin(organisations, eq(organisations.municipalityCode, relativeAssessments.municipalityCode))
    .where(eq(relativeAssessments.childId, childId))
    .orderBy(asc(relativeAssessments.createdAt));
  const contacts = await contactsFor(
    caller,
    rows.map((r) => r.task),
  );
  return rows.map((r) => ({
    municipalityCode: r.task.municipalityCode,
    relation: r.task.relation,
    relative: contacts.get(r.task.id) ?? null,
    dueOn: r.task.dueOn,
    outcome: r.task.outcome,
    outcomeNote: r.task.outcomeNote,
    assessedBy: r.assessor,
    assessedAt: r.task.assessedAt?.toISOString() ?? null,
  }));
}
