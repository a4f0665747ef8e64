/**
 * Forward-only migrations: the SQL files drizzle-kit writes to `migrations/`, applied in journal order, each in
 * its own transaction, under an advisory lock so that several app processes starting together apply them once.
 * An applied migration whose file changed afterwards stops the start-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../domain/audit/chain.ts';
import { crashPoint } from '../crash-point.ts';
import type { RawSql } from './client.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', '..', 'migrations');
const ADVISORY_LOCK_KEY = 72_617_001;

interface JournalEntry {
  readonly idx: number;
  readonly tag: string;
}

export interface Migration {
  readonly tag: string;
  readonly statements: readonly string[];
  readonly checksum: string;
}

export function loadMigrations(directory = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(directory, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(join(directory, `${tag}.sql`), 'utf8');
      const statements = text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { tag, statements, checksum: sha256Hex(text) };
    });
}

export async function migrate(raw: RawSql, migrations = loadMigrations()): Promise<string[]> {
  await raw.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (tag text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  return raw.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      const { rows } = await session.query<{ tag: string; checksum: string }>(
        'SELECT tag, checksum FROM schema_migrations',
      );
      const applied = new Map(rows.map((r) => [r.tag, r.checksum]));
      const done: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.tag);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(
              `Migration ${migration.tag} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await session.query('BEGIN');
        try {
          for (const statement of migration.statements) await session.exec(statement);
          await session.query('INSERT INTO schema_migrations (tag, checksum) VALUES ($1, $2)', [
            migration.tag,
            migration.checksum,
          ]);
          crashPoint('migration');
          await session.query('COMMIT');
        } catch (error) {
          await session.query('ROLLBACK');
          throw error;
        }
        done.push(migration.tag);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    }
  });
}
