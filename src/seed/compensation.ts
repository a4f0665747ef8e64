/**
 * The compensation view's demo (issue 14 point 3, ADR 0032): Malmö's finance officer has recorded the daily cost of
 * every other LVU placement of Malmö's in the previous quarter (4,200 kr a day, a SiS home's plausible price), so the
 * page shows an LVU top-up line and, where a placement is left without a cost, the warning that blocks the claim. The
 * rest of the view comes from the demo's responsibility periods, placements and anvisningar. Deterministic: the
 * placements in the order of the children's dossier numbers; the quarter follows `today`.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { previousQuarter, quarterWindow } from '../domain/compensation/view.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { children, compensationDailyCosts, placements, users } from '../platform/db/schema.ts';

const MALMO = '1280';
const DEMO_DAILY_COST = 4200;

export async function seedCompensation(db: DbOrTx, now: Date, today: string): Promise<void> {
  const window = quarterWindow(previousQuarter(today));
  const [officer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.subject, 'dev:malmo.ekonomi'));
  if (window === null || officer === undefined) return;
  const lvu = await db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .where(
      and(
        eq(placements.municipalityCode, MALMO),
        eq(placements.legalBasis, 'LVU'),
        lte(placements.fromDate, window.to),
        or(isNull(placements.toDate), gt(placements.toDate, window.from)),
      ),
    )
    .orderBy(asc(children.dossierNumber), asc(placements.fromDate));
  const recorded = lvu.filter((_, i) => i % 2 === 0);
  if (recorded.length === 0) return;
  await db.insert(compensationDailyCosts).values(
    recorded.map((p) => ({
      placementId: p.id,
      municipalityCode: MALMO,
      dailyCost: DEMO_DAILY_COST,
      recordedBy: officer.id,
      recordedAt: now,
    })),
  );
}
