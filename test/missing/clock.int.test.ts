/**
 * The hourly missing clock (issue 12, ADR 0025 point 3) on both engines: a notification unacknowledged past its
 * escalation time escalates once to the unit manager of the episode's municipality, an acknowledged one never does,
 * an overdue return talk is told once; and the worklist shows the open episodes at its top to social services of the
 * municipality, never to another municipality's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { startTestApp, PINNED_NOW, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { asSystem } from '../../src/case/caller.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { runMissingClock } from '../../src/missing/clock.ts';
import { missingEpisodes, missingNotifications, notifications, users } from '../../src/platform/db/schema.ts';

let t: TestApp;
let sara: Session;
let karin: Session;
let birgitta: Session;
let johan: Session;

interface Notification {
  id: string;
  recipient: string;
  escalateAt: string;
  acknowledgedAt: string | null;
  notApplicable: string | null;
}
interface Episode {
  id: string;
  version: number;
  state: string;
  returnTalkDueAt: string | null;
  notifications: Notification[];
}
interface MissingBlock {
  episodes: {
    id: string;
    state: string;
    policeReportedAt: string | null;
    unacknowledged: number;
    escalated: boolean;
    returnTalkDueAt: string | null;
    returnTalkOverdue: boolean;
    child: { id: string; dossierNumber: string };
  }[];
  escalations:
    { id: string; episodeId: string; recipient: string; escalatedAt: string; child: { id: string } }[] | null;
}

const missing = (child: string) => `/api/children/${child}/missing`;
const HOUR = 3_600_000;

const clock = () =>
  t.database.db.transaction((tx) =>
    runMissingClock(asSystem({ db: tx, now: t.clock.now, today: stockholmDate(t.clock.now) })),
  );

async function reportAndPolice(child: string): Promise<Episode> {
  const reported = await t.request(sara, 'POST', missing(child), {
    kind: 'missing',
    lastSeenAt: '2026-11-22T20:00:00+01:00',
    lastSeenPlace: 'HVB Solgården, Malmö',
  });
  expect(reported.statusCode).toBe(201);
  const e = reported.json<{ episodes: Episode[] }>().episodes[0] as Episode;
  const policed = await t.request(sara, 'POST', `${missing(child)}/${e.id}/police-report`, {
    expectedVersion: e.version,
    policeReference: '5000-K654321-26',
    policeReportedAt: '2026-11-23T09:00:00+01:00',
  });
  expect(policed.statusCode).toBe(201);
  return policed.json<{ episodes: Episode[] }>().episodes[0] as Episode;
}

async function userId(key: string): Promise<string> {
  const [u] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.subject, `dev:${key}`));
  if (u === undefined) throw new Error(key);
  return u.id;
}

const told = async (kind: string, child: string, key: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, kind),
        eq(notifications.childId, child),
        eq(notifications.userId, await userId(key)),
      ),
    );

const worklist = async (s: Session) => {
  const res = await t.request(s, 'GET', '/api/worklist');
  expect(res.statusCode).toBe(200);
  return res.json<{ missing: MissingBlock }>().missing;
};

/** Moves the clock and logs in again (a session ends after hours of rest). */
async function moveTo(now: Date): Promise<void> {
  t.clock.now = now;
  [sara, karin, birgitta, johan] = await Promise.all([
    t.login('sara.lind'),
    t.login('karin.berg'),
    t.login('birgitta.sjo'),
    t.login('johan.nilsson'),
  ]);
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());
beforeEach(async () => moveTo(PINNED_NOW));

describe('the missing clock', () => {
  it('escalates an unacknowledged notification once, to the unit manager; an acknowledged one never', async () => {
    const child = await aChild(t, {
      dossier: '75100001',
      godMan: 'birgitta.sjo',
      assignedWorker: 'sara.lind',
    });
    const e = await reportAndPolice(child);
    const byRecipient = Object.fromEntries(e.notifications.map((n) => [n.recipient, n]));
    const godMan = byRecipient.god_man as Notification;
    const worker = byRecipient.responsible_social_worker as Notification;
    // The god man acknowledges his own; the responsible social worker's is left waiting.
    expect(
      (
        await t.request(
          birgitta,
          'POST',
          `${missing(child)}/${e.id}/notifications/${godMan.id}/acknowledged`,
          {
            acknowledgedAt: '2026-11-23T09:45:00+01:00',
            by: '',
          },
        )
      ).statusCode,
    ).toBe(201);

    // Before any escalation time nothing happens.
    expect((await clock()).escalated).toBe(0);

    // The social worker's sits open, reported, on Sara's worklist — at the top, not escalated yet.
    const before = await worklist(sara);
    const shown = before.episodes.find((x) => x.id === e.id);
    expect(shown).toMatchObject({ state: 'missing', escalated: false, child: { id: child } });
    expect(shown?.policeReportedAt).toBe(new Date('2026-11-23T09:00:00+01:00').toISOString());
    expect(shown?.unacknowledged).toBeGreaterThan(0);
    expect(before.escalations).toBeNull();

    // Past every escalation time (the longest is 8 h + 24 h after the report).
    await moveTo(new Date(new Date(godMan.escalateAt).getTime() + HOUR));
    const run = await clock();
    expect(run.escalated).toBeGreaterThan(0);
    const rows = await t.database.db
      .select()
      .from(missingNotifications)
      .where(eq(missingNotifications.episodeId, e.id));
    const row = (id: string) => rows.find((r) => r.id === id);
    expect(row(worker.id)?.escalatedAt?.toISOString()).toBe(t.clock.now.toISOString());
    expect(row(godMan.id)?.escalatedAt).toBeNull();
    expect(row(byRecipient.police?.id ?? '')?.escalatedAt).toBeNull();
    for (const r of rows)
      expect(r.escalatedAt === null).toBe(r.acknowledgedAt !== null || r.notApplicable !== null);

    // One notification to the unit manager for the episode, ids and dates only; none to the social worker.
    const karins = await told('missing_escalated', child, 'karin.berg');
    expect(karins).toHaveLength(1);
    expect(karins[0]?.details).toMatchObject({ episodeId: e.id });
    expect(
      Object.values(karins[0]?.details as object).every((v) => typeof v !== 'string' || !v.includes(' ')),
    ).toBe(true);
    expect(await told('missing_escalated', child, 'sara.lind')).toHaveLength(0);

    // The unit manager sees the escalation on the worklist; the worker sees the episode marked escalated.
    const karinsList = await worklist(karin);
    expect(karinsList.episodes.find((x) => x.id === e.id)?.escalated).toBe(true);
    const escalations = (karinsList.escalations ?? []).filter((x) => x.episodeId === e.id);
    expect(escalations.map((x) => x.id)).toContain(worker.id);
    expect(escalations.map((x) => x.id)).not.toContain(godMan.id);
    expect(escalations.every((x) => x.child.id === child)).toBe(true);
    const sarasList = await worklist(sara);
    expect(sarasList.episodes[0]?.escalated).toBe(true);

    // A second run adds nothing.
    await moveTo(new Date(t.clock.now.getTime() + HOUR));
    expect(await clock()).toEqual({ escalated: 0, returnTalks: 0, told: 0 });
    expect(await told('missing_escalated', child, 'karin.berg')).toHaveLength(1);

    // Johan Nilsson (Sundsvall) sees none of Malmö's missing children.
    const johans = await worklist(johan);
    expect(johans.episodes.map((x) => x.child.id)).not.toContain(child);
    expect((johans.escalations ?? []).map((x) => x.child.id)).not.toContain(child);
  });

  it('tells the assigned worker and the unit manager once when a found child’s return talk is overdue', async () => {
    const child = await aChild(t, {
      dossier: '75100002',
      godMan: 'birgitta.sjo',
      assignedWorker: 'sara.lind',
    });
    let e = await reportAndPolice(child);
    const found = await t.request(sara, 'POST', `${missing(child)}/${e.id}/found`, {
      expectedVersion: e.version,
      foundAt: '2026-11-23T09:50:00+01:00',
      place: 'Malmö centralstation',
      foundBy: 'Polisen',
      condition: 'unharmed',
      crimeSuspected: false,
    });
    expect(found.statusCode).toBe(201);
    e = found.json<{ episodes: Episode[] }>().episodes[0] as Episode;
    expect(e.state).toBe('found');
    const due = new Date(e.returnTalkDueAt ?? '');
    expect((await worklist(sara)).episodes.find((x) => x.id === e.id)).toMatchObject({
      state: 'found',
      returnTalkDueAt: due.toISOString(),
      returnTalkOverdue: false,
    });

    await moveTo(new Date(due.getTime() + HOUR));
    const run = await clock();
    expect(run.returnTalks).toBe(1);
    const [episode] = await t.database.db
      .select()
      .from(missingEpisodes)
      .where(inArray(missingEpisodes.id, [e.id]));
    expect(episode?.returnTalkEscalatedAt?.toISOString()).toBe(t.clock.now.toISOString());
    expect(await told('missing_return_talk_overdue', child, 'sara.lind')).toHaveLength(1);
    expect(await told('missing_return_talk_overdue', child, 'karin.berg')).toHaveLength(1);
    expect((await worklist(sara)).episodes.find((x) => x.id === e.id)?.returnTalkOverdue).toBe(true);

    expect((await clock()).returnTalks).toBe(0);
    expect(await told('missing_return_talk_overdue', child, 'sara.lind')).toHaveLength(1);
  });
});
