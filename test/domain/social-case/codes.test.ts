import { describe, expect, it } from 'vitest';
import { inUsualOrder } from '../../../src/domain/social-case/codes.ts';

describe('the order of "Nästa steg"', () => {
  it('offers the usual next step first and the exceptions after it', () => {
    expect(inUsualOrder(['extend_investigation', 'decide_interventions'])).toEqual([
      'decide_interventions',
      'extend_investigation',
    ]);
    expect(inUsualOrder(['decide_not_to_investigate', 'open_investigation'])).toEqual([
      'open_investigation',
      'decide_not_to_investigate',
    ]);
    expect(inUsualOrder(['close', 'review_care'])).toEqual(['review_care', 'close']);
    expect(inUsualOrder(['close', 'start_care'])).toEqual(['start_care', 'close']);
  });
  it('keeps a step it does not know, after the others', () => {
    expect(inUsualOrder(['something_new', 'close', 'assess_protection'])).toEqual([
      'assess_protection',
      'close',
      'something_new',
    ]);
  });
});
