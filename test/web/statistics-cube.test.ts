/** Reading a statistics table in the web: a cell by some dimensions' values, the others at their total. */
import { describe, expect, it } from 'vitest';
import type { StatisticsTable } from '../../src/web/api/statistics-types.ts';
import { cubeOf } from '../../src/web/pages/statistics/cube.ts';

const table = {
  measure: 'arrivals',
  from: '2026-01',
  to: '2026-02',
  period: 'month',
  area: 'none',
  scope: { kind: 'nation', code: null },
  exact: false,
  dimensions: [
    { name: 'period', values: [{ code: '2026-01', label: null }] },
    { name: 'gender', values: [{ code: 'female', label: null }] },
  ],
  cells: [
    { key: ['2026-01', 'female'], count: null },
    { key: ['2026-01', 'total'], count: 9 },
    { key: ['total', 'female'], count: null },
    { key: ['total', 'total'], count: 9 },
  ],
  suppressed: 2,
} satisfies StatisticsTable;

describe('statistics cube in the web', () => {
  it('finds a cell with the unnamed dimensions at their total', () => {
    const cube = cubeOf(table);
    expect(cube.count({ period: '2026-01' })).toBe(9);
    expect(cube.count({ period: '2026-01', gender: 'female' })).toBeNull();
    expect(cube.count({})).toBe(9);
    expect(cube.count({ period: '2026-02' })).toBeUndefined();
    expect(cube.has('gender')).toBe(true);
    expect(cube.has('area')).toBe(false);
    expect(cube.values('period').map((v) => v.code)).toEqual(['2026-01']);
  });
});
