import { describe, expect, it } from 'vitest';
import { claimDeadline } from '../../../src/domain/compensation/claims.ts';
import { deadlines } from '../../../src/domain/deadlines/rules.ts';

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

describe('the reports the compensation rests on (research F.4, kept in the deadline rules)', () => {
  it('a changed responsibility by the 7th of the month after (asylum) or after the quarter (permit), continued responsibility three weeks before 18', () => {
    expect(deadlines.changeReport('2025-03-15', false).due).toBe('2025-04-07');
    expect(deadlines.changeReport('2025-04-15', true).due).toBe('2025-07-07');
    expect(deadlines.continuedResponsibilityNotice('2007-06-30').due).toBe('2025-06-09');
  });
});
