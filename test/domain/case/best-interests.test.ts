import { describe, expect, it } from 'vitest';
import { missingBestInterestsFields } from '../../../src/domain/case/best-interests.ts';
import { needsBestInterests } from '../../../src/domain/case/machines.ts';
import { BEST_INTERESTS } from '../../support/best-interests.ts';

const complete = BEST_INTERESTS;

describe('the best-interests record', () => {
  it('is complete when every part is filled in', () => {
    expect(missingBestInterestsFields(complete)).toEqual([]);
  });
  it('names every missing part', () => {
    expect(
      missingBestInterestsFields({
        ...complete,
        rightsConcerned: [' '],
        childsViews: '',
        feedbackGivenOn: null,
      }),
    ).toEqual(['rightsConcerned', 'childsViews', 'feedbackGivenOn']);
  });
  it('accepts a recorded reason for not hearing the child instead of the child’s views and the feedback', () => {
    const notHeard = {
      ...complete,
      childsViews: null,
      feedbackToChild: null,
      feedbackGivenOn: null,
      notHeardReason: 'Akut placering under natten; samtal bokat.',
    };
    expect(missingBestInterestsFields(notHeard)).toEqual([]);
    expect(missingBestInterestsFields({ ...notHeard, howWeighed: null })).toEqual(['howWeighed']);
  });
});

describe('which steps need the record', () => {
  it('the decisions of the transition tables, and no other step', () => {
    expect(needsBestInterests('social_case', 'decide_interventions')).toBe(true);
    expect(needsBestInterests('social_case', 'decide_not_to_investigate')).toBe(true);
    expect(needsBestInterests('social_case', 'receive_report')).toBe(false);
    expect(needsBestInterests('guardianship', 'appoint_god_man')).toBe(true);
    expect(needsBestInterests('guardianship', 'end_by_decision')).toBe(true);
    expect(needsBestInterests('guardianship', 'end_by_law')).toBe(false);
    expect(needsBestInterests('transfer', 'confirm_transfer')).toBe(true);
    expect(needsBestInterests('placement', 'place')).toBe(true);
    expect(needsBestInterests('placement', 'no_such_event')).toBe(false);
  });
});
