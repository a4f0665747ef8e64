import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adultProblems,
  appointmentDays,
  appointmentWarnings,
  childHeardProblems,
  commonLanguages,
  endByLawProblems,
  sfvDecisionProblems,
  sfvNotApplyingProblems,
  wardLimitWarning,
} from '../../../src/domain/guardianship/rules.ts';

describe('the ward limit', () => {
  it('warns only when the appointment takes the god man above the authority’s limit', () => {
    expect(wardLimitWarning(4, 5)).toBeNull();
    expect(wardLimitWarning(5, 5)).toEqual({ code: 'ward_limit_exceeded', wards: 6, limit: 5 });
  });

  it('never refuses: it is a warning with the count after the appointment', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.integer({ min: 1, max: 50 }), (wards, limit) => {
        const warning = wardLimitWarning(wards, limit);
        expect(warning === null).toBe(wards + 1 <= limit);
        if (warning !== null) expect(warning.wards).toBe(wards + 1);
      }),
    );
  });
});

describe('languages', () => {
  it('finds the languages the child and the god man share, whatever the case', () => {
    expect(commonLanguages(['Dari', 'pashto'], ['svenska', 'dari'])).toEqual(['Dari']);
    expect(commonLanguages(['tigrinja'], ['arabiska'])).toEqual([]);
  });

  it('warns when they share none (an interpreter is needed), and not when the child’s languages are unknown', () => {
    expect(
      appointmentWarnings({
        currentWards: 0,
        limit: 5,
        childLanguages: ['tigrinja'],
        godManLanguages: ['arabiska'],
      }),
    ).toEqual([{ code: 'no_common_language' }]);
    expect(
      appointmentWarnings({ currentWards: 0, limit: 5, childLanguages: [], godManLanguages: [] }),
    ).toEqual([]);
  });

  it('a shared language is one the child speaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 6 })),
        fc.array(fc.string({ minLength: 1, maxLength: 6 })),
        (child, godMan) => {
          for (const l of commonLanguages(child, godMan)) expect(child).toContain(l);
        },
      ),
    );
  });
});

describe('whether the child was heard on the appointment (3 § Lgeb)', () => {
  const heard = { childsViews: 'Vill ha en god man som talar dari', notHeardReason: null };
  const notHeard = { childsViews: null, notHeardReason: 'Barnet är två år' };

  it('must be stated', () => {
    expect(childHeardProblems(undefined, heard).map((p) => p.field)).toEqual(['body.childHeard']);
  });

  it('heard needs the child’s views; not heard needs the reason', () => {
    expect(childHeardProblems(true, heard)).toEqual([]);
    expect(childHeardProblems(false, notHeard)).toEqual([]);
    expect(childHeardProblems(true, notHeard).map((p) => p.field)).toEqual(['bestInterests.childsViews']);
    expect(childHeardProblems(false, heard).map((p) => p.field)).toEqual(['bestInterests.notHeardReason']);
  });

  it('heard and a reason for not hearing contradict each other', () => {
    expect(childHeardProblems(true, { childsViews: 'x', notHeardReason: 'y' }).map((p) => p.code)).toEqual([
      'heard_but_reason',
    ]);
  });
});

describe('a god man is for a child', () => {
  it('is neither requested nor appointed from the 18th birthday', () => {
    expect(adultProblems('2008-11-23', '2026-11-22', 'body.requestedOn')).toEqual([]);
    expect(adultProblems('2008-11-23', '2026-11-23', 'body.requestedOn').map((p) => p.code)).toEqual([
      'adult',
    ]);
  });
});

describe('an end recorded as following from law', () => {
  it('at 18 holds from the 18th birthday', () => {
    expect(endByLawProblems('turned_18', '2008-11-21', '2026-11-20').map((p) => p.code)).toEqual(['not_18']);
    expect(endByLawProblems('turned_18', '2008-11-21', '2026-11-21')).toEqual([]);
    // Born on 29 February: 18 on 1 March in a common year.
    expect(endByLawProblems('turned_18', '2008-02-29', '2026-02-28')).not.toEqual([]);
    expect(endByLawProblems('turned_18', '2008-02-29', '2026-03-01')).toEqual([]);
  });

  it('after an age decision needs no birthday', () => {
    expect(endByLawProblems('age_changed', '2010-01-01', '2026-11-20')).toEqual([]);
  });
});

describe('special reasons not to apply for an SFV', () => {
  it('“turns 18 within six months” must be true on the day of the record', () => {
    expect(sfvNotApplyingProblems('turns_18_within_6_months', null, '2009-05-20', '2026-11-20')).toEqual([]);
    expect(
      sfvNotApplyingProblems('turns_18_within_6_months', null, '2009-05-21', '2026-11-20').map((p) => p.code),
    ).toEqual(['not_within_6_months']);
    // Month ends: 31 August + 6 months = 28 February.
    expect(sfvNotApplyingProblems('turns_18_within_6_months', null, '2009-02-28', '2026-08-31')).toEqual([]);
    expect(sfvNotApplyingProblems('turns_18_within_6_months', null, '2009-03-01', '2026-08-31')).not.toEqual(
      [],
    );
  });

  it('“other” needs a note; parents on their way does not', () => {
    expect(sfvNotApplyingProblems('other', '  ', '2012-01-01', '2026-11-20').map((p) => p.field)).toEqual([
      'body.note',
    ]);
    expect(sfvNotApplyingProblems('parents_on_their_way', null, '2012-01-01', '2026-11-20')).toEqual([]);
  });
});

describe('the district court’s decision', () => {
  it('comes after the application and becomes final on or after the decision, not in the future', () => {
    const ok = {
      appliedOn: '2026-10-01',
      decidedOn: '2026-11-01',
      finalOn: '2026-11-22',
      today: '2026-11-23',
    };
    expect(sfvDecisionProblems(ok)).toEqual([]);
    expect(sfvDecisionProblems({ ...ok, decidedOn: '2026-09-30' }).map((p) => p.code)).toEqual([
      'before_application',
    ]);
    expect(sfvDecisionProblems({ ...ok, finalOn: '2026-10-31' }).map((p) => p.code)).toEqual([
      'before_decision',
    ]);
    expect(sfvDecisionProblems({ ...ok, finalOn: '2026-11-24' }).map((p) => p.code)).toEqual(['future']);
    expect(sfvDecisionProblems({ ...ok, finalOn: null })).toEqual([]);
  });
});

describe('appointment time', () => {
  it('counts calendar days from the request, across the change to winter time', () => {
    expect(appointmentDays('2026-10-23', '2026-10-26')).toBe(3);
    expect(appointmentDays('2026-11-20', '2026-11-20')).toBe(0);
  });
});
