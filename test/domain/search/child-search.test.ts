import { describe, expect, it } from 'vitest';
import {
  childMatchesSearch,
  duplicateReasons,
  mayBeInDossierNumber,
  similarNames,
  type SearchableChild,
} from '../../../src/domain/search/child-search.ts';

const child: SearchableChild & { nameVariants: string[] } = {
  dossierNumbers: ['20000112', '31000555'],
  identityNumbers: ['201005052384'],
  firstName: 'Mohammad',
  lastName: 'Karimi',
  birthDate: '2010-05-05',
  statedBirthDate: '2011-01-01',
  nameVariants: ['Mohamed Kareemi'],
};

describe('searching for a child', () => {
  it('looks for a dossier number only with a text of digits', () => {
    expect(mayBeInDossierNumber('2000')).toBe(true);
    expect(mayBeInDossierNumber('20000108')).toBe(true);
    expect(mayBeInDossierNumber('Fatima')).toBe(false);
    expect(mayBeInDossierNumber('2010-05-05')).toBe(false);
    expect(mayBeInDossierNumber('')).toBe(false);
  });
  it('finds the child by any of its dossier numbers, also by part of one', () => {
    expect(childMatchesSearch(child, { text: '31000555' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '0001' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '99999999' }, true)).toBe(false);
    expect(childMatchesSearch(child, { text: '', dossier: '31000555' }, true)).toBe(true);
  });

  it('finds the child by the registered or the stated birth date', () => {
    expect(childMatchesSearch(child, { text: '2010-05-05' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '', birthDate: '2011-01-01' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '', birthDate: '2011-01-02' }, true)).toBe(false);
  });

  it('finds the child by personnummer written with or without the century and hyphen', () => {
    expect(childMatchesSearch(child, { text: '20100505-2384' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '100505-2384' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '', identityNumber: '201005052384' }, true)).toBe(true);
  });

  it('finds the child by name in another transliteration, but never a masked identity by name', () => {
    expect(childMatchesSearch(child, { text: 'Muhammed' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: '', name: 'Mohamed Karimi' }, true)).toBe(true);
    expect(childMatchesSearch(child, { text: 'Muhammed' }, false)).toBe(false);
    expect(childMatchesSearch(child, { text: '20000112' }, false)).toBe(true);
  });

  it('all given fields must hold', () => {
    expect(childMatchesSearch(child, { text: '', name: 'Mohammad', birthDate: '2010-05-05' }, true)).toBe(
      true,
    );
    expect(childMatchesSearch(child, { text: '', name: 'Mohammad', birthDate: '2012-05-05' }, true)).toBe(
      false,
    );
  });
});

describe('a possible duplicate', () => {
  it('is a record with the same dossier number or identity number', () => {
    expect(duplicateReasons(child, { dossierNumber: '31000555' }, false)).toEqual(['same_dossier_number']);
    expect(duplicateReasons(child, { identityNumber: '201005052384' }, false)).toEqual([
      'same_identity_number',
    ]);
  });

  it('is a record with the same birth date and a similar name, when the name may be seen', () => {
    const probe = { firstName: 'Muhammed', lastName: 'Rezai', birthDate: '2010-05-05' };
    expect(duplicateReasons(child, probe, true)).toEqual(['same_birth_date_and_similar_name']);
    expect(duplicateReasons(child, probe, false)).toEqual([]);
    expect(duplicateReasons(child, { ...probe, birthDate: '2010-05-06' }, true)).toEqual([]);
    expect(
      duplicateReasons(child, { firstName: 'Fatima', lastName: 'Osman', birthDate: '2010-05-05' }, true),
    ).toEqual([]);
  });

  it('names are similar when one of them shares a transliteration key, in either order', () => {
    expect(similarNames(['Ahmed', 'Hosseini'], ['Ahmad', 'Hosseini'])).toBe(true);
    expect(similarNames(['Karimi', 'Ali'], ['Ali', 'Karimi'])).toBe(true);
    expect(similarNames(['Abdul Rahman', 'Osman'], ['Abdulrahman', 'Haile'])).toBe(true);
    expect(similarNames(['Hassan', 'Abdi'], ['Hussein', 'Warsame'])).toBe(false);
  });

  it("names are similar across scripts: the same name in Ge'ez or Arabic script and in Latin letters", () => {
    expect(similarNames(['ሳምሶን', 'ተስፋይ'], ['Samson', 'Tesfai'])).toBe(true);
    expect(similarNames(['Mohammad', 'Karimi'], ['محمد', 'كريمي'])).toBe(true);
    expect(similarNames(['ሳምሶን', 'ተስፋይ'], ['Yonas', 'Haile'])).toBe(false);
  });
});
