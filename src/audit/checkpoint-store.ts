/**
 * Taking a checkpoint of the audit chain head from the database, and reading back what a checkpoint speaks of.
 * The signing key is handed in by the caller (a file outside the database); the database never holds it.
 */
import type { KeyObject } from 'node:crypto';
import { desc, eq, inArray, isNull, sql, asc } from 'drizzle-orm';
import { GENESIS_HASH } from '../domain/audit/chain.ts';
import {
  headerDigest,
  signCheckpoint,
  type ChainState,
  type CheckpointBody,
  type SignedCheckpoint,
} from '../domain/audit/checkpoint.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { auditChain, auditEvents } from '../platform/db/schema.ts';
import { headerOf } from './chain-store.ts';

/** The chain head and every committed event not yet sealed, read in one snapshot, signed. */
export async function takeCheckpoint(db: DbOrTx, key: KeyObject, now: Date): Promise<SignedCheckpoint> {
  const [head] = await db.select().from(auditChain).orderBy(desc(auditChain.seq)).limit(1);
  const pending = await db
    .select({ event: auditEvents })
    .from(auditEvents)
    .leftJoin(auditChain, sql`${auditChain.eventId} = ${auditEvents.id}`)
    .where(isNull(auditChain.seq))
    .orderBy(asc(auditEvents.insertSeq));
  const body: CheckpointBody = {
    version: 1,
    seq: head?.seq ?? 0,
    hash: head?.hash ?? GENESIS_HASH,
    at: now.toISOString(),
    pending: pending.map(({ event }) => ({ id: event.id, digest: headerDigest(headerOf(event)) })),
  };
  return signCheckpoint(body, key);
}

export async function chainStateFor(db: DbOrTx, checkpoint: CheckpointBody): Promise<ChainState> {
  const [head] = await db
    .select({ seq: auditChain.seq, hash: auditChain.hash })
    .from(auditChain)
    .orderBy(desc(auditChain.seq))
    .limit(1);
  const [at] =
    checkpoint.seq > 0
      ? await db.select({ hash: auditChain.hash }).from(auditChain).where(eq(auditChain.seq, checkpoint.seq))
      : [];
  const ids = checkpoint.pending.map((p) => p.id);
  const rows =
    ids.length === 0 ? [] : await db.select().from(auditEvents).where(inArray(auditEvents.id, ids));
  return {
    head: head ?? null,
    atCheckpoint: at ?? null,
    pendingNow: new Map(rows.map((r) => [r.id, headerDigest(headerOf(r))])),
  };
}
