/**
 * `anvisa audit keygen | checkpoint | verify | cull`. The checkpoint key pair lives in files outside the database:
 * the private key where checkpoints are signed (ANVISA_CHECKPOINT_KEY), the public key and the checkpoints with
 * whoever checks the log (the data-protection officer): `audit verify --checkpoint <file> --public-key <file>`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chainStateFor, takeCheckpoint } from '../audit/checkpoint-store.ts';
import { verifyChain } from '../audit/chain-store.ts';
import { cullPayloads } from '../audit/cull.ts';
import { decisionAuditDifferences } from '../allocation/replay.ts';
import {
  compareWithCheckpoint,
  privateKeyFrom,
  publicKeyFrom,
  readCheckpoint,
  type SignedCheckpoint,
} from '../domain/audit/checkpoint.ts';
import type { Database } from '../platform/db/client.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

/** Writes a new Ed25519 key pair; never overwrites a file. */
export function auditKeygen(args: readonly string[], out: Out): number {
  const { values } = parseArgs({
    args: [...args],
    options: { private: { type: 'string' }, public: { type: 'string' } },
    strict: true,
  });
  if (values.private === undefined || values.public === undefined)
    throw new UsageError('audit keygen needs --private <file> and --public <file>');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(values.private, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    flag: 'wx',
    mode: 0o600,
  });
  writeFileSync(values.public, publicKey.export({ type: 'spki', format: 'pem' }), {
    flag: 'wx',
    mode: 0o644,
  });
  out(
    `checkpoint key pair written: ${values.private} (keep it away from the database) and ${values.public} (for the verifier)`,
  );
  return 0;
}

export interface CheckpointOptions {
  readonly keyFile: string;
  readonly outFile?: string;
  readonly dir?: string;
}

export function checkpointOptions(args: readonly string[], env: NodeJS.ProcessEnv): CheckpointOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { key: { type: 'string' }, out: { type: 'string' }, dir: { type: 'string' } },
    strict: true,
  });
  const keyFile = values.key ?? env.ANVISA_CHECKPOINT_KEY;
  if (keyFile === undefined || keyFile === '')
    throw new UsageError('audit checkpoint needs --key <file> or ANVISA_CHECKPOINT_KEY');
  const dir = values.dir ?? env.ANVISA_CHECKPOINT_DIR;
  return {
    keyFile,
    ...(values.out === undefined ? {} : { outFile: values.out }),
    ...(dir === undefined || dir === '' ? {} : { dir }),
  };
}

/** Signs the current head; writes it to --out and/or a new file in the checkpoint directory, else prints it. */
export async function auditCheckpoint(
  database: Database,
  options: CheckpointOptions,
  now: Date,
  out: Out,
): Promise<number> {
  const key = privateKeyFrom(readFileSync(options.keyFile, 'utf8'), options.keyFile);
  const checkpoint = await takeCheckpoint(database.db, key, now);
  const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
  if (options.outFile !== undefined) writeFileSync(options.outFile, text);
  if (options.dir !== undefined) {
    mkdirSync(options.dir, { recursive: true });
    writeFileSync(
      join(
        options.dir,
        `checkpoint-${String(checkpoint.seq).padStart(12, '0')}-${checkpoint.at.replace(/[:.]/g, '')}.json`,
      ),
      text,
      { flag: 'wx' },
    );
  }
  if (options.outFile === undefined && options.dir === undefined) out(text.trimEnd());
  else
    out(
      `checkpoint: link ${checkpoint.seq} (${checkpoint.hash}), ${checkpoint.pending.length} event(s) not yet sealed, at ${checkpoint.at}`,
    );
  return 0;
}

export interface VerifyOptions {
  readonly checkpointFiles: readonly string[];
  readonly publicKeyFile?: string;
}

export function verifyOptions(args: readonly string[], env: NodeJS.ProcessEnv): VerifyOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { checkpoint: { type: 'string', multiple: true }, 'public-key': { type: 'string' } },
    strict: true,
  });
  const publicKeyFile = values['public-key'] ?? env.ANVISA_CHECKPOINT_PUBLIC_KEY;
  const checkpointFiles = values.checkpoint ?? [];
  if (checkpointFiles.length > 0 && (publicKeyFile === undefined || publicKeyFile === '')) {
    throw new UsageError(
      'audit verify --checkpoint needs --public-key <file> or ANVISA_CHECKPOINT_PUBLIC_KEY',
    );
  }
  return {
    checkpointFiles,
    ...(publicKeyFile === undefined || publicKeyFile === '' ? {} : { publicKeyFile }),
  };
}

/** Reads and checks the signature of every checkpoint before the database is opened. */
export function readCheckpoints(options: VerifyOptions): { file: string; checkpoint: SignedCheckpoint }[] {
  if (options.checkpointFiles.length === 0 || options.publicKeyFile === undefined) return [];
  const key = publicKeyFrom(readFileSync(options.publicKeyFile, 'utf8'), options.publicKeyFile);
  return options.checkpointFiles.map((file) => ({
    file,
    checkpoint: readCheckpoint(readFileSync(file, 'utf8'), file, key),
  }));
}

/**
 * The chain from genesis to head, each checkpoint against it, and each decision against its audit event.
 * Exit 0 when all hold, 1 naming every problem found.
 */
export async function auditVerify(
  database: Database,
  out: Out,
  checkpoints: readonly { file: string; checkpoint: SignedCheckpoint }[] = [],
): Promise<number> {
  let problems = 0;
  const result = await verifyChain(database.db);
  if (result.ok) {
    out(
      `audit chain intact: ${result.verified} events verified${result.unsealed > 0 ? `, ${result.unsealed} not yet sealed` : ''}`,
    );
  } else {
    out(
      `audit chain BROKEN at link ${result.broken.seq} (event ${result.broken.eventId}): ${result.broken.reason}`,
    );
    out(`${result.verified} links before it verified`);
    problems++;
  }
  for (const { file, checkpoint } of checkpoints) {
    const found = compareWithCheckpoint(checkpoint, await chainStateFor(database.db, checkpoint));
    if (found.length === 0) out(`checkpoint ${file} (link ${checkpoint.seq}, ${checkpoint.at}) holds`);
    for (const p of found) out(`checkpoint ${file} VIOLATED: ${p}`);
    problems += found.length;
  }
  const decisions = await decisionAuditDifferences(database.db);
  for (const d of decisions) out(`allocation decisions against the audit log: ${d.message}`);
  problems += decisions.length;
  return problems === 0 ? 0 : 1;
}

export function cullOptions(args: readonly string[]): number {
  const { values } = parseArgs({ args: [...args], options: { through: { type: 'string' } }, strict: true });
  if (values.through === undefined || !/^\d+$/.test(values.through))
    throw new UsageError('audit cull needs --through <link number>');
  return Number(values.through);
}

export async function auditCull(
  database: Database,
  throughSeq: number,
  now: Date,
  out: Out,
): Promise<number> {
  const { cullSeq, culled } = await cullPayloads(database.db, throughSeq, null, now);
  out(`culled ${culled} payload(s) of links 1–${throughSeq}; recorded as link ${cullSeq}`);
  return 0;
}
