import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIdentityNumber,
  identityNumberFor,
  parseIdentityNumber,
} from '../../../src/domain/search/identity-number.ts';

describe('personnummer and samordningsnummer', () => {
  it('a valid personnummer is normalised to twelve digits with its birth date', () => {
    expect(parseIdentityNumber('19850709-9805')).toEqual({
      kind: 'personnummer',
      value: '198507099805',
      birthDate: '1985-07-09',
    });
    expect(parseIdentityNumber('198507099805')?.value).toBe('198507099805');
  });

  it('a coordination number carries the day of birth plus 60', () => {
    const number = identityNumberFor('2010-05-05', 238, 'samordningsnummer');
    expect(number.slice(0, 8)).toBe('20100565');
    expect(parseIdentityNumber(number)).toEqual({
      kind: 'samordningsnummer',
      value: number,
      birthDate: '2010-05-05',
    });
  });

  it.each(['198507099806', '19850709-980', '20101332-1234', 'abc', '', '19850709 9805'])(
    '%s is refused',
    (text) => {
      expect(parseIdentityNumber(text)).toBeNull();
    },
  );

  it('every number with a correct check digit is accepted, and one wrong digit is refused', () => {
    const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2025-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (d, n, coordination, wrong) => {
          const iso = d.toISOString().slice(0, 10);
          const number = identityNumberFor(iso, n, coordination ? 'samordningsnummer' : 'personnummer');
          const parsed = parseIdentityNumber(`${number.slice(0, 8)}-${number.slice(8)}`);
          expect(parsed).toEqual({
            kind: coordination ? 'samordningsnummer' : 'personnummer',
            value: number,
            birthDate: iso,
          });
          const broken = `${number.slice(0, 11)}${(Number(number[11]) + wrong) % 10}`;
          expect(parseIdentityNumber(broken)).toBeNull();
        },
      ),
    );
  });

  it('is shown with a hyphen before the last four digits', () => {
    expect(formatIdentityNumber('198507099805')).toBe('19850709-9805');
  });
});
