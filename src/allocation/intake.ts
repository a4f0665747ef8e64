/**
 * Registering an arriving child at the Migration Agency (beyond the minimal record): name variants, citizenship,
 * languages, siblings arriving together, a close relative (which opens an assessment task for the relative's
 * municipality, due within 3 days), special needs and the child's own wishes.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { deadlines } from '../domain/deadlines/rules.ts';
import { presentChildren, registerChild, type Caller, type RegisterChildInput } from '../children/use-cases.ts';
import { openAsylumCase } from '../asylum/open.ts';
import { anvisningDecisions, caseOfficers, childIntake, children, municipalities, organisations, relativeAssessments, users } from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';

export interface ArrivalInput extends RegisterChildInput {
  readonly nameVariants: readonly string[];
  readonly citizenship: string | null;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean;
  /** A sibling already registered: the two arrived together (or the later one follows the earlier). */
  readonly siblingOfChildId: string | null;
  readonly relative: { readonly municipalityCode: string; readonly relation: string } | null;
  readonly specialNeeds: string | null;
  readonly wishes: string | null;
}

export async function registerArrival(caller: Caller, input: ArrivalInput): Promise<{ id: string; relativeAssessmentId: string | null }> {
  let siblingGroupId: string | null = null;
  if (input.siblingOfChildId !== null) {
    const [sibling] = await caller.db.select().from(childIntake).where(eq(childIntake.childId, input.siblingOfChildId));
    if (sibling === undefined) {
      throw unprocessable('unknown_sibling', 'The sibling is not registered', [{ field: 'body.siblingOfChildId', code: 'unknown', message: 'no registered child with this id' }]);
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
    const [known] = await caller.db.select().from(municipalities).where(eq(municipalities.code, input.relative.municipalityCode));
    if (known === undefined) {
      throw unprocessable('unknown_municipality', 'Unknown municipality', [{ field: 'body.relative.municipalityCode', code: 'unknown', message: 'no municipality has this code' }]);
    }
  }
  const { id } = await registerChild(caller, input);
  // Registering the child is the asylum application: the case opens with it, dated the arrival.
  await openAsylumCase(caller.db, { childId: id, appliedOn: input.arrivalDate, birthDate: input.birthDate, recordedBy: caller.actor.userId });
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
    const [task] = await caller.db
      .insert(relativeAssessments)
      .values({
        childId: id,
        municipalityCode: input.relative.municipalityCode,
        relation: input.relative.relation,
        dueOn: deadlines.relativeAssessment(caller.today).due,
        ownerOrganisationId: caller.actor.organisationId,
      })
      .returning({ id: relativeAssessments.id });
    relativeAssessmentId = task?.id ?? null;
  }
  return { id, relativeAssessmentId };
}

/** Children registered and not yet decided, oldest registration first, as the caller may see them. */
export async function waitingChildren(caller: Caller) {
  const rows = await caller.db
    .select({ id: children.id })
    .from(children)
    .innerJoin(childIntake, eq(childIntake.childId, children.id))
    .where(sql`not exists (select 1 from ${anvisningDecisions} d where d.child_ids @> array[${children.id}]::uuid[])`)
    .orderBy(children.createdAt);
  return presentChildren(caller, rows.map((r) => r.id));
}

/** Tasks for the social services of a relative's municipality. */
export async function assessmentsFor(caller: Caller) {
  const codes = caller.actor.municipalityCodes;
  if (codes.length === 0) return [];
  const rows = await caller.db
    .select({ task: relativeAssessments, dossierNumber: children.dossierNumber, birthDate: children.birthDate })
    .from(relativeAssessments)
    .innerJoin(children, eq(children.id, relativeAssessments.childId))
    // Only open tasks: once answered, the municipality has no further reason to see the child.
    .where(and(eq(relativeAssessments.municipalityCode, codes[0] ?? ''), isNull(relativeAssessments.outcome)))
    .orderBy(desc(relativeAssessments.dueOn));
  caller.audit.children(rows.map((r) => r.task.childId));
  return rows.map((r) => ({
    id: r.task.id,
    childId: r.task.childId,
    dossierNumber: r.dossierNumber,
    birthDate: r.birthDate,
    relation: r.task.relation,
    dueOn: r.task.dueOn,
    overdue: r.task.outcome === null && r.task.dueOn < caller.today,
    outcome: r.task.outcome,
    outcomeNote: r.task.outcomeNote,
  }));
}

export async function recordAssessment(
  caller: Caller,
  assessmentId: string,
  input: { outcome: 'suitable' | 'unsuitable'; note: string },
): Promise<void> {
  const [task] = await caller.db.select().from(relativeAssessments).where(eq(relativeAssessments.id, assessmentId));
  if (task === undefined || !caller.actor.municipalityCodes.includes(task.municipalityCode)) throw notFound();
  if (task.outcome !== null) throw conflict('already_assessed', 'This assessment already has an outcome');
  const updated = await caller.db
    .update(relativeAssessments)
    .set({ outcome: input.outcome, outcomeNote: input.note, assessedBy: caller.actor.userId, assessedAt: caller.now })
    .where(and(eq(relativeAssessments.id, assessmentId), isNull(relativeAssessments.outcome)))
    .returning({ id: relativeAssessments.id });
  if (updated.length === 0) throw conflict('already_assessed', 'This assessment already has an outcome');
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
    .where(eq(relativeAssessments.childId, childId));
  return rows.map((r) => ({
    municipalityCode: r.task.municipalityCode,
    relation: r.task.relation,
    dueOn: r.task.dueOn,
    outcome: r.task.outcome,
    outcomeNote: r.task.outcomeNote,
    assessedBy: r.assessor,
    assessedAt: r.task.assessedAt?.toISOString() ?? null,
  }));
}
