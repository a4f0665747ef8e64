/** The operations capability's answers: the health check (no personal data; /metrics answers Prometheus text). */
import { z } from 'zod';

/** Whether each part the server needs is ready. */
export const HealthChecks = z.object({
  /** The database answers. */
  database: z.enum(['ok', 'unreachable']),
  /** Every migration this version knows is applied (another process may still be applying them). */
  migrations: z.enum(['ok', 'pending', 'unknown']),
  /** The audit sealer keeps up: nothing committed waits longer than `SEALER_LAG_LIMIT_SECONDS` to be chained. */
  sealer: z.enum(['ok', 'lagging', 'unknown']),
});

export const HealthResponse = z.object({
  /** `ok` (200) when every check is; `not_ready` (503) names what is not in `checks`. */
  status: z.enum(['ok', 'not_ready']),
  database: z.enum(['pglite', 'postgres']),
  checks: HealthChecks,
  /** How long the oldest event waiting for the sealer has waited, in seconds (0 when none waits). */
  sealerLagSeconds: z.number().nonnegative().nullable(),
});
export type HealthAnswer = z.infer<typeof HealthResponse>;
