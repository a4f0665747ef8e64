/**
 * The lines a municipality may claim (issue 14 point 4, ADR 0034): for each quarter, what the calculator computes from
 * Anvisa's facts for the codes the municipality applies for, per child — the same functions as the view (ADR 0032), so
 * the claim and the view agree by construction.
 */
import type { DbOrTx } from '../platform/db/client.ts';
import {
  CLAIM_LINE_CODES,
  STATED_AMOUNT_CODES,
  type ClaimLineCode,
} from '../domain/compensation/claim-rules.ts';
import { compensationLines } from '../domain/compensation/lines.ts';
import { quarterWindow } from '../domain/compensation/view.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import { loadChildFacts, municipalityChildFacts } from './facts.ts';

export interface ComputedClaimLine {
  readonly childId: string;
  /** Null behind a protected identity. */
  readonly name: string | null;
  readonly dossierNumber: string;
  readonly code: ClaimLineCode;
  readonly quarter: string;
  readonly count: number;
  readonly amount: number;
}

export const lineKey = (line: { childId: string; code: string; quarter: string }) =>
  `${line.childId}|${line.code}|${line.quarter}`;

const isClaimCode = (code: string): code is ClaimLineCode =>
  (CLAIM_LINE_CODES as readonly string[]).includes(code);

/**
 * The municipality's claimable lines in the quarters, by `lineKey`: of the given children, or of every child whose
 * facts touch the municipality in each quarter. Lines of 0 kr are left out, but for a stated-amount code's days.
 */
export async function computedClaimLines(
  db: DbOrTx,
  municipalityCode: string,
  quarters: readonly string[],
  childIds?: readonly string[],
): Promise<Map<string, ComputedClaimLine>> {
  const rates = compensationRates();
  const lines = new Map<string, ComputedClaimLine>();
  const given = childIds === undefined ? null : await loadChildFacts(db, childIds);
  for (const quarter of quarters) {
    const window = quarterWindow(quarter);
    if (window === null) continue;
    const loaded = given ?? (await municipalityChildFacts(db, municipalityCode, window));
    for (const child of loaded) {
      for (const line of compensationLines([child.facts], window, rates)) {
        if (line.municipalityCode !== municipalityCode || !isClaimCode(line.code)) continue;
        // A stated-amount line (SFV) has days and no computed amount: the municipality states the cost.
        if (STATED_AMOUNT_CODES.has(line.code) ? line.count <= 0 : line.amount <= 0) continue;
        const computed: ComputedClaimLine = {
          childId: child.facts.childId,
          name: child.protectedIdentity ? null : `${child.firstName} ${child.lastName}`,
          dossierNumber: child.dossierNumber,
          code: line.code,
          quarter,
          count: line.count,
          amount: line.amount,
        };
        lines.set(lineKey(computed), computed);
      }
    }
  }
  return lines;
}
