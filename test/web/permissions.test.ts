/** The role's tasks in the web (src/web/permissions.ts): what the start page and the navigation offer. */
import { describe, expect, it } from 'vitest';
import { tasksFor } from '../../src/web/permissions.ts';

describe('the tasks of a placement provider’s staff', () => {
  it('are the children placed with them and the worklist, nothing they cannot open', () => {
    expect(tasksFor('provider_staff').map((t) => [t.to, t.label])).toEqual([
      ['/barn', 'nav.placedChildren'],
      ['/arbetslista', 'worklist.nav'],
    ]);
  });
  it('leave every other role’s children task as it was', () => {
    expect(
      tasksFor('social_worker')
        .filter((t) => t.to === '/barn')
        .map((t) => t.label),
    ).toEqual(['nav.children']);
  });
});
