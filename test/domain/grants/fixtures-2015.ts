/**
 * The 2015 round of §37a as a fixture (VG 2015 page, domain research E.7): 50 Mkr; 201 applications from 148
 * municipalities; 114 projects granted wholly or partly. How they spread over the counties is not published: here
 * they are spread evenly over the 21 counties, which the totals do not depend on.
 */
import type { SummaryInput } from '../../../src/domain/grants/rules.ts';

const COUNTIES = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];

export function applications2015(): SummaryInput[] {
  const municipalities = Array.from({ length: 148 }, (_, i) => {
    const county = COUNTIES[i % COUNTIES.length] ?? '01';
    return { county, code: `${county}${String(10 + Math.floor(i / COUNTIES.length)).padStart(2, '0')}` };
  });
  return Array.from({ length: 201 }, (_, i) => {
    const m = municipalities[i % municipalities.length] ?? { county: '01', code: '0110' };
    const outcome = i < 80 ? 'granted' : i < 114 ? 'partly_granted' : 'refused';
    return {
      countyCode: m.county,
      municipalityCode: m.code,
      status: outcome === 'refused' ? 'refused' : 'closed',
      outcome,
      grantedAmount: outcome === 'refused' ? null : 250_000,
    } satisfies SummaryInput;
  });
}
