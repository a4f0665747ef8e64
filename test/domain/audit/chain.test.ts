import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  coveredByCulling,
  GENESIS_HASH,
  linkHash,
  payloadDigest,
  verifyLinks,
  type ChainLink,
  type StoredEvent,
} from '../../../src/domain/audit/chain.ts';
import type { AuditEventHeader } from '../../../src/domain/audit/events.ts';

function anEvent(n: number, payload: unknown = { n }): StoredEvent {
  const header: AuditEventHeader = {
    id: `e-${n}`,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    requestId: `r-${n}`,
    kind: 'child.read',
    outcome: 'allowed',
    actorUserId: 'u-1',
    actorOrganisationId: 'o-1',
    actorRole: 'social_worker',
    purpose: null,
    childIds: [`c-${n}`],
    emergency: false,
    payloadDigest: payloadDigest(payload),
  };
  return { header, payload };
}

function chainOf(events: readonly StoredEvent[]): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  events.forEach((event, i) => {
    const hash = linkHash(prevHash, i + 1, event.header);
    links.push({ seq: i + 1, eventId: event.header.id, prevHash, hash });
    prevHash = hash;
  });
  return links;
}

const byId = (events: readonly StoredEvent[]) => new Map(events.map((e) => [e.header.id, e]));

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
  });
  it('is stable for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => canonicalJson(JSON.parse(JSON.stringify(v))) === canonicalJson(v)),
    );
  });
});

describe('the page view in the chained header', () => {
  it('is covered by the hash when present', () => {
    const { header } = anEvent(1);
    const viewed = { ...header, viewId: '3f0e2b8c-6d1a-4c5e-9b7a-2d4f6e8a0c1b' };
    expect(linkHash(GENESIS_HASH, 1, viewed)).not.toBe(linkHash(GENESIS_HASH, 1, header));
    expect(linkHash(GENESIS_HASH, 1, viewed)).not.toBe(
      linkHash(GENESIS_HASH, 1, { ...viewed, viewId: '3f0e2b8c-6d1a-4c5e-9b7a-2d4f6e8a0c1c' }),
    );
  });
});

describe('the audit chain', () => {
  const events = Array.from({ length: 20 }, (_, i) => anEvent(i));
  const links = chainOf(events);

  it('verifies when nothing was changed', () => {
    expect(verifyLinks(null, links, byId(events))).toBeNull();
  });
  it('can be verified in pages', () => {
    expect(verifyLinks(null, links.slice(0, 7), byId(events))).toBeNull();
    expect(verifyLinks(links[6] ?? null, links.slice(7), byId(events))).toBeNull();
  });
  it('names the first link whose event was altered', () => {
    const tampered = events.map((e, i) =>
      i === 12 ? { ...e, header: { ...e.header, actorUserId: 'someone-else' } } : e,
    );
    expect(verifyLinks(null, links, byId(tampered))).toMatchObject({ seq: 13, eventId: 'e-12' });
  });
  it('detects a payload that no longer matches its digest', () => {
    const tampered = events.map((e, i) => (i === 3 ? { ...e, payload: { n: 999 } } : e));
    expect(verifyLinks(null, links, byId(tampered))).toMatchObject({
      seq: 4,
      reason: 'payload does not match its digest',
    });
  });
  it('still verifies after a payload has been culled by a chained culling event, because the digest is chained', () => {
    const culled = events.map((e, i) => (i === 3 ? { ...e, payload: null } : e));
    expect(
      verifyLinks(null, links, byId(culled), (seq) => coveredByCulling([{ seq: 10, throughSeq: 4 }], seq)),
    ).toBeNull();
  });
  it('names a payload set to NULL that no culling event covers', () => {
    const culled = events.map((e, i) => (i === 3 ? { ...e, payload: null } : e));
    expect(verifyLinks(null, links, byId(culled))).toMatchObject({
      seq: 4,
      reason: 'payload removed without a culling event',
    });
    // A culling covers only links before it and up to its bound.
    expect(
      verifyLinks(null, links, byId(culled), (seq) => coveredByCulling([{ seq: 10, throughSeq: 3 }], seq)),
    ).toMatchObject({ seq: 4 });
    expect(
      verifyLinks(null, links, byId(culled), (seq) => coveredByCulling([{ seq: 4, throughSeq: 4 }], seq)),
    ).toMatchObject({ seq: 4 });
  });
  it('detects a removed link and a missing event', () => {
    expect(verifyLinks(null, [...links.slice(0, 5), ...links.slice(6)], byId(events))).toMatchObject({
      seq: 7,
      reason: 'sequence gap: expected 6',
    });
    expect(verifyLinks(null, links, byId(events.filter((_, i) => i !== 9)))).toMatchObject({
      seq: 10,
      reason: 'event row is missing',
    });
  });
  it('detects any single-field change in any event (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 19 }),
        fc.constantFrom('requestId', 'actorRole', 'occurredAt', 'kind', 'viewId'),
        (index, field) => {
          const changed = events.map((e, i) =>
            i === index
              ? {
                  ...e,
                  header: {
                    ...e.header,
                    [field]:
                      field === 'kind'
                        ? 'child.list'
                        : `${String(e.header[field as keyof AuditEventHeader])}x`,
                  },
                }
              : e,
          );
          return verifyLinks(null, links, byId(changed))?.seq === index + 1;
        },
      ),
    );
  });
});
