/**
 * The stylesheet's blocks are all closed. A `@media (max-width: 60rem)` block once lacked its closing brace: the
 * bundler accepted it, and every rule written after it (the missing-children pages, the police view, the special
 * grant's cards) applied only on narrow screens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(join(import.meta.dirname, '../../src/web/styles.css'), 'utf8');

/** The line of each brace that is not closed, or that closes nothing (comments and strings left out). */
function unbalanced(css: string): number[] {
  const code = css
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/"[^"\n]*"|'[^'\n]*'/g, '""');
  const open: number[] = [];
  const stray: number[] = [];
  let line = 1;
  for (const ch of code) {
    if (ch === '\n') line += 1;
    else if (ch === '{') open.push(line);
    else if (ch === '}' && open.pop() === undefined) stray.push(line);
  }
  return [...open, ...stray];
}

describe('the stylesheet', () => {
  it('closes every block it opens, so no rule hides inside a media query by mistake', () => {
    expect(unbalanced(CSS)).toEqual([]);
  });
  it('tells an unclosed block by its line', () => {
    expect(unbalanced('a {\n}\n@media print {\n  b {\n  }\n')).toEqual([3]);
  });
});
