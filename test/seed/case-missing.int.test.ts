/**
 * The missing-children demo data (issue 12, point 12), on a demo grown through every capability's seeder: episodes in
 * every state, in about 4–8 % of the children, more often around a refusal and the 18th birthday; each one as the
 * routine records it — the notifications of a search, a best-interests record with every return talk and closure, a
 * child found after a closure in a new linked episode, and repeated searches calling a strategy meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingEpisode } from '../../src/domain/missing/episode.ts';
import { NOTIFICATION_RECIPIENTS } from '../../src/domain/missing/routine.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { growDemoBatch } from '../../src/seed/grow.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);
const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;
const count = async (query: string) => Number((await rows<{ n: number | string }>(query))[0]?.n ?? 0);
const GROWN = 'c.dossier_number::bigint >= 20000124';

beforeAll(async () => {
  t = await startTestApp();
  // 400 grown children: every outcome the seeder forces (one position in every 33 of each 400) occurs once.
  for (let done = false; !done;)
    ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, 24 + 400, 80));
}, 1_200_000);
afterAll(async () => t.close());

describe('the missing-children demo data', () => {
  it('reaches every state of the episode machine, and a child found after a closure in a linked episode', async () => {
    const states = await rows<{ state: string }>(`select distinct state from missing_episodes`);
    expect(states.map((s) => s.state).sort()).toEqual([...missingEpisode.states].sort());
    expect(
      await count(`select count(*) as n from missing_episodes where linked_to_id is not null`),
    ).toBeGreaterThan(0);
  });

  it('in 4–8 % of the children, more often around a refusal than otherwise', async () => {
    const grown = await count(`select count(*) as n from children c where ${GROWN}`);
    const withEpisode = await count(
      `select count(distinct e.child_id) as n from missing_episodes e join children c on c.id = e.child_id where ${GROWN}`,
    );
    const share = withEpisode / grown;
    expect(share, `${withEpisode} of ${grown}`).toBeGreaterThanOrEqual(0.04);
    expect(share, `${withEpisode} of ${grown}`).toBeLessThanOrEqual(0.08);
    const [refused, others] = await Promise.all(
      [`a.decision = 'refused'`, `a.decision is distinct from 'refused'`].map((condition) =>
        rows<{ all: number | string; missing: number | string }>(
          `select count(*) as all, count(*) filter (where exists (select 1 from missing_episodes e where e.child_id = c.id)) as missing
             from children c left join asylum_cases a on a.child_id = c.id where ${GROWN} and ${condition}`,
        ),
      ),
    );
    const rate = (r: { all: number | string; missing: number | string } | undefined) =>
      Number(r?.missing ?? 0) / Math.max(1, Number(r?.all ?? 0));
    expect(rate(refused?.[0])).toBeGreaterThan(rate(others?.[0]));
  });

  it('records each search as the routine does: a notification per recipient, best interests with talks and closures', async () => {
    // Every search (a police report) has one notification for each recipient of the routine, none left out (D-R6); an
    // episode linked to a closed one continues that search and its notifications.
    const short = await rows(`select e.state, e.linked_to_id, e.kind,
        (select count(*) from missing_notifications n where n.episode_id = e.id) as notifications
        from missing_episodes e
        where e.police_reported_at is not null and e.linked_to_id is null
          and (select count(*) from missing_notifications n where n.episode_id = e.id) <> ${NOTIFICATION_RECIPIENTS.length}`);
    expect(short).toEqual([]);
    expect(
      await count(`select count(*) as n from missing_episodes where police_reported_at is not null`),
    ).toBeGreaterThan(0);
    // Every return talk and every closure carries a best-interests record (point 9, D-R3).
    expect(
      await count(`select count(*) as n from missing_episode_events
        where event in ('record_return_talk', 'close_not_found', 'close_aged_out', 'close_left_country')
          and best_interests_id is null`),
    ).toBe(0);
    expect(
      await count(`select count(*) as n from missing_episode_events where event = 'record_return_talk'`),
    ).toBeGreaterThan(0);
    // A closure as not found never before the routine's minimum (D-R2).
    expect(
      await count(`select count(*) as n from missing_episodes
        where state = 'closed_not_found' and closed_on < earliest_closure_on`),
    ).toBe(0);
  });

  it('the children who go missing have a prevention profile, kept before the first episode', async () => {
    const searched = await count(
      `select count(distinct child_id) as n from missing_episodes where police_reported_at is not null`,
    );
    const profiled = await count(`select count(distinct e.child_id) as n from missing_episodes e
      where e.police_reported_at is not null
        and exists (select 1 from missing_profiles p where p.child_id = e.child_id and p.recorded_at < e.reported_at)`);
    expect(profiled / searched, `${profiled} of ${searched}`).toBeGreaterThan(0.8);
  });

  it('repeated searches call a strategy meeting: a task on the worklist until it is recorded', async () => {
    const due = await rows<{ child_id: string; held: boolean }>(
      `select child_id, strategy_meeting is not null as held from missing_episodes where strategy_meeting_due`,
    );
    expect(due.length).toBeGreaterThan(0);
    for (const { child_id, held } of due) {
      const open = await count(
        `select count(*) as n from deadlines where child_id = '${child_id}' and rule = 'missing-strategy-meeting' and closed_at is null`,
      );
      expect(open, child_id).toBe(held ? 0 : 1);
    }
    expect(due.some((d) => d.held)).toBe(true);
  });
});
