/** What a step on a child's case makes stale: every cached answer about the child and the lists a step changes. */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshCase } from '../../../src/web/api/casework-queries.ts';
import { afterChildStep } from '../../../src/web/api/child-keys.ts';
import { afterCaseChange, placementsKey } from '../../../src/web/api/placement-queries.ts';

const CHILD = '0b0a4c3e-1111-4222-8333-444455556666';
const OTHER = '0b0a4c3e-1111-4222-8333-777788889999';

function cacheWithEverything(): QueryClient {
  const client = new QueryClient();
  for (const key of [
    ['child', CHILD],
    ['child-overview', CHILD],
    ['child-timeline', CHILD, 1, 25],
    ['child-placements', CHILD],
    ['social-case', CHILD],
    ['guardianship', CHILD],
    ['journal', CHILD],
    ['worklist', {}, 50],
    ['caseload', 'all', 1],
    ['child-overview', OTHER],
    ['municipalities'],
  ]) {
    client.setQueryData(key, { cached: true });
  }
  return client;
}

const invalidated = (client: QueryClient, key: readonly unknown[]) =>
  client.getQueryState(key)?.isInvalidated ?? false;

describe('after a step on a child’s case', () => {
  it('the overview, the timeline, every section, the page and the worklist are stale; another child and reference data are not', async () => {
    const client = cacheWithEverything();
    await afterChildStep(client, CHILD);
    for (const key of [
      ['child', CHILD],
      ['child-overview', CHILD],
      ['child-timeline', CHILD, 1, 25],
      ['child-placements', CHILD],
      ['social-case', CHILD],
      ['journal', CHILD],
      ['worklist', {}, 50],
      ['caseload', 'all', 1],
    ]) {
      expect(invalidated(client, key), JSON.stringify(key)).toBe(true);
    }
    expect(invalidated(client, ['child-overview', OTHER])).toBe(false);
    expect(invalidated(client, ['municipalities'])).toBe(false);
  });

  it('the answer the step returned is kept as it is and not fetched again', async () => {
    const client = cacheWithEverything();
    await afterChildStep(client, CHILD, { key: ['child-placements', CHILD], data: { state: 'ended' } });
    expect(client.getQueryData(['child-placements', CHILD])).toEqual({ state: 'ended' });
    expect(invalidated(client, ['child-placements', CHILD])).toBe(false);
    expect(invalidated(client, ['child-overview', CHILD])).toBe(true);
  });

  it('ending a placement makes the overview stale (it showed "Placerad" until a reload)', async () => {
    const client = cacheWithEverything();
    afterCaseChange(client, placementsKey(CHILD), CHILD, { state: 'ended' });
    await Promise.resolve();
    expect(invalidated(client, ['child-overview', CHILD])).toBe(true);
    expect(invalidated(client, ['child-timeline', CHILD, 1, 25])).toBe(true);
  });

  it('a step of the social case makes the overview and the timeline stale', async () => {
    const client = cacheWithEverything();
    await refreshCase(client, CHILD);
    expect(invalidated(client, ['child-overview', CHILD])).toBe(true);
    expect(invalidated(client, ['child-timeline', CHILD, 1, 25])).toBe(true);
  });
});
