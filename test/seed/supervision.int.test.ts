/**
 * The supervision demo data (ADR 0027), seeded through the use cases on the tests' fixture database: last year every
 * authority of the Skåne board's counties inspected but one skipped, Malmö's inspection with a finding of each
 * criticism level and an overdue follow-up action; this year's plan with the skipped authority planned, one skip, and
 * an ad-hoc review with its sample; this year's inspections whose day has passed held, none of them left planned.
 * Right on any date: seeded again on 2 January and in June, each inside a transaction rolled back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consecutiveSkips } from '../../src/domain/supervision/plan.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { sql } from 'drizzle-orm';
import { seedActors } from '../../src/seed/actors.ts';
import { seedSupervision } from '../../src/seed/supervision.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);

async function rows<T>(db: DbOrTx, query: string): Promise<T[]> {
  const result: unknown = await db.execute(sql.raw(query));
  return (result as { rows: T[] }).rows;
}

async function check(db: DbOrTx, day: string): Promise<void> {
  const year = Number(day.slice(0, 4));
  const levels = await rows<{ level: string }>(
    db,
    `select distinct f.level from supervision_findings f join supervision_inspections i on i.id = f.inspection_id where i.year = ${year - 1}`,
  );
  expect(levels.map((l) => l.level).sort()).toEqual([
    'cannot_escape_criticism',
    'criticism',
    'serious_criticism',
  ]);
  const states = await rows<{ year: number; state: string; n: number | string }>(
    db,
    `select year, state, count(*) as n from supervision_inspections where kind = 'regular' group by year, state`,
  );
  const n = (y: number, s: string) => Number(states.find((r) => r.year === y && r.state === s)?.n ?? 0);
  expect(n(year - 1, 'closed')).toBeGreaterThan(10);
  expect(n(year - 1, 'skipped')).toBe(1);
  expect(n(year - 1, 'response_received')).toBe(1);
  expect(n(year, 'skipped')).toBe(1);
  const thisYear = states.filter((r) => r.year === year && r.state !== 'skipped');
  expect(thisYear.reduce((sum, r) => sum + Number(r.n), 0)).toBe(
    n(year - 1, 'closed') + n(year - 1, 'response_received'),
  );
  // An inspection whose day has passed has been held: none is still planned on a date before the day seeded.
  const pastPlanned = await rows<{ n: number | string }>(
    db,
    `select count(*) as n from supervision_inspections where state = 'planned' and planned_on < '${day}'`,
  );
  expect(Number(pastPlanned[0]?.n)).toBe(0);
  // E-R6 holds in the history: no two skipped years in a row for any authority.
  const entries = await rows<{ authority_id: string; year: number; state: string }>(
    db,
    `select authority_id, year, state from supervision_inspections where kind = 'regular'`,
  );
  for (const id of new Set(entries.map((e) => e.authority_id)))
    expect(
      consecutiveSkips(
        entries
          .filter((e) => e.authority_id === id)
          .map((e) => ({ year: e.year, skipped: e.state === 'skipped' })),
      ),
    ).toEqual([]);
  // Every date is on or before the day seeded, but a plan's.
  const late = await rows<{ n: number | string }>(
    db,
    `select count(*) as n from supervision_inspections where sampled_on > '${day}' or report_sent_on > '${day}' or responded_on > '${day}' or closed_on > '${day}'`,
  );
  expect(Number(late[0]?.n)).toBe(0);
  const overdue = await rows<{ n: number | string }>(
    db,
    `select count(*) as n from supervision_actions where done_on is null and deadline < '${day}'`,
  );
  expect(Number(overdue[0]?.n)).toBe(1);
  const adHoc = await rows<{ state: string; files: number | string }>(
    db,
    `select i.state, (select count(*) from supervision_sample_files s where s.inspection_id = i.id) as files from supervision_inspections i where kind = 'ad_hoc'`,
  );
  expect(adHoc.map((a) => a.state)).toEqual(['in_progress']);
}

beforeAll(async () => {
  t = await startTestApp();
  await seedSupervision(t.database.db, seedActors(t.database.db, PINNED_NOW, today), PINNED_NOW, today);
}, 300_000);
afterAll(async () => t.close());

describe('the supervision demo data', () => {
  it('holds a year of it: inspections with findings of each level, skips, the plan and an ad-hoc review', async () => {
    await check(t.database.db, today);
  });

  it('holds this year’s inspections whose day has passed, as far as today reaches', async () => {
    const held = await rows<{ state: string }>(
      t.database.db,
      `select state from supervision_inspections where kind = 'regular' and year = ${Number(today.slice(0, 4))} and planned_on < '${today}'`,
    );
    expect(held.length).toBeGreaterThan(10);
    expect(new Set(held.map((h) => h.state))).toContain('closed');
  });

  it.each(['2027-01-02', '2027-06-15'])('is right on %s too', async (day) => {
    const now = new Date(`${day}T09:00:00Z`);
    const rollback = new Error('rollback');
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from supervision_actions`);
        await tx.execute(sql`delete from supervision_findings`);
        await tx.execute(sql`delete from supervision_sample_files`);
        await tx.execute(sql`delete from supervision_inspections`);
        await seedSupervision(tx, seedActors(tx, now, day), now, day);
        await check(tx, day);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});
