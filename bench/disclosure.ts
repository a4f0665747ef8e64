/**
 * `npm run bench:disclosure` — a benchmark, not a test: tabulate, protect and disclosureProblems (issue 15) on the
 * table of the goal: 100,000 records over 120 months × 22 counties × 3 genders × 5 age groups, every margin
 * (121 × 23 × 4 × 6 = 66,792 cells), in this process. Two seeded data sets (BENCH_SEED, default 15): uniform (about
 * 2.5 records an inner cell, so most inner cells are 1–4) and skewed like real arrivals (most in a few counties, boys
 * 16–17; many empty cells). Five runs each; the first is cold (no JIT yet). Goals: tabulate under 200 ms, protect
 * under 1 s. Writes bench/results/disclosure.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { disclosureProblems, protect } from '../src/domain/statistics/disclosure.ts';
import { seededRandom } from '../src/domain/random.ts';
import { tabulate } from '../src/domain/statistics/tabulation.ts';

const SEED = Number(process.env.BENCH_SEED ?? 15);
const RECORDS = 100_000;
const dimensions = [
  { name: 'manad', values: Array.from({ length: 120 }, (_, i) => `m${i}`) },
  { name: 'lan', values: Array.from({ length: 22 }, (_, i) => `c${i}`) },
  { name: 'kon', values: ['flicka', 'pojke', 'annat'] },
  { name: 'alder', values: ['0-6', '7-12', '13-15', '16-17', '18+'] },
];

function records(skewed: boolean): string[][] {
  const random = seededRandom(SEED);
  const pick = (values: readonly string[], x: number) => values[Math.floor(x * values.length)] ?? '';
  return Array.from({ length: RECORDS }, () =>
    skewed
      ? [
          pick(dimensions[0]?.values ?? [], random()),
          pick(dimensions[1]?.values ?? [], random() ** 2),
          pick(['pojke', 'pojke', 'pojke', 'flicka', 'annat'], random() ** 1.5),
          pick(['16-17', '13-15', '7-12', '0-6', '18+'], random() ** 2),
        ]
      : dimensions.map((d) => pick(d.values, random())),
  );
}

const ms = (from: number) => Number((performance.now() - from).toFixed(1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const sets = [];
for (const skewed of [false, true]) {
  const data = records(skewed);
  const runs = [];
  for (let run = 0; run < 5; run++) {
    let started = performance.now();
    const table = tabulate(dimensions, data);
    const tabulateMs = ms(started);
    started = performance.now();
    const result = protect(table);
    const protectMs = ms(started);
    started = performance.now();
    const problems = disclosureProblems(result, table).length;
    const checkMs = ms(started);
    const suppressed = result.cells.filter((c) => c.suppressed).length;
    const primary = result.cells.filter((c) => c.primary).length;
    const zeros = table.cells.filter((c) => c.count === 0).length;
    runs.push({
      tabulateMs,
      protectMs,
      checkMs,
      problems,
      cells: table.cells.length,
      zeros,
      primary,
      suppressed,
    });
  }
  const set = {
    data: skewed ? 'skewed' : 'uniform',
    runs,
    medianTabulateMs: median(runs.map((r) => r.tabulateMs)),
    medianProtectMs: median(runs.map((r) => r.protectMs)),
    medianCheckMs: median(runs.map((r) => r.checkMs)),
  };
  const first = runs[0];
  console.log(
    `${set.data}: ${first?.cells} cells, ${first?.zeros} zeros, ${first?.primary} primary, ${first?.suppressed} suppressed, ${first?.problems} problems; ` +
      `tabulate ${set.medianTabulateMs} ms, protect ${set.medianProtectMs} ms, check ${set.medianCheckMs} ms (median of 5; cold ${first?.tabulateMs}/${first?.protectMs}/${first?.checkMs})`,
  );
  sets.push(set);
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  loadAverageBefore: loadavg(),
  seed: SEED,
  records: RECORDS,
  sets,
  goals: { tabulateMs: 200, protectMs: 1000 },
};
const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'disclosure.json'), `${JSON.stringify(results, null, 2)}\n`);
