import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementProblems,
  concludedOn,
  type AgreementDraft,
} from '../../../src/domain/county/agreements.ts';

const COUNTY = ['1280', '1281', '1214'];
const TODAY = '2026-12-07';
const OK: AgreementDraft = {
  municipalities: ['1280'],
  validFrom: '2012-01-01',
  validTo: '2013-12-31',
  asylumPlaces: 12,
  permitPlaces: 6,
  replacesId: null,
  signatures: [
    { party: 'municipality', municipalityCode: '1280', signedOn: '2011-11-02' },
    { party: 'county_board', municipalityCode: null, signedOn: '2011-11-10' },
    { party: 'migrationsverket', municipalityCode: null, signedOn: '2011-11-20' },
  ],
};
const EARLIER = { id: 'a1', municipalities: ['1280', '1281'], validFrom: '2009-01-01', voided: false };

describe('a historic agreement on the reception of unaccompanied children', () => {
  it('is a document that can have existed: parties of the county, places, each party signed before 1 April 2016', () => {
    expect(agreementProblems(OK, COUNTY, [], TODAY)).toEqual([]);
    // Open-ended, permit places only, the county board not signing: all allowed.
    const open = {
      ...OK,
      validTo: null,
      asylumPlaces: 0,
      signatures: OK.signatures.filter((s) => s.party !== 'county_board'),
    };
    expect(agreementProblems(open, COUNTY, [], TODAY)).toEqual([]);
  });

  it('refuses dates outside the agreements’ era and an end before the start', () => {
    expect(agreementProblems({ ...OK, validFrom: '2006-06-30' }, COUNTY, [], TODAY)).toEqual([
      { field: 'validFrom', code: 'before_agreements' },
    ]);
    expect(agreementProblems({ ...OK, validFrom: '2016-04-01', validTo: null }, COUNTY, [], TODAY)).toEqual([
      { field: 'validFrom', code: 'after_share_model' },
    ]);
    const old = {
      ...OK,
      signatures: [{ ...OK.signatures[0]!, signedOn: '2005-12-31' }, ...OK.signatures.slice(1)],
    };
    expect(agreementProblems(old, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures.0.signedOn', code: 'signed_before_reform' },
    ]);
    expect(agreementProblems({ ...OK, validTo: '2011-12-31' }, COUNTY, [], TODAY)).toEqual([
      { field: 'validTo', code: 'before_start' },
    ]);
    const late = {
      ...OK,
      signatures: [...OK.signatures.slice(0, 2), { ...OK.signatures[2]!, signedOn: '2016-04-01' }],
    };
    expect(agreementProblems(late, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures.2.signedOn', code: 'after_share_model' },
    ]);
    const lastDay = {
      ...OK,
      signatures: [...OK.signatures.slice(0, 2), { ...OK.signatures[2]!, signedOn: '2016-03-31' }],
    };
    expect(agreementProblems(lastDay, COUNTY, [], TODAY)).toEqual([]);
    expect(agreementProblems(lastDay, COUNTY, [], '2016-03-30')).toEqual([
      { field: 'signatures.2.signedOn', code: 'future' },
    ]);
  });

  it('holds municipalities of the county only, each once, and some places', () => {
    expect(agreementProblems({ ...OK, municipalities: ['1280', '2281'] }, COUNTY, [], TODAY)).toContainEqual({
      field: 'municipalities',
      code: 'party_other_county',
    });
    expect(agreementProblems({ ...OK, municipalities: ['1280', '1280'] }, COUNTY, [], TODAY)).toEqual([
      { field: 'municipalities', code: 'duplicate_party' },
    ]);
    expect(agreementProblems({ ...OK, asylumPlaces: 0, permitPlaces: 0 }, COUNTY, [], TODAY)).toEqual([
      { field: 'asylumPlaces', code: 'no_places' },
    ]);
  });

  it('needs the signature of every municipality that is a party and of the Agency, each once, by parties only', () => {
    const two = { ...OK, municipalities: ['1280', '1281'] };
    expect(agreementProblems(two, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures', code: 'missing_signature', value: '1281' },
    ]);
    const noAgency = { ...OK, signatures: OK.signatures.slice(0, 2) };
    expect(agreementProblems(noAgency, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures', code: 'missing_signature_agency' },
    ]);
    const stranger = {
      ...OK,
      signatures: [
        ...OK.signatures,
        { party: 'municipality' as const, municipalityCode: '1214', signedOn: '2011-11-03' },
      ],
    };
    expect(agreementProblems(stranger, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures.3.municipalityCode', code: 'not_a_party' },
    ]);
    const twice = { ...OK, signatures: [...OK.signatures, OK.signatures[2]!] };
    expect(agreementProblems(twice, COUNTY, [], TODAY)).toEqual([
      { field: 'signatures.3.party', code: 'signed_twice' },
    ]);
  });

  it('renegotiates an earlier agreement of the county with a party in common, not a voided or later one', () => {
    expect(agreementProblems({ ...OK, replacesId: 'a1' }, COUNTY, [EARLIER], TODAY)).toEqual([]);
    expect(agreementProblems({ ...OK, replacesId: 'zz' }, COUNTY, [EARLIER], TODAY)).toEqual([
      { field: 'replacesId', code: 'replaces_unknown' },
    ]);
    expect(
      agreementProblems({ ...OK, replacesId: 'a1' }, COUNTY, [{ ...EARLIER, voided: true }], TODAY),
    ).toEqual([{ field: 'replacesId', code: 'replaces_unknown' }]);
    expect(
      agreementProblems(
        { ...OK, replacesId: 'a1' },
        COUNTY,
        [{ ...EARLIER, municipalities: ['1214'] }],
        TODAY,
      ),
    ).toEqual([{ field: 'replacesId', code: 'replaces_other_parties' }]);
    expect(
      agreementProblems(
        { ...OK, replacesId: 'a1' },
        COUNTY,
        [{ ...EARLIER, validFrom: '2012-01-01' }],
        TODAY,
      ),
    ).toEqual([{ field: 'replacesId', code: 'replaces_later' }]);
  });

  it('is dated the day the last party signed', () => {
    expect(concludedOn(OK.signatures)).toBe('2011-11-20');
    expect(concludedOn([])).toBeNull();
  });

  it('refuses any signature on or after the share model, whatever else the document holds', () => {
    const day = fc
      .integer({ min: Date.UTC(2006, 0, 1), max: Date.UTC(2026, 11, 7) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 3, maxLength: 3 }), (dates) => {
        const signatures = OK.signatures.map((s, i) => ({ ...s, signedOn: dates[i]! }));
        const problems = agreementProblems({ ...OK, signatures }, COUNTY, [], TODAY);
        const late = dates.filter((d) => d >= '2016-04-01').length;
        expect(problems.filter((p) => p.code === 'after_share_model')).toHaveLength(late);
        expect(problems.length).toBe(late);
      }),
    );
  });
});
