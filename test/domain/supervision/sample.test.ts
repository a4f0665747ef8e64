import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSample, seedFromId, type SampleFile } from '../../../src/domain/supervision/sample.ts';

const file = fc.record({
  kind: fc.constantFrom('god_man' as const, 'sfv' as const),
  id: fc.uuid(),
  childId: fc.uuid(),
});
const pool = fc.uniqueArray(file, { selector: (f) => `${f.kind}:${f.id}`, maxLength: 60 });
const key = (f: SampleFile) => `${f.kind}:${f.id}`;

describe('the sample of files', () => {
  it('draws the size asked for, without repetition, only from the pool (property)', () => {
    fc.assert(
      fc.property(pool, fc.integer({ min: 0, max: 80 }), fc.integer(), (files, size, seed) => {
        const sample = drawSample(files, size, seed);
        expect(sample).toHaveLength(Math.min(size, files.length));
        expect(new Set(sample.map(key)).size).toBe(sample.length);
        const all = new Set(files.map(key));
        for (const f of sample) expect(all.has(key(f))).toBe(true);
      }),
    );
  });

  it('gives the same sample for the same seed, whatever order the pool was listed in (property)', () => {
    fc.assert(
      fc.property(pool, fc.integer({ min: 1, max: 20 }), fc.integer(), (files, size, seed) => {
        const reversed = [...files].reverse();
        expect(drawSample(reversed, size, seed)).toEqual(drawSample(files, size, seed));
      }),
    );
  });

  it('gives different samples for different seeds of a large pool, and every file can be drawn', () => {
    const files: SampleFile[] = Array.from({ length: 40 }, (_, i) => ({
      kind: i % 4 === 0 ? 'sfv' : 'god_man',
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      childId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const samples = Array.from({ length: 200 }, (_, seed) => drawSample(files, 5, seed).map(key).join());
    expect(new Set(samples).size).toBeGreaterThan(150);
    const drawn = new Set(samples.flatMap((s) => s.split(',')));
    expect(drawn.size).toBe(40);
  });

  it('counts a file listed twice once', () => {
    const f: SampleFile = { kind: 'god_man', id: 'a', childId: 'c' };
    expect(drawSample([f, f], 5, 1)).toEqual([f]);
  });

  it('takes a seed from an id', () => {
    expect(seedFromId('0000000a-0000-4000-8000-000000000000')).toBe(10);
    expect(seedFromId('ffffffff-0000')).toBe(0xffffffff);
  });
});
