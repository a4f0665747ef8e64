import { describe, expect, it } from 'vitest';
import {
  classOf,
  colourOf,
  COLOURS,
  legendClasses,
  THRESHOLDS,
} from '../../../../src/web/pages/map/colour-scale.ts';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('the map colour scale', () => {
  it('puts a municipality at its quota in the neutral middle class', () => {
    expect(colourOf(0)).toBe(COLOURS[4]);
    expect(classOf(0.24)).toBe(4);
    expect(classOf(-0.25)).toBe(4);
  });

  it('colours more children than the quota orange and fewer purple, darker the further off', () => {
    expect(classOf(0.25)).toBe(5);
    expect(classOf(5.2)).toBe(8);
    expect(classOf(-0.26)).toBe(3);
    expect(classOf(-3)).toBe(0);
  });

  it('has one colour per class and a legend that covers every value once', () => {
    expect(COLOURS).toHaveLength(THRESHOLDS.length + 1);
    const legend = legendClasses();
    expect(legend[0]).toEqual({ colour: COLOURS[8], from: 2, to: null });
    expect(legend[8]).toEqual({ colour: COLOURS[0], from: null, to: -2 });
  });

  it('keeps the darkest class on each side distinguishable from the white page (3:1 for graphics)', () => {
    for (const colour of [COLOURS[0], COLOURS[8]]) {
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    }
  });
});
