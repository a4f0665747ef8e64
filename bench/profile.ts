/**
 * The profiles `bench:load` writes beside its figures (bench/results/load-profile.json), so that a goal not met comes
 * with where the time goes: the app processes' V8 CPU profiles (`--cpu-prof`) summed by function and by where the
 * code lives (our src/ folders, each npm package, Node's internals, the garbage collector), and PostgreSQL's own
 * account of its statements (`pg_stat_statements`, when the server loads it). Neither holds personal data: a V8
 * profile names functions and files, `pg_stat_statements` keeps statements with their parameters as $1, $2 ….
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type pg from 'pg';

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly hitCount?: number;
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Where a function's code lives: `src/<folder>`, an npm package, `node:` internals or V8's own pseudo-frames. */
export function codeArea(url: string, functionName: string): string {
  if (url === '') {
    // V8's pseudo-frames: (garbage collector), (program), (idle), (root); and native functions without a file.
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  if (url.startsWith('node:')) return 'node: internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    const scoped = rest[0]?.startsWith('@') === true;
    return scoped ? `${rest[0] ?? ''}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  const src = url.indexOf('/src/');
  if (src >= 0) {
    const parts = url.slice(src + 1).split('/');
    return parts.length > 2 ? `${parts[0] ?? ''}/${parts[1] ?? ''}` : (parts.join('/') ?? url);
  }
  return url.replace(/^file:\/\//, '');
}

function shortLocation(url: string, line: number): string {
  const modules = url.lastIndexOf('/node_modules/');
  const src = url.indexOf('/src/');
  const path =
    modules >= 0
      ? url.slice(modules + '/node_modules/'.length)
      : src >= 0
        ? url.slice(src + 1)
        : url.replace(/^file:\/\//, '');
  return path === '' ? '' : `${path}:${line + 1}`;
}

/** The profiles V8 wrote in `dir` (`--cpu-prof-dir`: every app process of the run). */
export function readCpuProfiles(dir: string): { files: string[]; profiles: CpuProfile[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  return { files, profiles: files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile) };
}

/** A CPU profile of this process while `work` runs (V8's sampling profiler through the inspector). */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/**
 * The self time of each function and each code area over the profiles, the idle time left out of the shares: the
 * shares are of the CPU the processes spent.
 */
export function summariseCpuProfiles(
  profiles: readonly CpuProfile[],
  top = 25,
): { busyMs: number; areas: ProfileShare[]; functions: ProfileShare[] } {
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const samples = profile.samples?.length ?? 0;
    if (samples === 0) continue;
    const msPerSample = (profile.endTime - profile.startTime) / 1000 / samples;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (hits === 0) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(root)') continue;
      const ms = hits * msPerSample;
      busy += ms;
      const area = codeArea(url, functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
      const name =
        `${functionName === '' ? '(anonymous)' : functionName} ${shortLocation(url, lineNumber)}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
  }
  const shares = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: round(ms, 0), percent: round((100 * ms) / Math.max(busy, 1)) }));
  return { busyMs: round(busy, 0), areas: shares(byArea), functions: shares(byFunction) };
}

export interface StatementShare {
  readonly query: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly meanMs: number;
  readonly percent: number;
}

/** Whether the server keeps `pg_stat_statements` (loaded in shared_preload_libraries); creates the view when so. */
export async function statementStatsAvailable(client: pg.Client): Promise<boolean> {
  const loaded = await client.query<{ setting: string }>(
    `select setting from pg_settings where name = 'shared_preload_libraries'`,
  );
  if (!(loaded.rows[0]?.setting ?? '').split(',').some((l) => l.trim() === 'pg_stat_statements'))
    return false;
  await client.query('create extension if not exists pg_stat_statements');
  return true;
}

export async function resetStatementStats(client: pg.Client): Promise<void> {
  await client.query('select pg_stat_statements_reset()');
}

/** The statements of this database that took the most of the server's time since the last reset. */
export async function topStatements(client: pg.Client, top = 15): Promise<StatementShare[]> {
  const rows = await client.query<{ query: string; calls: string; total: number }>(
    `select s.query, s.calls::text as calls, s.total_exec_time as total
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = current_database() and s.query not ilike '%pg_stat_%'
      order by s.total_exec_time desc`,
  );
  const all = rows.rows.reduce((n, r) => n + r.total, 0);
  return rows.rows.slice(0, top).map((r) => ({
    query: r.query.replace(/\s+/g, ' ').slice(0, 400),
    calls: Number(r.calls),
    totalMs: round(r.total, 0),
    meanMs: round(r.total / Math.max(Number(r.calls), 1), 2),
    percent: round((100 * r.total) / Math.max(all, 1)),
  }));
}
