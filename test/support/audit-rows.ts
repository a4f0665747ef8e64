/**
 * One audit event written straight to the table, as a request with no view id writes it (a "child.list" of nothing):
 * for tests that need a row the API would not write now — an old row, one written after a backup, one that has
 * waited for the sealer. `overrides` sets its id, actor, times.
 */
import { randomUUID } from 'node:crypto';
import { payloadDigest } from '../../src/domain/audit/chain.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { auditEvents } from '../../src/platform/db/schema.ts';

import type { SQL } from 'drizzle-orm';

/** A row's columns; `insertedAt` may be SQL (the database's own clock). */
type AuditRow = Omit<typeof auditEvents.$inferInsert, 'insertedAt'> & { insertedAt?: Date | SQL };

export async function insertAuditRow(
  db: DbOrTx,
  occurredAt: Date,
  overrides: Partial<AuditRow> = {},
): Promise<string> {
  const payload = { route: 'GET /api/children' };
  const id = overrides.id ?? randomUUID();
  await db.insert(auditEvents).values({
    occurredAt,
    requestId: randomUUID(),
    kind: 'child.list',
    outcome: 'allowed',
    actorUserId: null,
    actorOrganisationId: null,
    actorRole: null,
    purpose: null,
    childIds: [],
    emergency: false,
    payload,
    payloadDigest: payloadDigest(payload),
    viewId: null,
    ...overrides,
    id,
  });
  return id;
}
