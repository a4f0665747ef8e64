/**
 * The authorization matrix's hand-written cases for children who go missing (test/support/matrix.ts): the child's
 * episodes and each step, and the police view.
 *
 * The matrix runs every case for one role before the next role, so the own child's episode moves on as the roles
 * act: the social worker (the first role that records) takes each step in turn (201), and the unit manager then finds
 * each step taken (409) — the route let them through and the rule refused. The social worker and the unit manager
 * hold emergency access to the other scope's child (Stockholm): they read its episodes and may record nothing (403)
 * but the emergency care Malmö gives it (201; D-R1).
 * The police of region Syd see the open episode of a Malmö child and not the Stockholm child's (404); nobody else
 * reaches the police view (403). The follow-up's review list and statistics are the reader's own area, not a child's.
 */
import { aChild } from '../placement/fixtures.ts';
import type { TestApp } from '../support/app.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { all, child, NO_SUCH, with_, type Fixture, type MatrixModule } from '../support/matrix.ts';
import { missingEpisodes } from '../../src/platform/db/schema.ts';

const x = (f: Fixture, key: string): string => f.extra[key] ?? '';
const WRITES = ['missing_episodes', 'missing_episode_events', 'missing_notifications'];

interface View {
  episodes: { id: string; version: number; notifications: { id: string; recipient: string }[] }[];
}

async function setup(t: TestApp, base: Fixture): Promise<Record<string, string>> {
  const sara = await t.login('sara.lind');
  const report = async (childId: string) => {
    const res = await t.request(sara, 'POST', `/api/children/${childId}/missing`, {
      kind: 'missing',
      lastSeenAt: '2026-11-22T20:00:00+01:00',
      lastSeenPlace: 'Boendet',
      policeReference: '5000-K1-26',
      policeReportedAt: '2026-11-22T22:00:00+01:00',
    });
    if (res.statusCode !== 201) throw new Error(`missing matrix setup: ${res.statusCode} ${res.body}`);
    const [episode] = res.json<View>().episodes;
    if (episode === undefined) throw new Error('missing matrix setup: no episode');
    return episode;
  };
  const episode = await report(base.ownChild);
  const agency = episode.notifications.find((n) => n.recipient === 'migration_agency')?.id ?? '';
  const sent = await t.request(
    sara,
    'POST',
    `/api/children/${base.ownChild}/missing/${episode.id}/notifications/${agency}/sent`,
    { sentAt: '2026-11-23T08:00:00+01:00' },
  );
  const notified = sent.json<View>().episodes[0];
  if (notified === undefined) throw new Error(`missing matrix setup: ${sent.statusCode} ${sent.body}`);
  const policeChild = await aChild(t, { dossier: '79100001' });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const photo = await t.request(sara, 'POST', `/api/children/${policeChild}/missing-profile/photo`, {
    mediaType: 'image/png',
    contentBase64: png.toString('base64'),
    takenOn: '2026-11-20',
  });
  if (photo.statusCode !== 201) throw new Error(`missing matrix setup: ${photo.statusCode} ${photo.body}`);
  const police = await report(policeChild);
  const [stockholm] = await t.database.db
    .insert(missingEpisodes)
    .values({
      childId: base.otherChild,
      state: 'missing',
      municipalityCode: '0180',
      countyCode: '01',
      routine: {
        reference: '',
        policyReference: null,
        closureMinimum: { months: 3 },
        returnTalkWithinHours: 72,
        repeat: { episodes: 3, withinDays: 30 },
        recipients: [],
      },
      lastSeenAt: new Date('2026-11-22T19:00:00Z'),
      lastSeenPlace: 'Stockholm',
      kind: 'missing',
      reportedAt: new Date('2026-11-22T20:00:00Z'),
      reportedBy: base.malmoUser,
      reportedByRole: 'social_worker',
      updatedAt: new Date('2026-11-22T20:00:00Z'),
    })
    .returning({ id: missingEpisodes.id });
  return {
    episode: episode.id,
    version: String(notified.version),
    agencyNotification: agency,
    godManNotification: episode.notifications.find((n) => n.recipient === 'god_man')?.id ?? '',
    policeEpisode: police.id,
    stockholmEpisode: stockholm?.id ?? '',
  };
}

/** The own child's episode and its steps; the other scope's child with an episode id it does not have. */
const episodeUrl = (f: Fixture, s: 'own' | 'other', path: string) =>
  `/api/children/${child(f, s)}/missing/${s === 'own' ? x(f, 'episode') : x(f, 'stockholmEpisode')}/${path}`;
/** The version the social worker's step sees: the setup's, plus the steps taken before it. */
const version = (f: Fixture, after: number) => Number(x(f, 'version')) + after;

/**
 * Social services take the step first (201); the unit manager then finds it taken (409); emergency access: 403. The
 * staff of the provider the own child is placed with may not take it (403); the Stockholm child is not theirs (404).
 */
const STEP = with_(all(403), {
  social_worker: [201, 403],
  unit_manager: [409, 403],
  provider_staff: [403, 404],
});
/** A step the episode's state does not allow any more when social services try it; the provider staff may not. */
const REFUSED = with_(all(403), {
  social_worker: [409, 403],
  unit_manager: [409, 403],
  provider_staff: [403, 404],
});
/** A step the provider staff may take too (the police report, the return, found), refused by the state by now. */
const WHERE_THE_CHILD_LIVES = with_(REFUSED, { provider_staff: [409, 404] });

const moment = '2026-11-23T09:30:00+01:00';

export const missingMatrix: MatrixModule = {
  setup,
  cases: [
    {
      // The municipality's own list: social services of a municipality (Malmö's; Stockholm's child is not theirs to
      // list, so the scope makes no difference here); the provider's staff report but keep no review list.
      route: 'GET /api/missing/review',
      build: () => ({ method: 'GET', url: '/api/missing/review' }),
      noSession: 401,
      expect: with_(all(403), { social_worker: [200, 200], unit_manager: [200, 200] }),
    },
    {
      // Each reader's own area (Malmö, Skåne, the nation), exact or suppressed: no scope of a child.
      route: 'GET /api/missing/statistics',
      build: () => ({ method: 'GET', url: '/api/missing/statistics?year=2026' }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [200, 200],
        unit_manager: [200, 200],
        county_coordinator: [200, 200],
      }),
    },
    {
      route: 'GET /api/police/missing',
      build: () => ({ method: 'GET', url: '/api/police/missing' }),
      noSession: 401,
      expect: with_(all(403), { police_officer: [200, 200] }),
    },
    {
      route: 'GET /api/police/missing/:episodeId',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/police/missing/${s === 'own' ? x(f, 'policeEpisode') : x(f, 'stockholmEpisode')}`,
      }),
      noSession: 401,
      expect: with_(all(403), { police_officer: [200, 404] }),
    },
    {
      route: 'GET /api/police/missing/:episodeId/photo',
      build: (f, s) => ({
        method: 'GET',
        url: `/api/police/missing/${s === 'own' ? x(f, 'policeEpisode') : x(f, 'stockholmEpisode')}/photo`,
      }),
      noSession: 401,
      expect: with_(all(403), { police_officer: [200, 404] }),
    },
    {
      route: 'GET /api/children/:childId/missing',
      build: (f, s) => ({ method: 'GET', url: `/api/children/${child(f, s)}/missing` }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        asylum_officer: [200, 200],
        compensation_officer: [404, 404],
        social_worker: [200, 200],
        unit_manager: [200, 200],
        guardianship_officer: [200, 404],
        god_man: [200, 404],
        health_staff: [404, 404],
        provider_staff: [200, 404],
      }),
    },
    {
      // The own child's episode is open until the social worker's steps below end it: the unit manager then reports.
      route: 'POST /api/children/:childId/missing',
      build: (f, s) => ({
        method: 'POST',
        url: `/api/children/${child(f, s)}/missing`,
        body: { kind: 'away_without_permission', lastSeenAt: moment, lastSeenPlace: 'Skolan' },
      }),
      noSession: 401,
      expect: with_(all(403), {
        social_worker: [409, 403],
        unit_manager: [201, 403],
        // The unit manager's report is open by then.
        provider_staff: [409, 404],
      }),
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/police-report',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'police-report'),
        body: { policeReference: 'x', policeReportedAt: moment, expectedVersion: version(f, 0) },
      }),
      noSession: 401,
      expect: WHERE_THE_CHILD_LIVES,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/notifications/:notificationId/sent',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, `notifications/${s === 'own' ? x(f, 'agencyNotification') : NO_SUCH}/sent`),
        body: { sentAt: moment },
      }),
      noSession: 401,
      expect: REFUSED,
      writes: WRITES,
    },
    {
      // The god man's notification: social services record it for him; he finds it recorded; others may not.
      route: 'POST /api/children/:childId/missing/:episodeId/notifications/:notificationId/acknowledged',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(
          f,
          s,
          `notifications/${s === 'own' ? x(f, 'godManNotification') : NO_SUCH}/acknowledged`,
        ),
        body: { acknowledgedAt: moment, by: 'Birgitta Sjö, per telefon' },
      }),
      noSession: 401,
      expect: with_(all(403), {
        allocation_officer: [404, 404],
        compensation_officer: [404, 404],
        social_worker: [201, 403],
        unit_manager: [409, 403],
        guardianship_officer: [403, 404],
        god_man: [409, 404],
        health_staff: [404, 404],
        provider_staff: [403, 404],
      }),
      writes: WRITES,
    },
    {
      // No meeting waits on the own child's episode (one search): social services are refused by the state.
      route: 'POST /api/children/:childId/missing/:episodeId/strategy-meeting',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'strategy-meeting'),
        body: {
          heldOn: '2026-11-23',
          participants: ['Sara Lind'],
          decisions: 'Inget möte behövs.',
          carePlanReviewed: false,
          expectedVersion: version(f, 0),
        },
      }),
      noSession: 401,
      expect: REFUSED,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/lvu',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'lvu'),
        body: {
          outcome: 'no_grounds',
          grounds: [],
          concreteFacts: 'Inga iakttagelser av missbruk, brott eller annat socialt nedbrytande beteende.',
          expectedVersion: version(f, 0),
        },
      }),
      noSession: 401,
      expect: STEP,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/follow-up',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'follow-up'),
        body: { expectedVersion: version(f, 1) },
      }),
      noSession: 401,
      expect: STEP,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/review',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'review'),
        body: { expectedVersion: version(f, 2) },
      }),
      noSession: 401,
      expect: STEP,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/found',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'found'),
        body: {
          foundAt: moment,
          place: 'Malmö C',
          foundBy: 'Polisen',
          condition: 'unharmed',
          crimeSuspected: false,
          expectedVersion: version(f, 3),
        },
      }),
      noSession: 401,
      expect: with_(STEP, { provider_staff: [409, 404] }),
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/return-talk',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'return-talk'),
        body: {
          outcome: 'declined',
          at: '2026-11-23T09:45:00+01:00',
          bestInterests: BEST_INTERESTS,
          expectedVersion: version(f, 4),
        },
      }),
      noSession: 401,
      expect: STEP,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/complete',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'complete'),
        body: { placementReview: 'continues', expectedVersion: version(f, 5) },
      }),
      noSession: 401,
      expect: STEP,
      writes: WRITES,
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/return',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'return'),
        body: { returnedAt: moment, expectedVersion: version(f, 6) },
      }),
      noSession: 401,
      expect: WHERE_THE_CHILD_LIVES,
      writes: WRITES,
    },
    {
      // D-R1: emergency care is recorded by another municipality through an emergency grant — Malmö's social services
      // hold one to the Stockholm child and record (201 each: a record per care); Malmö's own child is theirs to record
      // found, not emergency care (409). Every other role lacks the permission (403), the health staff's grant too.
      route: 'POST /api/children/:childId/missing/:episodeId/emergency-care',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'emergency-care'),
        body: {
          startedAt: moment,
          place: 'Socialjouren',
          care: 'socialjour',
          description: 'Barnet togs emot av socialjouren.',
          contactName: 'Socialjouren',
          contactPhone: '040-34 00 00',
        },
      }),
      noSession: 401,
      expect: with_(all(403), { social_worker: [409, 201], unit_manager: [409, 201] }),
      writes: [...WRITES, 'missing_emergency_care'],
    },
    {
      route: 'POST /api/children/:childId/missing/:episodeId/close',
      build: (f, s) => ({
        method: 'POST',
        url: episodeUrl(f, s, 'close'),
        body: { closure: 'close_left_country', reason: 'Uppgift om utresa.', expectedVersion: version(f, 6) },
      }),
      noSession: 401,
      expect: REFUSED,
      writes: WRITES,
    },
  ],
};
