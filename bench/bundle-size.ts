/**
 * `npm run bench:bundle` — the JavaScript each page of the web UI loads, from the last build (run `npm run build:web`
 * first). A measure, and with `--check` a budget (issue 11): exit 1 when the login page's JavaScript is over
 * 150 kB gzipped or any route's first load over 300 kB. Writes bench/results/bundle-size.json.
 *
 * Vite's manifest (dist/web/.vite/manifest.json) names each chunk's static imports. The entry (index.html) holds the
 * frame, the router, the login, the choice of role and the start page; every other page is a dynamic entry of its own
 * (src/web/lazy-route.tsx), and every page past the login waits for the whole Swedish dictionary (i18n/sv.ts; the
 * entry has only its core). A page's first load is the closure of the entry's static imports, the dictionary's and
 * its own. The budget is on gzip at zlib's default level (a browser without brotli gets the build's level-9 .gz, a little
 * smaller); brotli is the build's .br file, what Chromium gets. CSS is one file for every page and counted apart.
 */
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist', 'web');
const LOGIN_BUDGET_KB = 150;
const ROUTE_BUDGET_KB = 300;

interface Chunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
}

const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;
const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
/** A file's size as it is, gzipped here, and as the server sends it to a browser that takes brotli (the build's .br). */
function sizeOf(file: string): { raw: number; gzip: number; brotli: number } {
  let size = sizes.get(file);
  if (size === undefined) {
    const bytes = readFileSync(join(DIST, file));
    const gzip = gzipSync(bytes).length;
    const br = join(DIST, `${file}.br`);
    size = { raw: bytes.length, gzip, brotli: existsSync(br) ? readFileSync(br).length : gzip };
    sizes.set(file, size);
  }
  return size;
}

/** The JavaScript files a chunk needs before it runs: itself and its static imports, recursively. */
function closure(keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`${key} is not in the manifest`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10;
function total(files: Iterable<string>): { files: number; rawKB: number; gzipKB: number; brotliKB: number } {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  let count = 0;
  for (const file of files) {
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
    brotli += size.brotli;
    count += 1;
  }
  return { files: count, rawKB: kB(raw), gzipKB: kB(gzip), brotliKB: kB(brotli) };
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
if (entryKey === undefined) throw new Error('no entry in the manifest: run npm run build:web');
const entryFiles = closure([entryKey]);
const DICTIONARY = 'i18n/sv.ts';
const pages = Object.keys(manifest)
  .filter((key) => manifest[key]?.isDynamicEntry === true && key.startsWith('pages/'))
  .sort()
  .map((key) => ({ page: key, firstLoad: total(new Set([...entryFiles, ...closure([DICTIONARY, key])])) }))
  .sort((a, b) => b.firstLoad.gzipKB - a.firstLoad.gzipKB);
const css = total(new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? [])));
const allJs = total(
  new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith('.js')),
  ),
);

const login = total(entryFiles);
const largest = pages[0];
const result = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  },
  budgetKB: { login: LOGIN_BUDGET_KB, route: ROUTE_BUDGET_KB },
  entry: {
    ...login,
    note: 'the login page loads this and nothing more; the choice of role and the start page add the dictionary',
  },
  dictionary: { sv: total(closure([DICTIONARY])), en: total(closure(['i18n/en.ts'])) },
  css,
  allJs,
  pages,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'bundle-size.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);

console.log(
  `entry (the login page): ${login.gzipKB} kB gzip, ${login.brotliKB} kB brotli (${login.rawKB} kB, ${login.files} files)`,
);
console.log(`whole Swedish dictionary (every page past the login): ${result.dictionary.sv.gzipKB} kB gzip`);
for (const { page, firstLoad } of pages)
  console.log(
    `${page.padEnd(48)} ${String(firstLoad.gzipKB).padStart(6)} kB gzip, ${String(firstLoad.brotliKB).padStart(6)} kB brotli first load`,
  );
console.log(
  `CSS (every page): ${css.gzipKB} kB gzip; all JavaScript: ${allJs.gzipKB} kB gzip in ${allJs.files} files`,
);

if (process.argv.includes('--check')) {
  const over = [
    ...(login.gzipKB > LOGIN_BUDGET_KB ? [`login ${login.gzipKB} kB > ${LOGIN_BUDGET_KB} kB`] : []),
    ...pages
      .filter((p) => p.firstLoad.gzipKB > ROUTE_BUDGET_KB)
      .map((p) => `${p.page} ${p.firstLoad.gzipKB} kB > ${ROUTE_BUDGET_KB} kB`),
  ];
  if (over.length > 0) {
    console.error(`over budget: ${over.join('; ')}`);
    process.exit(1);
  }
  console.log(`within budget (login ≤ ${LOGIN_BUDGET_KB} kB, every route ≤ ${ROUTE_BUDGET_KB} kB gzip)`);
}
console.log(`largest first load: ${largest?.page ?? '—'} ${largest?.firstLoad.gzipKB ?? 0} kB gzip`);
