import { describe, expect, it } from 'vitest';
import type { MunicipalityFigures } from '../../../../src/web/api/allocation-types.ts';
import { countyTotals } from '../../../../src/web/pages/map/areas.ts';

function municipality(code: string, received: number, quota: string, share: number): MunicipalityFigures {
  return {
    code,
    name: code,
    countyCode: code.slice(0, 2),
    share,
    received,
    quota,
    deficit: (Number(quota) - received).toFixed(3),
    deviation: received - Number(quota),
    byGender: { female: 0, male: received, other: 0 },
    byAgeBand: { '0-12': 0, '13-15': received, '16-17': 0 },
  };
}

describe('county totals on the map', () => {
  it('add the municipalities of the county: shares, received and exact quotas without rounding drift', () => {
    const figures = [
      municipality('1280', 9, '3.759', 30),
      municipality('1281', 2, '1.001', 10),
      municipality('0180', 20, '19.500', 90),
    ];
    const [skane] = countyTotals(figures, [{ code: '12', name: 'Skåne län', shortName: 'Skåne' }]);
    expect(skane).toMatchObject({ code: '12', share: 40, received: 11, quota: '4.760', deviation: 6.24 });
    expect(skane?.byGender.male).toBe(11);
    expect(skane?.byAgeBand['13-15']).toBe(11);
  });
});
