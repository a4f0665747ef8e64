/**
 * The stored allocation state. Every decision locks the single ledger row (SELECT … FOR UPDATE), so officers deciding
 * at the same time — in any number of app processes — are serialised by the database and never double-count.
 *
 * Each change writes a new random `state_token`. A process keeps a copy of the state it last saw under its token;
 * when the locked row still carries that token, the 290 state rows need not be read again.
 */
import { randomUUID } from 'node:crypto';
import { desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { Allocator } from '../domain/allocation/allocator.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  allocationLedger,
  allocationState,
  municipalities,
  shareValues,
  shareVersions,
} from '../platform/db/schema.ts';
import { unprocessable } from '../platform/http/errors.ts';

export interface ShareVersion {
  readonly id: string;
  readonly validFrom: string;
  readonly shares: ReadonlyMap<string, number>;
  readonly contentHash: string;
}

/** Share versions are immutable (a trigger refuses changes), so a process may cache them for good. */
const versionCache = new Map<string, ShareVersion>();

export async function loadShareVersion(db: DbOrTx, id: string): Promise<ShareVersion> {
  const cached = versionCache.get(id);
  if (cached !== undefined) return cached;
  const [version] = await db.select().from(shareVersions).where(eq(shareVersions.id, id));
  if (version === undefined) throw new Error(`share version ${id} is missing`);
  const values = await db.select().from(shareValues).where(eq(shareValues.versionId, id));
  const loaded = {
    id,
    validFrom: version.validFrom,
    contentHash: version.contentHash,
    shares: new Map(values.map((v) => [v.municipalityCode, v.promille])),
  };
  versionCache.set(id, loaded);
  return loaded;
}

/** The version in force on a date: the latest valid_from on or before it; among equals the latest decided. */
export async function shareVersionInForce(db: DbOrTx, date: string): Promise<ShareVersion | null> {
  const [row] = await db
    .select({ id: shareVersions.id })
    .from(shareVersions)
    .where(lte(shareVersions.validFrom, date))
    .orderBy(desc(shareVersions.validFrom), desc(shareVersions.decidedAt))
    .limit(1);
  return row === undefined ? null : loadShareVersion(db, row.id);
}

export async function allMunicipalityCodes(db: DbOrTx): Promise<string[]> {
  return (
    await db.select({ code: municipalities.code }).from(municipalities).orderBy(municipalities.code)
  ).map((m) => m.code);
}

interface Snapshot {
  readonly token: string;
  readonly versionId: string;
  readonly codes: readonly string[];
  readonly rows: readonly { code: string; received: number; expectedBase: number }[];
  readonly childrenSinceVersion: number;
}
let cached: Snapshot | null = null;

type LedgerRow = typeof allocationLedger.$inferSelect;

/** The running state under the ledger's own share version, from the cache when the token matches. */
async function restore(db: DbOrTx, ledger: LedgerRow): Promise<Allocator | null> {
  if (ledger.shareVersionId === null) return null;
  const version = await loadShareVersion(db, ledger.shareVersionId);
  if (
    cached !== null &&
    ledger.stateToken !== null &&
    cached.token === ledger.stateToken &&
    cached.versionId === version.id
  ) {
    return Allocator.restore(
      cached.codes,
      { shares: version.shares },
      cached.rows,
      cached.childrenSinceVersion,
    );
  }
  const codes = await allMunicipalityCodes(db);
  const rows = (await db.select().from(allocationState)).map((r) => ({
    code: r.municipalityCode,
    received: r.received,
    expectedBase: r.expectedBase,
  }));
  if (ledger.stateToken !== null)
    cached = {
      token: ledger.stateToken,
      versionId: version.id,
      codes,
      rows,
      childrenSinceVersion: ledger.childrenSinceVersion,
    };
  return Allocator.restore(codes, { shares: version.shares }, rows, ledger.childrenSinceVersion);
}

/** The state under the shares in force on `date`: rebased when a new version has taken effect (r and E unchanged). */
async function stateOn(
  db: DbOrTx,
  ledger: LedgerRow,
  date: string,
): Promise<{ allocator: Allocator; version: ShareVersion } | null> {
  const inForce = await shareVersionInForce(db, date);
  return inForce === null ? null : stateUnder(db, ledger, inForce);
}

async function stateUnder(
  db: DbOrTx,
  ledger: LedgerRow,
  inForce: ShareVersion,
): Promise<{ allocator: Allocator; version: ShareVersion }> {
  const allocator =
    (await restore(db, ledger)) ?? new Allocator(await allMunicipalityCodes(db), { shares: inForce.shares });
  if (ledger.shareVersionId !== null && ledger.shareVersionId !== inForce.id)
    allocator.setShares({ shares: inForce.shares });
  return { allocator, version: inForce };
}

export interface LockedLedger {
  readonly allocator: Allocator;
  readonly version: ShareVersion;
  readonly decisions: number;
  /**
   * Writes the allocator's state back (only what changed) and counts the decision records added, in one statement —
   * with `alongside`, data-modifying statements of the same decision (its record, its pending follow-ups) run in that
   * statement too: one round trip under the lock (the rows' constraints are checked at the statement's end).
   */
  save(recordedDecisions: number, alongside?: readonly SQL[]): Promise<void>;
}

/** Locks the ledger and returns the running state under the share version in force on `date`. */
export async function lockLedger(tx: DbOrTx, date: string): Promise<LockedLedger> {
  // One round trip: the locked row and the id of the share version in force on the date.
  const [locked] = await tx
    .select({
      ledger: allocationLedger,
      inForce: sql<
        string | null
      >`(select v.id from ${shareVersions} v where v.valid_from <= ${date} order by v.valid_from desc, v.decided_at desc limit 1)`,
    })
    .from(allocationLedger)
    .where(eq(allocationLedger.id, 1))
    .for('update');
  if (locked === undefined) throw new Error('the allocation ledger row is missing');
  const { ledger } = locked;
  const state =
    locked.inForce === null ? null : await stateUnder(tx, ledger, await loadShareVersion(tx, locked.inForce));
  if (state === null)
    throw unprocessable(
      'no_shares',
      `No shares are in force on ${date}; import or decide the year's shares first`,
    );
  const { allocator, version } = state;
  const before = new Map(allocator.snapshot().rows.map((r) => [r.code, r]));
  const rebased = ledger.shareVersionId !== version.id;
  return {
    allocator,
    version,
    decisions: ledger.decisions,
    save: async (recordedDecisions, alongside = []) => {
      const snapshot = allocator.snapshot();
      const changed = snapshot.rows.filter((r) => {
        const old = before.get(r.code);
        return (
          rebased || old === undefined || old.received !== r.received || old.expectedBase !== r.expectedBase
        );
      });
      const token = randomUUID();
      const ledgerUpdate = sql`update ${allocationLedger} set share_version_id = ${version.id}, children_since_version = ${snapshot.childrenSinceVersion},
        total = ${allocator.assigned}, decisions = ${ledger.decisions + recordedDecisions}, state_token = ${token} where id = 1`;
      const clauses: SQL[] = alongside.map(
        (statement, i) => sql`${sql.raw(`alongside${i}`)} as (${statement})`,
      );
      if (changed.length > 0) {
        const values = sql.join(
          changed.map((r) => sql`(${r.code}, ${r.received}, ${r.expectedBase})`),
          sql`, `,
        );
        clauses.push(sql`state as (
          insert into ${allocationState} (municipality_code, received, expected_base) values ${values}
          on conflict (municipality_code) do update set received = excluded.received, expected_base = excluded.expected_base
          returning 1)`);
      }
      // One round trip: the statements alongside, the changed state rows and the ledger.
      await tx.execute(
        clauses.length === 0 ? ledgerUpdate : sql`with ${sql.join(clauses, sql`, `)} ${ledgerUpdate}`,
      );
      // Cached under the new token: should this transaction roll back, the token is never seen again.
      cached = {
        token,
        versionId: version.id,
        codes: allocator.codes,
        rows: snapshot.rows,
        childrenSinceVersion: snapshot.childrenSinceVersion,
      };
    },
  };
}

/** The current state for reading (no lock): figures per municipality under the shares in force on `date`. */
export async function readAllocator(
  db: DbOrTx,
  date: string,
): Promise<{ allocator: Allocator; version: ShareVersion } | null> {
  const [ledger] = await db.select().from(allocationLedger).where(eq(allocationLedger.id, 1));
  return ledger === undefined ? null : stateOn(db, ledger, date);
}
