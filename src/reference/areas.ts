/** Names of the areas the county board's views are about: a county and its municipalities, by name. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.ts';
import { counties, municipalities } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import type { Actor } from '../domain/access/child-scope.ts';

/** The county a county board's actor works for; any other organisation has none here (404: the view does not exist). */
export function countyOfActor(actor: Actor): string {
  if (actor.organisationType !== 'county_board' || actor.countyCode === null) throw notFound();
  return actor.countyCode;
}

export async function countyName(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db.select({ name: counties.name }).from(counties).where(eq(counties.code, code));
  if (row === undefined) throw notFound();
  return row.name;
}

export async function countyMunicipalities(db: DbOrTx, countyCode: string) {
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.countyCode, countyCode))
    .orderBy(asc(municipalities.name));
}
