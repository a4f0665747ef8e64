/**
 * The audit hash chain. Each link covers the previous link's hash, its own sequence number and the event's
 * header, which includes a digest of the payload — so payloads can be culled under retention rules later
 * without breaking verification. Pure: hashing is deterministic computation, not I/O.
 */
import { createHash } from 'node:crypto';
import type { AuditEventHeader } from './events.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so that equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function payloadDigest(payload: unknown): string {
  return sha256Hex(canonicalJson(payload ?? null));
}

export function linkHash(prevHash: string, seq: number, header: AuditEventHeader): string {
  return sha256Hex(`${prevHash}\n${seq}\n${canonicalJson(header)}`);
}

export interface ChainLink {
  readonly seq: number;
  readonly eventId: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface StoredEvent {
  readonly header: AuditEventHeader;
  /**
   * null when the payload has been culled; the digest in the header still covers what it was. Accepted only where a
   * chained culling event covers the link (`culled` in verifyLinks).
   */
  readonly payload: unknown;
}

export type ChainBreak = { readonly seq: number; readonly eventId: string; readonly reason: string };

/** A recorded culling: the chained event at `seq` allowed the payloads of links 1..`throughSeq` to be removed. */
export interface Culling {
  readonly seq: number;
  readonly throughSeq: number;
}

/** Whether a chained culling event covers the link at `seq`: only an earlier link can be culled by a later event. */
export function coveredByCulling(cullings: readonly Culling[], seq: number): boolean {
  return cullings.some((c) => seq <= c.throughSeq && c.throughSeq < c.seq);
}

/**
 * Checks links in sequence order against the events they cover. `previous` is the last verified link
 * before this batch (or null at the start), so that a long chain can be verified in pages. A NULL payload is
 * accepted only at a link a culling event covers (`culled`).
 */
export function verifyLinks(
  previous: ChainLink | null,
  links: readonly ChainLink[],
  eventsById: ReadonlyMap<string, StoredEvent>,
  culled: (seq: number) => boolean = () => false,
): ChainBreak | null {
  let prev = previous;
  for (const link of links) {
    const expectedSeq = prev === null ? 1 : prev.seq + 1;
    const expectedPrevHash = prev === null ? GENESIS_HASH : prev.hash;
    if (link.seq !== expectedSeq)
      return { seq: link.seq, eventId: link.eventId, reason: `sequence gap: expected ${expectedSeq}` };
    if (link.prevHash !== expectedPrevHash)
      return { seq: link.seq, eventId: link.eventId, reason: 'previous hash does not match' };
    const event = eventsById.get(link.eventId);
    if (event === undefined) return { seq: link.seq, eventId: link.eventId, reason: 'event row is missing' };
    if (event.payload === null && !culled(link.seq)) {
      return { seq: link.seq, eventId: link.eventId, reason: 'payload removed without a culling event' };
    }
    if (event.payload !== null && payloadDigest(event.payload) !== event.header.payloadDigest) {
      return { seq: link.seq, eventId: link.eventId, reason: 'payload does not match its digest' };
    }
    if (linkHash(link.prevHash, link.seq, event.header) !== link.hash) {
      return {
        seq: link.seq,
        eventId: link.eventId,
        reason: 'event content does not match the chained hash',
      };
    }
    prev = link;
  }
  return null;
}
