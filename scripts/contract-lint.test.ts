/**
 * The lint rule that keeps a capability's contract (ADR 0019) free of server code must really fire: the web bundles
 * the contracts, so an import of the database or a use case there would ship server code to the browser. Lints probe
 * code in memory as if it were a contract file, with the repository's own eslint.config.js (type information off:
 * the rule does not use it).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const RULE = 'contracts/contract-boundary';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });
});

async function errorsFor(code: string, filePath = 'src/allocation/contract.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.severity === 2)
    .map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('The contract lint rule', { timeout: 60_000 }, () => {
  it.each([
    "import { notFound } from '../platform/http/errors.ts';\nexport const x = notFound;\n",
    "import { decide } from './decide.ts';\nexport const x = decide;\n",
    "export { presentSummary } from '../children/present.ts';\n",
    "import Fastify from 'fastify';\nexport const x = Fastify;\n",
  ])('refuses server code or another package in a contract: %s', async (code) => {
    expect(await errorsFor(code)).toContain(RULE);
  });

  it('allows zod, src/domain and another capability’s contract', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { isoDate } from '../domain/fields.ts';",
      "import { ChildSummarySchema } from '../children/contract.ts';",
      'export const X = z.object({ on: isoDate, child: ChildSummarySchema });',
      '',
    ].join('\n');
    expect(await errorsFor(code)).not.toContain(RULE);
  });

  it('leaves other files of a capability alone', async () => {
    const code = "import { notFound } from '../platform/http/errors.ts';\nexport const x = notFound;\n";
    expect(await errorsFor(code, 'src/allocation/routes.ts')).not.toContain(RULE);
  });
});
