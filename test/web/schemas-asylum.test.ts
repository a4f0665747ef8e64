import { describe, expect, it } from 'vitest';
import {
  AgeDecisionSchema,
  DecisionSchema,
  finalSchema,
  MedicalAssessmentSchema,
} from '../../src/web/schemas-asylum.ts';

const codes = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('the asylum and age forms', () => {
  it('ask for the end date of a temporary permit, after the decision date', () => {
    expect(
      codes(
        DecisionSchema.safeParse({ decision: 'temporary_permit', decidedOn: '2026-01-10', permitEndsOn: '' }),
      ),
    ).toEqual([['permitEndsOn', 'asylum_permit_end_required']]);
    expect(
      codes(
        DecisionSchema.safeParse({
          decision: 'temporary_permit',
          decidedOn: '2026-01-10',
          permitEndsOn: '2026-01-10',
        }),
      ),
    ).toEqual([['permitEndsOn', 'asylum_permit_end_not_after_decision']]);
    expect(
      DecisionSchema.parse({ decision: 'refused', decidedOn: '2026-01-10', permitEndsOn: '2027-01-01' }),
    ).toEqual({
      decision: 'refused',
      decidedOn: '2026-01-10',
      permitEndsOn: null,
    });
    expect(
      codes(DecisionSchema.safeParse({ decision: '', decidedOn: '2026-02-30', permitEndsOn: '' })).map(
        ([field]) => field,
      ),
    ).toEqual(['decision', 'decidedOn']);
  });

  it('ask for the court’s outcome only after an appeal', () => {
    expect(
      codes(finalSchema(true).safeParse({ finalOn: '2026-01-10', outcome: '', permitEndsOn: '' })),
    ).toEqual([['outcome', 'asylum_outcome_required']]);
    expect(finalSchema(false).parse({ finalOn: '2026-01-10', outcome: '', permitEndsOn: '' })).toEqual({
      finalOn: '2026-01-10',
      outcome: null,
      permitEndsOn: null,
    });
    expect(
      finalSchema(true).parse({
        finalOn: '2026-01-10',
        outcome: 'temporary_permit',
        permitEndsOn: '2027-02-09',
      }),
    ).toEqual({
      finalOn: '2026-01-10',
      outcome: 'temporary_permit',
      permitEndsOn: '2027-02-09',
    });
  });

  it('record the child’s consent as yes or no, and a birth date before the decision', () => {
    expect(MedicalAssessmentSchema.parse({ offeredOn: '2026-01-10', consent: 'no' })).toEqual({
      offeredOn: '2026-01-10',
      consent: false,
    });
    expect(codes(MedicalAssessmentSchema.safeParse({ offeredOn: '2026-01-10', consent: '' }))).toEqual([
      ['consent', 'choose'],
    ]);
    expect(codes(AgeDecisionSchema.safeParse({ decidedOn: '2026-01-10', birthDate: '2026-01-10' }))).toEqual([
      ['birthDate', 'age_birth_not_before_decision'],
    ]);
  });
});
