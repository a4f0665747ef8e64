/** `anvisa statistics tabulate` on small files: the exact protected table, and every kind of bad input refused whole. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { disclosureProblems, type ProtectedTable } from '../../src/domain/statistics/disclosure.ts';
import { tabulate, TOTAL, type Dimension } from '../../src/domain/statistics/tabulation.ts';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-statistics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function tabulateCommand(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    ['statistics', 'tabulate', ...args],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const HEADER = 'barn_id,kommunkod,kon,fodelsedatum,ankomstdatum';

/** Groups of children alike: [how many, kommunkod, kon, fodelsedatum, ankomstdatum]. */
const GROUPS: [number, string, string, string, string][] = [
  [10, '1280', 'pojke', '2007-06-01', '2024-03-10'], // 16 at arrival: 16-17
  [6, '0180', 'pojke', '2009-06-01', '2024-03-10'], // 14: 13-15
  [3, '1280', 'flicka', '2007-06-01', '2024-05-01'], // 16: 16-17
  [7, '0180', 'pojke', '2006-06-01', '2023-09-01'], // 17: 16-17
  [5, '1480', 'flicka', '2009-01-01', '2023-02-01'], // 14: 13-15
];
const ROWS = GROUPS.flatMap(([n, ...rest]) => Array.from({ length: n }, () => rest));
const CHILDREN = `${HEADER}\n${ROWS.map((r, i) => `B${i + 1},${r.join(',')}`).join('\n')}\n`;
const children = file('c.csv', CHILDREN);

/** The written file as a protected table: the dimensions' values are those given, in the file's order. */
function readTable(path: string, dimensions: readonly Dimension[]): ProtectedTable {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  expect(header).toBe([...dimensions.map((d) => d.name), 'antal'].join(','));
  return {
    dimensions,
    cells: lines.map((line) => {
      const cells = line.split(',');
      const antal = cells.pop() ?? '';
      const count = antal === '..' ? null : Number(antal);
      expect(count === null || /^[0-9]+$/.test(antal)).toBe(true);
      return { key: cells, count, suppressed: count === null, primary: false };
    }),
  };
}

describe('anvisa statistics tabulate', () => {
  it('writes every combination and every total, zeros as 0 and suppressed counts as ..', async () => {
    const out = join(dir, 't.csv');
    const result = await tabulateCommand([
      '--children',
      children,
      '--by',
      'ar,kon,aldersgrupp',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toMatch(
      /31 children by ar, kon, aldersgrupp: 45 rows, 17 suppressed \(3 of them 1–4\)/,
    );
    // (2 years + 1) × (2 genders + 1) × (4 age groups + 1)
    expect(readFileSync(out, 'utf8')).toBe(`ar,kon,aldersgrupp,antal
2023,flicka,0-6,0
2023,flicka,7-12,0
2023,flicka,13-15,..
2023,flicka,16-17,0
2023,flicka,total,..
2023,pojke,0-6,0
2023,pojke,7-12,0
2023,pojke,13-15,0
2023,pojke,16-17,..
2023,pojke,total,..
2023,total,0-6,0
2023,total,7-12,0
2023,total,13-15,..
2023,total,16-17,..
2023,total,total,12
2024,flicka,0-6,0
2024,flicka,7-12,0
2024,flicka,13-15,0
2024,flicka,16-17,..
2024,flicka,total,..
2024,pojke,0-6,0
2024,pojke,7-12,0
2024,pojke,13-15,..
2024,pojke,16-17,..
2024,pojke,total,..
2024,total,0-6,0
2024,total,7-12,0
2024,total,13-15,..
2024,total,16-17,..
2024,total,total,19
total,flicka,0-6,0
total,flicka,7-12,0
total,flicka,13-15,..
total,flicka,16-17,..
total,flicka,total,8
total,pojke,0-6,0
total,pojke,7-12,0
total,pojke,13-15,..
total,pojke,16-17,..
total,pojke,total,23
total,total,0-6,0
total,total,7-12,0
total,total,13-15,11
total,total,16-17,20
total,total,total,31
`);
  });

  it('lists all 21 counties and all 290 municipalities, and the file passes the disclosure check', async () => {
    const out = join(dir, 'lan.csv');
    expect(
      (await tabulateCommand(['--children', children, '--by', 'lan,kon,aldersgrupp,ar', '--out', out])).code,
    ).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(1 + 22 * 3 * 5 * 3);
    expect(text).toContain('\n01,flicka,0-6,2023,0\n');
    expect(text).toContain('\n25,total,total,total,0\n');
    expect(text).toContain('\n12,flicka,16-17,2024,..\n'); // 3 girls in Skåne: primary
    expect(text).toContain('\ntotal,total,total,total,31\n');

    const lan = [
      ...new Set(
        text
          .split('\n')
          .slice(1, -1)
          .map((l) => l.split(',')[0] ?? ''),
      ),
    ];
    expect(lan).toHaveLength(22);
    expect(lan.at(-1)).toBe(TOTAL);
    const dimensions: Dimension[] = [
      { name: 'lan', values: lan.slice(0, -1) },
      { name: 'kon', values: ['flicka', 'pojke'] },
      { name: 'aldersgrupp', values: ['0-6', '7-12', '13-15', '16-17'] },
      { name: 'ar', values: ['2023', '2024'] },
    ];
    const group = (birth: string, arrival: string) =>
      Number(arrival.slice(0, 4)) - Number(birth.slice(0, 4)) - (arrival.slice(5) < birth.slice(5) ? 1 : 0) >=
      16
        ? '16-17'
        : '13-15';
    const exact = tabulate(
      dimensions,
      ROWS.map(([code = '', kon = '', birth = '', arrival = '']) => [
        code.slice(0, 2),
        kon,
        group(birth, arrival),
        arrival.slice(0, 4),
      ]),
    );
    expect(disclosureProblems(readTable(out, dimensions), exact)).toEqual([]);

    const kommun = join(dir, 'kommun.csv');
    expect((await tabulateCommand(['--children', children, '--by', 'kommun', '--out', kommun])).code).toBe(0);
    const lines = readFileSync(kommun, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 291);
    expect(lines.slice(0, 2)).toEqual(['kommun,antal', '0114,0']);
    expect(lines).toContain('0180,13');
    expect(lines).toContain('1280,13');
    expect(lines).toContain('1480,5');
    expect(lines.at(-1)).toBe('total,31');
  });

  it('answers each kind of bad input with exit 2 and file:line: reason, and writes nothing', async () => {
    const cases: [string, RegExp][] = [
      [`${CHILDREN}B90,9999,pojke,2008-01-01,2024-01-01\n`, /c-bad\.csv:33: unknown kommunkod 9999/],
      [
        `${CHILDREN}B90,1280,pojke,2008-01-01,2023-02-30\n`,
        /c-bad\.csv:33: ankomstdatum "2023-02-30" is not a date written YYYY-MM-DD/,
      ],
      [
        `${CHILDREN}B90,1280,pojke,2008-13-01,2023-02-01\n`,
        /c-bad\.csv:33: fodelsedatum "2008-13-01" is not a date written YYYY-MM-DD/,
      ],
      [
        `${CHILDREN}B90,1280,pojke,2006-01-01,2024-01-01\n`,
        /c-bad\.csv:33: the child is 18 at ankomstdatum 2024-01-01, not 0–17/,
      ],
      [
        `${CHILDREN}B90,1280,pojke,2024-01-02,2024-01-01\n`,
        /c-bad\.csv:33: ankomstdatum 2024-01-01 is before fodelsedatum 2024-01-02/,
      ],
      [
        `${CHILDREN}B90,1280,annat,2008-01-01,2024-01-01\n`,
        /c-bad\.csv:33: kon "annat" is neither flicka nor pojke/,
      ],
      [
        `${CHILDREN}B7,1280,pojke,2008-01-01,2024-01-01\n`,
        /c-bad\.csv:33: barn_id B7 appears twice \(first on line 8\)/,
      ],
      [`${CHILDREN},1280,pojke,2008-01-01,2024-01-01\n`, /c-bad\.csv:33: barn_id is empty/],
      [`${CHILDREN}B90,1280,pojke,2008-01-01\n`, /c-bad\.csv:33: 4 cells, not the header's 5/],
      [
        CHILDREN.replace('ankomstdatum', 'ankomst'),
        /c-bad\.csv:1: the header is "barn_id,kommunkod,kon,fodelsedatum,ankomst", not barn_id,kommunkod,kon,fodelsedatum,ankomstdatum/,
      ],
      [
        CHILDREN.replace(HEADER, `${HEADER},extra`),
        /c-bad\.csv:1: the header is .*,extra", not barn_id,kommunkod,kon,fodelsedatum,ankomstdatum/,
      ],
    ];
    const out = join(dir, 'never.csv');
    for (const [text, message] of cases) {
      const bad = file('c-bad.csv', text);
      const result = await tabulateCommand(['--children', bad, '--by', 'lan,kon', '--out', out]);
      expect(result.code, text).toBe(2);
      expect(result.err.join('\n'), text).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('names every bad line of a file at once', async () => {
    const bad = file(
      'c-many.csv',
      `${CHILDREN}B90,9999,pojke,2008-01-01,2024-01-01\nB91,1280,pojke,2008-01-01,2023-02-30\n`,
    );
    const out = join(dir, 'never.csv');
    const result = await tabulateCommand(['--children', bad, '--by', 'kon', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      `anvisa: ${bad} has errors:`,
      `  ${bad}:33: unknown kommunkod 9999`,
      `  ${bad}:34: ankomstdatum "2023-02-30" is not a date written YYYY-MM-DD`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a command line that does not fit with exit 2: unknown or repeated dimensions, lan with kommun', async () => {
    const out = join(dir, 'usage.csv');
    const usage: [string[], RegExp][] = [
      [['--children', children, '--by', 'lan,alder', '--out', out], /unknown dimension "alder" in --by/],
      [['--children', children, '--by', '', '--out', out], /unknown dimension "" in --by/],
      [['--children', children, '--by', 'kon,kon', '--out', out], /dimension kon appears twice in --by/],
      [['--children', children, '--by', 'lan,kommun', '--out', out], /may not hold both lan and kommun/],
      [['--children', children, '--out', out], /needs --children, --by and --out/],
      [['--children', children, '--by', 'kon', '--out', out, '--frobnicate'], /frobnicate/],
    ];
    for (const [args, message] of usage) {
      const result = await tabulateCommand(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.join('\n')).toMatch(message);
      expect(result.err.join('\n')).toMatch(/statistics tabulate --children/); // the usage text
    }
    expect(
      await run(
        ['statistics', 'count'],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
