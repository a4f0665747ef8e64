/**
 * docs/ARCHITECTURE.md names every folder under src/ and every ADR: the map stays whole as the code grows. And src/
 * holds production code only: the tests live in test/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const map = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

describe('docs/ARCHITECTURE.md', () => {
  it('names every folder under src/', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}/`);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((folder) => !map.includes(`\`${folder}\``))).toEqual([]);
  });

  it('names test/, and src/ holds no test files', () => {
    expect(map).toContain('`test/`');
    const tests = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((path) =>
      /\.test\.tsx?$/.test(path),
    );
    expect(tests).toEqual([]);
  });

  it('names every ADR by its number', () => {
    const numbers = readdirSync(join(ROOT, 'docs', 'adr'))
      .filter((name) => /^\d{4}-.*\.md$/.test(name))
      .map((name) => name.slice(0, 4));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((n) => !new RegExp(`\\b${n}\\b`).test(map))).toEqual([]);
  });
});
