import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointName, forbiddenCharacter, line, text } from '../../src/domain/text.ts';

/** The rule written out one code unit at a time, to check the regular expressions against. */
function refusedUnit(s: string, i: number, multiLine: boolean): boolean {
  const u = s.charCodeAt(i);
  if (u < 0x20) return !(multiLine && (u === 0x09 || u === 0x0a || u === 0x0d));
  if (u >= 0x7f && u <= 0x9f) return true;
  if (u === 0xfffe || u === 0xffff) return true;
  if (u >= 0xd800 && u <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (u >= 0xdc00 && u <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
}

describe('forbiddenCharacter', () => {
  it('refuses every C0 control, DEL and every C1 control; a multi-line field lets tab and line breaks through', () => {
    for (let c = 0; c <= 0x9f; c++) {
      if (c >= 0x20 && c < 0x7f) continue;
      const value = `Amina${String.fromCharCode(c)}Osman`;
      expect(forbiddenCharacter(value, false), codePointName(c)).toEqual({ index: 5, codePoint: c });
      const multi = forbiddenCharacter(value, true);
      expect(multi, codePointName(c)).toEqual(
        [0x09, 0x0a, 0x0d].includes(c) ? null : { index: 5, codePoint: c },
      );
    }
  });
  it('refuses lone surrogates and U+FFFE/U+FFFF, accepts letters of every script and emoji', () => {
    expect(forbiddenCharacter('a\uD800b', true)).toEqual({ index: 1, codePoint: 0xd800 });
    expect(forbiddenCharacter('a\uDC00', true)).toEqual({ index: 1, codePoint: 0xdc00 });
    expect(forbiddenCharacter('\uFFFE', true)?.codePoint).toBe(0xfffe);
    expect(forbiddenCharacter('\uFFFF', false)?.codePoint).toBe(0xffff);
    for (const ok of [
      'Åsa Öberg',
      'محمد',
      'Мухаммад',
      'ሰላም',
      'ဇော်',
      '😀 Ali',
      'Zoë\u00A0Ngũgĩ',
      'a\u200Db',
    ]) {
      expect(forbiddenCharacter(ok, false), ok).toBeNull();
    }
  });
  it('agrees with the rule read one code unit at a time (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
            fc.constantFrom('a', 'ö', '😀'),
          ),
        }),
        fc.boolean(),
        (s, multiLine) => {
          let expected = -1;
          for (let i = 0; i < s.length; i++) {
            if (refusedUnit(s, i, multiLine)) {
              expected = i;
              break;
            }
          }
          expect(forbiddenCharacter(s, multiLine)?.index ?? -1).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('the atoms refuse with the message code control_character', () => {
    expect(line(100).safeParse('Amina\nOsman').error?.issues[0]?.message).toBe('control_character');
    expect(text(100).safeParse('rad ett\nrad två').success).toBe(true);
    expect(text(100).safeParse('nul\u0000').error?.issues[0]?.message).toBe('control_character');
  });
});
