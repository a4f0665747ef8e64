/**
 * Tampering that the chain alone cannot see, caught by a signed checkpoint kept outside the database, by the
 * culling rule and by the cross-check of decisions against their audit events: each is named by
 * `audit verify --checkpoint` (src/cli) with exit 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpoint, auditKeygen, readCheckpoints } from '../../src/cli/audit-commands.ts';
import { auditVerify, run } from '../../src/cli/main.ts';
import { linkHash } from '../../src/domain/audit/chain.ts';
import { auditEvents } from '../../src/platform/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { headerOf, sealPending } from '../../src/audit/chain-store.ts';
import { cullPayloads } from '../../src/audit/cull.ts';
import { replayAll } from '../../src/allocation/replay.ts';
import { eq } from 'drizzle-orm';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-checkpoint-'));
const privateKey = join(dir, 'checkpoint.key');
const publicKey = join(dir, 'checkpoint.pub');
let t: TestApp | null = null;

beforeAll(() => {
  expect(auditKeygen(['--private', privateKey, '--public', publicKey], () => {})).toBe(0);
});
afterEach(async () => {
  await t?.close();
  t = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh database with some honest activity, all of it sealed. */
async function fresh(): Promise<TestApp> {
  t = await startTestApp({ children: 4 });
  const session = await t.login('sara.lind');
  for (let i = 0; i < 4; i++) await t.request(session, 'GET', '/api/children');
  await sealPending(t.database.db, t.clock.now);
  return t;
}

let n = 0;
async function checkpoint(app: TestApp): Promise<string> {
  const file = join(dir, `checkpoint-${++n}.json`);
  expect(
    await auditCheckpoint(app.database, { keyFile: privateKey, outFile: file }, app.clock.now, () => {}),
  ).toBe(0);
  return file;
}

async function verify(app: TestApp, file?: string): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const checkpoints = readCheckpoints({
    checkpointFiles: file === undefined ? [] : [file],
    publicKeyFile: publicKey,
  });
  const code = await auditVerify(app.database, (l) => lines.push(l), checkpoints);
  return { code, text: lines.join('\n') };
}

async function head(app: TestApp): Promise<number> {
  const { rows } = await app.database.raw.query<{ seq: number | string }>(
    'select max(seq) as seq from audit_chain',
  );
  return Number(rows[0]?.seq);
}

async function behindTheTriggers(app: TestApp, sql: () => Promise<unknown>): Promise<void> {
  const triggers = [
    'audit_events audit_events_append_only',
    'audit_chain audit_chain_append_only',
    'anvisning_decisions anvisning_decisions_immutable',
  ];
  for (const x of triggers) await app.database.raw.exec(`alter table ${x.replace(' ', ' disable trigger ')}`);
  try {
    await sql();
  } finally {
    for (const x of triggers)
      await app.database.raw.exec(`alter table ${x.replace(' ', ' enable trigger ')}`);
  }
}

describe('audit verify --checkpoint', () => {
  it('holds on an honest database, also after more activity is sealed', async () => {
    const app = await fresh();
    const file = await checkpoint(app);
    await app.request(await app.login('anna.alm'), 'GET', '/api/children');
    await sealPending(app.database.db, app.clock.now);
    const result = await verify(app, file);
    expect(result.text).toContain('holds');
    expect(result.code).toBe(0);
  });

  it('names the newest sealed links and events deleted (chain shorter than the checkpoint)', async () => {
    const app = await fresh();
    const file = await checkpoint(app);
    const top = await head(app);
    await behindTheTriggers(app, async () => {
      const { rows } = await app.database.raw.query<{ event_id: string }>(
        'delete from audit_chain where seq > $1 returning event_id',
        [top - 2],
      );
      await app.database.raw.query('delete from audit_events where id = any($1::uuid[])', [
        rows.map((r) => r.event_id),
      ]);
    });
    // The chain that is left is consistent: without the checkpoint nothing shows.
    expect((await verify(app)).code).toBe(0);
    const result = await verify(app, file);
    expect(result.code).toBe(1);
    expect(result.text).toContain(`chain shorter than the checkpoint: it ends at link ${top - 2}`);
    expect(result.text).toContain(`links ${top - 1}–${top} lost`);
  });

  it('names an unsealed event deleted after the checkpoint, though the sealer never saw it', async () => {
    const app = await fresh();
    await app.request(await app.login('anna.alm'), 'GET', '/api/children');
    const { rows } = await app.database.raw.query<{ id: string }>(
      "select e.id from audit_events e left join audit_chain c on c.event_id = e.id where c.seq is null and e.kind = 'child.list'",
    );
    expect(rows).toHaveLength(1);
    const file = await checkpoint(app);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { pending: { id: string }[] };
    expect(written.pending.map((p) => p.id)).toContain(rows[0]?.id);
    await behindTheTriggers(app, () =>
      app.database.raw.query('delete from audit_events where id = $1', [rows[0]?.id]),
    );
    await sealPending(app.database.db, app.clock.now);
    expect((await verify(app)).code).toBe(0);
    const result = await verify(app, file);
    expect(result.code).toBe(1);
    expect(result.text).toContain(`event ${rows[0]?.id ?? ''}, not yet sealed at the checkpoint, is missing`);
  });

  it('accepts payloads culled through a chained culling event, and names one set to NULL without it', async () => {
    const app = await fresh();
    // Without a culling event the trigger refuses to null a payload.
    await expect(app.database.raw.exec('update audit_events set payload = null')).rejects.toThrow(
      /append-only/,
    );
    const culledThrough = 3;
    const { culled } = await cullPayloads(app.database.db, culledThrough, null, app.clock.now);
    expect(culled).toBe(culledThrough);
    // A culling covers only the links it names; the trigger still refuses beyond them.
    await expect(
      app.database.raw.exec('update audit_events set payload = null where payload is not null'),
    ).rejects.toThrow(/append-only/);
    const file = await checkpoint(app);
    expect((await verify(app, file)).code).toBe(0);
    const target = culledThrough + 1;
    const { rows } = await app.database.raw.query<{ event_id: string }>(
      'select event_id from audit_chain where seq = $1',
      [target],
    );
    await behindTheTriggers(app, () =>
      app.database.raw.query('update audit_events set payload = null where id = $1', [rows[0]?.event_id]),
    );
    const result = await verify(app, file);
    expect(result.code).toBe(1);
    expect(result.text).toContain(
      `BROKEN at link ${target} (event ${rows[0]?.event_id ?? ''}): payload removed without a culling event`,
    );
  });

  it('names one event rewritten with every later hash recomputed', async () => {
    const app = await fresh();
    const file = await checkpoint(app);
    const top = await head(app);
    const target = 3;
    await behindTheTriggers(app, async () => {
      const { rows } = await app.database.raw.query<{ event_id: string }>(
        'select event_id from audit_chain where seq = $1',
        [target],
      );
      await app.database.raw.query("update audit_events set actor_role = 'administrator' where id = $1", [
        rows[0]?.event_id,
      ]);
      const links = await app.database.raw.query<{
        seq: number | string;
        event_id: string;
        prev_hash: string;
      }>('select seq, event_id, prev_hash from audit_chain where seq >= $1 order by seq', [target]);
      let prevHash = links.rows[0]?.prev_hash ?? '';
      for (const link of links.rows) {
        const [event] = await app.database.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.id, link.event_id));
        if (event === undefined) throw new Error('event missing');
        const hash = linkHash(prevHash, Number(link.seq), headerOf(event));
        await app.database.raw.query('update audit_chain set prev_hash = $1, hash = $2 where seq = $3', [
          prevHash,
          hash,
          link.seq,
        ]);
        prevHash = hash;
      }
    });
    // A forger with the database alone recomputes a consistent chain.
    expect((await verify(app)).code).toBe(0);
    const result = await verify(app, file);
    expect(result.code).toBe(1);
    expect(result.text).toContain(`link ${top} differs from the checkpoint`);
    expect(result.text).toContain('rewritten or removed and the later hashes recomputed');
  });

  it('names the last decision deleted together with a rollback of the allocation ledger', async () => {
    const app = await fresh();
    const officer = await app.login('anna.alm');
    const ledgerBefore = await app.database.raw.query<Record<string, unknown>>(
      'select * from allocation_ledger',
    );
    const stateBefore = await app.database.raw.query<{
      municipality_code: string;
      received: number | string;
      expected_base: number | string;
    }>('select * from allocation_state');
    const arrival = await app.request(officer, 'POST', '/api/allocation/arrivals', {
      dossierNumber: '77000001',
      firstName: 'Yonas',
      lastName: 'Haile',
      birthDate: '2010-06-01',
      gender: 'male',
      citizenship: 'Eritrea',
      languages: ['tigrinja'],
      interpreterNeeded: true,
      arrivalMunicipalityCode: '0180',
      arrivalDate: '2026-11-22',
    });
    expect(arrival.statusCode, arrival.body).toBe(201);
    const child = arrival.json<{ id: string }>().id;
    const proposal = (await app.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)).json<{
      municipality: { code: string };
    }>();
    const code = proposal.municipality.code;
    const decided = await app.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: code,
      proposedCode: code,
      considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const decisionId = decided.json<{ id: string }>().id;
    await sealPending(app.database.db, app.clock.now);
    const file = await checkpoint(app);
    expect((await verify(app, file)).code).toBe(0);

    await behindTheTriggers(app, async () => {
      await app.database.raw.query('delete from decided_children where decision_id = $1', [decisionId]);
      await app.database.raw.query('delete from anvisning_decisions where id = $1', [decisionId]);
      const ledger = ledgerBefore.rows[0] ?? {};
      await app.database.raw.query(
        'update allocation_ledger set share_version_id = $1, children_since_version = $2, total = $3, decisions = $4, state_token = $5 where id = 1',
        [
          ledger.share_version_id,
          ledger.children_since_version,
          ledger.total,
          ledger.decisions,
          ledger.state_token,
        ],
      );
      for (const s of stateBefore.rows) {
        await app.database.raw.query(
          'update allocation_state set received = $1, expected_base = $2 where municipality_code = $3',
          [s.received, s.expected_base, s.municipality_code],
        );
      }
    });
    // The rolled-back ledger and the remaining decisions agree with each other: only the audit event remains.
    const replay = await replayAll(app.database.db, '2026-11-23');
    expect(replay.differences.map((d) => d.message)).toEqual([
      expect.stringContaining(`for decision ${decisionId}): that decision row is missing`),
    ]);
    const result = await verify(app, file);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(
      new RegExp(
        `audit event [0-9a-f-]+ \\(allocation\\.decide for decision ${decisionId}\\): that decision row is missing`,
      ),
    );
  });
});

describe('the checkpoint commands', () => {
  it('refuse a checkpoint that was altered, or checked without a public key (exit 2)', async () => {
    const app = await fresh();
    const file = await checkpoint(app);
    const forged = join(dir, 'forged.json');
    const text = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(forged, JSON.stringify({ ...text, seq: text.seq - 1 }));
    const err: string[] = [];
    expect(
      await run(
        ['audit', 'verify', '--checkpoint', forged, '--public-key', publicKey],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('the signature does not match');
    expect(
      await run(
        ['audit', 'verify', '--checkpoint', file],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('needs --public-key');
    expect(
      await run(
        ['audit', 'keygen', '--private', privateKey, '--public', publicKey],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('will not overwrite');
  });
});
