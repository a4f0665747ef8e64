/**
 * Redistribution of shares within a county (omfördelning, issue 13 point 2; research E.2 step E3, rules E-R1…E-R4):
 * after its dialogue with the municipalities the county proposes that some municipalities cede promille to others;
 * the Migration Agency fixes the result as a new share version. Pure: which proposals the rules accept.
 *
 * - E-R1: promille move only between municipalities of the proposing county, for one year (the year of the share
 *   version the proposal starts from).
 * - E-R4: a ceding municipality may go to 0 ‰, not below; several may cede to the same municipality.
 * - E-R3: relatives' assignments (anknytningsanvisningar) are not moved: the allocation rule assigns a child with a
 *   relative to the relative's municipality whatever its share, so a share of 0 ‰ stops only the turn-based ones.
 * - E-R2: the variable compensation follows the new share, the fixed compensation stays with every municipality
 *   (computed by the compensation capability from the share version in force).
 */

export interface RedistributionTransfer {
  readonly fromCode: string;
  readonly toCode: string;
  readonly promille: number;
}

export type RedistributionProblemCode =
  'unknown_municipality' | 'other_county' | 'same_municipality' | 'not_whole_promille' | 'exceeds_share';

export interface RedistributionProblem {
  readonly index: number;
  readonly field: 'fromCode' | 'toCode' | 'promille';
  readonly code: RedistributionProblemCode;
  /** With `exceeds_share`: the promille the ceding municipality has left to cede at this transfer. */
  readonly available?: number;
}

export interface RedistributionResult {
  readonly problems: readonly RedistributionProblem[];
  /** The county's municipalities' shares after the transfers (only meaningful without problems). */
  readonly shares: ReadonlyMap<string, number>;
}

const countyOfCode = (code: string) => code.slice(0, 2);

/**
 * Applies a county's proposed transfers to the shares of the year's version, transfer by transfer, and names every
 * rule a transfer breaks. `shares` holds every municipality of the nation (the version's vector).
 */
export function redistribute(
  countyCode: string,
  shares: ReadonlyMap<string, number>,
  transfers: readonly RedistributionTransfer[],
): RedistributionResult {
  const next = new Map(shares);
  const problems: RedistributionProblem[] = [];
  for (const [index, t] of transfers.entries()) {
    const found: RedistributionProblem[] = [];
    for (const field of ['fromCode', 'toCode'] as const) {
      const code = t[field];
      if (!next.has(code)) found.push({ index, field, code: 'unknown_municipality' });
      else if (countyOfCode(code) !== countyCode) found.push({ index, field, code: 'other_county' });
    }
    if (found.length === 0 && t.fromCode === t.toCode)
      found.push({ index, field: 'toCode', code: 'same_municipality' });
    if (!Number.isInteger(t.promille) || t.promille < 1)
      found.push({ index, field: 'promille', code: 'not_whole_promille' });
    const available = next.get(t.fromCode) ?? 0;
    if (found.length === 0 && t.promille > available)
      found.push({ index, field: 'promille', code: 'exceeds_share', available });
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    next.set(t.fromCode, available - t.promille);
    next.set(t.toCode, (next.get(t.toCode) ?? 0) + t.promille);
  }
  return { problems, shares: next };
}

/** The county's sum of promille, which a redistribution never changes. */
export function countyTotal(countyCode: string, shares: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [code, promille] of shares) if (countyOfCode(code) === countyCode) total += promille;
  return total;
}

/** The year a share version is for (its valid-from day's year): E-R1's "one year". */
export const shareYear = (validFrom: string): number => Number(validFrom.slice(0, 4));

/**
 * The share year the county's page opens on when none is asked for: the latest year after today's that has a share
 * version (the one being negotiated), else today's year. `years` are the years with a share version, in any order.
 */
export function defaultShareYear(years: readonly number[], today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const ahead = years.filter((y) => y > thisYear);
  return ahead.length === 0 ? thisYear : Math.max(...ahead);
}
