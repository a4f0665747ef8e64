/**
 * The demo grows in the background through the use cases: after growing, the audit chain verifies, the allocation
 * history replays without a difference, and the state report counts every child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayAll } from '../../src/allocation/replay.ts';
import { sealPending, verifyChain } from '../../src/audit/chain-store.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { demoChildren, growDemoBatch } from '../../src/seed/grow.ts';
import { stateReport } from '../../src/seed/report.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('growing the demo', () => {
  it('adds children batch by batch up to the target, and stops there', async () => {
    const today = stockholmDate(PINNED_NOW);
    expect(await demoChildren(t.database.db)).toBe(24);
    let progress = await growDemoBatch(t.database.db, PINNED_NOW, today, 40, 10);
    expect(progress).toEqual({ children: 34, target: 40, done: false });
    progress = await growDemoBatch(t.database.db, PINNED_NOW, today, 40, 10);
    expect(progress).toEqual({ children: 40, target: 40, done: true });
    expect((await growDemoBatch(t.database.db, PINNED_NOW, today, 40, 10)).done).toBe(true);
    expect(await demoChildren(t.database.db)).toBe(40);
  });
  it('leaves a database whose audit chain verifies and whose allocation history replays', async () => {
    await sealPending(t.database.db, PINNED_NOW);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
    const replay = await replayAll(t.database.db, stockholmDate(PINNED_NOW));
    expect(replay.differences).toEqual([]);
    expect(replay.decisions).toBeGreaterThan(20);
    const report = await stateReport(t.database.db);
    expect(report.children).toBeGreaterThanOrEqual(40);
    for (const counts of Object.values(report.machines)) {
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(report.children);
    }
  });
});
