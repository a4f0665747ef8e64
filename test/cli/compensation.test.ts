/** `anvisa compensation compute` on small files: the exact output, and every kind of bad input refused whole. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-compensation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function compute(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    ['compensation', 'compute', ...args],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const CHILDREN_HEADER =
  'barn_id,fodelsedatum,ankomstkommun,ankomstdatum,anvisningskommun,anvisningsdatum,overtagandedatum,uppehallstillstand_datum';
const CHILDREN = `${CHILDREN_HEADER}
B1,2008-05-10,0180,2024-03-10,1280,2024-03-11,2024-03-13,
B2,2006-03-01,,,1281,2023-12-20,2023-12-30,2023-06-01
`;
const RESPONSIBILITY = 'barn_id,kommunkod,fran,till\nB1,1280,2024-03-13,\nB2,1281,2023-12-30,\n';
const PLACEMENTS_HEADER = 'barn_id,kommunkod,fran,till,form,lvu,dygnskostnad';
const PLACEMENTS = `${PLACEMENTS_HEADER}
B1,1280,2024-03-13,2024-05-01,hvb,ja,4000
B1,1280,2024-05-01,,familjehem,nej,
B2,1281,2023-12-30,,stodboende,nej,
`;
const SHARES = 'kommunkod,promille\n1280,9.45\n1281,0\n';

const files = {
  children: file('c.csv', CHILDREN),
  responsibility: file('r.csv', RESPONSIBILITY),
  placements: file('p.csv', PLACEMENTS),
  shares: file('s.csv', SHARES),
};

const args = (out: string, f: Partial<typeof files> = {}) => {
  const all = { ...files, ...f };
  return [
    '--children',
    all.children,
    '--responsibility',
    all.responsibility,
    '--placements',
    all.placements,
    '--from',
    '2023-12-01',
    '--to',
    '2024-06-30',
    '--out',
    out,
  ];
};

const DAILY = `0180,2024-Q1,ANKOMST_DYGN,3,9000
1280,2024-Q1,ANVISNING_ENGANG,1,52000
1280,2024-Q1,LVU_TILLAGG,19,57000
1280,2024-Q1,SCHABLON_DYGN,19,19000
1280,2024-Q2,LVU_TILLAGG,30,90000
1280,2024-Q2,SCHABLON_DYGN,91,91000
1281,2023-Q4,ANVISNING_ENGANG,1,52000
1281,2023-Q4,SCHABLON_DYGN,2,2700
1281,2024-Q1,SCHABLON_DYGN,60,60000
1281,2024-Q1,UNGA_DYGN,31,23250
1281,2024-Q2,UNGA_DYGN,91,68250
`;

describe('anvisa compensation compute', () => {
  it('writes one line per municipality, period and code in plain string order: header, LF, no quotes, no BOM', async () => {
    const out = join(dir, 'lines.csv');
    const result = await compute(args(out));
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`kommunkod,period,ersattning,antal,belopp\n${DAILY}`);
    expect(result.out.join('\n')).toMatch(/2 children, 2023-12-01 to 2024-06-30: 11 lines, 524200 kr/);
  });

  it('adds the annual lines, 0 ‰ included, only when --shares, --forecast and --year are all given', async () => {
    const out = join(dir, 'annual.csv');
    const result = await compute([
      ...args(out),
      '--shares',
      files.shares,
      '--forecast',
      '1500',
      '--year',
      '2024',
    ]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines).toContain('1280,2024,FAST_AR,1,500000');
    expect(lines).toContain('1280,2024,RORLIG_AR,14,132300');
    expect(lines).toContain('1281,2024,FAST_AR,1,500000');
    expect(lines.filter((l) => l.startsWith('1281,2024,RORLIG_AR'))).toEqual([]); // 0 kr: left out
    expect(lines.indexOf('1280,2024,RORLIG_AR,14,132300')).toBeLessThan(
      lines.indexOf('1280,2024-Q1,ANVISNING_ENGANG,1,52000'),
    );

    const partial = join(dir, 'partial.csv');
    const without = await compute([...args(partial), '--shares', files.shares, '--year', '2024']);
    expect(without.code).toBe(0);
    expect(readFileSync(partial, 'utf8')).toBe(`kommunkod,period,ersattning,antal,belopp\n${DAILY}`);
    expect(without.out.join('\n')).toMatch(/no annual lines: they need all three/);
  });

  it('reads files with a byte order mark and CRLF line ends alike', async () => {
    const crlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    const out = join(dir, 'crlf.csv');
    const result = await compute(
      args(out, {
        children: file('c-crlf.csv', crlf(CHILDREN)),
        responsibility: file('r-crlf.csv', crlf(RESPONSIBILITY)),
        placements: file('p-crlf.csv', crlf(PLACEMENTS)),
      }),
    );
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`kommunkod,period,ersattning,antal,belopp\n${DAILY}`);
  });

  it('answers each kind of bad input with exit 2 and file:line: reason, and writes nothing', async () => {
    const cases: [keyof typeof files, string, RegExp][] = [
      [
        'children',
        `${CHILDREN}B3,2008-01-01,,,9999,2024-01-01,,\n`,
        /c-bad\.csv:4: unknown kommunkod 9999 in anvisningskommun/,
      ],
      [
        'children',
        `${CHILDREN}B1,2008-01-01,,,1280,2024-01-01,,\n`,
        /c-bad\.csv:4: barn_id B1 appears twice \(first on line 2\)/,
      ],
      [
        'children',
        `${CHILDREN}B3,2008-02-30,,,1280,2024-01-01,,\n`,
        /c-bad\.csv:4: fodelsedatum "2008-02-30" is not a date/,
      ],
      [
        'children',
        `${CHILDREN}B3,2008-01-01,0180,,1280,2024-01-01,,\n`,
        /c-bad\.csv:4: ankomstkommun and ankomstdatum/,
      ],
      [
        'children',
        `${CHILDREN}B3,2008-01-01,,,1280,2024-01-01,2024-13-01,\n`,
        /c-bad\.csv:4: overtagandedatum "2024-13-01"/,
      ],
      ['responsibility', `${RESPONSIBILITY}B9,1280,2024-01-01,\n`, /r-bad\.csv:4: unknown barn_id B9/],
      [
        'responsibility',
        `${RESPONSIBILITY}B1,0000,2023-01-01,2023-02-01\n`,
        /r-bad\.csv:4: unknown kommunkod 0000/,
      ],
      [
        'responsibility',
        `${RESPONSIBILITY}B1,1280,2023-02-01,2023-02-01\n`,
        /r-bad\.csv:4: till 2023-02-01 is not after fran 2023-02-01/,
      ],
      [
        'responsibility',
        `${RESPONSIBILITY}B1,1281,2024-06-01,2024-07-01\n`,
        /r-bad\.csv:4: the responsibility period overlaps the one on line 2 for barn_id B1/,
      ],
      [
        'placements',
        `${PLACEMENTS}B2,1281,2023-01-01,2024-01-01,hvb,nej,\n`,
        /p-bad\.csv:4: the placement overlaps the one on line 5 for barn_id B2/,
      ],
      [
        'placements',
        `${PLACEMENTS}B9,1281,2023-01-01,2023-02-01,hvb,nej,\n`,
        /p-bad\.csv:5: unknown barn_id B9/,
      ],
      [
        'placements',
        `${PLACEMENTS}B2,1281,2022-01-01,2022-02-01,hvb,ja,\n`,
        /p-bad\.csv:5: lvu=ja needs a dygnskostnad/,
      ],
      [
        'placements',
        `${PLACEMENTS}B2,1281,2022-01-01,2022-02-01,boende,nej,\n`,
        /p-bad\.csv:5: unknown form "boende"/,
      ],
      [
        'placements',
        `${PLACEMENTS}B2,1281,2022-01-01,2022-02-31,hvb,nej,\n`,
        /p-bad\.csv:5: till "2022-02-31" is not a date/,
      ],
      [
        'placements',
        `${PLACEMENTS}B2,1281,2022-01-01,2022-02-01,hvb,kanske,\n`,
        /p-bad\.csv:5: lvu "kanske" is neither ja nor nej/,
      ],
      ['placements', `${PLACEMENTS_HEADER.replace(',form', '')}\n`, /p-bad\.csv:1: missing columns: form/],
      ['shares', 'kommunkod,promille\n1280,9.45\n0001,1\n', /s-bad\.csv:3: unknown kommunkod 0001/],
      ['shares', 'kommunkod,promille\n1280,9,45\n', /s-bad\.csv:2: 3 cells, not the header's 2/],
      ['shares', 'kommunkod,promille\n1280,-1\n', /s-bad\.csv:2: promille "-1" is not a number/],
    ];
    const out = join(dir, 'never.csv');
    for (const [kind, text, message] of cases) {
      const bad = file(`${kind.slice(0, 1)}-bad.csv`, text);
      const result = await compute([
        ...args(out, { [kind]: bad }),
        '--shares',
        kind === 'shares' ? bad : files.shares,
        '--forecast',
        '1500',
        '--year',
        '2024',
      ]);
      expect(result.code, text).toBe(2);
      expect(result.err.join('\n'), text).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a command line that does not fit with exit 2', async () => {
    const out = join(dir, 'usage.csv');
    expect((await compute(args(out).slice(2))).code).toBe(2);
    expect((await compute([...args(out).slice(0, 7), '2023-13-01', ...args(out).slice(8)])).code).toBe(2);
    expect((await compute([...args(out), '--forecast', 'many'])).code).toBe(2);
    expect((await compute([...args(out), '--frobnicate'])).code).toBe(2);
    expect(
      await run(
        ['compensation', 'recompute'],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
