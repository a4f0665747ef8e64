import { describe, expect, it } from 'vitest';
import { missingBestInterestsFields, type BestInterestsRecord } from './best-interests.ts';

const complete: BestInterestsRecord = {
  rightsConcerned: ['art. 3 barnets bästa', 'art. 12 rätt att komma till tals'],
  whatIsKnown: 'Barnet har en kusin i Malmö och har gått i skola i Kabul till årskurs 6.',
  childsViews: 'Jag vill bo nära min kusin.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Närheten till släkt väger tungt; boendet har plats och tolk finns.',
  feedbackToChild: 'Beslutet förklarades med tolk.',
  feedbackGivenOn: '2026-11-23',
  notHeardReason: null,
};

describe('the best-interests record', () => {
  it('is complete when every part is filled in', () => {
    expect(missingBestInterestsFields(complete)).toEqual([]);
  });
  it('names every missing part', () => {
    expect(missingBestInterestsFields({ ...complete, rightsConcerned: [' '], childsViews: '', feedbackGivenOn: null })).toEqual([
      'rightsConcerned',
      'childsViews',
      'feedbackGivenOn',
    ]);
  });
  it('accepts a recorded reason for not hearing the child instead of the child’s views and the feedback', () => {
    const notHeard = { ...complete, childsViews: null, feedbackToChild: null, feedbackGivenOn: null, notHeardReason: 'Akut placering under natten; samtal bokat.' };
    expect(missingBestInterestsFields(notHeard)).toEqual([]);
    expect(missingBestInterestsFields({ ...notHeard, howWeighed: null })).toEqual(['howWeighed']);
  });
});
