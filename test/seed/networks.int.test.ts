/**
 * The demo's networks (ADR 0029) on any day: the 2020 resource network as history (its two known sessions, its key
 * persons by county with invented names and example.se addresses, all needing review now), Kronoberg's network and
 * Skåne's with an event this year and one member that needs review — seeded on two days of the year, through the use
 * cases, and read back through the API as Skåne's coordinator sees it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedActors } from '../../src/seed/actors.ts';
import { seedNetworks } from '../../src/seed/networks.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;

beforeEach(async () => {
  t = await startTestApp({ children: 4 });
});
afterEach(async () => t.close());

describe('the demo’s networks', () => {
  it.each(['2026-11-23', '2027-01-05'])('on %s', async (today) => {
    const now = new Date(`${today}T09:00:00Z`);
    await t.database.db.transaction((tx) => seedNetworks(seedActors(tx, now, today), today));
    const events = await rows<{ theme: string; first_day: string; last_day: string; n: string }>(
      `select e.theme, e.first_day::text, e.last_day::text, sum(p.count)::text as n
       from network_events e join network_event_participants p on p.event_id = e.id
       group by e.id order by e.first_day`,
    );
    expect(events.slice(0, 2)).toEqual([
      { theme: 'Barns bästa vid asylprocessen', first_day: '2020-10-03', last_day: '2020-10-03', n: '13' },
      {
        theme: 'Barnrättsdagarna – inkl. barnkonventionen och heder',
        first_day: '2020-11-23',
        last_day: '2020-11-24',
        n: '11',
      },
    ]);
    expect(events[2]?.first_day.slice(0, 4)).toBe(today.slice(0, 4));
    expect((events[2]?.first_day ?? '9999') <= today).toBe(true);
    const emails = await rows<{ email: string }>(`select email from network_contacts`);
    expect(emails.length).toBe(16);
    for (const e of emails) expect(e.email).toMatch(/@example\.se$/);

    const stale = await rows<{ n: string }>(
      `select count(*)::text as n from network_contacts c join networks n on n.id = c.network_id
       where '12' = any(n.counties) and c.confirmed_on <= date '${today}' - interval '12 months'`,
    );
    expect(stale).toEqual([{ n: '1' }]);
    // Through the API, on the test app's own day (2026-11-23).
    if (today !== '2026-11-23') return;
    const maria = await t.login('maria.lst');
    const list = (await t.request(maria, 'GET', '/api/county/networks')).json<{
      networks: { id: string; name: string; members: number; needsReview: number }[];
    }>();
    expect(list.networks).toHaveLength(1);
    expect(list.networks[0]).toMatchObject({ members: 3, needsReview: 1 });
    const skane = (await t.request(maria, 'GET', `/api/county/networks/${list.networks[0]?.id}`)).json<{
      report: { total: number; byGender: { key: string; n: number | null }[] };
    }>();
    expect(skane.report.total).toBe(23);
    expect(skane.report.byGender).toEqual([
      { key: 'female', n: 17 },
      { key: 'male', n: 6 },
      { key: 'other', n: 0 },
    ]);
  });
});
