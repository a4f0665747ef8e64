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
import { coreRoutes } from './routes.ts';

export interface Running {
  readonly app: FastifyInstance;
  readonly database: Database;
  /** Seals what is pending, then stops the sealer, the server and the database. */
  close(): Promise<void>;
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      // An error is logged as its class, codes and frames only: its message and parameters may carry names (safe-error.ts).
      err: safeError,
      error: safeError,
      // Never log query strings or bodies: they may carry names.
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
    },
  }, destination);
}

export async function openConfiguredDatabase(config: Config, command: string): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: config.database.url })
    : openDatabase({ kind: 'pglite', dataDir: config.database.dataDir, command });
}

/** Children seeded before the server answers (the tests' fixture children); the rest grow in the background. */
export const DEMO_FIRST_CHILDREN = 24;

export async function prepareData(database: Database, config: Config, now: Date, log: (msg: string) => void): Promise<void> {
  if (await loadReferenceData(database.db)) log('reference data loaded');
  if (config.demoData && !(await organisationsExist(database.db))) {
    const summary = await seedDemo(database, now, stockholmDate(now), Math.min(DEMO_FIRST_CHILDREN, config.demoChildren), { caseSeeders: true });
    log(`demo data created: ${summary.users} users, ${summary.children} children, ${summary.decisions} allocation decisions, ${summary.waiting} waiting`);
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
    sealing = sealing.then(() => sealPending(database.db, clock())).catch((error: unknown) => logger.error({ err: error }, 'audit sealer failed'));
  }, 1000);
  sealer.unref();
  if (options.listen !== false) await app.listen({ port: config.port, host: config.host });
  const growth = config.demoData && options.database === undefined ? startDemoGrowth(database, config.demoChildren, clock, (msg) => logger.info(msg), (error) => logger.error({ err: error }, 'demo growth failed')) : null;
  // The daily rules of the child's case (18th birthdays, the god man by law, the end of aftercare): now and hourly.
  const dailyRules = startDailyRules(database.db, clock, (msg) => logger.info(msg));
  // Deadlines about to pass, coming meetings, and the e-mail that something waits (when SMTP is configured).
  const notificationJobs = startNotificationJobs(database, config, clock, logger);
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
      await app.close();
      await sealing;
      await sealPending(database.db, clock()).catch((error: unknown) => logger.error({ err: error }, 'final seal failed'));
      await database.close();
    },
  };
}

/**
 * Grows the demo to `target` children in the background, one small transaction at a time, so that the first start
 * answers /healthz at once and requests keep being served while it runs. Logs the state counts when done.
 */
export function startDemoGrowth(
  database: Database,
  target: number,
  clock: () => Date,
  log: (msg: string) => void,
  fail: (error: unknown) => void,
): { stop(): Promise<void> } {
  let stopped = false;
  const run = async () => {
    if ((await demoChildren(database.db)) >= target) return;
    log(`demo data: growing to ${target} children in the background`);
    for (;;) {
      if (stopped) return;
      const now = clock();
      const progress = await growDemoBatch(database.db, now, stockholmDate(now), target);
      if (progress.done) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    log(`demo data complete: ${formatStateReport(await stateReport(database.db))}`);
  };
  const running = run().catch(fail);
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
