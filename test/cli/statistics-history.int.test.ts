/**
 * `anvisa statistics import-history` against a real database: the months recorded with their source and the officer
 * who vouches for them, in one go; a bad file, an unknown or unqualified officer, or a missing source refused with
 * exit 2 and nothing written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { run } from '../../src/cli/main.ts';
import { importHistory, importHistoryOptions } from '../../src/cli/statistics-history.ts';
import { CsvError } from '../../src/reference/csv.ts';
import { UsageError } from '../../src/cli/usage-error.ts';

let opened: OpenTestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'anvisa-history-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  opened = await openTestDatabase();
  const { raw } = opened.database;
  await raw.exec(`
    insert into organisations (id, type, name) values
      ('00000000-0000-4000-8000-000000000001', 'migration_agency', 'Migrationsverket'),
      ('00000000-0000-4000-8000-000000000002', 'county_board', 'Länsstyrelsen');
    insert into users (id, subject, display_name, email) values
      ('00000000-0000-4000-8000-000000000011', 'dev:anna', 'Anna', 'anna@example.se'),
      ('00000000-0000-4000-8000-000000000012', 'dev:maria', 'Maria', 'maria@example.se');
    insert into role_assignments (user_id, organisation_id, role) values
      ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000001', 'allocation_officer'),
      ('00000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000002', 'county_coordinator');
  `);
});
afterAll(async () => {
  await opened.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async () =>
  (
    await opened.database.raw.query<{ month: string; count: number; source: string; recorded_by: string }>(
      'select month, count, source, recorded_by from arrival_history order by seq',
    )
  ).rows;

describe('statistics import-history', () => {
  it('records every month with its source and the officer, in order', async () => {
    const history = file('h.csv', 'manad,antal\n2019-11,80\n2019-12,71\n2020-01,33\n');
    const lines: string[] = [];
    const options = importHistoryOptions([
      '--history',
      history,
      '--source',
      'Migrationsverket, månadsstatistik 2019–2020',
      '--by',
      'dev:anna',
    ]);
    expect(
      await importHistory(opened.database, options, new Date('2026-12-07T10:00:00Z'), (l) => lines.push(l)),
    ).toBe(0);
    expect(lines).toEqual([`imported 3 months (2019-11 to 2020-01) from ${history}`]);
    expect(await rows()).toEqual([
      {
        month: '2019-11',
        count: 80,
        source: 'Migrationsverket, månadsstatistik 2019–2020',
        recorded_by: '00000000-0000-4000-8000-000000000011',
      },
      {
        month: '2019-12',
        count: 71,
        source: 'Migrationsverket, månadsstatistik 2019–2020',
        recorded_by: '00000000-0000-4000-8000-000000000011',
      },
      {
        month: '2020-01',
        count: 33,
        source: 'Migrationsverket, månadsstatistik 2019–2020',
        recorded_by: '00000000-0000-4000-8000-000000000011',
      },
    ]);
  });

  it('refuses a bad file naming the line, before the database', () => {
    const bad = file('bad.csv', 'manad,antal\n2020-01,5\n2020-03,-1\n');
    try {
      importHistoryOptions(['--history', bad, '--source', 'Migrationsverket', '--by', 'dev:anna']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).problems.map((p) => p.line)).toEqual([3, 3]);
    }
  });

  it('refuses an officer who is not the Agency’s allocation officer, and writes nothing', async () => {
    const before = (await rows()).length;
    const history = file('ok.csv', 'manad,antal\n2021-01,40\n');
    for (const by of ['dev:maria', 'dev:nobody']) {
      const options = importHistoryOptions([
        '--history',
        history,
        '--source',
        'Migrationsverket',
        '--by',
        by,
      ]);
      await expect(
        importHistory(opened.database, options, new Date(), () => undefined),
      ).rejects.toBeInstanceOf(UsageError);
    }
    expect((await rows()).length).toBe(before);
  });

  it('exits 2 on a missing source or option through the command line', async () => {
    const errors: string[] = [];
    const history = file('ok2.csv', 'manad,antal\n2021-01,40\n');
    expect(
      await run(
        ['statistics', 'import-history', '--history', history, '--source', ' ', '--by', 'dev:anna'],
        () => undefined,
        (l) => errors.push(l),
      ),
    ).toBe(2);
    expect(
      await run(
        ['statistics', 'import-history', '--history', history],
        () => undefined,
        (l) => errors.push(l),
      ),
    ).toBe(2);
    expect(errors.join('\n')).toMatch(/--source must say where the figures come from/);
  });
});
