/** `anvisa forecast` on small files: the output's form and figures, and every kind of bad input refused whole. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { forecastArrivals } from '../../src/domain/statistics/forecast.ts';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function forecast(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    ['forecast', ...args],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const SEASON = [80, 70, 80, 90, 90, 90, 100, 120, 130, 140, 120, 90];
const month = (t: number) => `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
/** Four years, 2020-01 to 2023-12, a season with a little wobble. */
const MONTHS = Array.from({ length: 48 }, (_, t) => ({
  month: month(t),
  count: (SEASON[t % 12] ?? 0) + ((t * 7) % 11) - 5,
}));
const HISTORY = `manad,antal\n${MONTHS.map((m) => `${m.month},${m.count}`).join('\n')}\n`;
const SHARES = 'kommunkod,promille\n1280,9.45\n0180,100\n';

const history = file('h.csv', HISTORY);
const shares = file('s.csv', SHARES);

describe('anvisa forecast', () => {
  it('writes the nation’s N months after the history: manad,kommunkod,forvantat,p10,p90, two decimals', async () => {
    const out = join(dir, 'national.csv');
    const result = await forecast(['--history', history, '--months', '6', '--out', out]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('manad,kommunkod,forvantat,p10,p90');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows.map((r) => `${r[0]},${r[1]}`)).toEqual(
      ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map((m) => `${m},riket`),
    );
    const expected = forecastArrivals(MONTHS, 6);
    rows.forEach(([, , mid = '', low = '', high = ''], i) => {
      for (const v of [mid, low, high]) expect(v).toMatch(/^[0-9]+\.[0-9]{2}$/);
      expect(Number(low)).toBeLessThanOrEqual(Number(mid));
      expect(Number(mid)).toBeLessThanOrEqual(Number(high));
      expect(mid).toBe(expected[i]?.expected.toFixed(2));
    });
    expect(result.out.join('\n')).toMatch(
      /48 months to 2023-12, 6 months ahead \(2024-01 to 2024-06\): 6 rows/,
    );
  });

  it('adds one row per municipality and month with --shares: its per mille of the nation’s figures', async () => {
    const out = join(dir, 'shares.csv');
    const result = await forecast(['--history', history, '--months', '2', '--shares', shares, '--out', out]);
    expect(result.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 2).join(','))).toEqual([
      '2024-01,riket',
      '2024-01,0180',
      '2024-01,1280',
      '2024-02,riket',
      '2024-02,0180',
      '2024-02,1280',
    ]);
    const [national] = forecastArrivals(MONTHS, 1);
    expect(rows[1]).toBe(
      `2024-01,0180,${((national?.expected ?? 0) / 10).toFixed(2)},${((national?.p10 ?? 0) / 10).toFixed(2)},${((national?.p90 ?? 0) / 10).toFixed(2)}`,
    );
    expect(result.out.join('\n')).toMatch(/2 municipalities: 6 rows/);
  });

  it('reads a file with a byte order mark and CRLF line ends', async () => {
    const out = join(dir, 'crlf.csv');
    const crlf = file('h-crlf.csv', `\uFEFF${HISTORY.replaceAll('\n', '\r\n')}`);
    expect((await forecast(['--history', crlf, '--months', '3', '--out', out])).code).toBe(0);
    const plain = join(dir, 'plain.csv');
    await forecast(['--history', history, '--months', '3', '--out', plain]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('answers each kind of bad input with exit 2 and file:line: reason, and writes nothing', async () => {
    const rows = HISTORY.trim().split('\n');
    const edit = (line: number, text: string) => rows.map((r, i) => (i === line - 1 ? text : r)).join('\n');
    const cases: [string, string, RegExp][] = [
      ['history', edit(5, '2020-05,3'), /h-bad\.csv:5: manad 2020-05 does not follow 2020-03/],
      ['history', edit(5, '2020-4,3'), /h-bad\.csv:5: manad "2020-4" is not a month written YYYY-MM/],
      ['history', edit(5, '2020-04,-3'), /h-bad\.csv:5: antal "-3" is not a whole number ≥ 0/],
      ['history', edit(5, '2020-04,2.5'), /h-bad\.csv:5: antal "2\.5" is not a whole number/],
      ['history', edit(5, '2020-04,2,5'), /h-bad\.csv:5: 3 cells, not the header's 2/],
      ['history', rows.slice(0, 36).join('\n'), /h-bad\.csv:1: 35 months; a forecast needs at least 36/],
      ['history', edit(1, 'month,count'), /h-bad\.csv:1: missing columns: manad, antal/],
      ['shares', 'kommunkod,promille\n1280,9.45\n0001,1\n', /s-bad\.csv:3: unknown kommunkod 0001/],
      ['shares', 'kommunkod,promille\n1280,-1\n', /s-bad\.csv:2: promille "-1" is not a number/],
    ];
    const out = join(dir, 'never.csv');
    for (const [kind, text, message] of cases) {
      const bad = file(`${kind.slice(0, 1)}-bad.csv`, text);
      const result = await forecast([
        '--history',
        kind === 'history' ? bad : history,
        '--months',
        '12',
        '--shares',
        kind === 'shares' ? bad : shares,
        '--out',
        out,
      ]);
      expect(result.code, text).toBe(2);
      expect(result.err.join('\n'), text).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a command line that does not fit with exit 2', async () => {
    const out = join(dir, 'usage.csv');
    for (const months of ['0', '61', 'tolv', '1.5', '-3'])
      expect((await forecast(['--history', history, '--months', months, '--out', out])).code, months).toBe(2);
    expect((await forecast(['--history', history, '--out', out])).code).toBe(2);
    expect((await forecast(['--history', history, '--months', '3', '--out', out, '--frobnicate'])).code).toBe(
      2,
    );
    expect(
      (await forecast(['--history', join(dir, 'missing.csv'), '--months', '3', '--out', out])).code,
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
