/**
 * The lint rule that keeps test code out of production code must really fire: production code under src/ that
 * imports a builder, fixture or harness from test/ would ship it. Runs the repository's own eslint.config.js on
 * probe files that exist only in memory (type information off, as in scripts/domain-lint.test.ts).
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

describe('The lint rule that keeps test code out of src/', { timeout: 60_000 }, () => {
  it.each([
    [
      'src/social-case/lint-probe.ts',
      "import { BEST_INTERESTS } from '../../test/support/best-interests.ts';",
    ],
    ['src/server/lint-probe.ts', "export * from '../../test/support/app.ts';"],
    ['src/platform/db/lint-probe.ts', "export { testEngine } from '../../../test/support/engine.ts';"],
    ['src/web/pages/lint-probe.tsx', "import type { TestApp } from '../../../test/support/app.ts';"],
    ['src/domain/case/lint-probe.ts', "export * from '../../../test/support/builders.ts';"],
    ['src/seed/lint-probe.ts', "export const load = () => import('../../test/worklist/population.ts');"],
  ])('refuses %s importing from test/', async (file, line) => {
    expect(await errorsFor(`${line}\nexport const probe = 1;\n`, file)).toContain('anvisa/no-test-imports');
  });

  it('refuses an import that only reaches test/ after climbing around', async () => {
    const code = "export * from '../children/../../test/support/matrix.ts';\n";
    expect(await errorsFor(code, 'src/server/lint-probe.ts')).toContain('anvisa/no-test-imports');
  });

  it('accepts production imports in src/, and test/ importing src/ and itself', async () => {
    expect(
      await errorsFor(
        "export { applyTransition } from '../case/engine.ts';\n",
        'src/social-case/lint-probe.ts',
      ),
    ).toEqual([]);
    const testCode = [
      "import { applyTransition } from '../../src/case/engine.ts';",
      "import { BEST_INTERESTS } from '../support/best-interests.ts';",
      'export const used = [applyTransition, BEST_INTERESTS];',
      '',
    ].join('\n');
    expect(await errorsFor(testCode, 'test/social-case/lint-probe.test.ts')).toEqual([]);
  });
});
