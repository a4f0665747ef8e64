/** Reading the child's responsibility periods; the responsible municipality is always derived from them. */
import { asc, eq } from 'drizzle-orm';
import {
  currentResponsibleMunicipality,
  RESPONSIBILITY_KINDS,
  type ResponsibilityKind,
} from '../domain/access/child-scope.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { responsibilityPeriods } from '../platform/db/schema.ts';

export type PeriodRow = typeof responsibilityPeriods.$inferSelect;

export async function periodsOf(db: DbOrTx, childId: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(responsibilityPeriods)
    .where(eq(responsibilityPeriods.childId, childId))
    .orderBy(asc(responsibilityPeriods.fromDate), asc(responsibilityPeriods.createdAt));
}

export function kindOf(value: string): ResponsibilityKind {
  return RESPONSIBILITY_KINDS.find((k) => k === value) ?? 'assigned';
}

/** The municipality responsible on `date`, derived from the periods (never stored twice). */
export function responsibleOn(periods: readonly PeriodRow[], date: string): string | null {
  return currentResponsibleMunicipality(
    {
      responsibility: periods.map((p) => ({
        municipalityCode: p.municipalityCode,
        kind: kindOf(p.kind),
        from: p.fromDate,
        to: p.toDate,
      })),
    },
    date,
  );
}

/**
 * The first day of the municipality's latest stretch of care: its last period and any periods of its own directly
 * before it (arrival, then assigned to the same municipality, is one stretch).
 */
export function careStartOf(periods: readonly PeriodRow[], municipalityCode: string): string | null {
  let index = periods.map((p) => p.municipalityCode).lastIndexOf(municipalityCode);
  if (index < 0) return null;
  let start = periods[index]?.fromDate ?? null;
  while (index > 0) {
    const before = periods[index - 1];
    if (before === undefined || before.municipalityCode !== municipalityCode || before.toDate !== start)
      break;
    start = before.fromDate;
    index--;
  }
  return start;
}

/**
 * The arrival municipality is responsible from the arrival date until the hand-over: the child's first period, written
 * when the child is registered (a follow-up of `child.registered`).
 */
export async function openArrivalPeriod(
  caller: { readonly db: DbOrTx },
  facts: {
    readonly childId: string;
    readonly municipalityCode: string;
    readonly arrivalDate: string;
    readonly ownerOrganisationId: string;
  },
): Promise<void> {
  await caller.db.insert(responsibilityPeriods).values({
    childId: facts.childId,
    municipalityCode: facts.municipalityCode,
    kind: 'arrival',
    fromDate: facts.arrivalDate,
    ownerOrganisationId: facts.ownerOrganisationId,
  });
}
