/**
 * The restore drill, on the engine the run tests (ANVISA_TEST_ENGINE): a database with the demo's children is backed
 * up; more is written (an audit event, sealed into the chain, and a population figure); the backup is restored in
 * its place. What was written after the backup is gone, and the audit chain and every allocation decision check
 * clean. A restore asks before it replaces data, and refuses a backup of the other engine.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditRow } from '../../support/audit-rows.ts';
import { replayAll } from '../../../src/allocation/replay.ts';
import { sealPending } from '../../../src/audit/chain-store.ts';
import { auditVerify } from '../../../src/cli/audit-commands.ts';
import { run } from '../../../src/cli/main.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import {
  BackupError,
  backupDatabase,
  restoreDatabase,
  type BackupTarget,
} from '../../../src/platform/db/backup.ts';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { prepareData } from '../../../src/server/bootstrap.ts';
import { PINNED_NOW } from '../../support/app.ts';
import { testEngine } from '../../support/engine.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-drill-'));
const file = join(dir, 'anvisa.backup');
let target: BackupTarget;
let server: TestDatabase | null = null;

const open = (): Promise<Database> =>
  target.kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 })
    : openDatabase({ kind: 'pglite', dataDir: target.dataDir, command: 'restore drill' });

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const count = async (database: Database, sql: string) =>
  Number((await database.raw.query<{ n: number }>(sql)).rows[0]?.n);

beforeAll(async () => {
  if (testEngine() === 'postgres') {
    server = await createTestDatabase();
    target = { kind: 'postgres', url: server.url };
  } else {
    target = { kind: 'pglite', dataDir: join(dir, 'data') };
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ANVISA_DEMO_CHILDREN: '24' });
  await withDatabase(async (database) => {
    await prepareData(database, config, PINNED_NOW, () => {});
    await sealPending(database.db, PINNED_NOW);
  });
}, 120_000);

afterAll(async () => {
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the restore drill', () => {
  it('puts the database back as it was at the backup, with a clean audit chain and allocation replay', async () => {
    const before = await withDatabase(async (database) => ({
      events: await count(database, 'select count(*)::int as n from audit_events'),
      decisions: await count(database, 'select count(*)::int as n from anvisning_decisions'),
      children: await count(database, 'select count(*)::int as n from children'),
    }));
    expect(before.children).toBeGreaterThan(0);
    expect(before.decisions).toBeGreaterThan(0);

    const made = await backupDatabase(target, file, 'anvisa backup');
    expect(made).toMatchObject({ kind: target.kind, bytes: expect.any(Number) as number });
    await expect(backupDatabase(target, file, 'anvisa backup')).rejects.toMatchObject({ code: 'EEXIST' });

    // Written after the backup: an audit event sealed into the chain, and a population figure.
    const laterEvent = randomUUID();
    await withDatabase(async (database) => {
      await insertAuditRow(database.db, PINNED_NOW, { id: laterEvent });
      await sealPending(database.db, PINNED_NOW);
      await database.raw.query(
        "insert into population (municipality_code, year, population, source) values ('1280', 2031, 1, 'drill')",
      );
    });

    await expect(
      restoreDatabase(target, file, { replace: false, command: 'anvisa restore', now: PINNED_NOW }),
    ).rejects.toThrow(/--replace/);
    const restored = await restoreDatabase(target, file, {
      replace: true,
      command: 'anvisa restore',
      now: PINNED_NOW,
    });
    expect(restored.migrations).toBeGreaterThan(0);
    expect(restored.replacedKeptAt === null).toBe(target.kind === 'postgres');

    await withDatabase(async (database) => {
      expect(await count(database, 'select count(*)::int as n from audit_events')).toBe(before.events);
      expect(await count(database, 'select count(*)::int as n from anvisning_decisions')).toBe(
        before.decisions,
      );
      expect(
        await count(database, `select count(*)::int as n from audit_events where id = '${laterEvent}'`),
      ).toBe(0);
      expect(await count(database, 'select count(*)::int as n from population where year = 2031')).toBe(0);
      const out: string[] = [];
      expect(await auditVerify(database, (l) => out.push(l))).toBe(0);
      const replay = await replayAll(database.db, '2026-11-23');
      expect(replay.differences).toEqual([]);
      expect(replay.decisions).toBe(before.decisions);
    });
  }, 240_000);

  it('a damaged backup of the right engine leaves the database as it was', async () => {
    const damaged = join(dir, 'damaged.backup');
    writeFileSync(
      damaged,
      Buffer.concat([
        target.kind === 'postgres' ? Buffer.from('PGDMP', 'ascii') : Buffer.from([0x1f, 0x8b]),
        Buffer.from('not the rest of a backup'),
      ]),
    );
    const before = await withDatabase((database) =>
      count(database, 'select count(*)::int as n from children'),
    );
    await expect(
      restoreDatabase(target, damaged, { replace: true, command: 'anvisa restore', now: PINNED_NOW }),
    ).rejects.toThrow(BackupError);
    expect(await withDatabase((database) => count(database, 'select count(*)::int as n from children'))).toBe(
      before,
    );
  });

  it('refuses a backup of the other engine, and a file that is no backup, naming what to do', async () => {
    const other = join(dir, target.kind === 'pglite' ? 'other.pgdump' : 'other.tgz');
    writeFileSync(other, target.kind === 'pglite' ? 'PGDMP\u0001rest' : Buffer.from([0x1f, 0x8b, 8, 0]));
    await expect(
      restoreDatabase(target, other, { replace: true, command: 'anvisa restore', now: PINNED_NOW }),
    ).rejects.toThrow(target.kind === 'pglite' ? /DATABASE_URL set/ : /without DATABASE_URL/);
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'not a backup');
    await expect(
      restoreDatabase(target, junk, { replace: true, command: 'anvisa restore', now: PINNED_NOW }),
    ).rejects.toThrow(BackupError);
    const err: string[] = [];
    expect(
      await run(
        ['restore'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err[0]).toMatch(/^anvisa: restore needs --from <file>\n/);
  });
});
