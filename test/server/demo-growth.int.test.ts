/**
 * The background growth of the demo survives officers deciding at the same time: a batch that meets a 409 (the
 * proposal changed under it) is rolled back and taken again, a bounded number of times, and nothing logged about it
 * carries the error's message (it may quote a child's data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict, stale } from '../../src/platform/http/errors.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { demoChildren, growDemoBatch } from '../../src/seed/grow.ts';
import { GROWTH_ATTEMPTS, loggableError, startDemoGrowth } from '../../src/server/bootstrap.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const SECRET = 'Zephyrina Quillfeather';
const proposalChanged = () =>
  conflict('proposal_changed', `Another decision was taken first (${SECRET}); review it again`);

function grow(target: number, growBatch: typeof growDemoBatch) {
  const logs: string[] = [];
  const failures: unknown[] = [];
  const growth = startDemoGrowth(
    t.database,
    target,
    () => PINNED_NOW,
    (msg) => logs.push(msg),
    (error) => failures.push(error),
    { pauseMs: 0, growBatch },
  );
  return { growth, logs, failures };
}

describe('the demo growth meeting a conflict', () => {
  it('takes a batch that lost a race again, and grows to the target', async () => {
    let calls = 0;
    const { growth, logs, failures } = grow(28, async (...args) => {
      calls++;
      // The first batch loses twice to an officer's decision, after its work was done (and rolled back).
      if (calls <= 2) {
        await growDemoBatch(t.database.db, args[1], args[2], args[3]).catch(() => {});
        throw proposalChanged();
      }
      return growDemoBatch(...args);
    });
    await growth.finished;
    expect(failures).toEqual([]);
    expect(await demoChildren(t.database.db)).toBe(28);
    expect(logs.filter((l) => l.includes('conflicted (proposal_changed)'))).toHaveLength(2);
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('gives up after a bounded number of attempts, and on any other error at once', async () => {
    let calls = 0;
    const always = grow(40, async () => {
      calls++;
      throw proposalChanged();
    });
    await always.growth.finished;
    expect(calls).toBe(GROWTH_ATTEMPTS);
    expect(always.failures).toHaveLength(1);

    calls = 0;
    const broken = grow(40, async () => {
      calls++;
      throw new Error(`insert failed for ${SECRET}`);
    });
    await broken.growth.finished;
    expect(calls).toBe(1);
    expect(broken.failures).toHaveLength(1);
    expect(await demoChildren(t.database.db)).toBe(28);
  });

  it('logs what failed by its kind and code, never by its message or the record it carries', () => {
    const logged = JSON.stringify([
      loggableError(proposalChanged()),
      loggableError(stale('Changed meanwhile', { firstName: SECRET })),
      loggableError(new Error(SECRET)),
    ]);
    expect(logged).not.toContain(SECRET);
    expect(JSON.parse(logged)).toEqual([
      { name: 'HttpError', code: 'proposal_changed', statusCode: 409 },
      { name: 'HttpError', code: 'stale', statusCode: 409 },
      { name: 'Error' },
    ]);
  });
});
