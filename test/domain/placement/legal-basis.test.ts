import { describe, expect, it } from 'vitest';
import { placementProvision, SOL_2025_IN_FORCE_FROM } from '../../../src/domain/placement/vocabulary.ts';

describe('the provisions a placement under SoL was decided on', () => {
  it.each([
    ['2025-06-30', 'sol_2001'], // the last day of SoL (2001:453)
    [SOL_2025_IN_FORCE_FROM, 'sol_2025'],
    ['2026-11-23', 'sol_2025'],
    ['2019-02-01', 'sol_2001'],
  ] as const)('a voluntary placement decided %s rests on %s', (decidedOn, act) => {
    expect(placementProvision('SoL', decidedOn)).toBe(act);
  });
  it('compulsory care under LVU cites no provision of the Social Services Act', () => {
    expect(placementProvision('LVU', '2026-11-23')).toBeNull();
    expect(placementProvision('LVU', '2024-01-01')).toBeNull();
  });
});
