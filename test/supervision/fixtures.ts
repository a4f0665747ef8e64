/** Ids the supervision tests share: the Skåne county board, Malmö's and Sundsvall's guardianship authorities, files. */
import type { TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { supervisionInspections } from '../../src/platform/db/schema.ts';

export interface SupervisionIds {
  readonly skane: string;
  readonly malmoAuthority: string;
  readonly sundsvallAuthority: string;
  readonly inspector: string;
}

export async function supervisionIds(t: TestApp): Promise<SupervisionIds> {
  const one = async (query: string): Promise<string> => {
    const { rows } = await t.database.raw.query<{ id: string }>(query);
    const id = rows[0]?.id;
    if (id === undefined) throw new Error(`supervision fixture: nothing for ${query}`);
    return id;
  };
  return {
    skane: await one("select id from organisations where type = 'county_board' and county_code = '12'"),
    malmoAuthority: await one(
      "select organisation_id as id from guardianship_authority_municipalities where municipality_code = '1280'",
    ),
    sundsvallAuthority: await one(
      "select organisation_id as id from guardianship_authority_municipalities where municipality_code = '2281'",
    ),
    inspector: await t.userId('ingrid.tillsyn'),
  };
}

/** A child of Malmö's with a god man file of the authority (written directly: the sample needs one). */
export async function aGodManFile(
  t: TestApp,
  authorityId: string,
  dossier: string,
  options: { readonly protectedIdentity?: boolean } = {},
): Promise<{ id: string; childId: string }> {
  const childId = await aChild(t, { dossier, ...options });
  const guardian = await t.userId('hans.gren');
  const { rows } = await t.database.raw.query<{ id: string }>(
    `insert into guardianships (child_id, guardian_user_id, kind, from_date, owner_organisation_id)
     values ($1, $2, 'god_man', '2026-10-01', $3) returning id`,
    [childId, guardian, authorityId],
  );
  return { id: rows[0]?.id ?? '', childId };
}

type InspectionInsert = typeof supervisionInspections.$inferInsert;

/** An inspection written directly in the state a test needs (the routes that lead there are tested on their own). */
export async function anInspection(
  t: TestApp,
  ids: SupervisionIds,
  authorityId: string,
  values: Partial<InspectionInsert> & Pick<InspectionInsert, 'state'>,
): Promise<string> {
  const [row] = await t.database.db
    .insert(supervisionInspections)
    .values({
      authorityId,
      countyBoardId: ids.skane,
      kind: 'ad_hoc',
      year: 2026,
      plannedOn: '2026-11-02',
      trigger: 'complaint',
      createdBy: ids.inspector,
      ...values,
    })
    .returning({ id: supervisionInspections.id });
  if (row === undefined) throw new Error('supervision fixture: no inspection');
  return row.id;
}
