/**
 * A take-over request by a municipality that is not responsible (ADR 0016): it opens no view of the child until the
 * responsible municipality confirms; an unknown dossier number and one the caller cannot ask for get the same answer;
 * every attempt is audited with the child linked when there is one; attempts are limited per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { ARRIVAL, assignedChild } from './fixtures.ts';

let t: TestApp;
let officer: Session;
let malmo: Session;
let sundsvall: Session;
let malmoDpo: Session;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.raw.query<T>(sql, params)).rows;
}
async function childRecord(childId: string): Promise<{ dossier: string; birthDate: string }> {
  const [row] = await rows<{ dossier: string; birth_date: string }>(
    "select dossier_number as dossier, to_char(birth_date, 'YYYY-MM-DD') as birth_date from children where id = $1",
    [childId],
  );
  if (row === undefined) throw new Error('no such child');
  return { dossier: row.dossier, birthDate: row.birth_date };
}
const ask = (s: Session, dossierNumber: string, birthDate: string) =>
  t.request(s, 'POST', '/api/transfers', {
    dossierNumber,
    birthDate,
    reason: 'Barnet bor nu hos sin moster i Sundsvall',
    proposedFrom: '2026-12-01',
  });
/** The answer without what differs on every request. */
const shape = (res: { statusCode: number; json: <T>() => T }) => {
  const body = res.json<{ error: Record<string, unknown> }>();
  return { status: res.statusCode, error: { ...body.error, requestId: typeof body.error.requestId } };
};

beforeAll(async () => {
  t = await startTestApp({ env: { TRANSFER_REQUEST_RATE_LIMIT_PER_HOUR: '40' } });
  officer = await t.login('anna.alm');
  malmo = await t.login('sara.lind');
  sundsvall = await t.login('johan.nilsson');
  malmoDpo = await t.login('malmo.dso');
});
afterAll(async () => t.close());

describe('a take-over request by a municipality that is not responsible', () => {
  it('opens no view of the child before the responsible municipality confirms (demo child 20000110)', async () => {
    const childId = await t.childByDossier('20000110');
    const { birthDate } = await childRecord(childId);
    expect((await t.request(sundsvall, 'GET', `/api/children/${childId}`)).statusCode).toBe(404);
    const asked = await ask(sundsvall, '20000110', birthDate);
    expect(asked.statusCode, asked.body).toBe(201);
    // Only the request and what the asker typed: no child id, no responsible municipality.
    expect(Object.keys(asked.json<object>()).sort()).toEqual(['dossierNumber', 'id', 'status']);
    expect(asked.json()).toMatchObject({ dossierNumber: '20000110', status: 'requested' });
    expect((await t.request(sundsvall, 'GET', `/api/children/${childId}`)).statusCode).toBe(404);
    expect((await t.request(sundsvall, 'GET', `/api/children/${childId}/responsibility`)).statusCode).toBe(
      404,
    );
    const search = await t.request(sundsvall, 'GET', '/api/children?q=20000110');
    expect(search.body).not.toContain(childId);
    const [row] = (await t.request(sundsvall, 'GET', '/api/transfers')).json<Record<string, unknown>[]>();
    expect(row).toMatchObject({
      id: asked.json<{ id: string }>().id,
      child: null,
      dossierNumber: '20000110',
      from: null,
      relation: 'requester',
      status: 'requested',
    });
    expect(JSON.stringify(row)).not.toContain(birthDate);
    // Withdrawn, so that the demo child's transfer machine is free for the other cases.
    const withdrawn = await t.request(
      sundsvall,
      'POST',
      `/api/transfers/${asked.json<{ id: string }>().id}/withdraw`,
      {},
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });

  it('sees the child once the responsible municipality confirms', async () => {
    const childId = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    const { dossier, birthDate } = await childRecord(childId);
    const asked = await ask(sundsvall, dossier, birthDate);
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: string }>();
    const incoming = (await t.request(malmo, 'GET', '/api/transfers')).json<
      { id: string; relation: string }[]
    >();
    expect(incoming.find((r) => r.id === id)).toMatchObject({ relation: 'answerer' });
    expect((await t.request(sundsvall, 'GET', `/api/children/${childId}`)).statusCode).toBe(404);
    const confirmed = await t.request(malmo, 'POST', `/api/transfers/${id}/confirm`, {
      transferredOn: '2026-11-23',
      answerNote: null,
      bestInterests: BEST_INTERESTS,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const seen = await t.request(sundsvall, 'GET', `/api/children/${childId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ basis: 'responsible_municipality' });
  });

  it('answers an unknown number and a number it may not ask for in the same way', async () => {
    const stockholm = await assignedChild(t, officer, '0180', { municipalityCode: '0180' });
    const known = await childRecord(stockholm);
    const arriving = await childRecord(
      await arrivedChild(t, { ...ARRIVAL, session: officer, municipalityCode: '0180' }),
    );
    const open = await childRecord(await assignedChild(t, officer, '0180', { municipalityCode: '0180' }));
    expect((await ask(malmo, open.dossier, open.birthDate)).statusCode).toBe(201);
    const answers = [
      await ask(sundsvall, '99999999', known.birthDate), // no such number
      await ask(sundsvall, known.dossier, '2010-01-01'), // a known number with another birth date
      await ask(sundsvall, arriving.dossier, arriving.birthDate), // known, but not yet assigned: nothing to move
      await ask(sundsvall, open.dossier, open.birthDate), // known, with a request already open
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    const shapes = answers.map(shape);
    for (const s of shapes) expect(s).toEqual(shapes[0]);
    expect(Object.keys(answers[1]?.json<object>() ?? {})).toEqual(['error']);
  });

  it('audits every attempt, with the child linked when there is one, for the responsible DPO to see', async () => {
    const childId = await assignedChild(t, officer, '1280', { municipalityCode: '1280' });
    const { dossier, birthDate } = await childRecord(childId);
    const sundsvallUser = await t.userId('johan.nilsson');
    const before = (
      await rows<{ n: string }>('select count(*) as n from audit_events where actor_user_id = $1', [
        sundsvallUser,
      ])
    )[0]?.n;
    expect((await ask(sundsvall, dossier, '2001-01-01')).statusCode).toBe(404);
    expect((await ask(sundsvall, '88888888', birthDate)).statusCode).toBe(404);
    expect((await ask(sundsvall, dossier, birthDate)).statusCode).toBe(201);
    const events = await rows<{ outcome: string; child_ids: string[]; payload: Record<string, unknown> }>(
      `select outcome, child_ids, payload from audit_events
        where actor_user_id = $1 and kind = 'transfer.write' order by insert_seq desc limit 3`,
      [sundsvallUser],
    );
    const after = (
      await rows<{ n: string }>('select count(*) as n from audit_events where actor_user_id = $1', [
        sundsvallUser,
      ])
    )[0]?.n;
    expect(Number(after) - Number(before)).toBe(3);
    expect(events.map((e) => [e.outcome, e.child_ids])).toEqual([
      ['allowed', [childId]],
      ['denied', []],
      ['denied', [childId]],
    ]);
    // The number asked for is kept (it is what the caller typed); a birth date never is.
    expect(events.map((e) => e.payload.dossierNumber)).toEqual([dossier, '88888888', dossier]);
    expect(JSON.stringify(events)).not.toContain('2001-01-01');
    const log = await t.request(malmoDpo, 'GET', `/api/children/${childId}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json<{ items: { outcome?: string; user?: unknown }[] }>();
    expect(JSON.stringify(entries)).toContain('denied');
  });
});

describe('the per-user limit on take-over requests', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { TRANSFER_REQUEST_RATE_LIMIT_PER_HOUR: '3' } });
  });
  afterAll(async () => limited.close());

  it('answers 429 after the limit, audits the refused attempt, and leaves other users alone', async () => {
    const user = await limited.login('johan.nilsson');
    const other = await limited.login('sara.lind');
    const attempt = (s: Session, n: number) =>
      limited.request(s, 'POST', '/api/transfers', {
        dossierNumber: String(99990000 + n),
        birthDate: '2010-01-01',
        reason: 'Prov',
        proposedFrom: '2026-12-01',
      });
    const statuses = [];
    for (let n = 0; n < 5; n++) statuses.push((await attempt(user, n)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const refused = await attempt(user, 9);
    expect(refused.json()).toMatchObject({ error: { code: 'transfer_rate_limited' } });
    expect((await attempt(other, 0)).statusCode).toBe(404);
    const userId = await limited.userId('johan.nilsson');
    const audited = await limited.database.raw.query<{ status: number }>(
      `select (payload->>'status')::int as status from audit_events
        where actor_user_id = $1 and kind = 'transfer.write' and outcome = 'denied' order by insert_seq`,
      [userId],
    );
    expect(audited.rows.map((r) => r.status)).toEqual([404, 404, 404, 429, 429, 429]);
  });
});
