import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../src/domain/audit/chain.ts';
import {
  CheckpointError,
  compareWithCheckpoint,
  readCheckpoint,
  signCheckpoint,
  type CheckpointBody,
} from '../../../src/domain/audit/checkpoint.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const id = '0b7c6f0e-8f7e-4a52-9d55-1f2b3c4d5e6f';
const body: CheckpointBody = {
  version: 1,
  seq: 10,
  hash: 'a'.repeat(64),
  at: '2026-11-23T08:00:00.000Z',
  pending: [{ id, digest: 'b'.repeat(64) }],
};

describe('a checkpoint', () => {
  it('reads back what was signed', () => {
    const signed = signCheckpoint(body, privateKey);
    expect(readCheckpoint(JSON.stringify(signed), 'cp.json', publicKey)).toEqual(signed);
  });
  it('refuses a changed field, another key, and a malformed file, naming the file', () => {
    const signed = signCheckpoint(body, privateKey);
    expect(() => readCheckpoint(JSON.stringify({ ...signed, seq: 9 }), 'cp.json', publicKey)).toThrow(
      /cp.json: the signature does not match/,
    );
    expect(() => readCheckpoint(JSON.stringify(signed), 'cp.json', other.publicKey)).toThrow(CheckpointError);
    expect(() => readCheckpoint(JSON.stringify({ ...signed, hash: 'xyz' }), 'cp.json', publicKey)).toThrow(
      /cp.json: hash must be 64 lowercase hex digits/,
    );
    expect(() => readCheckpoint('{', 'cp.json', publicKey)).toThrow(/cp.json: not JSON/);
  });
  it('holds when the link and the pending events are as they were', () => {
    expect(
      compareWithCheckpoint(body, {
        head: { seq: 12, hash: 'c'.repeat(64) },
        atCheckpoint: { hash: body.hash },
        pendingNow: new Map([[id, 'b'.repeat(64)]]),
      }),
    ).toEqual([]);
    expect(
      compareWithCheckpoint(
        { ...body, seq: 0, hash: GENESIS_HASH, pending: [] },
        { head: null, atCheckpoint: null, pendingNow: new Map() },
      ),
    ).toEqual([]);
  });
  it('names a shorter chain, a rewritten link and a lost or changed pending event', () => {
    const pendingNow = new Map([[id, 'b'.repeat(64)]]);
    expect(
      compareWithCheckpoint(body, { head: { seq: 7, hash: 'c'.repeat(64) }, atCheckpoint: null, pendingNow }),
    ).toEqual([expect.stringContaining('chain shorter than the checkpoint: it ends at link 7') as string]);
    expect(
      compareWithCheckpoint(body, {
        head: { seq: 12, hash: 'c'.repeat(64) },
        atCheckpoint: { hash: 'd'.repeat(64) },
        pendingNow,
      }),
    ).toEqual([expect.stringContaining('link 10 differs from the checkpoint') as string]);
    expect(
      compareWithCheckpoint(body, {
        head: { seq: 10, hash: body.hash },
        atCheckpoint: { hash: body.hash },
        pendingNow: new Map(),
      }),
    ).toEqual([`event ${id}, not yet sealed at the checkpoint, is missing`]);
    expect(
      compareWithCheckpoint(body, {
        head: { seq: 10, hash: body.hash },
        atCheckpoint: { hash: body.hash },
        pendingNow: new Map([[id, 'e'.repeat(64)]]),
      }),
    ).toEqual([`event ${id}, not yet sealed at the checkpoint, was changed since`]);
  });
});
