/**
 * The notification jobs of a running server: deadlines about to pass and coming meetings every ten minutes (they are
 * idempotent), the capabilities' hourly jobs the server gives it (the missing-children clock: escalations and
 * overdue return talks, idempotent too), and — when SMTP is configured — the e-mail sender every minute. One run at a time, each in its own
 * transaction; a failure is logged and the next run tries again.
 */
import { stockholmDate } from '../domain/time.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import { asSystem, type SystemCaller } from '../case/caller.ts';
import { notifyComingMeetings, notifyDeadlinesSoon } from './jobs.ts';
import { sendPendingEmails, smtpMailer, type Mailer } from './mailer.ts';

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const PRODUCE_EVERY_MS = 10 * 60_000;
export const MAIL_EVERY_MS = 60_000;
/** The hourly jobs (the missing-children clock: escalations, overdue return talks), as the routine's clocks count hours. */
export const HOURLY_EVERY_MS = 60 * 60_000;

/**
 * A capability's job the scheduler runs hourly, each in its own transaction; it answers how many users it told. Given
 * by the server (src/server/bootstrap.ts), since this shared folder imports no capability.
 */
export type HourlyJob = (caller: SystemCaller) => Promise<{ readonly told: number }>;

/** One run of every job: what a scheduler tick does (and what tests and the demo seed call). */
export async function runNotificationJobs(
  database: Pick<Database, 'db'>,
  now: Date,
  options: {
    readonly produce: boolean;
    readonly mailer: Mailer | null;
    readonly publicUrl: string;
    /** The hourly jobs to run this time (none between the hours). */
    readonly hourly?: readonly HourlyJob[];
  },
): Promise<{ deadlines: number; meetings: number; hourly: number; mailed: number }> {
  const today = stockholmDate(now);
  let deadlines = 0;
  let meetings = 0;
  let hourly = 0;
  if (options.produce) {
    [deadlines, meetings] = await database.db.transaction(async (tx) => [
      await notifyDeadlinesSoon(asSystem({ db: tx, now, today })),
      await notifyComingMeetings(asSystem({ db: tx, now, today })),
    ]);
  }
  for (const job of options.hourly ?? [])
    hourly += (await database.db.transaction(async (tx) => job(asSystem({ db: tx, now, today })))).told;
  const mailed =
    options.mailer === null
      ? 0
      : (await sendPendingEmails(database.db, options.mailer, options.publicUrl, now)).sent;
  return { deadlines, meetings, hourly, mailed };
}

export function startNotificationJobs(
  database: Database,
  config: Config,
  clock: () => Date,
  log: JobLog,
  hourlyJobs: readonly HourlyJob[] = [],
): { stop(): Promise<void> } {
  const mailer = config.smtp === null ? null : smtpMailer(config.smtp);
  let running: Promise<unknown> = Promise.resolve();
  let lastProduced = 0;
  let lastClocked = 0;
  const tick = () => {
    running = running
      .then(async () => {
        const now = clock();
        const produce = now.getTime() - lastProduced >= PRODUCE_EVERY_MS;
        const hourly = hourlyJobs.length > 0 && now.getTime() - lastClocked >= HOURLY_EVERY_MS;
        if (!produce && !hourly && mailer === null) return;
        const done = await runNotificationJobs(database, now, {
          produce,
          hourly: hourly ? hourlyJobs : [],
          mailer,
          publicUrl: config.publicUrl,
        });
        if (produce) lastProduced = now.getTime();
        if (hourly) lastClocked = now.getTime();
        if (done.deadlines + done.meetings + done.hourly + done.mailed > 0)
          log.info(done, 'notifications produced and mailed');
      })
      .catch((error: unknown) => log.error({ err: error }, 'notification jobs failed'));
  };
  const timer = setInterval(tick, MAIL_EVERY_MS);
  timer.unref();
  // The first run waits a little, so that start-up (and /healthz) is not delayed.
  const first = setTimeout(tick, 5_000);
  first.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
