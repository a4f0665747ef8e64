/**
 * Prints the summary of `npm test` from the stage list scripts/test.sh writes (one tab-separated line per stage:
 * kind, name, exit code, JSON report or note) and the JSON reports of Vitest and Playwright. The last line is
 * exactly `N passed, M failed`, summed over the test tiers. A tier that exits non-zero without a failed test
 * (a crash, a failed global setup, a file that did not load) counts as one failure, so the line never hides it.
 */
import { existsSync, readFileSync } from 'node:fs';

interface TierCount {
  passed: number;
  failed: number;
  skipped: number;
  files: number;
  note: string;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; message?: string; assertionResults: { status: string }[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: unknown[];
  errors?: unknown[];
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function vitestCounts(path: string): TierCount | null {
  const report = readJson<VitestReport>(path);
  if (report === null) return null;
  // A file that failed to load or whose hooks failed reports no failed test of its own: count it.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
    files: report.testResults.length,
    note: brokenFiles > 0 ? `${brokenFiles} file(s) failed outside a test` : '',
  };
}

function playwrightCounts(path: string): TierCount | null {
  const report = readJson<PlaywrightReport>(path);
  if (report === null) return null;
  const errors = report.errors?.length ?? 0;
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + errors,
    skipped: report.stats.skipped,
    files: report.suites?.length ?? 0,
    note: [
      report.stats.flaky > 0 ? `${report.stats.flaky} flaky` : '',
      errors > 0 ? `${errors} error(s) outside a test` : '',
    ]
      .filter((s) => s !== '')
      .join(', '),
  };
}

function main(stagesFile: string): void {
  const lines = readFileSync(stagesFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  let passed = 0;
  let failed = 0;
  const rows: [string, string][] = [];
  for (const line of lines) {
    const [kind = '', name = '', exitText = '', detail = ''] = line.split('\t');
    const exitCode = Number(exitText);
    if (kind === 'check') {
      rows.push([name, exitCode === 0 ? 'ok' : `FAILED (exit code ${exitCode})`]);
      continue;
    }
    if (kind === 'skip') {
      rows.push([name, `skipped (${detail})`]);
      continue;
    }
    const counts = kind === 'playwright' ? playwrightCounts(detail) : vitestCounts(detail);
    if (counts === null) {
      failed += 1;
      rows.push([name, `FAILED: no report (exit code ${exitCode})`]);
      continue;
    }
    const notes = [counts.note];
    if (exitCode !== 0 && counts.failed === 0) {
      counts.failed = 1;
      notes.push(`exited with code ${exitCode}`);
    }
    passed += counts.passed;
    failed += counts.failed;
    const noteText = notes.filter((n) => n !== '').join('; ');
    rows.push([
      name,
      `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${counts.files} file(s)${noteText === '' ? '' : ` — ${noteText}`}`,
    ]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('\n==> Summary');
  for (const [name, text] of rows) console.log(`  ${name.padEnd(width)}  ${text}`);
  console.log(`${passed} passed, ${failed} failed`);
}

const stagesFile = process.argv[2];
if (stagesFile === undefined) {
  console.error('usage: node --import tsx scripts/test-summary.ts <stages.tsv>');
  process.exit(2);
}
main(stagesFile);
