import { describe, expect, it } from 'vitest';
import { EMPTY_BEST_INTERESTS } from '../../src/web/components/form/BestInterestsFieldset.tsx';
import {
  emptyStep,
  stepSchema,
  toStepBody,
  uploadSchema,
  type StepFormValues,
} from '../../src/web/schemas-casework.ts';

const values = (over: Partial<StepFormValues>): StepFormValues => ({ ...emptyStep('2026-11-20'), ...over });
const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('the step form of the social case', () => {
  it('asks for what the chosen step records, and nothing else', () => {
    expect(problems(stepSchema('receive_report').safeParse(values({})))).toEqual(['source:choose']);
    expect(problems(stepSchema('open_investigation').safeParse(values({})))).toEqual(['finding:choose']);
    expect(
      problems(stepSchema('open_investigation').safeParse(values({ finding: 'unaccompanied_needs_care' }))),
    ).toEqual([]);
    expect(
      problems(stepSchema('decide_not_to_investigate').safeParse(values({ finding: '' }))).slice(0, 1),
    ).toEqual(['finding:choose']);
    expect(problems(stepSchema('extend_investigation').safeParse(values({ reason: 'kort' })))).toEqual([
      'extendedTo:required',
      'reason:reason_short',
    ]);
    expect(
      problems(
        stepSchema('decide_interventions').safeParse(
          values({
            carePlanOn: '',
            bestInterests: {
              ...EMPTY_BEST_INTERESTS,
              rightsConcerned: ['art. 3 barnets bästa'],
              whatIsKnown: 'x',
              howWeighed: 'x',
              notHeard: true,
              notHeardReason: 'x',
            },
          }),
        ),
      ),
    ).toEqual(['interventions:choose', 'carePlanOn:required']);
  });

  it('refuses a date in the future', () => {
    expect(
      problems(
        stepSchema('open_investigation').safeParse(
          values({ occurredOn: '2999-01-01', finding: 'may_need_support' }),
        ),
      ),
    ).toEqual(['occurredOn:future']);
  });

  it('sends the step with the version the user saw, and the best-interests record for decisions', () => {
    expect(toStepBody('assess_protection', values({ outcome: 'no_immediate_need' }), 3)).toEqual({
      event: 'assess_protection',
      occurredOn: '2026-11-20',
      expectedVersion: 3,
      outcome: 'no_immediate_need',
    });
    expect(toStepBody('start_care', values({}), 5)).toMatchObject({ implementationPlanOn: null });
    expect(toStepBody('open_investigation', values({ finding: 'may_need_protection' }), 4)).toEqual({
      event: 'open_investigation',
      occurredOn: '2026-11-20',
      expectedVersion: 4,
      finding: 'may_need_protection',
    });
    const decision = toStepBody(
      'decide_not_to_investigate',
      values({
        bestInterests: { ...EMPTY_BEST_INTERESTS, notHeard: true, notHeardReason: 'Inte anträffbar.' },
      }),
      2,
    );
    expect(decision.bestInterests).toMatchObject({
      notHeardReason: 'Inte anträffbar.',
      childsViews: null,
      whatIsKnown: null,
    });
  });
});

describe('the upload form', () => {
  it('says a file is needed', () => {
    const result = uploadSchema(1024).safeParse({ title: 'Intyg', file: undefined, notForChild: false });
    expect(problems(result)).toContain('file:file_required');
  });
});

describe('the chosen file', () => {
  const upload = (file: { type: string; size: number }) =>
    uploadSchema(1024).safeParse({ title: 'Intyg', file: [file], notForChild: false });
  it('must be a PDF, PNG or JPEG within the limit', () => {
    expect(upload({ type: 'application/pdf', size: 1000 }).success).toBe(true);
    expect(problems(upload({ type: 'application/msword', size: 10 }))).toEqual(['file:document_type']);
    expect(problems(upload({ type: 'image/png', size: 2048 }))).toEqual(['file:document_too_large']);
  });
});
