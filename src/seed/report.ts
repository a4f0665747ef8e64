/** What the demo holds: children, and how many are in each state of each machine (every state must occur). */
import { count } from 'drizzle-orm';
import { MACHINES } from '../domain/case/machines.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { caseStates, children } from '../platform/db/schema.ts';

export interface StateReport {
  readonly children: number;
  readonly machines: Record<string, Record<string, number>>;
  /** "machine.state" never reached by any child. */
  readonly missing: string[];
}

export async function stateReport(db: DbOrTx): Promise<StateReport> {
  const [total] = await db.select({ n: count() }).from(children);
  const rows = await db
    .select({ machine: caseStates.machine, state: caseStates.state, n: count() })
    .from(caseStates)
    .groupBy(caseStates.machine, caseStates.state);
  const machines: Record<string, Record<string, number>> = {};
  for (const machine of MACHINES) {
    const counts: Record<string, number> = {};
    for (const state of machine.states)
      counts[state] = rows.find((r) => r.machine === machine.name && r.state === state)?.n ?? 0;
    // Children never started in a machine are in its initial state.
    const started = Object.values(counts).reduce((a, b) => a + b, 0);
    counts[machine.initial] = (counts[machine.initial] ?? 0) + Math.max(0, (total?.n ?? 0) - started);
    machines[machine.name] = counts;
  }
  const missing = Object.entries(machines).flatMap(([machine, counts]) =>
    Object.entries(counts)
      .filter(([, n]) => n === 0)
      .map(([state]) => `${machine}.${state}`),
  );
  return { children: total?.n ?? 0, machines, missing };
}

export function formatStateReport(report: StateReport): string {
  const lines = Object.entries(report.machines).map(
    ([machine, counts]) =>
      `  ${machine}: ${Object.entries(counts)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ')}`,
  );
  const missing =
    report.missing.length === 0
      ? 'every state of every machine occurs'
      : `states not reached: ${report.missing.join(', ')}`;
  return [`${report.children} children; ${missing}`, ...lines].join('\n');
}
