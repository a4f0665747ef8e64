/** Dates typed by hand: the message names what is wrong, never "Fältet måste fyllas i" for a date that was typed. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/domain/time.ts';
import { BestInterestsFormSchema } from '../../src/web/components/form/BestInterestsFieldset.tsx';
import { DATE_ISSUE, dateInputProblem, dateMessage } from '../../src/web/date-input.ts';
import { fieldErrorText } from '../../src/web/form-errors.ts';
import { translate } from '../../src/web/i18n.ts';

const sv = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('sv', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

describe('a typed date', () => {
  it.each([
    ['2015-02-28', null],
    [' 2015-02-28 ', null],
    ['', 'required'],
    ['   ', 'required'],
    ['2015-02-30', 'impossible_date:2015-02-30'],
    ['2015-2-30', 'impossible_date:2015-02-30'],
    ['2015-13-01', 'impossible_date:2015-13-01'],
    ['2014-02-29', 'impossible_date:2014-02-29'],
    ['02/30/2015', 'impossible_date:2015-02-30'], // what Chromium's en-US date control shows as mm/dd/yyyy
    ['30/02/2015', 'impossible_date:2015-02-30'],
    ['30.2.2015', 'impossible_date:2015-02-30'],
    ['02/03/2015', 'date_format'], // 2 March or 3 February: ask for ÅÅÅÅ-MM-DD
    ['02/28/2015', 'date_format'], // a real date, but not written ÅÅÅÅ-MM-DD
    ['igår', 'date_format'],
    ['20150228', 'date_format'],
  ])('"%s" → %s', (raw, message) => {
    expect(dateInputProblem(raw) === null ? null : dateMessage(raw)).toBe(message);
  });

  it('names an impossible date in words, in Swedish and English', () => {
    expect(fieldErrorText(sv, { message: dateMessage('02/30/2015') })).toBe(
      'Datumet finns inte: 30 februari 2015.',
    );
    expect(fieldErrorText(en, { message: dateMessage('2015-02-30') })).toBe(
      'The date does not exist: 30 February 2015.',
    );
    expect(fieldErrorText(sv, { message: dateMessage('2015-13-01') })).toBe(
      'Datumet finns inte: 2015-13-01.',
    );
    expect(fieldErrorText(sv, { message: dateMessage('igår') })).toBe(
      'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.',
    );
    expect(fieldErrorText(sv, { message: dateMessage('') })).toBe('Fältet måste fyllas i.');
  });

  it('is what a form schema’s date atom reports', () => {
    const atom = z.string().trim().min(1, 'required').refine(isIsoDate, DATE_ISSUE);
    expect(atom.safeParse('2015-02-30').error?.issues.map((i) => i.message)).toEqual([
      'impossible_date:2015-02-30',
    ]);
    expect(atom.safeParse('2015-02-28').success).toBe(true);
  });
});

describe('the best-interests record’s feedback date', () => {
  it('refuses a date that does not exist, naming it', () => {
    const result = BestInterestsFormSchema.shape.feedbackGivenOn.safeParse('2026-02-30');
    expect(result.error?.issues.map((i) => i.message)).toEqual(['impossible_date:2026-02-30']);
  });
});
