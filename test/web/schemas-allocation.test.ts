import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArrivalSchema, type ArrivalInput } from '../../src/web/schemas-allocation.ts';

const codes = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

const arrival = (overrides: Partial<ArrivalInput> = {}): ArrivalInput => ({
  dossierNumber: '56000001',
  firstName: 'Dawit',
  lastName: 'Tesfaye',
  nameVariants: '',
  birthDate: '2010-06-01',
  ageInDoubt: false,
  gender: 'male',
  citizenship: '',
  languages: '',
  interpreterNeeded: false,
  protectedIdentity: false,
  whereabouts: '',
  arrivalMunicipalityCode: '0180',
  arrivalDate: '2026-11-20',
  siblingOfChildId: '',
  relativeMunicipalityCode: '',
  relativeRelation: '',
  relativeName: '',
  relativeAddress: '',
  relativePhone: '',
  specialNeeds: '',
  wishes: '',
  ...overrides,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the arrival form', () => {
  it('refuses a stated birth date that makes the person 18 or older on the arrival date', () => {
    expect(codes(ArrivalSchema.safeParse(arrival({ birthDate: '2000-01-01' })))).toEqual([
      ['birthDate', 'adult_on_arrival'],
    ]);
    expect(
      codes(ArrivalSchema.safeParse(arrival({ birthDate: '2008-02-29', arrivalDate: '2026-03-01' }))),
    ).toEqual([['birthDate', 'adult_on_arrival']]);
  });

  it('names the adult birth date at the first attempt, while other fields are still missing', () => {
    const issues = codes(
      ArrivalSchema.safeParse({ ...arrival({ birthDate: '2000-01-01', firstName: '' }), gender: undefined }),
    );
    expect(issues).toContainEqual(['birthDate', 'adult_on_arrival']);
    expect(issues).toContainEqual(['firstName', 'required']);
  });

  it('asks a stated relative for a name and an address or a valid phone number', () => {
    const relative = { relativeMunicipalityCode: '1280', relativeRelation: 'morbror' };
    expect(codes(ArrivalSchema.safeParse(arrival(relative)))).toEqual([
      ['relativeName', 'required'],
      ['relativeAddress', 'address_or_phone'],
    ]);
    expect(
      codes(
        ArrivalSchema.safeParse(
          arrival({ ...relative, relativeName: 'Reza Ahmadi', relativePhone: 'ring honom' }),
        ),
      ),
    ).toEqual([['relativePhone', 'phone_format']]);
    expect(
      ArrivalSchema.safeParse(
        arrival({ ...relative, relativeName: 'Reza Ahmadi', relativePhone: '070-174 06 20' }),
      ).success,
    ).toBe(true);
  });

  it('accepts a child, a 29 February birthday counting from 1 March', () => {
    expect(
      ArrivalSchema.safeParse(arrival({ birthDate: '2008-02-29', arrivalDate: '2026-02-28' })).success,
    ).toBe(true);
    expect(ArrivalSchema.safeParse(arrival({ ageInDoubt: true })).success).toBe(true);
  });

  it('refuses an arrival before the birth and dates in the future, each once', () => {
    expect(
      codes(ArrivalSchema.safeParse(arrival({ birthDate: '2026-11-21', arrivalDate: '2026-11-20' }))),
    ).toEqual([['arrivalDate', 'arrival_before_birth']]);
    expect(codes(ArrivalSchema.safeParse(arrival({ birthDate: '2026-12-01' })))).toEqual([
      ['birthDate', 'future'],
    ]);
  });
});
