/**
 * The demo's claims (ADR 0034), seeded as the e2e server seeds the demo on several dates: Malmö has a claim decided
 * with one line reduced (with its reason) and paid, every step dated after its quarter ended and never after today,
 * and the previous quarter still has a line to claim.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { previousQuarter, quarterWindow } from '../../src/domain/compensation/view.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { computedClaimLines } from '../../src/compensation/claim-lines.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

const INSTANTS = [
  '2026-11-23T09:00:00Z',
  '2026-12-31T23:30:00Z',
  '2027-04-01T08:00:00Z',
  '2028-02-29T12:00:00Z',
];

let opened: OpenTestDatabase | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

describe('the demo’s claims', () => {
  it.each(INSTANTS)(
    'seeded at %s: a Malmö claim decided with a line reduced and paid; the previous quarter open',
    async (instant) => {
      opened = await openTestDatabase();
      const { database } = opened;
      const now = new Date(instant);
      const today = stockholmDate(now);
      await loadReferenceData(database.db);
      await seedDemo(database, now, today, 24);
      const { rows } = await database.raw.query<{
        status: string;
        first_quarter: string;
        submitted_on: string;
        paid_on: string;
        paid_amount: string;
        reduced: string;
        granted: string;
      }>(
        `select c.status, c.first_quarter, c.submitted_on::text, c.paid_on::text, c.paid_amount::text,
                (select count(*) from compensation_claim_lines l
                  where l.claim_id = c.id and l.outcome = 'reduced' and l.reason = 'arrival_after_take_over')::text as reduced,
                (select sum(granted_amount) from compensation_claim_lines l where l.claim_id = c.id)::text as granted
           from compensation_claims c where c.municipality_code = '1280'`,
      );
      expect(rows).toHaveLength(1);
      const [claim] = rows;
      expect(claim).toMatchObject({ status: 'paid', reduced: '1' });
      expect(claim?.paid_amount).toBe(claim?.granted);
      expect((claim?.paid_on ?? '') <= today).toBe(true);
      expect((claim?.submitted_on ?? '') > (quarterWindow(claim?.first_quarter ?? '')?.to ?? '9')).toBe(true);
      const open = await computedClaimLines(database.db, '1280', [previousQuarter(today)]);
      const { rows: held } = await database.raw.query<{ n: string }>(
        `select count(*)::text as n from compensation_claim_lines where quarter = $1`,
        [previousQuarter(today)],
      );
      expect(open.size).toBeGreaterThan(Number(held[0]?.n ?? 0));
    },
    300_000,
  );
});
