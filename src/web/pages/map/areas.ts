/** Figures per area (municipality or county) for the map, its tooltip and its table. */
import type { AgeBand, MunicipalityFigures } from '../../api/allocation-types.ts';
import type { County } from '../../api/types.ts';

export interface AreaFigures {
  readonly code: string;
  readonly name: string;
  /** The county a municipality lies in; a county's own code for a county. */
  readonly countyCode: string;
  readonly share: number;
  readonly received: number;
  /** The exact quota with three decimals, e.g. "1.080". */
  readonly quota: string;
  /** received − quota. */
  readonly deviation: number;
  readonly byGender: { readonly female: number; readonly male: number; readonly other: number };
  readonly byAgeBand: Readonly<Record<AgeBand, number>>;
}

const thousandths = (quota: string) => Math.round(Number(quota) * 1000);

/** County totals: shares, received and exact quotas add up (quotas exactly, in thousandths). */
export function countyTotals(
  municipalities: readonly MunicipalityFigures[],
  counties: readonly County[],
): AreaFigures[] {
  return counties.map((county) => {
    const inCounty = municipalities.filter((m) => m.countyCode === county.code);
    const sum = (pick: (m: MunicipalityFigures) => number) => inCounty.reduce((a, m) => a + pick(m), 0);
    const received = sum((m) => m.received);
    const quota = sum((m) => thousandths(m.quota));
    return {
      code: county.code,
      name: county.name,
      countyCode: county.code,
      share: sum((m) => m.share),
      received,
      quota: (quota / 1000).toFixed(3),
      deviation: (received * 1000 - quota) / 1000,
      byGender: {
        female: sum((m) => m.byGender.female),
        male: sum((m) => m.byGender.male),
        other: sum((m) => m.byGender.other),
      },
      byAgeBand: {
        '0-12': sum((m) => m.byAgeBand['0-12']),
        '13-15': sum((m) => m.byAgeBand['13-15']),
        '16-17': sum((m) => m.byAgeBand['16-17']),
      },
    };
  });
}
