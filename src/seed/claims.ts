/**
 * The claims' demo (issue 14 points 4–5, ADR 0034), grown through the use cases the API calls, on any date: Malmö's
 * finance officer claimed the quarter before the previous one shortly after it ended; the Agency's officer reduced its
 * first line (one arrival day too many: the take-over day) and granted the rest, then paid. The previous quarter — the
 * one the municipality may claim now — is left open. Should the earlier quarter have no line to claim on the day, the
 * claim takes the first line of the previous quarter and leaves the others open. Only the arrival days are claimed:
 * the demo has no LVU decision or court judgment to attach. Deterministic: the lines in the order
 * the claim lists them; every step dated after the quarter ended and never after today.
 */
import { previousQuarter, quarterWindow } from '../domain/compensation/view.ts';
import { addDays } from '../domain/time.ts';
import { computedClaimLines } from '../compensation/claim-lines.ts';
import { createClaim, setClaimLines, submitClaim } from '../compensation/claims.ts';
import { decideLine, recordPayment } from '../compensation/claim-review.ts';
import type { SeedActors } from './case-seeding.ts';

const MALMO = '1280';
/** The arrival day's rate (ANKOMST_DYGN), what one day too many costs. */
const ONE_DAY = 3000;

export async function seedClaims(actors: SeedActors, today: string): Promise<void> {
  const previous = quarterWindow(previousQuarter(today));
  if (previous === null) return;
  const earlier = previousQuarter(previous.from);
  const cap = (day: string) => (day > today ? today : day);
  const finance = (day: string) => actors.as('finance_officer', MALMO, day);
  const officer = (day: string) => actors.as('compensation_officer', null, day);
  for (const quarter of [earlier, previousQuarter(today)]) {
    const window = quarterWindow(quarter);
    if (window === null) continue;
    const submittedOn = cap(addDays(window.to, 10));
    const caller = await finance(submittedOn);
    // The demo claims only the arrival days: an LVU line needs the LVU decision, an SFV line the court's judgment and
    // a stated cost, and the demo has no document to attach (the education lines are left for the officer to claim).
    const claimable = [...(await computedClaimLines(caller.db, MALMO, [quarter])).values()]
      .filter((line) => line.code === 'ANKOMST_DYGN')
      .map((line) => ({ childId: line.childId, code: line.code, quarter: line.quarter }));
    const chosen = quarter === earlier ? claimable : claimable.slice(0, 1);
    if (chosen.length === 0) continue;
    let claim = await createClaim(caller, { quarters: [quarter] });
    claim = await setClaimLines(await finance(submittedOn), claim.id, {
      lines: chosen,
      expectedVersion: claim.version,
    });
    claim = await submitClaim(await finance(submittedOn), claim.id, claim.version);
    const decidedOn = cap(addDays(submittedOn, 12));
    for (const [index, line] of claim.lines.entries()) {
      const reduced = index === 0;
      const less = line.amount > ONE_DAY ? line.amount - ONE_DAY : Math.floor(line.amount / 2);
      claim = await decideLine(await officer(decidedOn), claim.id, line.id, {
        outcome: reduced && less > 0 ? 'reduced' : 'granted',
        grantedAmount: reduced && less > 0 ? less : null,
        reason: reduced && less > 0 ? 'arrival_after_take_over' : null,
        reasonText: '',
        expectedVersion: claim.version,
      });
    }
    const paidOn = cap(addDays(decidedOn, 7));
    await recordPayment(await officer(paidOn), claim.id, {
      paidOn,
      reference: `UB-${quarter.replace('-', '')}-${MALMO}`,
      expectedVersion: claim.version,
    });
    return;
  }
}
