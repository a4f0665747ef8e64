/**
 * The inspector's year (T1, E-R6): the authorities of the supervised counties with their regular inspection or skip
 * for the year, whether the year cannot be skipped, and the ad-hoc reviews; and the three ways into the plan — plan
 * the year's inspection on a date, record the year's skip with its exceptional reason, open an ad-hoc review (T7).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { isOverdue, type InspectionState } from '../domain/supervision/inspection.ts';
import { authorityPlan, planProblem, type PlanEntry } from '../domain/supervision/plan.ts';
import type { Caller } from '../case/caller.ts';
import {
  counties,
  organisations,
  supervisionActions,
  supervisionInspections,
} from '../platform/db/schema.ts';
import { unprocessable } from '../platform/http/errors.ts';
import type { CreateInspectionBody, PlanSchema } from './contract.ts';
import { authorities, authorityInArea, supervisedCounties } from './scope.ts';

type Plan = Answer<z.input<typeof PlanSchema>>;

const PLAN_MESSAGES = {
  already_planned: 'Överförmyndaren har redan en inspektion eller ett undantag det året',
  date_outside_year: 'Datumet ska ligga inom året',
  skip_needs_reason: 'Ett år utan inspektion kräver ett skäl (minst 10 tecken)',
  skipped_previous_year: 'Året före hoppades över: i år ska överförmyndaren inspekteras',
  skipped_next_year: 'Året efter hoppas redan över: två år i rad utan inspektion är inte tillåtet',
} as const;

export async function planView(caller: Caller, year: number): Promise<Plan> {
  const supervised = supervisedCounties(caller);
  const [area, board, countyRows] = await Promise.all([
    authorities(caller, { counties: supervised }),
    caller.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, caller.actor.organisationId)),
    supervised.length === 0
      ? Promise.resolve([])
      : caller.db
          .select({ code: counties.code, name: counties.name })
          .from(counties)
          .where(inArray(counties.code, supervised))
          .orderBy(asc(counties.code)),
  ]);
  const ids = area.map((a) => a.id);
  const inspections =
    ids.length === 0
      ? []
      : await caller.db
          .select()
          .from(supervisionInspections)
          .where(inArray(supervisionInspections.authorityId, ids))
          .orderBy(asc(supervisionInspections.plannedOn));
  const inspectionIds = inspections.map((i) => i.id);
  const actions =
    inspectionIds.length === 0
      ? []
      : await caller.db
          .select({
            inspectionId: supervisionActions.inspectionId,
            deadline: supervisionActions.deadline,
            doneOn: supervisionActions.doneOn,
          })
          .from(supervisionActions)
          .where(inArray(supervisionActions.inspectionId, inspectionIds));
  caller.audit.detail('year', year);
  return {
    year,
    countyBoard: board[0] ?? { id: caller.actor.organisationId, name: '' },
    counties: countyRows,
    authorities: area.map((authority) => {
      const own = inspections.filter((i) => i.authorityId === authority.id);
      const entries: PlanEntry[] = own
        .filter((i) => i.kind === 'regular')
        .map((i) => ({ year: i.year, skipped: i.state === 'skipped' }));
      const regular = own.find((i) => i.kind === 'regular' && i.year === year);
      const ownIds = new Set(own.map((i) => i.id));
      return {
        authority: { id: authority.id, name: authority.name, municipalities: [...authority.municipalities] },
        ...authorityPlan(entries, year),
        previousYear: authorityPlan(entries, year - 1).status,
        regular:
          regular === undefined
            ? null
            : { id: regular.id, state: regular.state as InspectionState, plannedOn: regular.plannedOn },
        adHoc: own
          .filter((i) => i.kind === 'ad_hoc' && i.year === year)
          .map((i) => ({ id: i.id, state: i.state as InspectionState, plannedOn: i.plannedOn })),
        overdueActions: actions.filter((a) => ownIds.has(a.inspectionId) && isOverdue(a, caller.today))
          .length,
      };
    }),
  };
}

export async function createInspection(
  caller: Caller,
  body: z.output<typeof CreateInspectionBody>,
): Promise<{ id: string }> {
  const authority = await authorityInArea(caller, body.authorityId);
  const base = {
    authorityId: authority.id,
    countyBoardId: caller.actor.organisationId,
    createdBy: caller.actor.userId,
  };
  let values: typeof supervisionInspections.$inferInsert;
  if (body.kind === 'ad_hoc') {
    values = {
      ...base,
      kind: 'ad_hoc',
      year: Number(body.plannedOn.slice(0, 4)),
      state: 'planned',
      plannedOn: body.plannedOn,
      trigger: body.trigger,
      triggerNote: body.triggerNote.trim() === '' ? null : body.triggerNote,
    };
  } else {
    const entries = (
      await caller.db
        .select({ year: supervisionInspections.year, state: supervisionInspections.state })
        .from(supervisionInspections)
        .where(
          and(
            eq(supervisionInspections.authorityId, authority.id),
            eq(supervisionInspections.kind, 'regular'),
          ),
        )
    ).map((e) => ({ year: e.year, skipped: e.state === 'skipped' }));
    const problem = planProblem(
      entries,
      body.kind === 'regular'
        ? { kind: 'inspection', year: body.year, plannedOn: body.plannedOn }
        : { kind: 'skip', year: body.year, reason: body.reason },
    );
    if (problem !== null)
      throw unprocessable('supervision_invalid', `The plan refuses this: ${problem.code}`, [
        { field: `body.${problem.field}`, code: problem.code, message: PLAN_MESSAGES[problem.code] },
      ]);
    values =
      body.kind === 'regular'
        ? { ...base, kind: 'regular', year: body.year, state: 'planned', plannedOn: body.plannedOn }
        : { ...base, kind: 'regular', year: body.year, state: 'skipped', skipReason: body.reason.trim() };
  }
  const [created] = await caller.db
    .insert(supervisionInspections)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: supervisionInspections.id });
  if (created === undefined)
    throw unprocessable('supervision_invalid', 'The year is already in the plan', [
      { field: 'body.year', code: 'already_planned', message: PLAN_MESSAGES.already_planned },
    ]);
  caller.audit.detail('inspectionId', created.id);
  caller.audit.detail('authorityId', authority.id);
  return created;
}
