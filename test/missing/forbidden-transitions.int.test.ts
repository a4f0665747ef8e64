/**
 * Every transition the `missing_episode` table does not allow, generated from the table (`forbiddenTransitions`), sent
 * to the API by a social worker of the responsible municipality (a role the table names for most events): 409 (or
 * 403 where the table names no social services for the event), and nothing written. Two kinds of pair are not sent:
 * `notifications_sent`, which only Anvisa itself fires when the last notification goes out (no route takes it), and
 * `record_found` from a closed episode, which by design opens a new episode linked to the closed one (the integration
 * test of the routine covers it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenTransitions } from '../../src/domain/case/machine.ts';
import { CLOSED_STATES, missingEpisode, type EpisodeState } from '../../src/domain/missing/episode.ts';
import { missingEpisodes } from '../../src/platform/db/schema.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { snapshotTables } from '../support/snapshot.ts';
import { aChild } from '../placement/fixtures.ts';

let t: TestApp;
let sara: Session;
let serial = 0;

const REQUESTS: Record<string, { path: string; body: Record<string, unknown> }> = {
  report_missing: {
    path: 'police-report',
    body: { policeReference: '5000-K1-26', policeReportedAt: '2026-11-23T08:00:00+01:00' },
  },
  record_return: { path: 'return', body: { returnedAt: '2026-11-23T08:00:00+01:00' } },
  start_follow_up: { path: 'follow-up', body: {} },
  record_review: { path: 'review', body: {} },
  record_found: {
    path: 'found',
    body: {
      foundAt: '2026-11-23T08:00:00+01:00',
      place: 'Malmö C',
      foundBy: 'Polisen',
      condition: 'unharmed',
      crimeSuspected: false,
    },
  },
  record_return_talk: {
    path: 'return-talk',
    body: { outcome: 'declined', at: '2026-11-23T09:00:00+01:00', bestInterests: BEST_INTERESTS },
  },
  complete_return: { path: 'complete', body: { placementReview: 'continues' } },
  close_not_found: {
    path: 'close',
    body: { closure: 'close_not_found', reason: 'Inga spår.', bestInterests: BEST_INTERESTS },
  },
  close_aged_out: {
    path: 'close',
    body: { closure: 'close_aged_out', reason: 'Fyllt 18.', bestInterests: BEST_INTERESTS },
  },
  close_left_country: {
    path: 'close',
    body: { closure: 'close_left_country', reason: 'Utrest.', bestInterests: BEST_INTERESTS },
  },
};

const CHILD_TABLES = ['missing_episodes', 'best_interests_records', 'change_reports'];
/** Rows of an episode, not of a child: the whole table (the tests run one after another). */
const EPISODE_TABLES = ['missing_episode_events', 'missing_notifications'];
const snapshot = async (childId: string) =>
  `${await snapshotTables(t, CHILD_TABLES, childId)}
${await snapshotTables(t, EPISODE_TABLES)}`;

async function episodeIn(state: EpisodeState): Promise<{ childId: string; episodeId: string }> {
  serial += 1;
  const childId = await aChild(t, { dossier: String(76_100_000 + serial), birthDate: '2008-01-01' });
  const found = ['found', 'return_talk', 'returned'].includes(state);
  const [row] = await t.database.db
    .insert(missingEpisodes)
    .values({
      childId,
      state,
      version: 3,
      municipalityCode: '1280',
      countyCode: '12',
      routine: {
        reference: '',
        policyReference: null,
        closureMinimum: { days: 1 },
        returnTalkWithinHours: 72,
        repeat: { episodes: 3, withinDays: 30 },
        recipients: [],
      },
      lastSeenAt: new Date('2026-11-20T20:00:00Z'),
      lastSeenPlace: 'Boendet',
      kind: 'missing',
      reportedAt: new Date('2026-11-20T21:00:00Z'),
      reportedBy: await t.userId('sara.lind'),
      reportedByRole: 'social_worker',
      policeReference: state === 'absent' ? null : '5000-K0-26',
      policeReportedAt: state === 'absent' ? null : new Date('2026-11-20T22:00:00Z'),
      earliestClosureOn: state === 'absent' ? null : '2026-11-21',
      foundAt: found ? new Date('2026-11-22T10:00:00Z') : null,
      updatedAt: new Date('2026-11-21T10:00:00Z'),
    })
    .returning({ id: missingEpisodes.id });
  return { childId, episodeId: row?.id ?? '' };
}

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
});
afterAll(async () => t.close());

describe('the missing_episode machine', () => {
  const forbidden = forbiddenTransitions(missingEpisode).filter(
    ({ state, event }) =>
      event !== 'notifications_sent' && !(event === 'record_found' && CLOSED_STATES.includes(state)),
  );

  it('has forbidden transitions to test, and a request for each of its events', () => {
    expect(forbidden.length).toBeGreaterThan(50);
    for (const { event } of forbidden) expect(REQUESTS[event], event).toBeDefined();
  });

  it.each(forbidden)('refuses $event from $state and writes nothing', async ({ state, event }) => {
    const { childId, episodeId } = await episodeIn(state);
    const before = await snapshot(childId);
    const request = REQUESTS[event];
    if (request === undefined) throw new Error(`no request for ${event}`);
    const res = await t.request(
      sara,
      'POST',
      `/api/children/${childId}/missing/${episodeId}/${request.path}`,
      {
        ...request.body,
        expectedVersion: 3,
      },
    );
    expect(res.statusCode, `${event} from ${state}: ${res.body}`).toBe(409);
    expect(await snapshot(childId)).toBe(before);
  });
});
