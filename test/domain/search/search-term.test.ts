import { describe, expect, it } from 'vitest';
import { hasAnyLetter, searchTermProblem, searchWords } from '../../../src/domain/search/search-term.ts';

describe('a search term', () => {
  it.each([
    'Mohammad',
    'ሳምሶን',
    'محمد',
    'Мария',
    '王小明',
    '20000112',
    '2010-05-05',
    "O'Neil",
    'Noor 100%',
    '',
    '   ',
  ])('%j can be searched for', (term) => {
    expect(searchTermProblem(term)).toBeNull();
  });

  it.each(['%', '_', '\\', "'", '%%', '-', '…', '🙂', ' ‐ ', '\u0301'])(
    '%j, without a letter or a digit, cannot',
    (term) => {
      expect(searchTermProblem(term)).toBe('search_without_letters');
    },
  );

  it.each(['Ali\u0000', 'Ali\nHassan', '\u007f', 'a\u0085'])(
    '%j, with a control character, cannot',
    (term) => {
      expect(searchTermProblem(term)).toBe('search_control_characters');
    },
  );

  it('is a name when it holds a letter of any script', () => {
    expect(['Ali', 'ሳ', 'م', 'я', '王'].every(hasAnyLetter)).toBe(true);
    expect(['2010-05-05', '1234', '%', '🙂'].some(hasAnyLetter)).toBe(false);
  });

  it('has words with a letter or a digit, at any white space', () => {
    expect(searchWords('  Abdul - Rahman\u3000% 7 ')).toEqual(['Abdul', 'Rahman', '7']);
    expect(searchWords('- % _')).toEqual([]);
  });
});
