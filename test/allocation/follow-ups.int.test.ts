/**
 * The follow-ups of an allocation decision run after its commit (ADR 0023): a failure there leaves the decision
 * standing and its follow-ups pending, never lost — the sweeper runs them, and a correction runs them first.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPendingFollowUps } from '../../src/case/pending-follow-ups.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';

let t: TestApp;
let officer: Session;
const logLines: string[] = [];

const considerations = { relatives: null, siblings: null, specialNeeds: null, childsWishes: null };

beforeAll(async () => {
  t = await startTestApp({
    logTo: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

const arrive = (lastName: string) =>
  arrivedChild(t, {
    session: officer,
    municipalityCode: '0180',
    arrivalDate: '2026-11-22',
    fields: { firstName: 'Yonas', lastName, citizenship: 'Eritrea', languages: ['tigrinja'] },
  });

async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.raw.query<T>(text, params)).rows;
}

/** Where the child's responsibility lies now, and whether a hand-over to it was opened. */
async function followed(childId: string) {
  const [period] = await rows<{ code: string; kind: string }>(
    'select municipality_code as code, kind from responsibility_periods where child_id = $1 and to_date is null',
    [childId],
  );
  const handovers = await rows<{ to_code: string }>('select to_code from handovers where child_id = $1', [
    childId,
  ]);
  return { period, handovers: handovers.map((h) => h.to_code) };
}

/** Every hand-over refused by the database while `during` runs: a follow-up that fails after the commit. */
async function withFailingHandovers<T>(during: () => Promise<T>): Promise<T> {
  await t.database.raw.exec(`
    create or replace function test_refuse_handover() returns trigger language plpgsql as $$
    begin raise exception 'refused by the test'; end $$;
    create trigger test_refuse_handover before insert on handovers for each row execute function test_refuse_handover();`);
  try {
    return await during();
  } finally {
    await t.database.raw.exec(
      'drop trigger test_refuse_handover on handovers; drop function test_refuse_handover();',
    );
  }
}

const pending = () =>
  rows<{ decision_id: string; attempts: number; last_error: string | null; corrected_from: string | null }>(
    'select decision_id, attempts, last_error, corrected_from from pending_follow_ups order by created_at',
  );

describe('the follow-ups of an allocation decision', () => {
  it('run before the answer goes out and leave nothing pending', async () => {
    const child = await arrive('Först');
    const res = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision/by-rule`, {
      considerations,
    });
    expect(res.statusCode).toBe(201);
    const { municipalityCode } = res.json<{ municipalityCode: string }>();
    expect(await followed(child)).toEqual({
      period: { code: municipalityCode, kind: 'assigned' },
      handovers: [municipalityCode],
    });
    expect(await pending()).toEqual([]);
  });

  it('when they fail after the commit, the decision stands, they stay pending without personal data, and the sweeper runs them', async () => {
    const child = await arrive('Väntar');
    const res = await withFailingHandovers(() =>
      t.request(officer, 'POST', `/api/allocation/children/${child}/decision/by-rule`, { considerations }),
    );
    expect(res.statusCode).toBe(201);
    const { id, municipalityCode } = res.json<{ id: string; municipalityCode: string }>();
    // The decision is recorded; nothing of what follows it is (the follow-ups' transaction rolled back whole).
    expect(await rows('select id from anvisning_decisions where id = $1', [id])).toHaveLength(1);
    expect((await followed(child)).period).toEqual({ code: '0180', kind: 'arrival' });
    expect(await pending()).toEqual([
      {
        decision_id: id,
        attempts: 1,
        last_error: expect.stringMatching(/P0001/) as string,
        corrected_from: null,
      },
    ]);
    const logged = logLines.filter((l) => l.includes('work after the commit failed'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toMatch(/Yonas|Väntar|refused by the test/);

    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/^anvisa_allocation_follow_ups_pending 1$/m);

    // Within the grace period the sweeper leaves it to the request; after it, it runs it once.
    expect(await sweepPendingFollowUps(t.database.db, 3600)).toEqual({ ran: 0, failed: 0 });
    expect(await sweepPendingFollowUps(t.database.db, 0)).toEqual({ ran: 1, failed: 0 });
    expect(await followed(child)).toEqual({
      period: { code: municipalityCode, kind: 'assigned' },
      handovers: [municipalityCode],
    });
    expect(await pending()).toEqual([]);
    expect(await sweepPendingFollowUps(t.database.db, 0)).toEqual({ ran: 0, failed: 0 });
  });

  it('a correction runs the follow-ups its decision left pending first, then its own', async () => {
    const child = await arrive('Rättas');
    const res = await withFailingHandovers(() =>
      t.request(officer, 'POST', `/api/allocation/children/${child}/decision/by-rule`, { considerations }),
    );
    const decision = res.json<{ id: string; municipalityCode: string }>();
    expect(await pending()).toHaveLength(1);
    const corrected = decision.municipalityCode === '1280' ? '0380' : '1280';
    const correction = await t.request(
      officer,
      'POST',
      `/api/allocation/decisions/${decision.id}/correction`,
      {
        municipalityCode: corrected,
        reason: 'Barnets morbror bor i kommunen enligt nya uppgifter',
      },
    );
    expect(correction.statusCode).toBe(201);
    expect(await pending()).toEqual([]);
    // As if both had followed at once: the decided municipality's period, then the corrected one's.
    expect(await followed(child)).toEqual({
      period: { code: corrected, kind: 'assigned' },
      handovers: expect.arrayContaining([corrected]) as string[],
    });
    const periods = await rows<{ code: string }>(
      'select municipality_code as code from responsibility_periods where child_id = $1 order by from_date, created_at',
      [child],
    );
    expect(periods.map((p) => p.code)).toEqual(['0180', decision.municipalityCode, corrected]);
  });
});
