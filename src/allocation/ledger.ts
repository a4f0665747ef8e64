/**
 * The stored allocation state. Every decision locks the single ledger row (SELECT … FOR UPDATE), so officers deciding
 * at the same time — in any number of app processes — are serialised by the database and never double-count.
 */
import { desc, eq, lte, sql } from 'drizzle-orm';
import { Allocator } from '../domain/allocation/allocator.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { allocationLedger, allocationState, municipalities, shareValues, shareVersions } from '../platform/db/schema.ts';
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
  const loaded = { id, validFrom: version.validFrom, contentHash: version.contentHash, shares: new Map(values.map((v) => [v.municipalityCode, v.promille])) };
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
  return (await db.select({ code: municipalities.code }).from(municipalities).orderBy(municipalities.code)).map((m) => m.code);
}

export interface LockedLedger {
  readonly allocator: Allocator;
  readonly version: ShareVersion;
  readonly decisions: number;
  /** Writes the allocator's state back and counts one more decision record. */
  save(recordedDecisions: number): Promise<void>;
}

/**
 * Locks the ledger and returns the running state under the share version in force on `date`. When a new version has
 * taken effect since the last decision, the expected figures are carried over (E_i rebased) before anything else.
 */
export async function lockLedger(tx: DbOrTx, date: string): Promise<LockedLedger> {
  const [ledger] = await tx.select().from(allocationLedger).where(eq(allocationLedger.id, 1)).for('update');
  if (ledger === undefined) throw new Error('the allocation ledger row is missing');
  const inForce = await shareVersionInForce(tx, date);
  if (inForce === null) {
    throw unprocessable('no_shares', `No shares are in force on ${date}; import or decide the year's shares first`);
  }
  const codes = await allMunicipalityCodes(tx);
  const rows = await tx.select().from(allocationState);
  const state = rows.map((r) => ({ code: r.municipalityCode, received: r.received, expectedBase: r.expectedBase }));
  let allocator: Allocator;
  if (ledger.shareVersionId === null) {
    allocator = new Allocator(codes, { shares: inForce.shares });
  } else {
    const previous = await loadShareVersion(tx, ledger.shareVersionId);
    allocator = Allocator.restore(codes, { shares: previous.shares }, state, ledger.childrenSinceVersion);
    if (previous.id !== inForce.id) allocator.setShares({ shares: inForce.shares });
  }
  return {
    allocator,
    version: inForce,
    decisions: ledger.decisions,
    save: async (recordedDecisions) => {
      const snapshot = allocator.snapshot();
      const before = new Map(state.map((s) => [s.code, s]));
      const changed = snapshot.rows.filter((r) => {
        const old = before.get(r.code);
        return old === undefined || old.received !== r.received || old.expectedBase !== r.expectedBase;
      });
      for (const r of changed) {
        await tx
          .insert(allocationState)
          .values({ municipalityCode: r.code, received: r.received, expectedBase: r.expectedBase })
          .onConflictDoUpdate({ target: allocationState.municipalityCode, set: { received: r.received, expectedBase: r.expectedBase } });
      }
      await tx
        .update(allocationLedger)
        .set({
          shareVersionId: inForce.id,
          childrenSinceVersion: snapshot.childrenSinceVersion,
          total: allocator.assigned,
          decisions: sql`${allocationLedger.decisions} + ${recordedDecisions}`,
        })
        .where(eq(allocationLedger.id, 1));
    },
  };
}

/** The current state for reading (no lock): figures per municipality under the shares in force on `date`. */
export async function readAllocator(db: DbOrTx, date: string): Promise<{ allocator: Allocator; version: ShareVersion } | null> {
  const [ledger] = await db.select().from(allocationLedger).where(eq(allocationLedger.id, 1));
  const inForce = await shareVersionInForce(db, date);
  if (ledger === undefined || inForce === null) return null;
  const codes = await allMunicipalityCodes(db);
  if (ledger.shareVersionId === null) return { allocator: new Allocator(codes, { shares: inForce.shares }), version: inForce };
  const rows = await db.select().from(allocationState);
  const previous = await loadShareVersion(db, ledger.shareVersionId);
  const allocator = Allocator.restore(
    codes,
    { shares: previous.shares },
    rows.map((r) => ({ code: r.municipalityCode, received: r.received, expectedBase: r.expectedBase })),
    ledger.childrenSinceVersion,
  );
  if (previous.id !== inForce.id) allocator.setShares({ shares: inForce.shares });
  return { allocator, version: inForce };
}
