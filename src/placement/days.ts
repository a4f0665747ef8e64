/**
 * Placement days per municipality for a period: what the municipality housed, derived from the placements (never
 * stored twice). The compensation issue pays for them; here only counts, no names.
 */
import { and, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { placementDaysByMunicipality, type MunicipalityDays, type Period } from '../domain/placement/days.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { placements } from '../platform/db/schema.ts';

/** Days per municipality in the (inclusive) period; `municipalityCodes` null for every municipality. */
export async function placementDaysForPeriod(
  db: DbOrTx,
  period: Period,
  municipalityCodes: readonly string[] | null,
): Promise<MunicipalityDays[]> {
  const rows = await db
    .select({
      childId: placements.childId,
      municipalityCode: placements.municipalityCode,
      from: placements.fromDate,
      to: placements.toDate,
    })
    .from(placements)
    .where(
      and(
        lte(placements.fromDate, period.to),
        or(isNull(placements.toDate), gt(placements.toDate, period.from)),
        municipalityCodes === null ? undefined : inArray(placements.municipalityCode, [...municipalityCodes]),
      ),
    );
  return placementDaysByMunicipality(rows, period);
}
