/** `npm start`: the whole system on one port. Stops cleanly on SIGTERM/SIGINT within 5 s. */
import { ConfigError, loadConfig } from '../platform/config.ts';
import { armCrashPoint } from '../platform/crash-point.ts';
import { DataDirectoryLockedError } from '../platform/db/lock.ts';
import { describeError, safeError } from '../platform/safe-error.ts';
import { startServer } from './bootstrap.ts';

const SHUTDOWN_LIMIT_MS = 4500;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig(process.env);
  armCrashPoint(config.testCrashAt);
  const running = await startServer(config);
  running.app.log.info(
    `Anvisa is ready at http://localhost:${config.port} (${running.database.engine}) after ${Date.now() - started} ms`,
  );
  const stop = (signal: string) => {
    running.app.log.info(`${signal}: finishing in-flight requests and closing the database`);
    const force = setTimeout(() => {
      running.app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        running.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryLockedError) {
    console.error(`anvisa: ${error.message}`);
  } else {
    // Never the message: a database error's may quote a child's data (safe-error.ts).
    console.error(`anvisa: could not start: ${describeError(error)}`);
    for (const frame of safeError(error).frames ?? []) console.error(`  ${frame}`);
  }
  process.exit(1);
});
