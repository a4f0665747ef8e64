import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { newViewId } from '../../../src/web/api/client.ts';

/** The server records a view id only when it is a UUID (src/platform/http/route.ts); else the request stands alone. */
const AcceptedByServer = z.uuid();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the page view id the web client sends with each request', () => {
  it('is a fresh UUID the server accepts', () => {
    const ids = Array.from({ length: 50 }, newViewId);
    for (const id of ids) expect(AcceptedByServer.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is one too where the browser has no crypto.randomUUID (a page served over plain HTTP)', () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (a: Uint8Array) => webcrypto.getRandomValues(a),
    });
    const ids = Array.from({ length: 50 }, newViewId);
    for (const id of ids) expect(AcceptedByServer.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
