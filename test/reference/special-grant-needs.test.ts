import { describe, expect, it } from 'vitest';
import { specialGrantNeeds } from '../../src/reference/special-grant-needs.ts';

describe('the special grant needs file', () => {
  it('the shipped table names every need, unverified and without an invented ceiling', () => {
    const table = specialGrantNeeds();
    for (const need of ['glasses', 'winter_clothes', 'other'] as const) {
      expect(table.get(need)?.verified).toBe(false);
      expect(table.get(need)?.ceiling).toBeNull();
    }
  });
});
