/**
 * The county board's demo year (issue 13): Skåne's capacity survey over four half-years, answered through the use
 * cases — most on time, some after the county's reminder, some not at all, Malmö's current report still due — and
 * redistribution proposals returned and awaiting the Agency; the historic agreements. Seeded on the tests' fixture database on two days of the
 * year, so the periods follow whatever day the demo starts on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedActors } from '../../src/seed/actors.ts';
import { halfYears, seedCounty } from '../../src/seed/county.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;

beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

describe('the county board’s demo year', () => {
  it.each(['2026-11-23', '2026-02-10'])(
    'on %s: four periods, reports and reminders as the year went',
    async (today) => {
      const now = new Date(`${today}T09:00:00Z`);
      await t.database.db.transaction((tx) => seedCounty(tx, seedActors(tx, now, today), today));
      const periods = await rows<{
        id: string;
        starts_on: string;
        due_on: string;
        answered: number | string;
      }>(
        `select p.id, p.starts_on::text, p.due_on::text, (select count(*) from capacity_reports r where r.period_id = p.id) as answered
         from capacity_periods p where p.county_code = '12' order by p.starts_on`,
      );
      expect(periods.map((p) => p.starts_on)).toEqual(halfYears(today).map((h) => h.startsOn));
      const current = periods.at(-1);
      // Past periods: most of Skåne's 33 municipalities answered, not all.
      for (const p of periods.slice(0, -1)) {
        expect(Number(p.answered)).toBeGreaterThanOrEqual(23);
        expect(Number(p.answered)).toBeLessThan(33);
      }
      const malmoNow = await rows(
        `select 1 from capacity_reports where period_id = '${current?.id ?? ''}' and municipality_code = '1280'`,
      );
      expect(malmoNow).toHaveLength(0);
      // Every report is consistent and given between its period's start and today.
      const reports = await rows<{ reported_on: string; starts_on: string }>(
        `select (r.reported_at at time zone 'Europe/Stockholm')::date::text as reported_on, p.starts_on::text
         from capacity_reports r join capacity_periods p on p.id = r.period_id`,
      );
      for (const r of reports) {
        expect(r.reported_on >= r.starts_on).toBe(true);
        expect(r.reported_on <= today).toBe(true);
      }
      const reminded = await rows(`select 1 from capacity_reminders`);
      expect(reminded.length).toBeGreaterThan(0);
      const proposals = await rows<{ county_code: string; status: string }>(
        `select county_code, status from redistribution_proposals order by county_code`,
      );
      const programmes = await rows<{ first_year: number; follow_ups: number | string }>(
        `select p.first_year, (select count(*) from programme_follow_ups f where f.programme_id = p.id) as follow_ups
         from development_programmes p where p.county_code = '12'`,
      );
      expect(programmes.map((p) => [p.first_year, Number(p.follow_ups)])).toEqual([
        [Number(today.slice(0, 4)) - 1, 3],
      ]);
      expect(proposals).toEqual([
        { county_code: '12', status: 'returned' },
        { county_code: '22', status: 'proposed' },
      ]);
      // Skåne's historic agreements: history, the same on any day; one registration voided, its right one beside it.
      const agreements = await rows<{ municipalities: string[]; concluded_on: string; voided: boolean }>(
        `select municipalities, concluded_on::text, voided_at is not null as voided
         from historic_agreements where county_code = '12' order by valid_from, voided_at nulls last`,
      );
      expect(agreements.map((a) => [a.municipalities.join('+'), a.concluded_on, a.voided])).toEqual([
        ['1280', '2007-11-26', false],
        ['1280', '2011-12-01', false],
        ['1281+1230', '2013-06-03', false],
        ['1283', '2014-02-14', false],
        ['1287', '2015-08-24', true],
        ['1233', '2015-08-24', false],
      ]);
    },
  );
});
