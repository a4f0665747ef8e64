/**
 * The one complete best-interests record (barnets bästa, SoL 2025:400) of the tests: every decision that needs one
 * (a placement, an intervention, a transfer, a god man's appointment …) takes it as it is, or with a field changed.
 */
import type { BestInterestsRecord } from '../../src/domain/case/best-interests.ts';

export const BEST_INTERESTS: BestInterestsRecord = {
  rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen'],
  whatIsKnown: 'Barnet kom ensamt, har en kusin i kommunen och går i skolan.',
  childsViews: 'Jag vill bo nära min kusin och ha någon som pratar dari.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Barnets önskan och skolgången väger tyngst; inga risker har kommit fram.',
  feedbackToChild: 'Beslutet förklarades för barnet med tolk.',
  feedbackGivenOn: '2026-11-20',
  notHeardReason: null,
};
