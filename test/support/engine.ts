/** Which database engine integration tests run on: ANVISA_TEST_ENGINE=pglite (default) or postgres. */
export type TestEngine = 'pglite' | 'postgres';

export function testEngine(env: Record<string, string | undefined> = process.env): TestEngine {
  const value = env.ANVISA_TEST_ENGINE ?? 'pglite';
  if (value === 'pglite' || value === 'postgres') return value;
  throw new Error(`ANVISA_TEST_ENGINE must be "pglite" or "postgres", not "${value}"`);
}
