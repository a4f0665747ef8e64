/** Texts about a number of things take the form the language asks for: "1 dag", "2 dagar"; "1 child", "3 children". */
import { describe, expect, it } from 'vitest';
import { isMessageKey, translateCount } from '../../src/web/i18n.ts';
import { en } from '../../src/web/i18n/en.ts';
import { sv } from '../../src/web/i18n/sv.ts';
import '../support/web-messages.ts';

const keys = Object.keys(sv) as (keyof typeof sv)[];

describe('counted texts', () => {
  it.each([
    ['sv', 'worklist.daysLeft', 1, '1 dag kvar'],
    ['sv', 'worklist.daysLeft', 2, '2 dagar kvar'],
    ['sv', 'worklist.daysLeft', 0, '0 dagar kvar'],
    ['sv', 'worklist.workingDaysLeft', 1, '1 arbetsdag kvar'],
    ['sv', 'worklist.overdueBy', 1, 'Försenad 1 dag'],
    ['sv', 'audit.count', 1, '1 post visas.'],
    ['sv', 'audit.count', 3, '3 poster visas.'],
    ['sv', 'children.count', 1, '1 barn'],
    ['sv', 'worklist.count', 1, '1 öppen tidsfrist'],
    ['sv', 'worklist.count', 12, '12 öppna tidsfrister'],
    ['sv', 'emergency.hoursOption', 1, '1 timme'],
    ['en', 'worklist.daysLeft', 1, '1 day left'],
    ['en', 'worklist.daysLeft', 2, '2 days left'],
    ['en', 'audit.count', 1, '1 entry shown.'],
    ['en', 'children.count', 1, '1 child'],
    ['en', 'children.count', 3, '3 children'],
    ['en', 'caseload.cases.count', 1, '1 case'],
  ] as const)('%s %s for %d: "%s"', (lang, key, count, text) => {
    expect(translateCount(lang, key, count)).toBe(text);
  });

  it('writes the number the language’s way and fills the other placeholders', () => {
    expect(translateCount('sv', 'children.count', 1234)).toBe('1\u00a0234 barn');
    expect(translateCount('en', 'children.count', 1234)).toBe('1,234 children');
    expect(translateCount('sv', 'children.countSearch', 1, { q: 'Ali' })).toBe('1 barn matchar ”Ali”');
    expect(translateCount('en', 'assessment.count', 1, { open: 0 })).toBe(
      '0 of 1 assessment is awaiting an answer.',
    );
  });

  it('every counted text has both forms, and both name the count', () => {
    for (const key of keys) {
      if (!key.endsWith('.one')) continue;
      const other = `${key.slice(0, -'.one'.length)}.other`;
      expect(isMessageKey(other), key).toBe(true);
      for (const text of [
        sv[key],
        en[key],
        isMessageKey(other) ? sv[other] : '',
        isMessageKey(other) ? en[other] : '',
      ]) {
        expect(text, key).toContain('{count}');
      }
    }
  });

  // A number written before a word ("{count} dagar") is a counted text and must be a pair. These few stand alone
  // ("De 5 första", "2 för många", "57 i Malmö") or are an age ("i dag 17 år", the same word in every number).
  const STANDALONE_NUMBERS = new Set([
    'queue.count',
    'providers.overOccupied',
    'placement.daysIn',
    'responsibility.turning18.birthdayValue',
    'child.nav.todoCount',
  ]);
  it('no text puts a number before a word outside a plural pair', () => {
    const numberBeforeWord = /\{(count|days|n|hours|wards|places|age|limit|unread)\}\s+\p{L}/u;
    const paired = (key: string) =>
      /\.(one|other)$/.test(key) && isMessageKey(key.replace(/\.(one|other)$/, '.one'));
    const offenders = keys.filter(
      (key) =>
        !paired(key) &&
        !STANDALONE_NUMBERS.has(key) &&
        (numberBeforeWord.test(sv[key]) || numberBeforeWord.test(en[key])),
    );
    expect(offenders).toEqual([]);
  });
});
