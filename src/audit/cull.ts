/**
 * Culling payloads under retention rules, only through a recorded, chained culling event: first an `audit.cull`
 * event naming the last link it covers is written and sealed; only then are the payloads of links up to it set to
 * NULL (the trigger allows exactly that, and `audit verify` holds any other NULL payload for tampering).
 */
import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { auditChain } from '../platform/db/schema.ts';
import { sealPending } from './chain-store.ts';
import { writeAuditEvent, type AuditActor } from './writer.ts';

export class CullError extends Error {}

const SEAL_ATTEMPTS = 50;

export async function cullPayloads(
  db: Db,
  throughSeq: number,
  actor: AuditActor | null,
  now: Date,
): Promise<{ cullSeq: number; culled: number }> {
  const [head] = await db
    .select({ seq: auditChain.seq })
    .from(auditChain)
    .orderBy(desc(auditChain.seq))
    .limit(1);
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 1)
    throw new CullError('--through must be a link number of 1 or more');
  if (head === undefined || throughSeq > head.seq)
    throw new CullError(`--through ${throughSeq} is beyond the sealed chain (head ${head?.seq ?? 0})`);
  const eventId = await writeAuditEvent(
    db,
    {
      kind: 'audit.cull',
      outcome: 'allowed',
      requestId: `cull-${randomUUID()}`,
      actor,
      purpose: 'gallring enligt bevarandeplan',
      childIds: [],
      emergency: false,
      payload: { throughSeq },
    },
    now,
  );
  let cullSeq: number | undefined;
  for (let attempt = 0; attempt < SEAL_ATTEMPTS && cullSeq === undefined; attempt++) {
    await sealPending(db, now);
    [{ seq: cullSeq } = { seq: undefined }] = await db
      .select({ seq: auditChain.seq })
      .from(auditChain)
      .where(eq(auditChain.eventId, eventId));
    if (cullSeq === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (cullSeq === undefined)
    throw new CullError(
      'the culling event could not be sealed (another sealer holds the lock); nothing was culled',
    );
  const result = await db.execute(sql`update audit_events set payload = null
    where payload is not null and kind <> 'audit.cull'
      and id in (select event_id from audit_chain where seq <= ${throughSeq}) returning id`);
  return { cullSeq, culled: (result as { rows: unknown[] }).rows.length };
}
