/**
 * The demo grows correctly whatever the date: the first start and the background growth (the path of `npm start`)
 * run with the clock set to several dates across a year — a leap day, New Year's Eve late in the evening, New Year's
 * Day just after midnight (already 1 January in Sweden, still 31 December in UTC), a date in the middle of a year and
 * the day the growth was first reported to fail — and must not fail. Then, for every date:
 * no arrival after today; every child under 18 on arrival; every decision under the share version in force on its
 * date, never before the arrival and never after today; and every correction of a child's basic data and every step
 * of social services' case made by the municipality responsible on the day it was made; the provider staff's demo
 * user linked to a Malmö HVB and listing exactly the children placed there that day.
 */
import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { shareVersionInForce } from '../../src/allocation/ledger.ts';
import { isAdultOn } from '../../src/domain/asylum/minor.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { responsibilityPeriods } from '../../src/platform/db/schema.ts';
import { responsibleOn, type PeriodRow } from '../../src/responsibility/periods.ts';
import { prepareData, startDemoGrowth } from '../../src/server/bootstrap.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { demoChildren } from '../../src/seed/grow.ts';
import { scopeInput, searchChildIds } from '../../src/children/search.ts';
import type { Actor } from '../../src/domain/access/child-scope.ts';

/** Children grown beyond the 24 of the first start, per date (each runs every capability's seeder). */
// 80 reaches child 101, whose responsibility ended at 18 before December 2026 (the defect of the record seeder); set
// ANVISA_GROW_DATES_CHILDREN=120 to reach every transfer plan and the merge undone as well (slower).
const GROWN = Number(process.env.ANVISA_GROW_DATES_CHILDREN ?? 80);

const INSTANTS: readonly { readonly name: string; readonly now: string }[] = [
  { name: 'the day the growth was reported to fail', now: '2026-12-06T10:15:00Z' },
  { name: "New Year's Eve, late in the evening", now: '2026-12-31T22:45:00Z' },
  { name: "New Year's Day just after midnight (31 December in UTC)", now: '2026-12-31T23:30:00Z' },
  { name: 'midsummer', now: '2027-06-25T08:00:00Z' },
  { name: 'a leap day', now: '2028-02-29T12:00:00Z' },
];
const only = process.env.ANVISA_GROW_DATES_ONLY;

let opened: OpenTestDatabase | null = null;
afterAll(async () => opened?.cleanup());

/**
 * Whether `code` was responsible on `on` — or until that day, when an age decision taken that day ended its period
 * (the age seeder decides after the day's last step, so the step came first).
 */
function actedResponsibly(periods: readonly PeriodRow[], on: string, code: string): boolean {
  return (
    responsibleOn(periods, on) === code ||
    periods.some(
      (p) =>
        p.municipalityCode === code && p.toDate === on && p.fromDate < on && p.endReason === 'age_changed',
    )
  );
}

async function rows<T>(database: Database, query: string): Promise<T[]> {
  return (await database.raw.query<T>(query)).rows;
}

async function grow(database: Database, now: Date): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ANVISA_DEMO_DATA: 'true',
    ANVISA_DEMO_CHILDREN: String(24 + GROWN),
  });
  const clock = () => now;
  await prepareData(database, config, now, () => {});
  const failures: unknown[] = [];
  const growth = startDemoGrowth(
    database,
    config.demoChildren,
    clock,
    () => {},
    (error) => failures.push(error),
    { pauseMs: 0 },
  );
  await growth.finished;
  expect(failures).toEqual([]);
  expect(await demoChildren(database.db)).toBe(24 + GROWN);
}

describe.each(INSTANTS.filter((i) => only === undefined || i.now.startsWith(only)))(
  'the demo grown on $now ($name)',
  ({ now: instant }) => {
    const now = new Date(instant);
    const today = stockholmDate(now);
    let database: Database;
    const periods = new Map<string, PeriodRow[]>();

    it('grows without an error', async () => {
      await opened?.cleanup();
      opened = await openTestDatabase();
      database = opened.database;
      await grow(database, now);
      for (const p of await database.db
        .select()
        .from(responsibilityPeriods)
        .orderBy(asc(responsibilityPeriods.fromDate), asc(responsibilityPeriods.createdAt))) {
        periods.set(p.childId, [...(periods.get(p.childId) ?? []), p]);
      }
    }, 300_000);

    it('has no arrival after today and every child under 18 on arrival', async () => {
      const arrivals = await rows<{ dossier: string; birth: string; arrived: string }>(
        database,
        // The birth date as registered: an age decision may later make the child older (recorded in field_changes).
        `select c.dossier_number as dossier, min(p.from_date)::text as arrived,
              coalesce((select f.old_value #>> '{}' from field_changes f where f.child_id = c.id and f.entity = 'child' and f.field = 'birthDate'
                         order by f.changed_at limit 1), c.birth_date::text) as birth
         from children c join responsibility_periods p on p.child_id = c.id and p.kind = 'arrival'
        group by c.id, c.dossier_number, c.birth_date`,
      );
      expect(arrivals.length).toBeGreaterThanOrEqual(24 + GROWN);
      expect(arrivals.filter((a) => a.arrived > today)).toEqual([]);
      expect(arrivals.filter((a) => isAdultOn(a.birth, a.arrived))).toEqual([]);
    });

    it('decides every child under the share version in force on the decision date, between arrival and today', async () => {
      const decisions = await rows<{
        id: string;
        decided_on: string;
        share_version_id: string;
        arrived: string;
      }>(
        database,
        `select d.id, d.decided_on::text, d.share_version_id, (select min(p.from_date)::text from responsibility_periods p
          where p.child_id = any(d.child_ids) and p.kind = 'arrival') as arrived
         from anvisning_decisions d`,
      );
      expect(decisions.length).toBeGreaterThan(GROWN / 3);
      const wrong: string[] = [];
      for (const d of decisions) {
        const inForce = await shareVersionInForce(database.db, d.decided_on);
        if (inForce?.id !== d.share_version_id)
          wrong.push(`${d.id}: version not in force on ${d.decided_on}`);
        if (d.decided_on > today) wrong.push(`${d.id}: decided after today (${d.decided_on})`);
        if (d.decided_on < d.arrived) wrong.push(`${d.id}: decided before the arrival`);
      }
      expect(wrong).toEqual([]);
    });

    it("acts on a child's basic data and social services' case only as the municipality responsible that day", async () => {
      const actions = await rows<{
        child_id: string;
        dossier: string;
        on: string;
        code: string;
        what: string;
      }>(
        database,
        `select f.child_id, (select dossier_number from children c where c.id = f.child_id) as dossier, to_char(f.changed_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as on, o.municipality_code as code,
              'basic data ' || f.field as what
         from field_changes f
         join role_assignments r on r.user_id = f.changed_by and r.role = 'social_worker'
         join organisations o on o.id = r.organisation_id and o.type = 'municipality'
        where f.entity = 'child'
       union all
       select e.child_id, (select dossier_number from children c where c.id = e.child_id), e.occurred_on::text, o.municipality_code, 'social case ' || e.event
         from case_events e join organisations o on o.id = e.actor_organisation_id and o.type = 'municipality'
        where e.machine = 'social_case'`,
      );
      expect(actions.some((a) => a.what.startsWith('basic data'))).toBe(true);
      const wrong = actions
        .filter((a) => !actedResponsibly(periods.get(a.child_id) ?? [], a.on, a.code))
        .map(
          (a) =>
            `${a.dossier}: ${a.what} on ${a.on} by ${a.code}; periods ${(periods.get(a.child_id) ?? []).map((p) => `${p.kind} ${p.municipalityCode} ${p.fromDate}–${p.toDate ?? ''} ${p.endReason ?? ''}`).join(', ')}`,
        );
      expect(wrong).toEqual([]);
    });

    it('links the provider staff to a Malmö HVB, and they list exactly the children placed there today', async () => {
      const [staff] = await rows<{
        user_id: string;
        organisation_id: string;
        provider_id: string;
        code: string;
        form: string;
      }>(
        database,
        `select ra.user_id, o.id as organisation_id, o.provider_id, p.municipality_code as code, p.form
           from users u join role_assignments ra on ra.user_id = u.id and ra.role = 'provider_staff'
           join organisations o on o.id = ra.organisation_id and o.type = 'provider'
           join placement_providers p on p.id = o.provider_id
          where u.subject = 'dev:nils.persson'`,
      );
      expect(staff).toMatchObject({ code: '1280', form: 'hvb' });
      if (staff === undefined) return;
      const placed = await rows<{ child_id: string }>(
        database,
        `select child_id from placements where provider_id = '${staff.provider_id}'
            and from_date <= '${today}' and (to_date is null or to_date > '${today}')`,
      );
      const actor: Actor = {
        userId: staff.user_id,
        organisationId: staff.organisation_id,
        organisationType: 'provider',
        role: 'provider_staff',
        municipalityCodes: [],
        countyCode: null,
        protectedIdentityClearance: false,
        providerId: staff.provider_id,
      };
      const scope = await scopeInput(database.db, actor, today, now);
      const listed = await searchChildIds(database.db, scope, { text: '' }, { offset: 0, limit: 10_000 });
      expect(listed.ids.sort()).toEqual(placed.map((p) => p.child_id).sort());
    });
  },
);
