/**
 * /metrics in Prometheus's text format: the process's request durations by route (src/platform/http/request-metrics.ts)
 * and Node's own figures, and at each scrape the database's: decisions by kind, children in each state of each case
 * machine, the audit sealer's backlog and lag, the notifications waiting for e-mail, the allocation decisions
 * whose follow-ups have not yet run. Counts and codes only: no label
 * carries a name, an id or a municipality, so nothing here points to a child.
 */
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { registry } from '../platform/http/request-metrics.ts';
import { pendingFollowUpBacklog } from '../case/pending-follow-ups.ts';
import { sealerBacklog } from './sealer-lag.ts';

const decisions = new Gauge({
  name: 'anvisa_allocation_decisions',
  help: 'Anvisning decisions recorded, by kind (utjamnande, anknytning, deviation, correction)',
  labelNames: ['kind'] as const,
  registers: [registry],
});
const caseStates = new Gauge({
  name: 'anvisa_case_states',
  help: 'Children in each state of each case machine',
  labelNames: ['machine', 'state'] as const,
  registers: [registry],
});
const sealerEvents = new Gauge({
  name: 'anvisa_audit_unsealed_events',
  help: 'Audit events committed after the last sealed one and not yet chained',
  registers: [registry],
});
const sealerLag = new Gauge({
  name: 'anvisa_audit_sealer_lag_seconds',
  help: 'How long the oldest audit event waiting for the sealer has waited',
  registers: [registry],
});
const followUps = new Gauge({
  name: 'anvisa_allocation_follow_ups_pending',
  help: 'Allocation decisions whose follow-ups (responsibility, social case, deadlines, notice) have not yet run',
  registers: [registry],
});
const followUpsOldest = new Gauge({
  name: 'anvisa_allocation_follow_ups_oldest_seconds',
  help: 'How long the oldest pending follow-up of an allocation decision has waited',
  registers: [registry],
});
const emailQueue = new Gauge({
  name: 'anvisa_notifications_awaiting_email',
  help: 'Unread notifications not yet announced by e-mail',
  registers: [registry],
});

/** Reads the database's figures into the gauges and answers the registry's text. */
export async function scrape(db: DbOrTx): Promise<{ contentType: string; text: string }> {
  const [kinds, states, backlog, waiting, pending] = await Promise.all([
    rowsOf<{ kind: string; n: number | string }>(
      db,
      sql`select kind, count(*) as n from anvisning_decisions group by kind`,
    ),
    rowsOf<{ machine: string; state: string; n: number | string }>(
      db,
      sql`select machine, state, count(*) as n from case_states group by machine, state`,
    ),
    sealerBacklog(db),
    rowsOf<{ n: number | string }>(
      db,
      sql`select count(*) as n from notifications where read_at is null and emailed_at is null`,
    ),
    pendingFollowUpBacklog(db),
  ]);
  decisions.reset();
  for (const k of kinds) decisions.set({ kind: k.kind }, Number(k.n));
  caseStates.reset();
  for (const s of states) caseStates.set({ machine: s.machine, state: s.state }, Number(s.n));
  sealerEvents.set(backlog.events);
  sealerLag.set(backlog.lagSeconds);
  emailQueue.set(Number(waiting[0]?.n ?? 0));
  followUps.set(pending.decisions);
  followUpsOldest.set(pending.oldestSeconds);
  return { contentType: registry.contentType, text: await registry.metrics() };
}
