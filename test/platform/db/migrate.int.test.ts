import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '../../support/database.ts';
import { loadMigrations, migrate } from '../../../src/platform/db/migrate.ts';

const journal = JSON.parse(
  readFileSync(new URL('../../../migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as {
  entries: { idx: number; tag: string }[];
};
const journalTags = [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);

describe(`The database on ${process.env.ANVISA_TEST_ENGINE ?? 'pglite'}`, () => {
  let handle: OpenTestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.cleanup();
  });

  it.runIf(process.env.ANVISA_TEST_ENGINE === 'postgres')(
    'runs the app’s statements without JIT compiling (short, uncached statements; ~250 ms a misjudged plan)',
    async () => {
      // Several at once, so more than one of the pool's connections answers.
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          handle.database.raw.query<{ jit: string }>("select current_setting('jit') as jit"),
        ),
      );
      expect(answers.map((a) => a.rows[0]?.jit)).toEqual(['off', 'off', 'off', 'off']);
    },
  );

  it('keeps the search’s GIN indexes without a pending list, and a trigram index for the dossier number in each place it is searched', async () => {
    // A pending list (fastupdate, PostgreSQL's default) is scanned whole by every search until a vacuum empties it:
    // 14 ms per name key at 100,000 children (migration 0024).
    const { rows } = await handle.database.raw.query<{
      name: string;
      options: string[] | null;
      definition: string;
    }>(
      `select c.relname as name, c.reloptions as options, pg_get_indexdef(c.oid) as definition
         from pg_class c join pg_am a on a.oid = c.relam
        where c.relkind = 'i' and a.amname = 'gin' and c.relname in
          ('children_name_keys_idx', 'children_name_trgm_idx', 'children_dossier_trgm_idx', 'child_identifiers_dossier_trgm_idx')
        order by c.relname`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'child_identifiers_dossier_trgm_idx',
      'children_dossier_trgm_idx',
      'children_name_keys_idx',
      'children_name_trgm_idx',
    ]);
    for (const row of rows) expect(row.options ?? [], row.name).toContain('fastupdate=off');
    const definition = (name: string) => rows.find((r) => r.name === name)?.definition ?? '';
    expect(definition('children_dossier_trgm_idx')).toMatch(/\(dossier_number gin_trgm_ops\)/);
    expect(definition('child_identifiers_dossier_trgm_idx')).toMatch(
      /\(value gin_trgm_ops\).*WHERE \(kind = 'dossier'::text\)/,
    );
  });

  describe('migrations', () => {
    it('records every migration of the journal, with its checksum, when the database is opened', async () => {
      const { rows } = await handle.database.raw.query<{ tag: string; checksum: string }>(
        'SELECT tag, checksum FROM schema_migrations ORDER BY tag',
      );
      expect(rows.map((r) => r.tag)).toEqual([...journalTags].sort());
      const checksums = new Map(loadMigrations().map((m) => [m.tag, m.checksum]));
      for (const row of rows) expect(row.checksum).toBe(checksums.get(row.tag));
    });

    it('applies nothing when migrate runs again', async () => {
      expect(await migrate(handle.database.raw)).toEqual([]);
      const { rows } = await handle.database.raw.query<{ n: number | string }>(
        'SELECT count(*) AS n FROM schema_migrations',
      );
      expect(Number(rows[0]?.n)).toBe(journalTags.length);
    });
  });

  describe('the audit log', () => {
    const eventId = '0193a1e2-0000-7000-8000-000000000001';
    const countEvents = async (): Promise<number> => {
      const { rows } = await handle.database.raw.query<{ n: number | string }>(
        'SELECT count(*) AS n FROM audit_events',
      );
      return Number(rows[0]?.n);
    };

    beforeAll(async () => {
      await handle.database.raw.query(
        `INSERT INTO audit_events (id, occurred_at, request_id, kind, outcome, child_ids, emergency, payload_digest)
         VALUES ($1, now(), 'req-1', 'login', 'allowed', '{}', false, 'digest')`,
        [eventId],
      );
    });

    it('accepts new events', async () => {
      expect(await countEvents()).toBe(1);
    });

    it('rejects an UPDATE of an event', async () => {
      await expect(
        handle.database.raw.query("UPDATE audit_events SET outcome = 'refused' WHERE id = $1", [eventId]),
      ).rejects.toThrow(/append-only \(UPDATE on audit_events\)/);
      const { rows } = await handle.database.raw.query<{ outcome: string }>(
        'SELECT outcome FROM audit_events WHERE id = $1',
        [eventId],
      );
      expect(rows[0]?.outcome).toBe('allowed');
    });

    it('rejects a DELETE of an event', async () => {
      await expect(
        handle.database.raw.query('DELETE FROM audit_events WHERE id = $1', [eventId]),
      ).rejects.toThrow(/append-only \(DELETE on audit_events\)/);
      expect(await countEvents()).toBe(1);
    });

    it('rejects a TRUNCATE of the events and of the chain', async () => {
      await expect(handle.database.raw.exec('TRUNCATE audit_events CASCADE')).rejects.toThrow(
        /append-only \(TRUNCATE on audit_events\)/,
      );
      await expect(handle.database.raw.exec('TRUNCATE audit_chain')).rejects.toThrow(
        /append-only \(TRUNCATE on audit_chain\)/,
      );
      expect(await countEvents()).toBe(1);
    });
  });

  describe('a transaction', () => {
    it('answers reads started together, in order, with no query started on a busy connection', async () => {
      const warnings: string[] = [];
      const listen = (warning: Error) => warnings.push(warning.message);
      process.on('warning', listen);
      try {
        const answers = await handle.database.db.transaction(async (tx) =>
          Promise.all([1, 2, 3, 4].map((n) => tx.execute(sql`select ${n}::int as n, pg_sleep(0.01)`))),
        );
        expect(answers.map((a) => (a as { rows: { n: number }[] }).rows[0]?.n)).toEqual([1, 2, 3, 4]);
        await new Promise((resolve) => setImmediate(resolve));
        expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
      } finally {
        process.off('warning', listen);
      }
    });
  });
});
