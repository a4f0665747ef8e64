/** Opens the database, loads reference and demo data when missing, builds the app and runs the audit sealer. */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { sealPending } from '../audit/chain-store.ts';
import { safeError } from '../platform/safe-error.ts';
import { stockholmDate } from '../domain/time.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { buildApp } from '../platform/http/app.ts';
import type { RouteSpec } from '../platform/http/route.ts';
import { loadReferenceData } from '../reference/load.ts';
import { seedDemo } from '../seed/demo.ts';
import { organisationsExist } from '../seed/organisations.ts';
import { demoChildren, growDemoBatch } from '../seed/grow.ts';
import { formatStateReport, stateReport } from '../seed/report.ts';
import { startDailyRules } from '../responsibility/daily.ts';
import { startNotificationJobs } from '../notifications/schedule.ts';
import { runMissingClock } from '../missing/clock.ts';
import { coreRoutes } from './routes.ts';
import { sweepPendingFollowUps } from '../case/pending-follow-ups.ts';

/** A request runs its decision's follow-ups at once; the sweeper takes what is older than this, every half minute. */
const FOLLOW_UP_GRACE_SECONDS = 30;
const FOLLOW_UP_SWEEP_MS = 30_000;

export interface Running {
  readonly app: FastifyInstance;
  readonly database: Database;
  /** Seals what is pending, then stops the sealer, the server and the database. */
  close(): Promise<void>;
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        remove: true,
      },
      serializers: {
        // An error is logged as its class, codes and frames only: its message and parameters may carry names (safe-error.ts).
        err: safeError,
        error: safeError,
        // Never log query strings or bodies: they may carry names.
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          id: req.id,
        }),
      },
    },
    destination,
  );
}

export async function openConfiguredDatabase(config: Config, command: string): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: config.database.url })
    : openDatabase({ kind: 'pglite', dataDir: config.database.dataDir, command });
}

/** Children seeded before the server answers (the tests' fixture children); the rest grow in the background. */
export const DEMO_FIRST_CHILDREN = 24;

export async function prepareData(
  database: Database,
  config: Config,
  now: Date,
  log: (msg: string) => void,
): Promise<void> {
  if (await loadReferenceData(database.db)) log('reference data loaded');
  if (config.demoData && !(await organisationsExist(database.db))) {
    const summary = await seedDemo(
      database,
      now,
      stockholmDate(now),
      Math.min(DEMO_FIRST_CHILDREN, config.demoChildren),
      { caseSeeders: true },
    );
    log(
      `demo data created: ${summary.users} users, ${summary.children} children, ${summary.decisions} allocation decisions, ${summary.waiting} waiting`,
    );
    log(`demo case states: ${formatStateReport(await stateReport(database.db))}`);
  }
}

export async function startServer(
  config: Config,
  options: { clock?: () => Date; routes?: readonly RouteSpec[]; listen?: boolean; database?: Database } = {},
): Promise<Running> {
  const clock = options.clock ?? (() => new Date());
  const logger = createLogger(config.logLevel);
  const database = options.database ?? (await openConfiguredDatabase(config, 'anvisa server'));
  await prepareData(database, config, clock(), (msg) => logger.info(msg));
  const app = await buildApp({ config, database, clock }, { logger, routes: options.routes ?? coreRoutes });
  let sealing: Promise<unknown> = Promise.resolve();
  const sealer = setInterval(() => {
    sealing = sealing
      .then(() => sealPending(database.db, clock()))
      .catch((error: unknown) => logger.error({ err: error }, 'audit sealer failed'));
  }, 1000);
  sealer.unref();
  // Follow-ups of allocation decisions left pending (a process stopped between commit and follow-up; ADR 0023).
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping
      .then(async () => {
        const { ran, failed } = await sweepPendingFollowUps(database.db, FOLLOW_UP_GRACE_SECONDS);
        if (ran > 0) logger.info(`ran the pending follow-ups of ${ran} allocation decision(s)`);
        if (failed > 0) logger.error(`the follow-ups of ${failed} allocation decision(s) failed again`);
      })
      .catch((error: unknown) => logger.error({ err: loggableError(error) }, 'follow-up sweeper failed'));
  };
  sweep();
  const sweeper = setInterval(sweep, FOLLOW_UP_SWEEP_MS);
  sweeper.unref();
  if (options.listen !== false) await app.listen({ port: config.port, host: config.host });
  const growth =
    config.demoData && options.database === undefined
      ? startDemoGrowth(
          database,
          config.demoChildren,
          clock,
          (msg) => logger.info(msg),
          (error) => logger.error({ err: error }, 'demo growth failed; it continues at the next start'),
        )
      : null;
  // The daily rules of the child's case (18th birthdays, the god man by law, the end of aftercare): now and hourly.
  const dailyRules = startDailyRules(database.db, clock, (msg) => logger.info(msg));
  // Deadlines about to pass, coming meetings, the missing-children clock (hourly), and the e-mail that something waits
  // (when SMTP is configured).
  const notificationJobs = startNotificationJobs(database, config, clock, logger, [runMissingClock]);
  let closed = false;
  return {
    app,
    database,
    close: async () => {
      if (closed) return;
      closed = true;
      await dailyRules.stop();
      await notificationJobs.stop();
      await growth?.stop();
      clearInterval(sealer);
      clearInterval(sweeper);
      await app.close();
      await sweeping;
      await sealing;
      await sealPending(database.db, clock()).catch((error: unknown) =>
        logger.error({ err: error }, 'final seal failed'),
      );
      await database.close();
    },
  };
}

/** What a log line may say about an error: its kind and codes, never its message (it may quote a name or a value). */
export function loggableError(error: unknown): {
  readonly name: string;
  readonly code?: string;
  readonly statusCode?: number;
} {
  if (typeof error !== 'object' || error === null) return { name: typeof error };
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

/**
 * A batch that lost a race and may simply be taken again: a 409 (an officer decided first, so the proposal changed;
 * a record changed under a seeder), a serialization failure or a deadlock. The batch's transaction was rolled back.
 */
function isRetryable(error: unknown): boolean {
  const { code, statusCode } = loggableError(error);
  return statusCode === 409 || code === '40001' || code === '40P01';
}

/** Attempts per batch before the growth gives up (it continues from where it is at the next start). */
export const GROWTH_ATTEMPTS = 5;

/**
 * Grows the demo to `target` children in the background, one small transaction at a time, so that the first start
 * answers /healthz at once and requests keep being served while it runs. Logs the state counts when done. A batch
 * that conflicts with what officers do meanwhile is taken again, a few times, after a short pause.
 */
export function startDemoGrowth(
  database: Database,
  target: number,
  clock: () => Date,
  log: (msg: string) => void,
  fail: (error: unknown) => void,
  options: { readonly pauseMs?: number; readonly growBatch?: typeof growDemoBatch } = {},
): { stop(): Promise<void>; readonly finished: Promise<void> } {
  const pauseMs = options.pauseMs ?? 25;
  const growBatch = options.growBatch ?? growDemoBatch;
  let stopped = false;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const batch = async () => {
    for (let attempt = 1; ; attempt++) {
      const now = clock();
      try {
        return await growBatch(database.db, now, stockholmDate(now), target);
      } catch (error) {
        if (!isRetryable(error) || attempt >= GROWTH_ATTEMPTS || stopped) throw error;
        const { code } = loggableError(error);
        log(
          `demo data: a batch conflicted (${code ?? 'conflict'}); taking it again (attempt ${attempt + 1} of ${GROWTH_ATTEMPTS})`,
        );
        await pause(pauseMs * 4 * attempt + Math.floor(Math.random() * 50));
      }
    }
  };
  const run = async () => {
    if ((await demoChildren(database.db)) >= target) return;
    log(`demo data: growing to ${target} children in the background`);
    for (;;) {
      if (stopped) return;
      const progress = await batch();
      if (progress.done) break;
      await pause(pauseMs);
    }
    log(`demo data complete: ${formatStateReport(await stateReport(database.db))}`);
  };
  const running = run().catch(fail);
  return {
    finished: running,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
