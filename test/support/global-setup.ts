/**
 * Global setup of the `int` project. With ANVISA_TEST_ENGINE=postgres it finds a PostgreSQL server for the run:
 * the one at TEST_DATABASE_URL if it answers, else (or with ANVISA_TEST_FORCE_THROWAWAY=1) a throwaway cluster
 * from Debian's binaries on a free loopback port, removed at teardown. Workers learn the URL through `inject`
 * and through TEST_DATABASE_URL (workers are forked after this runs and inherit the environment).
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TEST_DATABASE_URL, dropRunDatabases, redactUrl, serverAnswers } from './postgres.ts';
import { startThrowawayCluster } from './throwaway-cluster.ts';
import { testEngine } from './engine.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = testEngine();
  const runId = randomBytes(4).toString('hex');
  project.provide('testRunId', runId);
  if (engine === 'pglite') {
    project.provide('testDatabaseUrl', '');
    console.log('[int] engine: PGlite (an in-memory database per test file)');
    return () => Promise.resolve();
  }

  const configuredUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const forceThrowaway = process.env.ANVISA_TEST_FORCE_THROWAWAY === '1';
  if (!forceThrowaway && (await serverAnswers(configuredUrl))) {
    project.provide('testDatabaseUrl', configuredUrl);
    process.env.TEST_DATABASE_URL = configuredUrl;
    console.log(`[int] engine: PostgreSQL, existing server at ${redactUrl(configuredUrl)}`);
    return async () => {
      const leftovers = await dropRunDatabases(configuredUrl, runId);
      if (leftovers.length > 0)
        console.log(`[int] dropped ${leftovers.length} test database(s) left by crashed workers`);
    };
  }

  const reason = forceThrowaway
    ? 'ANVISA_TEST_FORCE_THROWAWAY=1'
    : `no server answered at ${redactUrl(configuredUrl)}`;
  const started = Date.now();
  const cluster = await startThrowawayCluster();
  project.provide('testDatabaseUrl', cluster.url);
  process.env.TEST_DATABASE_URL = cluster.url;
  console.log(
    `[int] engine: PostgreSQL, throwaway cluster at port ${cluster.port} in ${cluster.directory} (${reason}; started in ${Date.now() - started} ms)`,
  );
  return () => {
    cluster.stop();
    console.log(`[int] throwaway cluster at port ${cluster.port} stopped and ${cluster.directory} removed`);
    return Promise.resolve();
  };
}
