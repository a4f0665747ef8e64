/**
 * Children of a municipality's with the facts compensation rests on, written straight to the tables (as the
 * compensation view's test does): responsibility periods and placements. For the payouts' integration test and their
 * matrix cases.
 */
import type { TestApp } from '../support/app.ts';

const first = async (t: TestApp, text: string, values: unknown[]) =>
  (await t.database.raw.query<{ id: string }>(text, values)).rows[0]?.id ?? '';

/**
 * A child owned by `code`, without an anvisning decision: its first `assigned` period stands for the anvisning
 * (src/compensation/facts.ts), so no decision is written past the allocation ledger's back.
 */
export async function aChild(t: TestApp, dossier: string, birthDate: string, code = '1280'): Promise<string> {
  return first(
    t,
    `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
     select $1, 'Testbarn', $2, $3, 'male', id from organisations
     where type = 'municipality' and municipality_code = $4 returning id`,
    [dossier, `Utbetalning ${dossier}`, birthDate, code],
  );
}

export async function aPeriod(t: TestApp, childId: string, code: string, from: string, to: string | null) {
  await t.database.raw.query(
    `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id)
     select $1, $2, 'assigned', $3, $4, id from organisations where type = 'municipality' and municipality_code = $2`,
    [childId, code, from, to],
  );
}

/** A placement by `code` with one of its providers. */
export async function aPlacement(
  t: TestApp,
  childId: string,
  from: string,
  to: string | null,
  code = '1280',
): Promise<string> {
  return first(
    t,
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by)
     select $1, $2, p.id, 'hvb', 'SoL', $3, $4, (select id from users where subject = 'dev:sara.lind')
     from placement_providers p where p.municipality_code = $2 order by p.name limit 1 returning id`,
    [childId, code, from, to],
  );
}
