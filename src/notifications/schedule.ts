/**
 * The notification jobs of a running server: deadlines about to pass and coming meetings every ten minutes (they are
 * idempotent), the missing-children clock every hour (escalations and overdue return talks, idempotent too), and —
 * when SMTP is configured — the e-mail sender every minute. One run at a time, each in its own
 * transaction; a failure is logged and the next run tries again.
 */
import { stockholmDate } from '../domain/time.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/client.ts';
import { asSystem } from '../case/caller.ts';
import { runMissingClock } from '../missing/clock.ts';
import { notifyComingMeetings, notifyDeadlinesSoon } from './jobs.ts';
import { sendPendingEmails, smtpMailer, type Mailer } from './mailer.ts';

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const PRODUCE_EVERY_MS = 10 * 60_000;
export const MAIL_EVERY_MS = 60_000;
/** The missing-children clock (escalations, overdue return talks): hourly, as the routine's clocks count hours. */
export const MISSING_CLOCK_EVERY_MS = 60 * 60_000;

/** One run of every job: what a scheduler tick does (and what tests and the demo seed call). */
export async function runNotificationJobs(
  database: Pick<Database, 'db'>,
  now: Date,
  options: {
    readonly produce: boolean;
    readonly mailer: Mailer | null;
    readonly publicUrl: string;
    /** Run the missing-children clock too (hourly on a server; every run where the caller says so). */
    readonly missingClock?: boolean;
  },
): Promise<{ deadlines: number; meetings: number; missing: number; mailed: number }> {
  const today = stockholmDate(now);
  let deadlines = 0;
  let meetings = 0;
  let missing = 0;
  if (options.produce) {
    [deadlines, meetings] = await database.db.transaction(async (tx) => [
      await notifyDeadlinesSoon(asSystem({ db: tx, now, today })),
      await notifyComingMeetings(asSystem({ db: tx, now, today })),
    ]);
  }
  if (options.missingClock === true) {
    const run = await database.db.transaction(async (tx) =>
      runMissingClock(asSystem({ db: tx, now, today })),
    );
    missing = run.told;
  }
  const mailed =
    options.mailer === null
      ? 0
      : (await sendPendingEmails(database.db, options.mailer, options.publicUrl, now)).sent;
  return { deadlines, meetings, missing, mailed };
}

export function startNotificationJobs(
  database: Database,
  config: Config,
  clock: () => Date,
  log: JobLog,
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
        const missingClock = now.getTime() - lastClocked >= MISSING_CLOCK_EVERY_MS;
        if (!produce && !missingClock && mailer === null) return;
        const done = await runNotificationJobs(database, now, {
          produce,
          missingClock,
          mailer,
          publicUrl: config.publicUrl,
        });
        if (produce) lastProduced = now.getTime();
        if (missingClock) lastClocked = now.getTime();
        if (done.deadlines + done.meetings + done.missing + done.mailed > 0)
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
