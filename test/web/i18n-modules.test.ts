/**
 * Each text lives in one capability's dictionary: a key written in two module files is silently overridden by the
 * later spread in sv.ts/en.ts, so one of the two texts never shows (it happened: 'error.not_a_number' in the county's
 * and the grants' files, 'error.before_previous_step' in the casework's and the supervision's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../src/web/i18n');

describe('the dictionary modules', () => {
  it.each(['sv', 'en'])('define each %s key in one module file only', (lang) => {
    const where = new Map<string, string[]>();
    for (const file of readdirSync(DIR).filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.ts'))) {
      for (const [, key] of readFileSync(join(DIR, file), 'utf8').matchAll(/^ {2}'([^']+)':/gm))
        where.set(key ?? '', [...(where.get(key ?? '') ?? []), file]);
    }
    expect(where.size).toBeGreaterThan(1000);
    expect([...where].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
