/**
 * The follow-up of children who go missing through the API (issue 12, point 11): the responsible municipality's
 * monthly review list (open episodes only, most overdue first, whether a review is due this month, never another
 * municipality's) and the statistics of episodes by gender — exact for Malmö's unit manager, suppressed for the
 * county coordinator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, PINNED_NOW, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { asylumCases, childIntake, missingEpisodes } from '../../src/platform/db/schema.ts';

let t: TestApp;
let sara: Session;
let karin: Session;
let johan: Session;
let maria: Session;
let nils: Session;

interface Episode {
  id: string;
  state: string;
  version: number;
}
interface ReviewItem {
  episodeId: string;
  child: { id: string; dossierNumber: string };
  state: string;
  daysOpen: number;
  lastReviewedOn: string | null;
  reviewDue: boolean;
}
interface Row {
  key: string;
  female: number | null;
  male: number | null;
  other: number | null;
  total: number | null;
}
interface Statistics {
  year: number;
  exact: boolean;
  area: { kind: string; code: string | null };
  all: Row;
  tables: Record<string, Row[]>;
}

const missing = (child: string) => `/api/children/${child}/missing`;

/** Reports the child away (or missing, reported to the police) on `day` at noon, last seen an hour before. */
async function reportOn(day: string, child: string, kind = 'missing'): Promise<Episode> {
  t.clock.now = new Date(`${day}T12:00:00+01:00`);
  const res = await t.request(sara, 'POST', missing(child), {
    kind,
    lastSeenAt: `${day}T11:00:00+01:00`,
    lastSeenPlace: 'Boendet',
    ...(kind === 'missing'
      ? { policeReference: '5000-K1-26', policeReportedAt: `${day}T11:30:00+01:00` }
      : {}),
  });
  t.clock.now = PINNED_NOW;
  if (res.statusCode !== 201) throw new Error(`report: ${res.statusCode} ${res.body}`);
  const [episode] = res.json<{ episodes: Episode[] }>().episodes;
  if (episode === undefined) throw new Error('no episode');
  return episode;
}

/** The search under way (the steps before it are the routine's, tested in missing.int.test.ts). */
async function active(episode: Episode, lastReviewedOn: string | null = null) {
  await t.database.db
    .update(missingEpisodes)
    .set({ state: 'active', lastReviewedOn })
    .where(eq(missingEpisodes.id, episode.id));
}

beforeAll(async () => {
  t = await startTestApp();
  [sara, karin, johan, maria, nils] = await Promise.all([
    t.login('sara.lind'),
    t.login('karin.berg'),
    t.login('johan.nilsson'),
    t.login('maria.lst'),
    t.login('nils.persson'),
  ]);
});
afterAll(async () => t.close());

const children: Record<string, string> = {};

describe('the monthly review list', () => {
  it('lists the open episodes of the municipality, most overdue first, with whether a review is due', async () => {
    for (const [name, dossier] of [
      ['september', '76000001'],
      ['october', '76000002'],
      ['november', '76000003'],
      ['reviewed', '76000004'],
      ['returned', '76000005'],
    ] as const)
      children[name] = await aChild(t, { dossier, assignedWorker: 'sara.lind', arrivalDate: '2026-06-01' });
    const child = (name: string) => children[name] ?? '';

    await reportOn('2026-09-01', child('september'), 'away_without_permission');
    await active(await reportOn('2026-10-01', child('october')), '2026-10-20');
    await reportOn('2026-11-20', child('november'));
    const reviewed = await reportOn('2026-08-01', child('reviewed'));
    await active(reviewed);
    // The review itself is the episode's step: it sets the day of the last review.
    const step = await t.request(sara, 'POST', `${missing(child('reviewed'))}/${reviewed.id}/review`, {
      expectedVersion: reviewed.version,
    });
    expect(step.statusCode).toBe(201);
    const returned = await reportOn('2026-11-22', child('returned'), 'away_without_permission');
    const back = await t.request(sara, 'POST', `${missing(child('returned'))}/${returned.id}/return`, {
      returnedAt: '2026-11-22T18:00:00+01:00',
      expectedVersion: returned.version,
    });
    expect(back.statusCode).toBe(201);

    for (const session of [sara, karin]) {
      const res = await t.request(session, 'GET', '/api/missing/review');
      expect(res.statusCode).toBe(200);
      const list = res.json<{ month: string; episodes: ReviewItem[] }>();
      expect(list.month).toBe('2026-11');
      const ours = list.episodes.filter((e) => Object.values(children).includes(e.child.id));
      expect(ours.map((e) => e.child.dossierNumber)).toEqual([
        '76000001',
        '76000002',
        '76000003',
        '76000004',
      ]);
      expect(ours.map((e) => e.reviewDue)).toEqual([true, true, true, false]);
      expect(ours.map((e) => e.state)).toEqual(['absent', 'active', 'missing', 'active']);
      expect(ours.map((e) => e.lastReviewedOn)).toEqual([null, '2026-10-20', null, '2026-11-23']);
      expect(ours[0]?.daysOpen).toBe(83);
    }
  });

  it('shows another municipality none of them, and is social services’ list only', async () => {
    const sundsvall = await t.request(johan, 'GET', '/api/missing/review');
    expect(sundsvall.statusCode).toBe(200);
    const ids = sundsvall.json<{ episodes: ReviewItem[] }>().episodes.map((e) => e.child.id);
    for (const id of Object.values(children)) expect(ids).not.toContain(id);
    expect((await t.request(nils, 'GET', '/api/missing/review')).statusCode).toBe(403);
    expect((await t.request(maria, 'GET', '/api/missing/review')).statusCode).toBe(403);
  });
});

describe('the statistics of episodes', () => {
  it('splits every figure by gender: exact for the responsible municipality, fewer than five suppressed for the county', async () => {
    for (const dossier of ['76000011', '76000012']) {
      const girl = await aChild(t, { dossier, gender: 'female', assignedWorker: 'sara.lind' });
      await reportOn('2026-11-10', girl);
      if (dossier === '76000011') {
        await t.database.db
          .update(childIntake)
          .set({ citizenship: 'SOM' })
          .where(eq(childIntake.childId, girl));
        await t.database.db.insert(asylumCases).values({
          childId: girl,
          appliedOn: '2026-03-01',
          interviewDates: [],
          decision: 'refused',
          decidedOn: '2026-06-01',
        });
      }
    }

    const own = await t.request(karin, 'GET', '/api/missing/statistics?year=2026');
    expect(own.statusCode).toBe(200);
    const exact = own.json<Statistics>();
    expect(exact).toMatchObject({ year: 2026, exact: true, area: { kind: 'municipality', code: '1280' } });
    expect(exact.all).toEqual({ key: 'all', female: 2, male: 5, other: 0, total: 7 });
    const find = (s: Statistics, table: string, key: string) => s.tables[table]?.find((r) => r.key === key);
    expect(find(exact, 'county', '12')).toEqual({ key: '12', female: 2, male: 5, other: 0, total: 7 });
    expect(find(exact, 'nationality', 'SOM')).toEqual({ key: 'SOM', female: 1, male: 0, other: 0, total: 1 });
    expect(find(exact, 'asylumStage', 'refused')).toEqual({
      key: 'refused',
      female: 1,
      male: 0,
      other: 0,
      total: 1,
    });
    expect(find(exact, 'outcome', 'returned')).toEqual({
      key: 'returned',
      female: 0,
      male: 1,
      other: 0,
      total: 1,
    });
    expect(find(exact, 'duration', 'under_24h')?.male).toBe(1);
    expect(find(exact, 'ageBand', '13-15')?.total).toBe(7);

    const county = await t.request(maria, 'GET', '/api/missing/statistics?year=2026');
    expect(county.statusCode).toBe(200);
    const suppressed = county.json<Statistics>();
    expect(suppressed).toMatchObject({ exact: false, area: { kind: 'county', code: '12' } });
    // The two girls are fewer than five: not shown, and the total that would give them away is not shown either.
    expect(suppressed.all).toEqual({ key: 'all', female: null, male: 5, other: 0, total: null });
    for (const row of [suppressed.all, ...Object.values(suppressed.tables).flat()])
      for (const n of [row.female, row.male, row.other, row.total])
        if (n !== null) expect(n === 0 || n >= 5).toBe(true);

    const earlier = await t.request(karin, 'GET', '/api/missing/statistics?year=2025');
    expect(earlier.json<Statistics>().all.total).toBe(0);
    expect((await t.request(sara, 'GET', '/api/missing/statistics')).statusCode).toBe(403);
    expect((await t.request(karin, 'GET', '/api/missing/statistics?year=x')).statusCode).toBe(400);
  });
});
