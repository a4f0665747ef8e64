import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from './database.ts';
import { TEST_DATABASE_PREFIX, testServerUrl } from './postgres.ts';

describe('The integration test harness', () => {
  let handle: OpenTestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.cleanup();
  });

  it('opens the engine that ANVISA_TEST_ENGINE names', () => {
    expect(handle.database.engine).toBe(process.env.ANVISA_TEST_ENGINE ?? 'pglite');
  });

  it.runIf(process.env.ANVISA_TEST_ENGINE === 'postgres')(
    'gives each test file its own database on the server the global setup chose',
    async () => {
      const { rows } = await handle.database.raw.query<{ name: string; port: number }>(
        'SELECT current_database() AS name, inet_server_port() AS port',
      );
      expect(rows[0]?.name.startsWith(TEST_DATABASE_PREFIX)).toBe(true);
      expect(String(rows[0]?.port)).toBe(new URL(testServerUrl()).port || '5432');
    },
  );
});
