import { describe, expect, it } from 'vitest';
import { claimDeadline } from '../../../src/domain/compensation/claims.ts';

describe('the claim deadline: six months from the end of the first quarter (19 § 2017:193, SFS 2021:804)', () => {
  it.each([
    [['2025-Q1', '2025-Q2'], '2025-09-30'],
    [['2024-Q3'], '2025-03-31'],
    [['2024-Q4'], '2025-06-30'],
    [['2024-Q4', '2025-Q1'], '2025-06-30'],
    [['2025-Q2'], '2025-12-31'],
    [['2023-Q3'], '2024-03-31'],
  ])('a claim for %j is due by %s', (quarters, due) => {
    expect(claimDeadline(quarters)).toBe(due);
  });

  it('has none for no quarter, three quarters, quarters that do not follow each other, or a malformed one', () => {
    expect(claimDeadline([])).toBeNull();
    expect(claimDeadline(['2025-Q1', '2025-Q2', '2025-Q3'])).toBeNull();
    expect(claimDeadline(['2025-Q1', '2025-Q3'])).toBeNull();
    expect(claimDeadline(['2025-Q2', '2025-Q1'])).toBeNull();
    expect(claimDeadline(['2025-Q5'])).toBeNull();
  });
});
