/**
 * Sealing and verifying the audit chain. Requests only insert events; a single sealer (one at a time across
 * all app processes, by an advisory lock) appends committed, unsealed events to the chain in insertion order,
 * so requests never queue on the chain head.
 */
import { asc, desc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import {
  coveredByCulling,
  GENESIS_HASH,
  linkHash,
  payloadDigest,
  verifyLinks,
  type ChainBreak,
  type ChainLink,
  type Culling,
  type StoredEvent,
} from '../domain/audit/chain.ts';
import { isAuditEventKind, isAuditOutcome, type AuditEventHeader } from '../domain/audit/events.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import { auditChain, auditEventChildren, auditEvents, auditUnsealed } from '../platform/db/schema.ts';

const SEALER_LOCK_KEY = 72_617_002;
const BATCH = 2000;

type EventRow = typeof auditEvents.$inferSelect;

export function headerOf(row: EventRow): AuditEventHeader {
  if (!isAuditEventKind(row.kind)) throw new Error(`Unknown audit event kind ${row.kind} in row ${row.id}`);
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    requestId: row.requestId,
    kind: row.kind,
    outcome: isAuditOutcome(row.outcome) ? row.outcome : 'allowed',
    actorUserId: row.actorUserId,
    actorOrganisationId: row.actorOrganisationId,
    actorRole: row.actorRole,
    purpose: row.purpose,
    childIds: row.childIds,
    emergency: row.emergency,
    payloadDigest: row.payloadDigest,
    ...(row.viewId === null ? {} : { viewId: row.viewId }),
  };
}

async function lastLink(db: DbOrTx): Promise<ChainLink | null> {
  const [row] = await db.select().from(auditChain).orderBy(desc(auditChain.seq)).limit(1);
  return row ?? null;
}

/** Seals what is committed and not yet chained. Returns how many events were sealed. */
export async function sealPending(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      const [lock] = await tx
        .select({ locked: sql<boolean>`pg_try_advisory_xact_lock(${SEALER_LOCK_KEY})` })
        .from(sql`(select 1) as one`);
      if (lock?.locked !== true) return 0;
      // The queue the database keeps (migration 0022): what waits, without comparing the whole log with the chain.
      // The log read from the queue's first entry on: else PostgreSQL may merge-join the queue with the whole log
      // from its start (it expects the waiting events spread over it; they are at its end): 53 ms at 56,000 events,
      // growing with the log, against 0.7 ms.
      const pending = await tx
        .select({ event: auditEvents })
        .from(auditUnsealed)
        .innerJoin(auditEvents, eq(auditEvents.insertSeq, auditUnsealed.insertSeq))
        .where(gte(auditEvents.insertSeq, sql`(select min(insert_seq) from audit_unsealed)`))
        .orderBy(asc(auditUnsealed.insertSeq))
        .limit(BATCH);
      if (pending.length === 0) return 0;
      let prev = await lastLink(tx);
      const links: (ChainLink & { sealedAt: Date })[] = [];
      for (const { event } of pending) {
        const seq = (prev?.seq ?? 0) + 1;
        const prevHash = prev?.hash ?? GENESIS_HASH;
        const link = {
          seq,
          eventId: event.id,
          prevHash,
          hash: linkHash(prevHash, seq, headerOf(event)),
          sealedAt: now,
        };
        links.push(link);
        prev = link;
      }
      await tx.insert(auditChain).values(links);
      await tx.delete(auditUnsealed).where(
        inArray(
          auditUnsealed.insertSeq,
          pending.map(({ event }) => event.insertSeq),
        ),
      );
      return links.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

export type VerifyResult =
  | { readonly ok: true; readonly verified: number; readonly unsealed: number }
  | { readonly ok: false; readonly verified: number; readonly unsealed: number; readonly broken: ChainBreak };

/** Walks the whole chain in pages and names the first broken link. */
export async function verifyChain(db: DbOrTx): Promise<VerifyResult> {
  const cullings = await recordedCullings(db);
  const culled = (seq: number) => coveredByCulling(cullings, seq);
  let previous: ChainLink | null = null;
  let verified = 0;
  for (;;) {
    const after: number = previous?.seq ?? 0;
    const links: ChainLink[] = await db
      .select()
      .from(auditChain)
      .where(gt(auditChain.seq, after))
      .orderBy(asc(auditChain.seq))
      .limit(BATCH);
    if (links.length === 0) break;
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.id,
          links.map((l) => l.eventId),
        ),
      );
    const events = new Map<string, StoredEvent>(
      rows.map((r) => [r.id, { header: headerOf(r), payload: r.payload }]),
    );
    const broken = firstBreak(
      verifyLinks(previous, links, events, culled),
      links,
      await unindexedEvents(db, links),
    );
    if (broken !== null) {
      const verifiedBefore =
        verified +
        Math.max(
          0,
          links.findIndex((l) => l.seq === broken.seq),
        );
      return { ok: false, verified: verifiedBefore, unsealed: await countUnsealed(db), broken };
    }
    verified += links.length;
    previous = links[links.length - 1] ?? previous;
  }
  return { ok: true, verified, unsealed: await countUnsealed(db) };
}

/**
 * The sealed culling events whose payload still matches its digest (a forged bound would break the chain at the
 * culling event itself). Few: one per culling run.
 */
export async function recordedCullings(db: DbOrTx): Promise<Culling[]> {
  const rows = await db
    .select({ seq: auditChain.seq, payload: auditEvents.payload, digest: auditEvents.payloadDigest })
    .from(auditEvents)
    .innerJoin(auditChain, sql`${auditChain.eventId} = ${auditEvents.id}`)
    .where(sql`${auditEvents.kind} = 'audit.cull'`);
  return rows.flatMap((r) => {
    const through = (r.payload as { throughSeq?: unknown } | null)?.throughSeq;
    if (r.payload === null || payloadDigest(r.payload) !== r.digest || typeof through !== 'number') return [];
    return [{ seq: r.seq, throughSeq: through }];
  });
}

/**
 * Events of these links whose children the child index (audit_event_children) does not name: "who has seen this
 * child" reads that index, so a row removed from it would hide an access the chain still holds.
 */
async function unindexedEvents(db: DbOrTx, links: readonly ChainLink[]): Promise<Set<string>> {
  if (links.length === 0) return new Set();
  const ids = sql.join(
    links.map((l) => sql`${l.eventId}`),
    sql`, `,
  );
  const result = await db.execute(sql`select distinct e.id::text as id
    from ${auditEvents} e cross join lateral unnest(e.child_ids) as named(child_id)
    where e.id in (${ids}) and not exists (select 1 from ${auditEventChildren} ix
      where ix.child_id = named.child_id and ix.occurred_at = e.occurred_at and ix.insert_seq = e.insert_seq)`);
  return new Set((result as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/** The earlier of the chain's own break and the first link whose event the child index misses. */
function firstBreak(
  broken: ChainBreak | null,
  links: readonly ChainLink[],
  unindexed: ReadonlySet<string>,
): ChainBreak | null {
  const missing = links.find((l) => unindexed.has(l.eventId));
  if (missing === undefined || (broken !== null && broken.seq < missing.seq)) return broken;
  return {
    seq: missing.seq,
    eventId: missing.eventId,
    reason: 'the child index does not name the event’s children',
  };
}

async function countUnsealed(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .leftJoin(auditChain, sql`${auditChain.eventId} = ${auditEvents.id}`)
    .where(isNull(auditChain.seq));
  return row?.n ?? 0;
}
