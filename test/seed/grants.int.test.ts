/**
 * The demo's year of §37a grants, seeded on several dates — the test suite's pinned day, New Year's Day just after
 * midnight, midsummer and a leap day: last year's round ends with an application in every status of the machine,
 * this year's call is open with a draft, a submitted and an assessed application, no county has granted beyond its
 * allotment, and nothing is dated after today.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { effectiveStatus, GRANT_STATUSES, type StoredGrantStatus } from '../../src/domain/grants/machine.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

const INSTANTS = [
  '2026-11-23T09:00:00Z',
  '2026-12-31T23:30:00Z', // 1 January 2027 in Sweden
  '2027-06-25T08:00:00Z',
  '2028-02-29T12:00:00Z',
];

let opened: OpenTestDatabase | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

describe('the demo’s §37a grants', () => {
  it.each(INSTANTS)(
    'seeded at %s: every status, within the allotments, nothing after today',
    async (instant) => {
      opened = await openTestDatabase();
      const { database } = opened;
      const now = new Date(instant);
      const today = stockholmDate(now);
      await loadReferenceData(database.db);
      await seedDemo(database, now, today, 2);
      const apps = (
        await database.raw.query<{ status: string; deadline: string; year: number; county: string }>(
          `select a.status, c.deadline::text as deadline, c.year, c.county_code as county
           from grant_applications a join grant_calls c on c.id = a.call_id`,
        )
      ).rows;
      const statuses = new Set(
        apps.map((a) => effectiveStatus(a.status as StoredGrantStatus, a.deadline, today)),
      );
      expect([...statuses].sort()).toEqual([...GRANT_STATUSES].sort());
      const thisYear = apps.filter((a) => a.year === Number(today.slice(0, 4)) && a.county === '12');
      expect(thisYear.map((a) => a.status).sort()).toEqual(['assessed', 'draft', 'submitted']);
      const over = await database.raw.query<{ county: string }>(
        `select c.county_code as county from grant_applications a join grant_calls c on c.id = a.call_id
         join grant_allotments g on g.county_code = c.county_code and g.year = c.year
        where a.outcome in ('granted', 'partly_granted')
        group by c.county_code, c.year, g.amount having sum(a.granted_amount) > g.amount`,
      );
      expect(over.rows).toEqual([]);
      const late = await database.raw.query<{ n: string }>(
        `select count(*)::text as n from grant_application_events where on_date > $1`,
        [today],
      );
      expect(late.rows[0]?.n).toBe('0');
    },
  );
});
