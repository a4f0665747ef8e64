/**
 * The demo's special grants (ADR 0033), seeded as the server seeds the demo (with the case seeders) on several dates:
 * Birgitta Sjö's wards have an application in every status, each applied for while she was the child's god man, and
 * nothing is dated after today; each says what the child needs and why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SPECIAL_GRANT_STATUSES } from '../../src/domain/allowance/machine.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

const INSTANTS = ['2026-11-23T09:00:00Z', '2026-12-31T23:30:00Z', '2028-02-29T12:00:00Z'];

let opened: OpenTestDatabase | null = null;
afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

describe('the demo’s special grants', () => {
  it.each(INSTANTS)(
    'seeded at %s: every status, the god man in force on the day, nothing after today',
    async (instant) => {
      opened = await openTestDatabase();
      const { database } = opened;
      const now = new Date(instant);
      const today = stockholmDate(now);
      await loadReferenceData(database.db);
      await seedDemo(database, now, today, 12, { caseSeeders: true });
      const { rows } = await database.raw.query<{
        status: string;
        description: string;
        latest: string;
        in_force: boolean;
      }>(
        `select a.status, a.description, greatest(a.applied_on, a.submitted_on, a.decided_on, a.paid_on)::text as latest,
                exists (select 1 from guardianships g
                         where g.child_id = a.child_id and g.guardian_user_id = a.applied_by and g.kind = 'god_man'
                           and g.from_date <= a.applied_on and (g.to_date is null or g.to_date > a.applied_on)) as in_force
           from special_grant_applications a join users u on u.id = a.applied_by
          where u.subject = 'dev:birgitta.sjo'`,
      );
      expect(rows.map((r) => r.status).sort()).toEqual([...SPECIAL_GRANT_STATUSES].sort());
      for (const r of rows) {
        expect(r.in_force).toBe(true);
        expect(r.description.trim()).not.toBe(''); // every application says what the child needs and why (ADR 0036)
        expect(r.latest <= today).toBe(true);
      }
    },
    300_000,
  );
});
