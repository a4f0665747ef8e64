/**
 * The canary: a protected child with a unique name and address. Nothing reachable by an uncleared role — any
 * route, list, search, export, log line or audit row — may ever carry them. Cleared users do see them, so the
 * test would notice if the canary were simply missing.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY } from '../../src/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { coreRoutes } from '../../src/server/routes.ts';

const SECRETS = [CANARY.firstName, CANARY.lastName, 'Kanariegatan'];
const UNCLEARED = [
  'jonas.berg',
  'ali.hassan',
  'elin.dahl',
  'johan.nilsson',
  'per.ek',
  'hans.gren',
  'lena.holm',
  'omar.said',
  'eva.strom',
  'mv.dso',
  'mv.admin',
  'malmo.dso',
  'malmo.admin',
  'sundsvall.dso',
  'maria.lst',
  'tove.mitt',
  // In scope: the canary is placed with his HVB below.
  'nils.persson',
];
const CLEARED = ['sara.lind', 'karin.berg', 'birgitta.sjo', 'anna.alm'];

let t: TestApp;
let canaryId: string;
const ids: Record<string, string> = {};
const logLines: string[] = [];

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
}

/** Every GET route, with the canary's id in the path and its name as a search term. */
function readUrls(): string[] {
  return coreRoutes
    .filter((r) => r.method === 'GET')
    .map((r) =>
      r.url.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
        name === 'childId' ? canaryId : (ids[name] ?? '00000000-0000-4000-8000-000000000000'),
      ),
    )
    .flatMap((url) =>
      url === '/api/children'
        ? [url, `/api/children?q=${CANARY.firstName}`, '/api/children?q=20000100']
        : [url],
    )
    .flatMap((url) => (url === '/api/audit/events' ? [url, '/api/audit/events?dossier=20000100'] : [url]));
}

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  t = await startTestApp({ logTo: stream });
  canaryId = await t.childByDossier('20000100');
  const first = async (query: string) =>
    (await t.database.raw.query<{ id: string }>(query)).rows[0]?.id ?? '';
  ids.decisionId = await first(
    `select id from anvisning_decisions where child_ids @> array['${canaryId}']::uuid[]`,
  );
  ids.versionId = await first('select id from share_versions limit 1');
  ids.userId = await first("select id from users where subject = 'dev:sara.lind'");
  expect(ids.decisionId).not.toBe('');
  // The canary lives at the HVB whose staff Nils Persson is: in his scope, and still masked for him.
  await t.database.raw.query(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, decided_by)
     select $1, '1280', o.provider_id, 'hvb', 'SoL', '2026-11-02', $2 from organisations o where o.type = 'provider'`,
    [canaryId, ids.userId],
  );
  const staff = await t.login('nils.persson');
  expect((await t.request(staff, 'GET', `/api/children/${canaryId}`)).statusCode).toBe(200);

  // The canary goes missing from home (issue 12): a search with the police, and Lund, where the child turns up, records
  // the emergency care it gives through an emergency grant — with the canary's address in the place, as it might be.
  const sara = await t.login('sara.lind');
  const reported = await t.request(sara, 'POST', `/api/children/${canaryId}/missing`, {
    kind: 'missing',
    lastSeenAt: '2026-11-22T20:00:00+01:00',
    lastSeenPlace: CANARY.whereabouts,
    policeReference: '5000-K100-26',
    policeReportedAt: '2026-11-22T22:00:00+01:00',
  });
  expect(reported.statusCode, reported.body).toBe(201);
  ids.episodeId = reported.json<{ episodes: { id: string }[] }>().episodes[0]?.id ?? '';
  const lund = await t.login('elin.dahl', 'Lund kommun, socialtjänsten');
  const grant = await t.request(lund, 'POST', '/api/emergency-access', {
    dossierNumber: '20000100',
    reason: 'Barnet har påträffats i Lund i natt och fått akut omsorg här.',
    hours: 2,
  });
  expect(grant.statusCode, grant.body).toBe(201);
  const care = await t.request(
    lund,
    'POST',
    `/api/children/${canaryId}/missing/${ids.episodeId}/emergency-care`,
    {
      startedAt: '2026-11-23T01:00:00+01:00',
      place: `Jourhem nära ${CANARY.whereabouts}`,
      care: 'jourhem',
      description: 'Mat, sömn och samtal med tolk.',
      contactName: 'Socialjouren i Lund',
      contactPhone: '046-35 50 00',
    },
  );
  expect(care.statusCode, care.body).toBe(201);
});
afterAll(async () => t.close());

describe('a child with a protected identity', () => {
  it('is shown by name to those cleared by their relation to the child', async () => {
    for (const key of CLEARED) {
      const res = await t.request(await t.login(key), 'GET', `/api/children/${canaryId}`);
      expect(res.statusCode, key).toBe(200);
      expect(res.json<{ firstName: string | null }>().firstName, key).toBe(CANARY.firstName);
    }
  });

  it.each(UNCLEARED)('never reaches %s through any route, search or export', async (key) => {
    const session = await t.login(key);
    for (const url of readUrls()) {
      const res = await t.request(session, 'GET', url);
      expect(leaks(res.body), `${key} GET ${url}`).toEqual([]);
    }
  });

  it('is named to the police while the search is open (they cannot search for a child they cannot identify), never where the child lives or was last seen', async () => {
    const police = await t.login('nils.polis');
    const list = await t.request(police, 'GET', '/api/police/missing');
    expect(list.body).toContain(CANARY.firstName);
    for (const url of readUrls()) {
      const res = await t.request(police, 'GET', url);
      expect(
        leaks(res.body).filter((s) => s === 'Kanariegatan'),
        `nils.polis GET ${url}`,
      ).toEqual([]);
    }
  });

  it('is named by dossier number only in the data protection officer’s log, which finds it by that number', async () => {
    await t.request(await t.login('sara.lind'), 'GET', `/api/children/${canaryId}`);
    const res = await t.request(await t.login('malmo.dso'), 'GET', '/api/audit/events?dossier=20000100');
    const entries = res.json<{
      entries: { childCount: number; children: { id: string; dossierNumber: string }[] }[];
    }>().entries;
    // A list's entry gives a count only; every other entry names the child by its number.
    const named = entries.filter((e) => e.childCount <= 3);
    expect(named.length).toBeGreaterThan(0);
    for (const entry of named)
      expect(entry.children).toContainEqual({ id: canaryId, dossierNumber: '20000100' });
    expect(leaks(res.body)).toEqual([]);
  });

  it('a masked child is found by dossier number but never by its name', async () => {
    const session = await t.login('ali.hassan');
    const byName = (await t.request(session, 'GET', `/api/children?q=${CANARY.firstName}`)).json<{
      total: number;
    }>();
    expect(byName.total).toBe(0);
    const byNumber = (await t.request(session, 'GET', '/api/children?q=20000100')).json<{
      items: { identityMasked: boolean }[];
    }>();
    expect(byNumber.items.map((i) => i.identityMasked)).toEqual([true]);
  });

  it('stays out of the log when a request about the child fails in the database, and the failure is audited', async () => {
    // The database refuses the write and quotes the row in its message, as a constraint's detail would; the query's
    // parameters (the note) are in the driver's error too. Neither may reach a log line.
    await t.database.raw.query(`create function canary_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused: %', new.body; end $$`);
    await t.database.raw.query(
      'create trigger canary_refuse before insert on journal_entries for each row execute function canary_refuse()',
    );
    try {
      const session = await t.login('sara.lind');
      const before = logLines.length;
      const note = `${CANARY.firstName} ${CANARY.lastName} bor nu på ${CANARY.whereabouts}`;
      const res = await t.request(session, 'POST', `/api/children/${canaryId}/journal`, { body: note });
      expect(res.statusCode).toBe(500);
      expect(leaks(res.body)).toEqual([]);
      const requestId = res.json<{ error: { requestId: string } }>().error.requestId;
      const lines = logLines.slice(before).join('');
      expect(leaks(lines)).toEqual([]);
      expect(lines).toContain('"code":"P0001"');
      expect(lines).toContain(requestId);
      expect(lines).toContain('POST /api/children/:childId/journal');
      const audited = await t.database.raw.query<{ outcome: string; child_ids: string[] }>(
        'select outcome, child_ids from audit_events where request_id = $1',
        [requestId],
      );
      expect(audited.rows).toEqual([{ outcome: 'failed', child_ids: [canaryId] }]);
    } finally {
      await t.database.raw.query('drop trigger canary_refuse on journal_entries');
    }
  });

  it('never appears in a log line or an audit row', async () => {
    const all = await t.database.raw.query<{ row: string }>(
      'select row_to_json(a)::text as row from audit_events a',
    );
    expect(all.rows.length).toBeGreaterThan(10);
    expect(leaks(all.rows.map((r) => r.row).join('\n'))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(10);
    expect(leaks(logLines.join(''))).toEqual([]);
  });
});
