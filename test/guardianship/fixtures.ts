/**
 * Builders for the guardianship tests and matrix cases: a god man in a registry, a permit, and a machine state set
 * directly (test setup only). Each test takes a fresh arriving child of its own (test/support/arrivals.ts), so that
 * no other capability's test moves it.
 */
import type { TestApp } from '../support/app.ts';

export async function setGuardianshipState(
  t: TestApp,
  childId: string,
  state: string,
  version = 1,
): Promise<void> {
  await t.database.raw.query(
    `insert into case_states (child_id, machine, state, version, updated_at) values ($1, 'guardianship', $2, $3, now())
     on conflict (child_id, machine) do update set state = excluded.state, version = excluded.version`,
    [childId, state, version],
  );
}

export async function grantPermit(t: TestApp, childId: string, decidedOn = '2026-11-10'): Promise<void> {
  await t.database.raw.query(
    `insert into asylum_cases (child_id, applied_on, interview_dates, decision, decided_on) values ($1, '2026-11-02', '{}', 'permanent_permit', $2)
     on conflict (child_id) do update set decision = excluded.decision, decided_on = excluded.decided_on`,
    [childId, decidedOn],
  );
}

/** A god man's profile in the registries of `codes` (written directly: test setup). */
export async function profile(
  t: TestApp,
  userId: string,
  codes: readonly string[],
  languages: readonly string[] = ['dari', 'svenska'],
  available = true,
): Promise<void> {
  await t.database.raw.query(
    `insert into god_man_profiles (user_id, phone, email, languages, municipality_codes, available) values ($1, '070-123 45 67', 'gm@example.se', $2, $3, $4)
     on conflict (user_id) do update set languages = excluded.languages, municipality_codes = excluded.municipality_codes, available = excluded.available`,
    [userId, [...languages], [...codes], available],
  );
}

export async function count(
  t: TestApp,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await t.database.raw.query<{ n: number | string }>(
    `select count(*) as n from ${table} where ${where}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}
