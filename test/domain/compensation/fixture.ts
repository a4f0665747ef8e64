/** The rates the issue states (the shipped table is checked against them in test/reference) and a child builder. */
import type {
  ChildFacts,
  PlacementFact,
  ResponsibilityFact,
} from '../../../src/domain/compensation/calculator.ts';
import {
  buildRateTable,
  RATE_UNITS,
  type RateCode,
  type RateTable,
} from '../../../src/domain/compensation/rates.ts';

type Row = [code: RateCode, amount: number, from: string, to: string];

export const ISSUE_RATES: readonly Row[] = [
  ['ANVISNING_ENGANG', 52_000, '2017-07-01', ''],
  ['ANKOMST_DYGN', 3_000, '2017-07-01', ''],
  ['SCHABLON_DYGN', 1_350, '2017-07-01', '2023-12-31'],
  ['SCHABLON_DYGN', 1_000, '2024-01-01', ''],
  ['UNGA_DYGN', 750, '2017-07-01', ''],
  ['FAST_AR', 500_000, '2017-07-01', ''],
  ['RORLIG_AR', 9_450, '2017-07-01', ''],
];

export function rateTable(rows: readonly Row[] = ISSUE_RATES): RateTable {
  const { table, problems } = buildRateTable(
    rows.map(([code, amount, validFrom, validTo], i) => ({
      line: i + 2,
      code,
      amount: String(amount),
      unit: RATE_UNITS[code],
      validFrom,
      validTo,
      verified: 'ja',
      source: 'issue 14',
    })),
  );
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return table;
}

export const RATES = rateTable();

export const MALMO = '1280';
export const LUND = '1281';
export const STOCKHOLM = '0180';

/** A child of 2008 assigned to Malmö on 2024-03-01, not yet taken over, with no arrival municipality and no permit. */
export function aChild(overrides: Partial<ChildFacts> = {}): ChildFacts {
  return {
    childId: 'B1',
    birthDate: '2008-05-10',
    arrival: null,
    assignedMunicipalityCode: MALMO,
    anvisningDate: '2024-03-01',
    takeOverDate: null,
    permitDate: null,
    responsibility: [],
    placements: [],
    ...overrides,
  };
}

export function responsibility(
  municipalityCode: string,
  from: string,
  to: string | null = null,
): ResponsibilityFact {
  return { municipalityCode, from, to };
}

export function placement(
  municipalityCode: string,
  from: string,
  to: string | null = null,
  lvu: { dailyCost: number } | null = null,
): PlacementFact {
  return { municipalityCode, from, to, form: 'hvb', lvu: lvu !== null, dailyCost: lvu?.dailyCost ?? null };
}

/** Placed by and under the responsibility of one municipality over the days [from, to). */
export function placedBy(municipalityCode: string, from: string, to: string | null = null) {
  return {
    takeOverDate: from,
    responsibility: [responsibility(municipalityCode, from, to)],
    placements: [placement(municipalityCode, from, to)],
  };
}
