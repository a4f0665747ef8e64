/**
 * A migrated database for an integration test file, on the engine ANVISA_TEST_ENGINE selects: an in-memory
 * PGlite (default), or a fresh database on the test PostgreSQL server. Open one per file (`beforeAll`) and
 * `cleanup()` in `afterAll`: a PGlite left open keeps the worker alive, and costs ~2 s and ~0.7 GB to create.
 */
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { testEngine, type TestEngine } from './engine.ts';
import { createTestDatabase } from './postgres.ts';

export interface OpenTestDatabase {
  readonly database: Database;
  readonly engine: TestEngine;
  cleanup(): Promise<void>;
}

export async function openTestDatabase(
  options: { readonly poolSize?: number } = {},
): Promise<OpenTestDatabase> {
  const engine = testEngine();
  if (engine === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    return { database, engine, cleanup: () => database.close() };
  }
  const testDb = await createTestDatabase();
  let database: Database;
  try {
    database = await openDatabase({ kind: 'postgres', url: testDb.url, poolSize: options.poolSize ?? 4 });
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  return {
    database,
    engine,
    cleanup: async () => {
      try {
        await database.close();
      } finally {
        await testDb.drop();
      }
    },
  };
}
