/** The `anvisa` command against a real database: population import and usage errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { importPopulation, run } from '../../src/cli/main.ts';
import { CsvError } from '../../src/reference/csv.ts';

let opened: OpenTestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'anvisa-cli-'));

beforeAll(async () => {
  opened = await openTestDatabase();
});
afterAll(async () => {
  await opened.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('reference import-population', () => {
  it('loads a new year and can be run again (upsert)', async () => {
    const path = file(
      'ok.csv',
      'kommunkod,kommun,ar,folkmangd,kalla\n1280,Malmö,2026,362000,SCB\n0180,Stockholm,2026,990000,SCB\n',
    );
    const out: string[] = [];
    expect(await importPopulation(opened.database, path, (l) => out.push(l))).toBe(0);
    expect(await importPopulation(opened.database, path, (l) => out.push(l))).toBe(0);
    expect(out[0]).toBe('imported 2 population figures for 2026');
    const { rows } = await opened.database.raw.query<{ population: number }>(
      "select population from population where municipality_code = '1280' and year = 2026",
    );
    expect(rows.map((r) => Number(r.population))).toEqual([362000]);
  });

  it('refuses unknown codes and malformed rows with their line numbers, and writes nothing', async () => {
    const path = file(
      'bad.csv',
      'kommunkod,kommun,ar,folkmangd,kalla\n1281,Lund,2027,127000,SCB\n9999,Nowhere,2027,5,SCB\n1280,Malmö,2027,-4,SCB\n',
    );
    await expect(importPopulation(opened.database, path, () => {})).rejects.toThrow(CsvError);
    const err: string[] = [];
    expect(
      await run(
        ['reference', 'import-population', path],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('bad.csv:3: unknown kommunkod 9999');
    expect(err.join('\n')).toContain('bad.csv:4: folkmangd "-4" is not a whole number');
    const { rows } = await opened.database.raw.query('select 1 from population where year = 2027');
    expect(rows).toEqual([]);
  });

  it('answers a missing file and an unknown command with exit 2 and the usage', async () => {
    const err: string[] = [];
    expect(
      await run(
        ['reference', 'import-population'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(
      await run(
        ['frobnicate'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('Usage: npm run anvisa');
  });
});
