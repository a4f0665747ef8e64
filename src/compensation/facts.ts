/**
 * The calculator's facts from the database (issue 14 point 3, ADR 0032): for a municipality and a window of days, the
 * children whose responsibility, placement or anvisning touches the municipality in the window, each as `ChildFacts`.
 * Where each fact lives: the birth date in `children`; the arrival municipality and date as the child's first
 * responsibility period of kind `arrival`; the anvisning as the child's latest anvisning decision (a correction
 * supersedes the earlier one) or, for a child registered without one, its first responsibility period of kind
 * `assigned`; the take-over as the first day of a responsibility period of the assigned municipality
 * that is not an arrival period; the residence permit as the asylum decision's date when it granted a permit; the
 * responsibility periods and placements as they are (LVU from `placements.legal_basis`), the LVU daily cost from
 * `compensation_daily_costs`; the schooling as the school enrolments from their first school day to the day they ended
 * (excluded); the special custody as an appointed special custodian's judgment from the day it became final. A child
 * not yet anvisad has neither anvisning nor take-over (its arrival days still count).
 */
import { and, arrayOverlaps, desc, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type {
  ChildFacts,
  DayWindow,
  PlacementFact,
  PlacementForm,
} from '../domain/compensation/calculator.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  anvisningDecisions,
  asylumCases,
  children,
  compensationDailyCosts,
  placements,
  responsibilityPeriods,
  schoolEnrolments,
  sfvCases,
} from '../platform/db/schema.ts';
import { SCHOOL_FORM_OF } from '../domain/compensation/schooling.ts';
import { SCHOOL_PROGRAMMES, type SchoolProgramme } from '../domain/placement/vocabulary.ts';

const isProgramme = (value: string): value is SchoolProgramme =>
  (SCHOOL_PROGRAMMES as readonly string[]).includes(value);

const PERMIT_DECISIONS = ['permanent_permit', 'temporary_permit'];

/** A fact with the placement's id, which the view needs to name the placement a daily cost belongs to. */
export interface LoadedPlacement extends PlacementFact {
  readonly id: string;
}

export interface LoadedChild {
  readonly facts: Omit<ChildFacts, 'placements'> & { readonly placements: readonly LoadedPlacement[] };
  /** Behind a protected identity the name is not shown (the lines name the child by dossier number). */
  readonly protectedIdentity: boolean;
  readonly firstName: string;
  readonly lastName: string;
  readonly dossierNumber: string;
}

/** The ids of the children whose facts touch the municipality within the window. */
async function childIdsOf(db: DbOrTx, code: string, window: DayWindow): Promise<string[]> {
  const [periods, placed, decided, schooled, custody] = await Promise.all([
    db
      .selectDistinct({ id: responsibilityPeriods.childId })
      .from(responsibilityPeriods)
      .where(
        and(
          eq(responsibilityPeriods.municipalityCode, code),
          lte(responsibilityPeriods.fromDate, window.to),
          or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, window.from)),
        ),
      ),
    db
      .selectDistinct({ id: placements.childId })
      .from(placements)
      .where(
        and(
          eq(placements.municipalityCode, code),
          lte(placements.fromDate, window.to),
          or(isNull(placements.toDate), gt(placements.toDate, window.from)),
        ),
      ),
    db
      .select({ ids: anvisningDecisions.childIds })
      .from(anvisningDecisions)
      .where(
        and(
          eq(anvisningDecisions.municipalityCode, code),
          gte(anvisningDecisions.decidedOn, window.from),
          lte(anvisningDecisions.decidedOn, window.to),
        ),
      ),
    db
      .selectDistinct({ id: schoolEnrolments.childId })
      .from(schoolEnrolments)
      .where(
        and(
          eq(schoolEnrolments.municipalityCode, code),
          lte(schoolEnrolments.startedOn, window.to),
          or(isNull(schoolEnrolments.endedOn), gt(schoolEnrolments.endedOn, window.from)),
        ),
      ),
    db
      .selectDistinct({ id: sfvCases.childId })
      .from(sfvCases)
      .where(
        and(
          eq(sfvCases.municipalityCode, code),
          eq(sfvCases.status, 'appointed'),
          lte(sfvCases.finalOn, window.to),
        ),
      ),
  ]);
  return [
    ...new Set([
      ...periods.map((r) => r.id),
      ...placed.map((r) => r.id),
      ...decided.flatMap((r) => r.ids),
      ...schooled.map((r) => r.id),
      ...custody.map((r) => r.id),
    ]),
  ];
}

/** The facts of the given children (merged records left out). */
export async function loadChildFacts(db: DbOrTx, childIds: readonly string[]): Promise<LoadedChild[]> {
  if (childIds.length === 0) return [];
  const ids = [...childIds];
  const [childRows, periodRows, placementRows, asylumRows, schoolRows, sfvRows] = await Promise.all([
    db
      .select()
      .from(children)
      .where(and(inArray(children.id, ids), isNull(children.mergedIntoId))),
    db
      .select()
      .from(responsibilityPeriods)
      .where(inArray(responsibilityPeriods.childId, ids))
      .orderBy(responsibilityPeriods.fromDate),
    db
      .select({ placement: placements, dailyCost: compensationDailyCosts.dailyCost })
      .from(placements)
      .leftJoin(compensationDailyCosts, eq(compensationDailyCosts.placementId, placements.id))
      .where(inArray(placements.childId, ids))
      .orderBy(placements.fromDate),
    db.select().from(asylumCases).where(inArray(asylumCases.childId, ids)),
    db
      .select()
      .from(schoolEnrolments)
      .where(inArray(schoolEnrolments.childId, ids))
      .orderBy(schoolEnrolments.startedOn),
    db
      .select()
      .from(sfvCases)
      .where(and(inArray(sfvCases.childId, ids), eq(sfvCases.status, 'appointed'))),
  ]);
  // The latest decision per child (a correction supersedes the one before it).
  const decisions = await db
    .select({
      childIds: anvisningDecisions.childIds,
      code: anvisningDecisions.municipalityCode,
      decidedOn: anvisningDecisions.decidedOn,
    })
    .from(anvisningDecisions)
    .where(arrayOverlaps(anvisningDecisions.childIds, ids))
    .orderBy(desc(anvisningDecisions.seq));
  const loaded: LoadedChild[] = [];
  for (const child of childRows) {
    const periods = periodRows.filter((p) => p.childId === child.id);
    const assigned = periods.find((p) => p.kind === 'assigned');
    const decision =
      decisions.find((d) => d.childIds.includes(child.id)) ??
      (assigned === undefined ? null : { code: assigned.municipalityCode, decidedOn: assigned.fromDate });
    const arrival = periods.find((p) => p.kind === 'arrival');
    const takeOver =
      decision === null
        ? undefined
        : periods.find((p) => p.kind !== 'arrival' && p.municipalityCode === decision.code);
    const asylum = asylumRows.find((a) => a.childId === child.id);
    const permitDate =
      asylum !== undefined && asylum.decision !== null && PERMIT_DECISIONS.includes(asylum.decision)
        ? asylum.decidedOn
        : null;
    const custody = sfvRows.find((c) => c.childId === child.id && c.finalOn !== null);
    loaded.push({
      protectedIdentity: child.protectedIdentity,
      firstName: child.firstName,
      lastName: child.lastName,
      dossierNumber: child.dossierNumber,
      facts: {
        childId: child.id,
        birthDate: child.birthDate,
        arrival:
          arrival === undefined
            ? null
            : { municipalityCode: arrival.municipalityCode, date: arrival.fromDate },
        assignedMunicipalityCode: decision?.code ?? null,
        anvisningDate: decision?.decidedOn ?? null,
        takeOverDate: takeOver?.fromDate ?? null,
        permitDate,
        responsibility: periods.map((p) => ({
          municipalityCode: p.municipalityCode,
          from: p.fromDate,
          to: p.toDate,
        })),
        placements: placementRows
          .filter((r) => r.placement.childId === child.id)
          .map(({ placement, dailyCost }) => ({
            id: placement.id,
            municipalityCode: placement.municipalityCode,
            from: placement.fromDate,
            to: placement.toDate,
            form: placement.form as PlacementForm,
            lvu: placement.legalBasis === 'LVU',
            dailyCost: dailyCost ?? null,
          })),
        schooling: schoolRows.flatMap((e) =>
          e.childId === child.id && e.startedOn !== null && isProgramme(e.programme)
            ? [
                {
                  municipalityCode: e.municipalityCode,
                  form: SCHOOL_FORM_OF[e.programme],
                  from: e.startedOn,
                  to: e.endedOn,
                },
              ]
            : [],
        ),
        specialCustody:
          custody?.finalOn == null
            ? null
            : { municipalityCode: custody.municipalityCode, from: custody.finalOn },
      },
    });
  }
  return loaded;
}

/** The facts of every child whose responsibility, placement or anvisning touches the municipality in the window. */
export async function municipalityChildFacts(
  db: DbOrTx,
  code: string,
  window: DayWindow,
): Promise<LoadedChild[]> {
  return loadChildFacts(db, await childIdsOf(db, code, window));
}
