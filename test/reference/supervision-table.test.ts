import { describe, expect, it } from 'vitest';
import { supervisionTable } from '../../src/reference/load.ts';
import { countiesSupervisedBy } from '../../src/domain/supervision/supervisors.ts';

describe('the supervising county boards (reference data)', () => {
  it('gives every one of the 21 counties exactly one of the seven supervising boards', () => {
    const rows = supervisionTable();
    expect(rows).toHaveLength(21);
    expect(new Set(rows.map((r) => r.countyCode)).size).toBe(21);
    expect([...new Set(rows.map((r) => r.boardCountyCode))].sort()).toEqual([
      '01',
      '05',
      '12',
      '14',
      '20',
      '22',
      '25',
    ]);
  });
  it('has Stockholm for Stockholm, Uppsala, Södermanland, Gotland and Västmanland, Östergötland for Jönköping and Kalmar too', () => {
    const rows = supervisionTable();
    expect(countiesSupervisedBy(rows, '01')).toEqual(['01', '03', '04', '09', '19']);
    expect(countiesSupervisedBy(rows, '05')).toEqual(['05', '06', '08']);
    expect(countiesSupervisedBy(rows, '12')).toContain('07');
  });
});
