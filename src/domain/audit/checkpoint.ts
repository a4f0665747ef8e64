/**
 * Checkpoints of the audit chain head, signed with an Ed25519 key the database never holds. A checkpoint kept
 * outside the database (a file, a second store, a printed receipt) proves later that no link at or before its
 * sequence number was lost or rewritten, and that the events not yet sealed when it was taken are still there.
 * Pure: signing and verifying are deterministic computations on keys handed in.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, sha256Hex } from './chain.ts';
import type { AuditEventHeader } from './events.ts';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

const CheckpointBody = z.strictObject({
  version: z.literal(1),
  /** The head of the chain when the checkpoint was taken; 0 and the genesis hash for an empty chain. */
  seq: z.number().int().min(0),
  hash: Hex64,
  at: z.iso.datetime(),
  /** Events committed but not yet sealed at that moment, each with the digest of its header. */
  pending: z.array(z.strictObject({ id: z.uuid(), digest: Hex64 })),
});
export type CheckpointBody = z.infer<typeof CheckpointBody>;

const SignedCheckpoint = CheckpointBody.extend({
  signature: z.string().regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

export class CheckpointError extends Error {}

/** The digest of an event's header, as a checkpoint records an event that is not yet sealed. */
export function headerDigest(header: AuditEventHeader): string {
  return sha256Hex(canonicalJson(header));
}

function signedBytes(body: CheckpointBody): Buffer {
  return Buffer.from(`anvisa-audit-checkpoint\n${canonicalJson(body)}`, 'utf8');
}

export function privateKeyFrom(pem: string, source: string): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519')
      throw new CheckpointError(`${source}: not an Ed25519 private key`);
    return key;
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError(`${source}: not a PEM private key`);
  }
}

export function publicKeyFrom(pem: string, source: string): KeyObject {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519')
      throw new CheckpointError(`${source}: not an Ed25519 public key`);
    return key;
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError(`${source}: not a PEM public key`);
  }
}

export function signCheckpoint(body: CheckpointBody, key: KeyObject): SignedCheckpoint {
  return { ...body, signature: sign(null, signedBytes(body), key).toString('base64') };
}

/** Parses a checkpoint file; every field is checked, and the signature against the public key. */
export function readCheckpoint(text: string, source: string, key: KeyObject): SignedCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CheckpointError(`${source}: not JSON`);
  }
  const parsed = SignedCheckpoint.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CheckpointError(
      `${source}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || 'checkpoint'} ${issue.message}`}`,
    );
  }
  const { signature, ...body } = parsed.data;
  if (!verify(null, signedBytes(body), key, Buffer.from(signature, 'base64'))) {
    throw new CheckpointError(
      `${source}: the signature does not match (altered, or signed with another key)`,
    );
  }
  return parsed.data;
}

/** What the database holds now, as far as a checkpoint can speak of it. */
export interface ChainState {
  /** The highest sealed link, or null for an empty chain. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  /** The link at the checkpoint's sequence number, or null when there is none. */
  readonly atCheckpoint: { readonly hash: string } | null;
  /** The header digest of each event the checkpoint listed as pending, by id; absent when the row is gone. */
  readonly pendingNow: ReadonlyMap<string, string>;
}

/** Every way the database differs from the checkpoint, named. Empty when it holds everything the checkpoint saw. */
export function compareWithCheckpoint(checkpoint: CheckpointBody, state: ChainState): string[] {
  const problems: string[] = [];
  const headSeq = state.head?.seq ?? 0;
  if (checkpoint.seq > 0 && headSeq < checkpoint.seq) {
    problems.push(
      `chain shorter than the checkpoint: it ends at link ${headSeq}, the checkpoint of ${checkpoint.at} holds link ${checkpoint.seq} (links ${headSeq + 1}–${checkpoint.seq} lost)`,
    );
  } else if (checkpoint.seq > 0 && state.atCheckpoint === null) {
    problems.push(`link ${checkpoint.seq} of the checkpoint is missing`);
  } else if (
    checkpoint.seq > 0 &&
    state.atCheckpoint !== null &&
    state.atCheckpoint.hash !== checkpoint.hash
  ) {
    problems.push(
      `link ${checkpoint.seq} differs from the checkpoint of ${checkpoint.at}: a link at or before ${checkpoint.seq} was rewritten or removed and the later hashes recomputed`,
    );
  }
  for (const { id, digest } of checkpoint.pending) {
    const now = state.pendingNow.get(id);
    if (now === undefined) problems.push(`event ${id}, not yet sealed at the checkpoint, is missing`);
    else if (now !== digest)
      problems.push(`event ${id}, not yet sealed at the checkpoint, was changed since`);
  }
  return problems;
}
