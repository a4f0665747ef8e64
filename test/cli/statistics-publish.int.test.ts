/**
 * `anvisa statistics publish` against a real database: the files written for the nation and for a county, each CSV
 * read back protected (no count 1–4 published, disclosureProblems clean, the totals exact), the README, and bad input
 * refused with exit 2 and nothing written.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { run } from '../../src/cli/main.ts';
import { publishOptions, statisticsPublish } from '../../src/cli/statistics-publish.ts';
import { disclosureProblems, type ProtectedTable } from '../../src/domain/statistics/disclosure.ts';
import { TOTAL } from '../../src/domain/statistics/tabulation.ts';
import { loadReferenceData } from '../../src/reference/load.ts';

let opened: OpenTestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'anvisa-publish-'));
/** Children arriving in 2024, by municipality; Skåne (12) has Malmö, Lund and a few small ones. */
const ARRIVALS_2024: Record<string, number> = {
  '1280': 60,
  '1281': 23,
  '1282': 3,
  '1283': 1,
  '0180': 90,
  '0114': 2,
  '1480': 41,
  '2480': 7,
};

beforeAll(async () => {
  opened = await openTestDatabase();
  const { database } = opened;
  await loadReferenceData(database.db);
  const [agency] = (
    await database.raw.query<{ id: string }>(
      "insert into organisations (type, name) values ('migration_agency', 'Migrationsverket') returning id",
    )
  ).rows;
  await database.raw.query(
    "insert into organisations (type, name, municipality_code) select 'municipality', name, code from municipalities",
  );
  const children: string[] = [];
  const periods: string[] = [];
  let n = 0;
  const child = (code: string, arrival: string, later?: { code: string; from: string }) => {
    n++;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const age = [16, 17, 15, 14, 16, 17, 12, 16, 13, 17][n % 10] ?? 16;
    const birth = `${Number(arrival.slice(0, 4)) - age}-${String(1 + (n % 12)).padStart(2, '0')}-0${1 + (n % 9)}`;
    const gender = n % 9 === 0 ? 'female' : 'male';
    children.push(
      `('${id}', '${50_000_000 + n}', 'Ali', 'Ahmadi', '${birth}', '${gender}', '${agency?.id ?? ''}')`,
    );
    const owner = (c: string) => `(select id from organisations where municipality_code = '${c}')`;
    periods.push(
      `('${id}', '${code}', 'arrival', '${arrival}', ${later === undefined ? 'null' : `'${later.from}'`}, ${owner(code)}, '${arrival}T10:00:00Z')`,
    );
    if (later !== undefined)
      periods.push(
        `('${id}', '${later.code}', 'assigned', '${later.from}', null, ${owner(later.code)}, '${later.from}T10:00:00Z')`,
      );
  };
  for (const [code, count] of Object.entries(ARRIVALS_2024))
    for (let i = 0; i < count; i++) {
      const arrival = `2024-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      child(code, arrival, i % 3 === 0 ? { code: '1280', from: `${arrival.slice(0, 8)}28` } : undefined);
    }
  // Arrived in 2023, moved in 2024: counted in 2023 only.
  for (let i = 0; i < 12; i++) child('1280', '2023-12-30', { code: '1281', from: '2024-01-02' });
  await database.raw.query(
    `insert into children (id, dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id) values ${children.join(',')}`,
  );
  await database.raw.query(
    `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id, created_at) values ${periods.join(',')}`,
  );
}, 60_000);
afterAll(async () => {
  await opened.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A published CSV read back as a protected table: the rows before the empty line, `..` as suppressed. */
function readBack(text: string): ProtectedTable {
  const lines = text.split('\n');
  const end = lines.indexOf('');
  const [header = '', ...rows] = lines.slice(0, end);
  const names = header.split(',').slice(0, -1);
  const split = (line: string) =>
    line.match(/("([^"]|"")*"|[^,]*)(,|$)/gu)?.map((f) => f.replace(/,$/u, '')) ?? [];
  const parsed = rows.map((line) => split(line).map((f) => f.replace(/^"|"$/gu, '').replaceAll('""', '"')));
  const values = names.map((_, d) => [
    ...new Set(parsed.map((row) => row[d] ?? '').filter((value) => value !== 'totalt')),
  ]);
  return {
    dimensions: names.map((name, d) => ({ name, values: values[d] ?? [] })),
    cells: parsed.map((row) => {
      const count = row.at(names.length) ?? '';
      return {
        key: row.slice(0, names.length).map((value) => (value === 'totalt' ? TOTAL : value)),
        count: count === '..' ? null : Number(count),
        suppressed: count === '..',
        primary: false,
      };
    }),
  };
}

function checkFolder(folder: string): Map<string, ProtectedTable> {
  const files = readdirSync(folder).sort();
  expect(files).toContain('README.md');
  const csv = files.filter((f) => f.endsWith('.csv'));
  expect(csv).toHaveLength(12);
  const tables = new Map<string, ProtectedTable>();
  for (const file of csv) {
    const table = readBack(readFileSync(join(folder, file), 'utf8'));
    for (const cell of table.cells)
      if (cell.count !== null)
        expect(cell.count < 1 || cell.count > 4, `${file} (${cell.key.join(', ')})`).toBe(true);
    expect(disclosureProblems(table), file).toEqual([]);
    tables.set(file, table);
  }
  return tables;
}

const grandTotal = (table: ProtectedTable | undefined) => table?.cells.at(-1)?.count;

describe('statistics publish', () => {
  it('writes the nation’s tables by county, protected, with their README', async () => {
    const out: string[] = [];
    const folder = join(dir, 'riket');
    expect(
      await statisticsPublish(
        opened.database,
        publishOptions(['--year', '2024', '--out', folder]),
        new Date('2025-02-03T09:00:00Z'),
        (l) => out.push(l),
      ),
    ).toBe(0);
    expect(out[0]).toMatch(/^statistics publish: 12 tables for 2024, hela riket/u);
    const tables = checkFolder(folder);
    const arrivals = Object.values(ARRIVALS_2024).reduce((a, b) => a + b, 0);
    expect(grandTotal(tables.get('ankomna-2024-manad.csv'))).toBe(arrivals);
    expect(grandTotal(tables.get('ankomna-2024-aldersgrupp.csv'))).toBe(arrivals);
    const byMonth = tables.get('ankomna-2024-manad.csv');
    expect(byMonth?.dimensions.map((d) => d.name)).toEqual(['period', 'omrade', 'kon']);
    expect(byMonth?.dimensions[1]?.values).toHaveLength(21);
    expect(byMonth?.dimensions[1]?.values).toContain('12 Skåne län');
    // Skåne's year total: Malmö, Lund and the small ones (the children who moved on count where they arrived).
    const skane = byMonth?.cells.find((c) => c.key.join('|') === `${TOTAL}|12 Skåne län|${TOTAL}`);
    expect(skane?.count).toBe(87);
    expect(tables.get('ankomna-2024-aldersgrupp.csv')?.cells.some((c) => c.suppressed)).toBe(true);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(readme).toContain('# Ensamkommande barn 2024');
    expect(readme).toContain('Migrationsverket');
    expect(readme).toContain('Framtagen 2025-02-03');
    expect(readme).toContain('Ankomna barn (första dagen i en kommuns ansvar)');
    expect(readme).toContain('`ankomna-2024-aldersgrupp.csv`');
    expect(readme).toContain('fyllda år');
    expect(readme).toContain('Antal 1–4 visas inte');
    expect(readme).toContain('0 visas alltid');
    expect(readme).toContain('Källa: Anvisa');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('writes a county board’s tables by its municipalities into an empty folder', async () => {
    const folder = join(dir, 'skane');
    mkdirSync(folder);
    const options = publishOptions(['--year', '2024', '--out', folder, '--lan', '12']);
    expect(await statisticsPublish(opened.database, options, new Date(), () => {})).toBe(0);
    const tables = checkFolder(folder);
    const byMonth = tables.get('ankomna-2024-manad.csv');
    expect(byMonth?.dimensions[1]?.values).toHaveLength(33);
    expect(byMonth?.dimensions[1]?.values.every((v) => v.startsWith('12'))).toBe(true);
    expect(grandTotal(byMonth)).toBe(87);
    expect(byMonth?.cells.find((c) => c.key.join('|') === `${TOTAL}|1280 Malmö|${TOTAL}`)?.count).toBe(60);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain('Länsstyrelsen i Skåne län');
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'old.csv'), 'x\n');
    const cases: [string[], string][] = [
      [['--year', '24', '--out', join(dir, 'a')], '--year "24" is not a year written YYYY'],
      [['--year', '2024', '--out', join(dir, 'b'), '--lan', '99'], '--lan "99" is not a county code'],
      [['--year', '2024', '--out', full], 'is not empty'],
      [['--year', '2024'], 'needs --year and --out'],
    ];
    for (const [args, message] of cases) {
      const err: string[] = [];
      expect(
        await run(
          ['statistics', 'publish', ...args],
          () => {},
          (l) => err.push(l),
        ),
      ).toBe(2);
      expect(err.join('\n')).toContain(message);
    }
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(existsSync(join(dir, 'b'))).toBe(false);
    expect(readdirSync(full)).toEqual(['old.csv']);
  });
});
