/**
 * The lint rule that keeps src/domain pure (STYLE.md habit 2) must really fire: a rule that silently matches
 * nothing would let I/O creep into the domain core. Runs the repository's own eslint.config.js on probe files
 * that exist only in memory; the TypeScript project service only knows files on disk, so type information is
 * switched off for the probes (the domain rules do not use it).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The ids of the rules that report errors when `code` is linted as if it were `filePath`. */
async function errorsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const DOMAIN_FILE = 'src/domain/lint-probe.ts';
const NESTED_DOMAIN_FILE = 'src/domain/access/lint-probe.ts';

describe('The domain lint rule', { timeout: 60_000 }, () => {
  it('refuses a database driver in src/domain', async () => {
    expect(await errorsFor("import pg from 'pg';\nexport const pool = pg.Pool;\n", DOMAIN_FILE)).toContain(
      'no-restricted-imports',
    );
  });

  it.each([
    'node:fs',
    'node:fs/promises',
    'fs',
    'node:child_process',
    'node:os',
    'http',
    'node:net',
    'fastify',
    'fastify-type-provider-zod',
    '@fastify/cookie',
    'drizzle-orm',
    'drizzle-orm/pg-core',
    '@electric-sql/pglite',
    'openid-client',
  ])('refuses an import of %s in src/domain', async (source) => {
    expect(await errorsFor(`export * from '${source}';\n`, DOMAIN_FILE)).toContain('no-restricted-imports');
  });

  it('refuses a relative import that climbs out of src/domain', async () => {
    const code = "import type { Db } from '../../platform/db/client.ts';\nexport type D = Db;\n";
    expect(await errorsFor(code, NESTED_DOMAIN_FILE)).toContain('anvisa/domain-boundary');
    expect(await errorsFor("export * from '../platform/db/client.ts';\n", DOMAIN_FILE)).toContain(
      'anvisa/domain-boundary',
    );
  });

  it('refuses reading the clock with new Date() or Date.now()', async () => {
    expect(await errorsFor('export const today = (): Date => new Date();\n', DOMAIN_FILE)).toContain(
      'no-restricted-syntax',
    );
    expect(await errorsFor('export const ms = (): number => Date.now();\n', DOMAIN_FILE)).toContain(
      'no-restricted-syntax',
    );
  });

  it('refuses process and process.env', async () => {
    expect(
      await errorsFor("export const port = (): string | undefined => process.env['PORT'];\n", DOMAIN_FILE),
    ).toContain('no-restricted-globals');
  });

  it('accepts pure code: node:crypto, imports inside the domain, and a clock passed in', async () => {
    const code = [
      "import { createHash } from 'node:crypto';",
      "import type { Role } from '../access/roles.ts';",
      '',
      'export function tomorrow(now: Date): Date {',
      '  return new Date(now.getTime() + 24 * 60 * 60 * 1000);',
      '}',
      '',
      'export function digest(role: Role): string {',
      "  return createHash('sha256').update(role).digest('hex');",
      '}',
      '',
    ].join('\n');
    expect(await errorsFor(code, 'src/domain/audit/lint-probe.ts')).toEqual([]);
  });

  it('holds the domain tests in test/domain to the same rules, with the builders of test/support allowed', async () => {
    const probe = 'test/domain/access/lint-probe.test.ts';
    const pure = [
      "import type { Role } from '../../../src/domain/access/roles.ts';",
      "import { aChild } from '../../support/builders.ts';",
      '',
      "export const role: Role = 'social_worker';",
      'export const child = aChild().build();',
      '',
    ].join('\n');
    expect(await errorsFor(pure, probe)).toEqual([]);
    expect(await errorsFor("export * from '../../../src/platform/db/client.ts';\n", probe)).toContain(
      'anvisa/domain-boundary',
    );
    expect(await errorsFor("import pg from 'pg';\nexport const Pool = pg.Pool;\n", probe)).toContain(
      'no-restricted-imports',
    );
    expect(await errorsFor('export const today = (): Date => new Date();\n', probe)).toContain(
      'no-restricted-syntax',
    );
  });

  it('leaves the clock and I/O to code outside src/domain', async () => {
    const code = "import pg from 'pg';\n\nexport const started = new Date();\nexport const Pool = pg.Pool;\n";
    expect(await errorsFor(code, 'src/platform/lint-probe.ts')).toEqual([]);
  });
});
