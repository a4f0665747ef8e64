import { describe, expect, it } from 'vitest';
import { namesMatch, nameKey, searchMatchesNames } from './names.ts';

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
    expect(nameKey('  MOHAMMAD ')).toBe(nameKey('mohammad'));
    expect(nameKey('José')).toBe(nameKey('Jose'));
  });
  it('a search for a transliteration finds the registered name, word by word', () => {
    expect(searchMatchesNames('Muhammed Rezai', ['Mohammad', 'Rezaei'])).toBe(true);
    expect(searchMatchesNames('Ahmed', ['Ahmad', 'Karimi'])).toBe(true);
    expect(searchMatchesNames('Hassan', ['Hussein', 'Osman'])).toBe(false);
  });
});
