/**
 * `npm run bench:compensation` — a benchmark, not a test: `anvisa compensation compute` end to end over BENCH_CHILDREN
 * children (default 100,000) and a year (2024), as a process of its own (start-up, reading and checking the files,
 * computing, writing). The data is generated seeded (BENCH_SEED, default 14), so every run reads the same files: born
 * 2005–2012; half with an arrival municipality for 1–10 days; anvisning in 2023 or 2024 and a take-over 0–10 days
 * after it (5 % not yet); a residence permit for 40 %; a responsibility period from the take-over, for one in ten
 * moved to another municipality during the year; one to three placements that follow each other (one in twenty a
 * day apart), one in eight under LVU at 1,200–6,000 kr a day; the shares of all 290 municipalities and a forecast of
 * 1,500. Goal: under 10 s. Writes bench/results/compensation.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src/domain/random.ts';
import { addDays } from '../src/domain/time.ts';
import { knownMunicipalityCodes } from '../src/reference/load.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 14);
const FORMS = ['hvb', 'stodboende', 'familjehem', 'jourhem', 'sis'];

function generate(dir: string) {
  const random = seededRandom(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const codes = [...knownMunicipalityCodes()].sort();
  const children = [
    'barn_id,fodelsedatum,ankomstkommun,ankomstdatum,anvisningskommun,anvisningsdatum,overtagandedatum,uppehallstillstand_datum',
  ];
  const responsibility = ['barn_id,kommunkod,fran,till'];
  const placements = ['barn_id,kommunkod,fran,till,form,lvu,dygnskostnad'];
  for (let i = 1; i <= CHILDREN; i++) {
    const id = `B${i}`;
    const birth = addDays('2005-01-01', int(0, 8 * 365));
    const anvisning = addDays('2023-01-01', int(0, 729));
    const assigned = pick(codes);
    const arrival = random() < 0.5 ? { code: pick(codes), date: addDays(anvisning, -int(1, 10)) } : null;
    const takeOver = random() < 0.95 ? addDays(anvisning, int(0, 10)) : null;
    const permit = random() < 0.4 ? addDays(anvisning, int(30, 400)) : '';
    children.push(
      `${id},${birth},${arrival?.code ?? ''},${arrival?.date ?? ''},${assigned},${anvisning},${takeOver ?? ''},${permit}`,
    );
    if (takeOver === null) continue;
    const moved = random() < 0.1 ? { on: addDays(takeOver, int(30, 300)), to: pick(codes) } : null;
    responsibility.push(`${id},${assigned},${takeOver},${moved?.on ?? ''}`);
    if (moved !== null) responsibility.push(`${id},${moved.to},${moved.on},`);
    let from = takeOver;
    const count = int(1, 3);
    for (let p = 0; p < count; p++) {
      const last = p === count - 1;
      const to = last ? '' : addDays(from, int(20, 200));
      const code = moved !== null && from >= moved.on ? moved.to : assigned;
      const lvu = random() < 0.125;
      placements.push(
        `${id},${code},${from},${to},${pick(FORMS)},${lvu ? 'ja' : 'nej'},${lvu ? int(1_200, 6_000) : ''}`,
      );
      if (last) break;
      from = random() < 0.05 ? addDays(to, 1) : to;
    }
  }
  const shares = [
    'kommunkod,promille',
    ...codes.map((code) => `${code},${(1000 / codes.length).toFixed(3)}`),
  ];
  const files = {
    children: join(dir, 'children.csv'),
    responsibility: join(dir, 'responsibility.csv'),
    placements: join(dir, 'placements.csv'),
    shares: join(dir, 'shares.csv'),
  };
  writeFileSync(files.children, `${children.join('\n')}\n`);
  writeFileSync(files.responsibility, `${responsibility.join('\n')}\n`);
  writeFileSync(files.placements, `${placements.join('\n')}\n`);
  writeFileSync(files.shares, `${shares.join('\n')}\n`);
  return {
    files,
    rows: {
      children: children.length - 1,
      responsibility: responsibility.length - 1,
      placements: placements.length - 1,
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'anvisa-bench-compensation-'));
try {
  const generated = performance.now();
  const { files, rows } = generate(dir);
  console.log(
    `generated ${JSON.stringify(rows)} in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
  const out = join(dir, 'lines.csv');
  const runs: { wallSeconds: number; report: string }[] = [];
  for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 3); run++) {
    const started = performance.now();
    const report = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'src', 'cli', 'main.ts'),
        'compensation',
        'compute',
        '--children',
        files.children,
        '--responsibility',
        files.responsibility,
        '--placements',
        files.placements,
        '--from',
        '2024-01-01',
        '--to',
        '2024-12-31',
        '--shares',
        files.shares,
        '--forecast',
        '1500',
        '--year',
        '2024',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    ).trim();
    const wallSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
    runs.push({ wallSeconds, report });
    console.log(`run ${run + 1}: ${wallSeconds} s wall — ${report}`);
  }
  const lines = readFileSync(out, 'utf8').trim().split('\n').length - 1;
  const walls = runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    loadAverageBefore: loadavg(),
    seed: SEED,
    rows,
    lines,
    runs,
    medianWallSeconds: walls[1] ?? walls[0],
    goalSeconds: 10,
  };
  console.log(`median ${results.medianWallSeconds} s wall for ${CHILDREN} children and a year (goal < 10 s)`);
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'compensation.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  if (process.env.BENCH_KEEP === undefined) rmSync(dir, { recursive: true, force: true });
  else console.log(`files kept in ${dir}`);
}
