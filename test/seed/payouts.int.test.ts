/**
 * The demo's payouts (ADR 0035), seeded as the server seeds the demo (24 children, the case seeders) on several dates:
 * the forecasts of last year and this year; Malmö's three quarters before the previous one and last year's annual
 * compensation paid, the previous quarter not; one missing schablon accepted with a supplementary payout and one
 * awaiting the answer; a child still to report; a Malmö placement under LVU in the previous quarter; nothing dated
 * after today.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { municipalityReports } from '../../src/compensation/missing-schablon.ts';
import { previousQuarter, quarterWindow } from '../../src/domain/compensation/view.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedActors } from '../../src/seed/actors.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

const INSTANTS = [
  '2026-11-23T09:00:00Z',
  '2026-12-31T23:30:00Z',
  '2027-06-25T08:00:00Z',
  '2028-02-29T12:00:00Z',
];

let opened: OpenTestDatabase | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

const before = (quarter: string) => previousQuarter(quarterWindow(quarter)?.from ?? quarter);

describe('the demo’s payouts', () => {
  it.each(INSTANTS)(
    'seeded at %s: the earlier quarters paid, a report answered and one open',
    async (instant) => {
      opened = await openTestDatabase();
      const { database } = opened;
      const now = new Date(instant);
      const today = stockholmDate(now);
      await loadReferenceData(database.db);
      await seedDemo(database, now, today, 24, { caseSeeders: true });
      const rows = async <T>(text: string, values: unknown[] = []) =>
        (await database.raw.query<T>(text, values)).rows;

      const year = Number(today.slice(0, 4));
      const forecasts = await rows<{ year: number }>('select year from compensation_forecasts order by year');
      expect(forecasts.map((f) => f.year)).toEqual([year - 1, year]);

      const previous = previousQuarter(today);
      const paid = [before(previous), before(before(previous)), before(before(before(previous)))];
      const payouts = await rows<{ period: string; kind: string; paid_on: string; total: number }>(
        `select period, kind, paid_on::text, total from compensation_payouts where municipality_code = '1280'`,
      );
      const regular = payouts.filter((p) => p.kind === 'regular').map((p) => p.period);
      expect(regular.sort()).toEqual([...paid, String(year - 1)].sort());
      expect(payouts.filter((p) => p.kind === 'supplementary')).toHaveLength(1);
      expect(payouts.every((p) => p.paid_on <= today && p.total > 0)).toBe(true);

      const reports = await rows<{ status: string; reported_on: string; answered_on: string | null }>(
        `select status, reported_on::text, answered_on::text from missing_schablon_reports order by reported_on`,
      );
      expect(reports.map((r) => r.status)).toEqual(['accepted', 'open']);
      expect(reports.every((r) => r.reported_on <= today && (r.answered_on ?? today) <= today)).toBe(true);

      const window = quarterWindow(previous);
      const lvu = await rows(
        `select 1 from placements where municipality_code = '1280' and legal_basis = 'LVU'
       and from_date <= $1 and (to_date is null or to_date > $2)`,
        [window?.to, window?.from],
      );
      expect(lvu.length).toBeGreaterThan(0);

      const finance = await seedActors(database.db, now, today).as('finance_officer', '1280', today);
      const { candidates } = await municipalityReports(finance);
      expect(candidates.length).toBeGreaterThan(0);
    },
  );
});
