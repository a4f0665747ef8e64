/** `anvisa simulate` with the exact file interface that automated checks use. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'anvisa-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function simulate(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    ['simulate', ...args],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const shares = file('shares.csv', 'kommunkod,promille\n1280,600\n0180,400\n2583,0\n');
const arrivals = file(
  'arrivals.csv',
  'barn_id,datum,anknytning_kommunkod,syskongrupp\nA1,2026-01-01,,\nA2,2026-01-02,,g1\nA3,2026-01-02,,g1\nA4,2026-01-03,2583,\nA5,2026-01-04,,g1\n',
);

describe('anvisa simulate', () => {
  it('writes one row per child in input order: header, LF, no quotes, four-digit codes, three columns', async () => {
    const out = join(dir, 'decisions.csv');
    const result = await simulate(['--shares', shares, '--arrivals', arrivals, '--out', out]);
    expect(result.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(
      'barn_id,kommunkod,typ\nA1,1280,utjamnande\nA2,0180,utjamnande\nA3,0180,utjamnande\nA4,2583,anknytning\nA5,0180,anknytning\n',
    );
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(result.out.join('\n')).toMatch(/5 children; utjämnande 3, anknytning 2/);
    expect(result.out.join('\n')).toMatch(/largest \|r_i − E_i\/1000\| seen: \d+\.\d{3} children/);
    expect(result.out.join('\n')).toMatch(/time per decision/);
  });

  it('takes an opening balance as given', async () => {
    const opening = file('opening.csv', 'kommunkod,mottagna,forvantat_tusendelar\n1280,10,2000\n');
    const out = join(dir, 'with-opening.csv');
    expect(
      (await simulate(['--shares', shares, '--arrivals', arrivals, '--opening', opening, '--out', out])).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('A1,0180,utjamnande');
  });

  it('answers bad input with exit 2, the file and line with the reason, and writes no output', async () => {
    const out = join(dir, 'never.csv');
    const cases: [string, string, RegExp][] = [
      [
        'shares',
        'kommunkod,promille\n1280,600\n0180,300\n',
        /shares\.csv:3: the shares sum to 900, not 1000/,
      ],
      ['shares', 'kommunkod,promille\n1280,600\n9999,400\n', /shares\.csv:3: unknown kommunkod 9999/],
      [
        'arrivals',
        'barn_id,datum,anknytning_kommunkod,syskongrupp\nA1,2026-02-30,,\n',
        /arrivals\.csv:2: datum "2026-02-30" is not a date/,
      ],
      [
        'arrivals',
        'barn_id,datum,anknytning_kommunkod,syskongrupp\nA1,2026-01-01,0000,\n',
        /arrivals\.csv:2: unknown kommunkod 0000/,
      ],
      [
        'arrivals',
        'barn_id,datum\nA1,2026-01-01\n',
        /arrivals\.csv:1: missing columns: anknytning_kommunkod, syskongrupp/,
      ],
    ];
    for (const [i, [kind, text, message]] of cases.entries()) {
      const bad = file(`bad-${i}-${kind}.csv`, text);
      const args =
        kind === 'shares'
          ? ['--shares', bad, '--arrivals', arrivals]
          : ['--shares', shares, '--arrivals', bad];
      const result = await simulate([...args, '--out', out]);
      expect(result.code, text).toBe(2);
      expect(result.err.join('\n')).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses unknown options and rules with exit 2', async () => {
    expect(
      (
        await simulate([
          '--shares',
          shares,
          '--arrivals',
          arrivals,
          '--out',
          join(dir, 'x.csv'),
          '--rule',
          'fastest',
        ])
      ).code,
    ).toBe(2);
    expect((await simulate(['--frobnicate'])).code).toBe(2);
  });

  it('runs a reproducible 2015-like year and reports the deviation with and without relatives', async () => {
    const a = join(dir, 'scenario-a.csv');
    const b = join(dir, 'scenario-b.csv');
    const first = await simulate(['--scenario', '2015', '--seed', '7', '--out', a]);
    await simulate(['--scenario', '2015', '--seed', '7', '--out', b]);
    expect(first.code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8').trim().split('\n')).toHaveLength(35_370);
    const text = first.out.join('\n');
    expect(text).toMatch(/full run: 35369 children/);
    expect(text).toMatch(/same arrivals without relatives: 35369 children; utjämnande 35369, anknytning 0/);
    const singles = /single children, no relatives: .*\n\s+largest \|r_i − E_i\/1000\| seen: ([\d.]+)/.exec(
      text,
    );
    expect(Number(singles?.[1])).toBeLessThan(1);
  }, 60_000); // two generated years: seconds on a busy machine
});
