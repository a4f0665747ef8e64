import { describe, expect, it } from 'vitest';
import {
  PHOTO_MAX_BYTES,
  pastDateProblems,
  photoProblems,
  photoSizeProblems,
  photoType,
} from '../../../src/domain/missing/profile.ts';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const GIF = new TextEncoder().encode('GIF89a....');
const PDF = new TextEncoder().encode('%PDF-1.7');

describe('the profile’s photo', () => {
  it('is recognised as JPEG or PNG by its first bytes, and nothing else', () => {
    expect(photoType(JPEG)).toBe('image/jpeg');
    expect(photoType(PNG)).toBe('image/png');
    expect(photoType(GIF)).toBeNull();
    expect(photoType(PDF)).toBeNull();
  });

  it('refuses a GIF, a file over 2 MB and an empty file, naming the field and the reason in Swedish', () => {
    expect(photoProblems('body.contentBase64', GIF)).toEqual([
      {
        field: 'body.contentBase64',
        code: 'photo_type',
        message: 'Fotot: bara JPEG- eller PNG-bilder tas emot',
      },
    ]);
    expect(photoSizeProblems('body.contentBase64', PHOTO_MAX_BYTES + 1)).toMatchObject([
      { code: 'photo_too_large', message: 'Fotot: filen får vara högst 2 MB' },
    ]);
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(JPEG);
    expect(photoProblems('body.contentBase64', big)).toMatchObject([{ code: 'photo_too_large' }]);
    expect(photoProblems('body.contentBase64', new Uint8Array())).toMatchObject([{ code: 'required' }]);
    expect(photoSizeProblems('body.contentBase64', PHOTO_MAX_BYTES)).toEqual([]);
    expect(photoProblems('body.contentBase64', PNG)).toEqual([]);
  });
});

describe('a date seen or taken', () => {
  it('may be today or earlier, never in the future or before the child was born', () => {
    const check = (date: string) =>
      pastDateProblems('body.takenOn', 'Fotots datum', date, '2010-05-01', '2026-11-16').map(
        (p) => p.message,
      );
    expect(check('2026-11-16')).toEqual([]);
    expect(check('2026-11-17')).toEqual(['Fotots datum: datumet kan inte ligga i framtiden']);
    expect(check('2010-04-30')).toEqual(['Fotots datum: datumet kan inte ligga före födelsedagen']);
  });
});
