/**
 * The child's record: basic data edited with optimistic concurrency and field history, identifiers validated and
 * normalised, and two records of the same child merged by the responsible organisation — every row moved, recorded,
 * and undone exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityNumberFor } from '../../src/domain/search/identity-number.ts';
import { aChild, aProvider, setState } from '../placement/fixtures.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { KEPT_TABLES, KEYED_TABLES, MOVED_TABLES } from '../../src/children/merge.ts';

let t: TestApp;
let sara: Session;
let karin: Session;

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
  karin = await t.login('karin.berg');
});
afterAll(async () => t.close());

interface RecordAnswer {
  version: number;
  firstName: string;
  lastName: string;
  statedBirthDate: string | null;
  identifiers: { kind: string; value: string }[];
  mayMerge: boolean;
  merges: { id: string; mergedId: string; revertedAt: string | null }[];
}

describe('editing the basic data', () => {
  it('changes only what changed, records each field with old and new value, who and when', async () => {
    const childId = await aChild(t, { dossier: '67000001' });
    const before = (await t.request(sara, 'GET', `/api/children/${childId}/record`)).json<RecordAnswer>();
    expect(before).toMatchObject({ version: 1, firstName: 'Test', statedBirthDate: null });
    const res = await t.request(sara, 'POST', `/api/children/${childId}/basic-data`, {
      version: 1,
      firstName: 'Ahmed',
      lastName: before.lastName,
      statedBirthDate: '2011-01-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RecordAnswer>()).toMatchObject({
      version: 2,
      firstName: 'Ahmed',
      statedBirthDate: '2011-01-01',
    });
    const history = (await t.request(sara, 'GET', `/api/children/${childId}/history`)).json<
      { field: string; oldValue: string | null; newValue: string | null; changedBy: string }[]
    >();
    expect(history.map((h) => [h.field, h.oldValue, h.newValue, h.changedBy]).sort()).toEqual([
      ['firstName', 'Test', 'Ahmed', 'Sara Lind'],
      ['statedBirthDate', null, '2011-01-01', 'Sara Lind'],
    ]);
  });

  it('a stale edit gets 409 with the record as it is now and who changed it, and changes nothing', async () => {
    const childId = await aChild(t, { dossier: '67000002' });
    expect(
      (
        await t.request(karin, 'POST', `/api/children/${childId}/basic-data`, {
          version: 1,
          firstName: 'Ahmad',
        })
      ).statusCode,
    ).toBe(200);
    const res = await t.request(sara, 'POST', `/api/children/${childId}/basic-data`, {
      version: 1,
      firstName: 'Achmed',
      gender: 'female',
    });
    expect(res.statusCode).toBe(409);
    const error = res.json<{
      error: {
        code: string;
        current: { record: RecordAnswer; lastChange: { changedBy: string; fields: string[] } };
      };
    }>().error;
    expect(error.code).toBe('stale');
    expect(error.current.record).toMatchObject({ version: 2, firstName: 'Ahmad' });
    expect(error.current.lastChange).toMatchObject({ changedBy: 'Karin Berg', fields: ['firstName'] });
    const now = (await t.request(sara, 'GET', `/api/children/${childId}/record`)).json<RecordAnswer>();
    expect(now).toMatchObject({ version: 2, firstName: 'Ahmad' });
    // Re-applied on the current version, it goes through.
    expect(
      (
        await t.request(sara, 'POST', `/api/children/${childId}/basic-data`, {
          version: 2,
          firstName: 'Achmed',
          gender: 'female',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a stated birth date in the future, and a masked identity is not edited blind', async () => {
    const childId = await aChild(t, { dossier: '67000003' });
    const future = await t.request(sara, 'POST', `/api/children/${childId}/basic-data`, {
      version: 1,
      statedBirthDate: '2027-01-01',
    });
    expect(future.statusCode).toBe(422);
    const canary = await t.childByDossier('20000100');
    expect(
      (await t.request(await t.login('ali.hassan'), 'GET', `/api/children/${canary}/record`)).statusCode,
    ).toBe(403);
    expect((await t.request(sara, 'GET', `/api/children/${canary}/record`)).statusCode).toBe(200);
  });
});

describe('identifiers', () => {
  it('validates a personnummer with the package, answers in Swedish, and knows a samordningsnummer from a personnummer', async () => {
    const childId = await aChild(t, { dossier: '67000004' });
    const bad = await t.request(sara, 'POST', `/api/children/${childId}/identifiers`, {
      kind: 'personnummer',
      value: '20110203-4171',
    });
    expect(bad.statusCode).toBe(400);
    const [problem, ...more] = bad.json<{
      error: { fields: { field: string; code: string; message: string }[] };
    }>().error.fields;
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ field: 'body.value', code: 'personnummer_invalid' });
    expect(problem?.message).toMatch(/^Ogiltigt person- eller samordningsnummer/);
    const coordination = identityNumberFor('2011-02-03', 12, 'samordningsnummer');
    const wrongKind = await t.request(sara, 'POST', `/api/children/${childId}/identifiers`, {
      kind: 'personnummer',
      value: coordination,
    });
    expect(wrongKind.json<{ error: { fields: { code: string }[] } }>().error.fields[0]?.code).toBe(
      'is_samordningsnummer',
    );
    const ok = await t.request(sara, 'POST', `/api/children/${childId}/identifiers`, {
      kind: 'samordningsnummer',
      value: `${coordination.slice(2, 8)}-${coordination.slice(8)}`,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ value: string }>().value).toBe(coordination);
    const other = await aChild(t, { dossier: '67000005' });
    const taken = await t.request(sara, 'POST', `/api/children/${other}/identifiers`, {
      kind: 'samordningsnummer',
      value: coordination,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).not.toContain(childId);
    const record = (await t.request(sara, 'GET', `/api/children/${childId}/record`)).json<RecordAnswer>();
    expect(record.identifiers).toEqual([
      expect.objectContaining({ kind: 'samordningsnummer', value: coordination }),
    ]);
    const history = (await t.request(sara, 'GET', `/api/children/${childId}/history`)).json<
      { entity: string; field: string; newValue: string }[]
    >();
    expect(history).toEqual([
      expect.objectContaining({
        entity: 'child_identifier',
        field: 'samordningsnummer',
        newValue: coordination,
      }),
    ]);
  });
});

/** Every row of every table with a child_id, for the given children, as JSON (the merge must give them all back). */
async function snapshot(ids: readonly string[]): Promise<Record<string, string[]>> {
  // The audit log's child index grows with every audited request (the merge and its undoing too): not a record's data.
  const tables = (await childTables()).filter((table) => table !== 'audit_event_children');
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await t.database.raw.query<{ row: string }>(
      `select row_to_json(x)::text as row from ${table} x where child_id = any($1::uuid[])`,
      [ids],
    );
    out[table] = rows.map((r) => r.row).sort();
  }
  return out;
}

async function childTables(): Promise<string[]> {
  const { rows } = await t.database.raw.query<{ table_name: string }>(
    "select table_name from information_schema.columns where column_name = 'child_id' and table_schema = current_schema() order by 1",
  );
  return rows.map((r) => r.table_name);
}

/** Rows in (nearly) every table for a child: what a record that lived a while has. */
async function fill(childId: string, o: { machines?: Record<string, string> } = {}) {
  const q = (sql: string, params: unknown[] = []) => t.database.raw.query(sql, params);
  const user = await t.userId('sara.lind');
  const org = (
    await q("select id from organisations where type = 'municipality' and municipality_code = '1280'")
  ).rows[0] as { id: string };
  const provider = await aProvider(t, { name: `HVB ${childId.slice(0, 6)}` });
  await q(
    `insert into case_events (child_id, machine, event, from_state, to_state, occurred_on, recorded_at) values ($1, 'school', 'enrol', 'not_enrolled', 'enrolled', '2026-11-01', now())`,
    [childId],
  );
  await q(
    `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'care-review', '2027-04-01', '2026-10-01', 'social_services', '1280')`,
    [childId],
  );
  await q(
    `insert into journal_entries (child_id, owner_organisation_id, author_user_id, body) values ($1, $2, $3, 'Samtal')`,
    [childId, org.id, user],
  );
  await q(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by) values ($1, '1280', $2, 'hvb', 'SoL', '2026-10-02', '2026-10-20', $3)`,
    [childId, provider, user],
  );
  await q(
    `insert into school_enrolments (child_id, municipality_code, school, programme, enrolled_on, recorded_by) values ($1, '1280', 'Skola', 'språkintroduktion', '2026-11-01', $2)`,
    [childId, user],
  );
  await q(
    `insert into health_examinations (child_id, county_code, offered_on, recorded_by) values ($1, '12', '2026-11-02', $2)`,
    [childId, user],
  );
  await q(
    `insert into age_records (child_id, kind, birth_date, decided_on) values ($1, 'stated', '2011-04-04', '2026-10-01')`,
    [childId],
  );
  await q(
    `insert into notifications (user_id, kind, child_id, created_at) values ($1, 'incoming_child', $2, now())`,
    [user, childId],
  );
  await q(
    `insert into case_documents (child_id, owner_organisation_id, title, file_name, media_type, size_bytes, sha256, content, uploaded_by) values ($1, $2, 'Beslut', 'b.pdf', 'application/pdf', 3, 'x', '\\x010203', $3)`,
    [childId, org.id, user],
  );
  await q(
    `insert into field_changes (child_id, entity, entity_id, field, old_value, new_value, changed_by, changed_at) values ($1, 'child', $1, 'firstName', '"A"', '"B"', $2, now())`,
    [childId, user],
  );
  await q(`insert into case_officers (child_id, user_id) values ($1, $2)`, [
    childId,
    await t.userId('anna.alm'),
  ]);
  await q(
    `insert into asylum_cases (child_id, applied_on, interview_dates) values ($1, '2026-09-01', array['2026-12-08']::date[])`,
    [childId],
  );
  for (const [machine, state] of Object.entries(o.machines ?? { school: 'enrolled' }))
    await setState(t, childId, machine, state);
}

describe('merging two records of the same child', () => {
  it('lists every table with a child_id as moved, keyed or kept', async () => {
    const known = new Set<string>([...MOVED_TABLES, ...KEYED_TABLES, ...KEPT_TABLES]);
    expect((await childTables()).filter((table) => !known.has(table))).toEqual([]);
  });

  it('moves every row to the surviving record, points from the merged one, and undoing restores every row', async () => {
    const survivor = await aChild(t, { dossier: '67000010', assignedWorker: 'sara.lind' });
    const merged = await aChild(t, { dossier: '67000011', godMan: 'hans.gren' });
    await fill(merged);
    const before = await snapshot([survivor, merged]);

    const res = await t.request(karin, 'POST', `/api/children/${survivor}/merge`, {
      mergedId: merged,
      reason: 'Registrerad två gånger vid ankomst',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { mergeId, moved } = res.json<{ mergeId: string; moved: Record<string, number> }>();
    expect(moved).toMatchObject({
      deadlines: 1,
      case_events: 1,
      journal_entries: 1,
      placements: 1,
      responsibility_periods: 1,
      guardianships: 1,
      case_states: 1,
    });

    const pointer = await t.request(karin, 'GET', `/api/children/${merged}`);
    expect(pointer.statusCode).toBe(301);
    expect(pointer.json()).toEqual({ mergedInto: { id: survivor, dossierNumber: '67000010' } });
    expect(pointer.headers.location).toBe(`/api/children/${survivor}`);
    expect(
      (await t.request(karin, 'GET', `/api/children/${merged}/overview`)).json<{ error: { code: string } }>()
        .error.code,
    ).toBe('merged');
    const survivorRecord = (
      await t.request(karin, 'GET', `/api/children/${survivor}/record`)
    ).json<RecordAnswer>();
    expect(survivorRecord.identifiers).toContainEqual(
      expect.objectContaining({ kind: 'dossier', value: '67000011' }),
    );
    expect(survivorRecord.merges).toEqual([
      expect.objectContaining({ id: mergeId, mergedId: merged, revertedAt: null }),
    ]);
    const found = (await t.request(karin, 'GET', '/api/children?q=67000011')).json<{
      items: { id: string }[];
    }>();
    expect(found.items.map((i) => i.id)).toEqual([survivor]);
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from deadlines where child_id = $1',
      [merged],
    );
    expect(Number(rows[0]?.n)).toBe(0);
    const events = await t.database.raw.query<{ kind: string }>(
      'select kind from audit_events where $1 = any(child_ids) and kind = $2',
      [merged, 'child.merge'],
    );
    expect(events.rows).toHaveLength(1);

    const undo = await t.request(karin, 'POST', `/api/children/${survivor}/unmerge`, { mergeId });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await snapshot([survivor, merged])).toEqual(before);
    expect((await t.request(karin, 'GET', `/api/children/${merged}`)).statusCode).toBe(200);
    expect(
      (await t.request(karin, 'POST', `/api/children/${survivor}/unmerge`, { mergeId })).statusCode,
    ).toBe(409);
  });

  it('refuses two live states of the same sub-process, naming it, until the user chooses; undoing swaps back', async () => {
    const survivor = await aChild(t, { dossier: '67000020' });
    const merged = await aChild(t, { dossier: '67000021' });
    await setState(t, survivor, 'placement', 'placed');
    await fill(merged, { machines: { placement: 'ended', health: 'done' } });
    const before = await snapshot([survivor, merged]);
    const refused = await t.request(karin, 'POST', `/api/children/${survivor}/merge`, {
      mergedId: merged,
      reason: 'Samma barn, två poster',
    });
    expect(refused.statusCode).toBe(409);
    const error = refused.json<{ error: { code: string; fields: { field: string; code: string }[] } }>()
      .error;
    expect(error.code).toBe('merge_conflict');
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'keep.placement', code: 'both_in_progress' }),
    ]);
    expect(await snapshot([survivor, merged])).toEqual(before);

    const res = await t.request(karin, 'POST', `/api/children/${survivor}/merge`, {
      mergedId: merged,
      reason: 'Samma barn, två poster',
      keep: { placement: 'merged' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const states = await t.database.raw.query<{ machine: string; state: string }>(
      'select machine, state from case_states where child_id = $1 order by machine',
      [survivor],
    );
    expect(states.rows).toEqual([
      { machine: 'health', state: 'done' },
      { machine: 'placement', state: 'ended' },
    ]);
    const { mergeId } = res.json<{ mergeId: string }>();
    expect(
      (await t.request(karin, 'POST', `/api/children/${survivor}/unmerge`, { mergeId })).statusCode,
    ).toBe(200);
    expect(await snapshot([survivor, merged])).toEqual(before);
  });

  it('is for the responsible organisation: the Migration Agency merges children not yet assigned, not a municipality’s', async () => {
    const anna = await t.login('anna.alm');
    const register = async (dossierNumber: string) => {
      const res = await t.request(anna, 'POST', '/api/children', {
        dossierNumber,
        firstName: 'Husain',
        lastName: 'Rezai',
        birthDate: '2011-06-06',
        gender: 'male',
        arrivalMunicipalityCode: '0180',
        arrivalDate: '2026-11-20',
      });
      return res.json<{ id: string }>().id;
    };
    const a = await register('67000030');
    const b = await register('67000031');
    const duplicates = await t.request(
      anna,
      'GET',
      '/api/children/duplicates?firstName=Hussein&lastName=Rezaei&birthDate=2011-06-06',
    );
    expect(
      duplicates
        .json<{ child: { id: string } }[]>()
        .map((d) => d.child.id)
        .sort(),
    ).toEqual([a, b].sort());
    expect(
      (
        await t.request(anna, 'POST', `/api/children/${a}/merge`, {
          mergedId: b,
          reason: 'Samma barn registrerat två gånger',
        })
      ).statusCode,
    ).toBe(201);
    const malmo = await aChild(t, { dossier: '67000032' });
    const other = await aChild(t, { dossier: '67000033' });
    expect(
      (
        await t.request(anna, 'POST', `/api/children/${malmo}/merge`, {
          mergedId: other,
          reason: 'Samma barn registrerat två gånger',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(sara, 'POST', `/api/children/${malmo}/merge`, {
          mergedId: other,
          reason: 'Samma barn registrerat två gånger',
        })
      ).statusCode,
    ).toBe(403);
  });
});
