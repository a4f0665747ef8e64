/**
 * Operations: the health check a load balancer asks, and the metrics Prometheus scrapes. Neither shows personal
 * data. /metrics is open in development; with ANVISA_METRICS_TOKEN set it asks for `Authorization: Bearer <token>`,
 * and in production without a token it does not exist (404) — counts of decisions and case states are the agency's
 * operational figures, not for anyone who can reach the port.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { defineRoute, PUBLIC } from '../platform/http/route.ts';
import { HttpError, notFound } from '../platform/http/errors.ts';
import { HealthResponse } from './contract.ts';
import { checkHealth } from './health.ts';
import { scrape } from './metrics.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request's bearer token is the configured one (compared in constant time). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export const operationsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    summary:
      'Liveness and readiness: 200 when the database, the migrations and the audit sealer are ready, else 503 naming what is not',
    tags: ['operations'],
    access: PUBLIC,
    audit: 'none',
    response: { 200: HealthResponse, 503: HealthResponse },
    handler: async ({ deps, reply }) => {
      const health = await checkHealth(deps.database);
      if (health.status !== 'ok') void reply.status(503);
      return health;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/metrics',
    summary:
      'Prometheus metrics: request durations by route, decisions, case states, the sealer and the e-mail queue (no personal data)',
    tags: ['operations'],
    access: PUBLIC,
    audit: 'none',
    handler: async ({ deps, request, reply }) => {
      const token = deps.config.metricsToken;
      if (token === null && deps.config.production) throw notFound();
      if (token !== null && !bearerMatches(request.headers.authorization, token)) {
        throw new HttpError(401, 'unauthenticated', 'Send the metrics token as a bearer token');
      }
      const { contentType, text } = await scrape(deps.database.db);
      void reply.header('content-type', contentType);
      return text;
    },
  }),
];
