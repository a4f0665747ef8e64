import { describe, expect, it } from 'vitest';
import {
  letters,
  matchingKeys,
  nameKey,
  nameKeys,
  namesMatch,
  nameSearchMatches,
} from '../../../src/domain/search/names.ts';

describe('names across transliterations', () => {
  it.each([
    ['Mohammad', 'Muhammed'],
    ['Mohammad', 'Mohamed'],
    ['Muhammed', 'Mohamed'],
    ['Ahmad', 'Ahmed'],
    ['Hussein', 'Husain'],
    ['Abdulrahman', 'Abdul Rahman'],
    ['Abdulrahman', 'Abdul-Rahman'],
  ])('%s and %s are found as the same name', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
  });
  it.each([
    ['Hassan', 'Hussein'],
    ['Mahmoud', 'Mohammad'],
    ['Ali', 'Ahmad'],
    ['Amina', 'Yonas'],
  ])('%s and %s stay apart', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });
  it('ignores case, spaces, hyphens and accents', () => {
    expect(nameKey('  MOHAMMAD ')).toEqual(nameKey('mohammad'));
    expect(nameKey('José')).toEqual(nameKey('Jose'));
  });
  it('a search for a transliteration finds the registered name, word by word', () => {
    expect(nameSearchMatches('Muhammed Rezai', 'Mohammad', 'Rezaei')).toBe(true);
    expect(nameSearchMatches('Ahmed', 'Ahmad', 'Karimi')).toBe(true);
    expect(nameSearchMatches('Hassan', 'Hussein', 'Osman')).toBe(false);
  });
});

describe('a name whose only consonant is y', () => {
  // Before, Yoy, ዮይ and Aya had no consonant skeleton and were found by no spelling but their own first vowel.
  it('has y as its skeleton, so a Latin spelling finds it written in Ge’ez and the other way', () => {
    expect(nameKey('Yoy')).toEqual(['u|y']);
    expect(nameKey('ዮይ')).toEqual(['*|y']);
    expect(namesMatch('yoy', 'ዮይ')).toBe(true);
    expect(namesMatch('Aya', 'Aja')).toBe(false);
    expect(namesMatch('Aya', 'Aia')).toBe(false);
    expect(namesMatch('Aya', 'Ayah')).toBe(false);
    expect(namesMatch('Aya', 'Aya')).toBe(true);
  });
  it('keeps the keys of names with another consonant as they were', () => {
    expect(nameKey('Yusuf')).toEqual(['i|sf']);
    expect(nameKey('Maryam')).toEqual(['a|mrm']);
  });
});

describe('names written in another script', () => {
  it('are read in Latin letters by an established table', () => {
    expect(letters('Мария')).toBe('mariya');
    expect(letters('Шевченко')).toBe('shevchenko');
    expect(letters('Χρήστος')).toBe('christos');
    expect(letters('ሳምሶን')).toBe('samson');
    expect(letters('ተስፋይ')).toBe('tesfay');
    expect(letters('ገብረመስቀል')).toBe('gebremeskel');
    expect(letters('محمد')).toBe('mhmd');
    expect(letters('فاطمة')).toBe('ftma');
  });

  it.each([
    ['ሳምሶን', 'Samson'],
    ['ተስፋይ', 'Tesfay'],
    ['ተስፋይ', 'Tesfai'],
    ['ብርሃነ', 'Berhane'],
    ['ብርሃነ', 'Birhane'],
    ['ገብረመስቀል', 'Gebremeskel'],
    ['ኃይለ', 'Haile'],
    ['محمد', 'Mohammad'],
    ['محمد', 'Muhammed'],
    ['أحمد', 'Ahmad'],
    ['عبد الرحمن', 'Abdulrahman'],
    ['الحسن', 'Al-Hassan'],
    ['فاطمة', 'Fatima'],
    ['محمود', 'Mahmoud'],
    ['يوسف', 'Yousef'],
    ['مروان', 'Marwan'],
    ['ذبیح الله', 'Zabihullah'],
    ['رضا', 'Reza'],
    ['عثمان', 'Osman'],
    ['Мария', 'Maria'],
    ['Ольга', 'Olga'],
    ['Ольга', 'Olha'],
    ['Шевченко', 'Shevchenko'],
    ['Χρήστος', 'Christos'],
    ['Արամ', 'Aram'],
    ['გიორგი', 'Giorgi'],
  ])('%s is found by %s, and the other way round', (written, latin) => {
    expect(namesMatch(latin, written)).toBe(true);
    expect(namesMatch(written, latin)).toBe(true);
    expect(nameSearchMatches(latin, written, 'X')).toBe(true);
    expect(nameSearchMatches(written, latin, 'X')).toBe(true);
  });

  it("an Arabic or Ge'ez name leaves the first vowel open; a Cyrillic one keeps it", () => {
    expect(nameKey('محمد')).toEqual(['*|mhmd']);
    expect(nameKey('Мария')).toEqual(['a|mr']);
    expect(namesMatch('Мария', 'Moria')).toBe(false);
    expect(matchingKeys('*|mhmd').sort()).toEqual(['*|mhmd', 'a|mhmd', 'i|mhmd', 'u|mhmd', '|mhmd']);
    expect(matchingKeys('u|mhmd')).toEqual(['u|mhmd', '*|mhmd']);
  });

  it('a key without consonants says nothing when its vowel is open', () => {
    expect(matchingKeys('*|')).toEqual([]);
    expect(matchingKeys('|')).toEqual([]);
    expect(matchingKeys('a|')).toEqual(['a|']);
  });

  it('a name in a script without a table (Chinese) has no key, and is found as written', () => {
    expect(nameKey('王小明')).toEqual(['|']);
    expect(nameSearchMatches('小明', '王小明', 'Li')).toBe(true);
    expect(nameSearchMatches('Wang', '王小明', 'Li')).toBe(false);
    expect([...nameKeys(['王小明', 'Li'])].sort()).toEqual(['i|l', '|']);
  });
});
