/**
 * Children in each municipality's care today, by gender (the responsibility periods open today): exact for the own
 * municipality, protected for a county board or the Agency (src/domain/statistics/disclosure.ts), since counts per
 * municipality are small outside the big cities. Counts only, never names.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../domain/access/child-scope.ts';
import { figureAreaOf } from '../domain/statistics/area.ts';
import { STAT_GENDERS } from '../domain/statistics/dimensions.ts';
import { protect } from '../domain/statistics/disclosure.ts';
import { figureGender } from '../domain/statistics/key-figures.ts';
import { cellKey, tabulateCounts, TOTAL } from '../domain/statistics/tabulation.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { forbidden } from '../platform/http/errors.ts';
import type { ChildrenStatisticsResponse } from './contract.ts';

export async function childrenInCare(
  db: DbOrTx,
  actor: Actor,
  today: string,
): Promise<z.input<typeof ChildrenStatisticsResponse>> {
  const area = figureAreaOf(actor);
  if (area === null) throw forbidden();
  const inArea = (column: ReturnType<typeof sql>) =>
    area.kind === 'nation' || area.code === null
      ? sql`true`
      : area.kind === 'county'
        ? sql`${column} like ${`${area.code}%`}`
        : sql`${column} = ${area.code}`;
  const municipalities = await rowsOf<{ code: string; name: string }>(
    db,
    sql`select code, name from municipalities where ${inArea(sql`code`)} order by code`,
  );
  const counted = await rowsOf<{ code: string; gender: string; n: number | string }>(
    db,
    sql`select r.municipality_code as code, c.gender, count(*) as n
      from responsibility_periods r
      join children c on c.id = r.child_id and c.merged_into_id is null
      where ${inArea(sql`r.municipality_code`)}
        and r.from_date <= ${today}::date and (r.to_date is null or r.to_date > ${today}::date)
      group by 1, 2`,
  );
  const table = tabulateCounts(
    [
      { name: 'area', values: municipalities.map((m) => m.code) },
      { name: 'gender', values: [...STAT_GENDERS] },
    ],
    counted.map((r) => ({ key: [r.code, figureGender(r.gender)], count: Number(r.n) })),
  );
  const exact = area.kind === 'municipality';
  const shown: readonly { key: readonly string[]; count: number | null }[] = exact
    ? table.cells
    : protect(table).cells.map((c) => ({ key: c.key, count: c.suppressed ? null : c.count }));
  const cells = new Map(shown.map((c) => [cellKey(c.key), c.count]));
  const of = (code: string) => {
    const get = (gender: string) => cells.get(cellKey([code, gender])) ?? null;
    return { female: get('female'), male: get('male'), other: get('other'), total: get(TOTAL) };
  };
  return {
    exact,
    rows: municipalities.map((m) => ({ municipalityCode: m.code, municipalityName: m.name, ...of(m.code) })),
    totals: of(TOTAL),
  };
}
