/**
 * What is not ready: the database, the migrations this version needs, the audit sealer. A load balancer takes a
 * process out of rotation on 503; a person reads `checks` to see which part. Each check answers for itself, so a
 * database that is down does not hide behind a timeout of the next.
 */
import type { Database } from '../platform/db/client.ts';
import { loadMigrations } from '../platform/db/migrate.ts';
import type { HealthAnswer } from './contract.ts';
import { sealerBacklog } from './sealer-lag.ts';

/** Longer than this and the sealer (every second, ADR 0004) is behind: the chain no longer covers recent access. */
export const SEALER_LAG_LIMIT_SECONDS = 60;

let knownTags: readonly string[] | null = null;
const migrationTags = () => (knownTags ??= loadMigrations().map((m) => m.tag));

async function databaseAnswers(database: Database): Promise<boolean> {
  try {
    await database.raw.query('select 1');
    return true;
  } catch {
    return false;
  }
}

async function migrationsApplied(database: Database): Promise<'ok' | 'pending'> {
  const { rows } = await database.raw.query<{ tag: string }>('select tag from schema_migrations');
  const applied = new Set(rows.map((r) => r.tag));
  return migrationTags().every((tag) => applied.has(tag)) ? 'ok' : 'pending';
}

export async function checkHealth(database: Database): Promise<HealthAnswer> {
  const reachable = await databaseAnswers(database);
  const migrations: HealthAnswer['checks']['migrations'] = reachable
    ? await migrationsApplied(database).catch(() => 'pending' as const)
    : 'unknown';
  const lag = reachable
    ? await sealerBacklog(database.db)
        .then((b) => b.lagSeconds)
        .catch(() => null)
    : null;
  const checks: HealthAnswer['checks'] = {
    database: reachable ? ('ok' as const) : ('unreachable' as const),
    migrations,
    sealer:
      lag === null
        ? ('unknown' as const)
        : lag > SEALER_LAG_LIMIT_SECONDS
          ? ('lagging' as const)
          : ('ok' as const),
  };
  const ready = Object.values(checks).every((c) => c === 'ok');
  return { status: ready ? 'ok' : 'not_ready', database: database.engine, checks, sealerLagSeconds: lag };
}
