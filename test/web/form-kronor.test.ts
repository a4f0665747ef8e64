/**
 * Amounts typed the Swedish way: "2 400 kr", "2400:-", a copied amount with Intl's no-break spaces — all whole kronor;
 * öre, a minus, letters and stray spaces are refused, each with a message that says what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../src/web/form-errors.ts';
import { formKronor, formKronorOrNothing, parseKronor } from '../../src/web/form-kronor.ts';
import { formatKronor, formatNumber, loadMessages, translate } from '../../src/web/i18n.ts';
import { ApplyFormSchema, DecideFormSchema } from '../../src/web/schemas-allowance.ts';
import { DecideFormSchema as GrantDecideFormSchema } from '../../src/web/schemas-grants.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

await loadMessages('sv');
await loadMessages('en');
const sv = (key: Parameters<typeof translate>[1]) => translate('sv', key);
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

describe('an amount typed in whole kronor', () => {
  it.each([
    ['2400', 2400],
    ['2 400', 2400],
    [`2${NBSP}400`, 2400],
    [`2${NNBSP}400`, 2400],
    ['2 400 kr', 2400],
    ['2400 kr', 2400],
    ['2400kr', 2400],
    ['2 400 KR', 2400],
    ['2 400 kr.', 2400],
    ['2 400 kronor', 2400],
    ['2 400 SEK', 2400],
    ['2 400:-', 2400],
    ['2 400,-', 2400],
    ['2 400,00', 2400],
    ['2 400,00 kr', 2400],
    ['2400.00', 2400],
    ['  2 400 kr  ', 2400],
    ['1 000 000', 1_000_000],
    ['0', 0],
    ['999', 999],
  ])('"%s" is %i kronor', (typed, kronor) => {
    expect(parseKronor(typed)).toEqual({ kind: 'kronor', kronor });
  });

  it('reads what Intl writes for sv-SE, copied from a page, as the amount it shows', () => {
    for (const value of [5, 2400, 31_500, 1_234_567]) {
      expect(parseKronor(formatKronor('sv', value))).toEqual({ kind: 'kronor', kronor: value });
      expect(parseKronor(formatNumber('sv', value))).toEqual({ kind: 'kronor', kronor: value });
    }
  });

  it.each([
    ['2 400,50', 'kronor_ore'],
    ['12,5', 'kronor_ore'],
    ['2400.5 kr', 'kronor_ore'],
    ['-2400', 'kronor_negative'],
    ['−2 400 kr', 'kronor_negative'], // U+2212, the minus sign
    ['- 100', 'kronor_negative'],
    ['24 00', 'kronor_grouping'],
    ['2 4 00', 'kronor_grouping'],
    ['2  400', 'kronor_grouping'],
    ['tvåtusen', 'kronor_digits'],
    ['2400 euro', 'kronor_digits'],
    ['kr 2400', 'kronor_digits'],
    ['2,400', 'kronor_digits'], // 2 400 in English, 2,4 in Swedish: neither is guessed
    ['2.400', 'kronor_digits'],
    ['1e5', 'kronor_digits'],
    ['kr', 'kronor_digits'],
    ['-', 'kronor_digits'],
    ['1 000 000 000 000', 'too_big'],
  ])('"%s" is refused: %s', (typed, problem) => {
    expect(parseKronor(typed)).toEqual({ kind: 'problem', problem });
  });

  it('is nothing when nothing but spaces is typed', () => {
    expect(parseKronor('')).toEqual({ kind: 'empty' });
    expect(parseKronor(` ${NBSP} `)).toEqual({ kind: 'empty' });
  });

  it('says what to write instead, in Swedish and English', () => {
    const problems = ['kronor_digits', 'kronor_grouping', 'kronor_ore', 'kronor_negative'] as const;
    expect(problems.map((code) => fieldErrorText(sv, { message: code }))).toEqual([
      'Ange beloppet med siffror i hela kronor, till exempel 2 400 eller 2 400 kr.',
      'Skriv beloppet utan mellanrum eller med mellanrum mellan tusentalen, till exempel 2400 eller 2 400.',
      'Ange beloppet i hela kronor, utan ören.',
      'Beloppet kan inte vara negativt.',
    ]);
    for (const code of problems)
      expect(fieldErrorText(en, { message: code })).not.toBe(translate('en', 'error.invalid'));
  });
});

describe('the amount fields of the forms', () => {
  const messages = (result: { error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it('give the number, nothing for an empty optional field, and the parser’s problem as the field’s code', () => {
    expect(formKronor.safeParse('2 400 kr').data).toBe(2400);
    expect(messages(formKronor.safeParse(''))).toEqual(['required']);
    expect(messages(formKronor.safeParse('2 400,50'))).toEqual(['kronor_ore']);
    expect(formKronorOrNothing.safeParse('').data).toBeNull();
    expect(formKronorOrNothing.safeParse(undefined).data).toBeNull();
    expect(messages(formKronorOrNothing.safeParse('-5'))).toEqual(['kronor_negative']);
  });

  it('take "2 400 kr" in the special grant’s application and decision, and in the §37a decision', () => {
    const applied = ApplyFormSchema.safeParse({
      need: 'winter_clothes',
      description: 'Vinterjacka',
      amount: '3 150 kr',
    });
    expect(applied.error).toBeUndefined();
    expect(applied.data?.amount).toBe(3150);
    const decided = DecideFormSchema.safeParse({
      outcome: 'partly_granted',
      grantedAmount: `2${NBSP}400 kr`,
      reason: 'Skäligt pris.',
    });
    expect(decided.data?.grantedAmount).toBe(2400);
    const grant = GrantDecideFormSchema.safeParse({
      outcome: 'granted',
      amount: '2 400:-',
      reasons: 'Ansökan uppfyller villkoren.',
    });
    expect(grant.error).toBeUndefined();
    expect(grant.data?.amount).toBe(2400);
  });

  it('keep their own limits: the special grant refuses zero and more than ten million', () => {
    const apply = (amount: string) =>
      messages(ApplyFormSchema.safeParse({ need: 'winter_clothes', description: 'x', amount }));
    expect(apply('0 kr')).toEqual(['amount_positive']);
    expect(apply('10 000 001 kr')).toEqual(['too_big']);
    expect(apply('')).toEqual(['required']);
  });
});
