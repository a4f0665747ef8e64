/**
 * The process's request metrics (Prometheus, prom-client): how long each route took, by its pattern and status
 * class. Labels are route patterns ("/api/children/:childId"), never a URL, a query or an id, so no child can be read
 * out of them; a request no route matched is counted under "(none)". One registry per process, as Prometheus scrapes
 * each process; the database's figures are added at scrape time by src/operations/metrics.ts.
 */
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'anvisa_' });

const requestSeconds = new Histogram({
  name: 'anvisa_http_request_duration_seconds',
  help: 'Time from the request to the answer, by method, route pattern and status class',
  labelNames: ['method', 'route', 'status'] as const,
  // From 2.5 ms (a session check) to 5 s; the goals are p99 < 50 ms for the mix and < 5 ms for a decision.
  buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Counts one answered request. `route` is the matched pattern, or undefined when no route matched. */
export function observeRequest(method: string, route: string | undefined, status: number, seconds: number) {
  requestSeconds.observe(
    { method, route: route ?? '(none)', status: `${Math.floor(status / 100)}xx` },
    seconds,
  );
}
