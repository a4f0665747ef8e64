/**
 * The best-interests record in the decision forms: every missing part is named on the first submit, by the same
 * domain rule the server applies, and a new decision starts from the latest record's parts (not its feedback date).
 */
import { describe, expect, it } from 'vitest';
import { missingBestInterestsFields } from '../../../../src/domain/case/best-interests.ts';
import { AppointSchema, EndSchema } from '../../../../src/web/schemas-guardianship.ts';
import { PlacementDecisionSchema } from '../../../../src/web/schemas-placement.ts';
import { AnswerSchema, Turning18Schema } from '../../../../src/web/schemas-responsibility.ts';
import { emptyStep, stepSchema } from '../../../../src/web/schemas-casework.ts';
import type { LatestBestInterestsRecord } from '../../../../src/web/api/best-interests-queries.ts';
import {
  carriedOverValues,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../../../src/web/components/form/BestInterestsFieldset.tsx';

const paths = (result: {
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } | undefined;
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);
const ALL_PARTS = [
  'rightsConcerned',
  'whatIsKnown',
  'howWeighed',
  'childsViews',
  'feedbackToChild',
  'feedbackGivenOn',
].map((p) => `bestInterests.${p}:required`);

const LATEST: LatestBestInterestsRecord = {
  id: '7f0b5b8e-0000-4000-8000-000000000001',
  decisionKind: 'placement.place',
  rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen', 'art. 99 okänd'],
  whatIsKnown: 'Barnet bor på HVB och går i skolan.',
  childsViews: 'Vill bo kvar.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Barnets önskan väger tungt.',
  feedbackToChild: 'Beslutet förklarades med tolk.',
  feedbackGivenOn: '2026-11-20',
  notHeardReason: null,
  recordedBy: 'Sara Lind',
  recordedOn: '2026-11-20',
};

describe('a decision form with an empty best-interests record', () => {
  it('names every missing part at once, together with the form’s own fields (no second round from the server)', () => {
    expect(paths(stepSchema('decide_interventions').safeParse(emptyStep('2026-11-20')))).toEqual([
      'interventions:choose',
      ...ALL_PARTS,
    ]);
    expect(
      paths(
        PlacementDecisionSchema.safeParse({
          form: 'hvb',
          providerId: '',
          legalBasis: 'SoL',
          fromDate: '2026-11-20',
          specialReason: '',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual(['providerId:choose', ...ALL_PARTS]);
    expect(
      paths(
        AppointSchema.safeParse({
          guardianUserId: '',
          fromDate: '2026-11-20',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual(['guardianUserId:choose', ...ALL_PARTS]);
    expect(
      paths(
        Turning18Schema.safeParse({
          decision: 'continue',
          continuedUntil: '',
          reportedOn: '',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual(ALL_PARTS);
  });

  it('names the same parts the server would (the domain rule), also when the child was not heard', () => {
    const notHeard = {
      ...EMPTY_BEST_INTERESTS,
      notHeard: true,
      notHeardReason: 'Barnet var inte anträffbart.',
    };
    const form = paths(
      AppointSchema.safeParse({ guardianUserId: 'u', fromDate: '2026-11-20', bestInterests: notHeard }),
    );
    const server = missingBestInterestsFields(toBestInterestsBody(notHeard)).map(
      (p) => `bestInterests.${p}:required`,
    );
    expect(form).toEqual(server);
    expect(form).toEqual([
      'bestInterests.rightsConcerned:required',
      'bestInterests.whatIsKnown:required',
      'bestInterests.howWeighed:required',
    ]);
  });

  it('asks for no record where the step is not a decision', () => {
    expect(
      paths(stepSchema('receive_report').safeParse({ ...emptyStep('2026-11-20'), source: 'police' })),
    ).toEqual([]);
    expect(
      paths(
        EndSchema.safeParse({
          reason: 'turned_18',
          endedOn: '2026-11-20',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual([]);
    expect(
      paths(
        EndSchema.safeParse({
          reason: 'not_needed',
          endedOn: '2026-11-20',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual(ALL_PARTS);
    expect(
      paths(
        AnswerSchema.safeParse({
          answer: 'decline',
          transferredOn: '',
          answerNote: 'Vi har inte plats.',
          bestInterests: EMPTY_BEST_INTERESTS,
        }),
      ),
    ).toEqual([]);
  });
});

describe('the latest record as a new decision’s starting point', () => {
  it('carries every part but the feedback date, and only the rights the form can show', () => {
    expect(carriedOverValues(LATEST)).toEqual({
      rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen'],
      whatIsKnown: 'Barnet bor på HVB och går i skolan.',
      childsViews: 'Vill bo kvar.',
      childsViewsLanguage: 'dari',
      howWeighed: 'Barnets önskan väger tungt.',
      feedbackToChild: 'Beslutet förklarades med tolk.',
      feedbackGivenOn: '',
      notHeard: false,
      notHeardReason: '',
    });
  });

  it('carries "not heard" with its reason, and then no views or feedback', () => {
    const carried = carriedOverValues({
      ...LATEST,
      childsViews: null,
      feedbackToChild: null,
      feedbackGivenOn: null,
      notHeardReason: 'Barnet är två år.',
    });
    expect(carried).toMatchObject({
      notHeard: true,
      notHeardReason: 'Barnet är två år.',
      childsViews: '',
      feedbackToChild: '',
    });
    // Confirming it as it is makes a complete record for the new decision.
    expect(missingBestInterestsFields(toBestInterestsBody(carried))).toEqual([]);
  });

  it('needs only the feedback date of this decision to be complete', () => {
    expect(missingBestInterestsFields(toBestInterestsBody(carriedOverValues(LATEST)))).toEqual([
      'feedbackGivenOn',
    ]);
  });
});
