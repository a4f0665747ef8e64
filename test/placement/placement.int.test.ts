/** Placement decisions through the API: the rules, the best-interests record, on call, moves, ends, masking, days. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { placementDaysForPeriod } from '../../src/placement/days.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { aChild, aProvider } from './fixtures.ts';

let t: TestApp;
let sara: Session;
let hvb: string;
let hvb2: string;
let stod: string;
let sis: string;
let sundsvallHvb: string;

interface View {
  state: string;
  version: number;
  current: {
    id: string;
    provider: { name: string } | null;
    form: string;
    fromDate: string;
    onCall: boolean;
    validUntil: string | null;
    specialReason: string | null;
  } | null;
  history: { provider: { name: string } | null; toDate: string | null; endReason: string | null }[];
  days: { municipality: { code: string }; days: number }[];
  child: { languages: string[]; interpreterNeeded: boolean };
}
interface ErrorBody {
  error: {
    code: string;
    fields: { field: string; code: string }[];
    current?: { state: string; version: number };
  };
}

const count = async (table: string, where = 'true') =>
  Number(
    (await t.database.raw.query<{ n: number | string }>(`select count(*) as n from ${table} where ${where}`))
      .rows[0]?.n ?? 0,
  );
const place = (child: string, body: Record<string, unknown>, path = '') =>
  t.request(sara, 'POST', `/api/children/${child}/placements${path}`, {
    form: 'hvb',
    legalBasis: 'SoL',
    fromDate: '2026-11-16',
    bestInterests: BEST_INTERESTS,
    ...body,
  });

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
  hvb = await aProvider(t, { name: 'HVB Ekbacken', places: 2 });
  hvb2 = await aProvider(t, { name: 'HVB Strandvägen' });
  stod = await aProvider(t, { name: 'Stödboendet Kajen', form: 'stodboende' });
  sis = await aProvider(t, { name: 'SiS Ljungbacken', form: 'sis' });
  sundsvallHvb = await aProvider(t, { name: 'HVB Norrbyn', municipalityCode: '2281' });
});
afterAll(async () => t.close());

describe('placing a child', () => {
  it('places in an HVB with a best-interests record; the whereabouts become the provider', async () => {
    const child = await aChild(t, { dossier: '71000001' });
    const res = await place(child, { providerId: hvb });
    expect(res.statusCode).toBe(201);
    const view = res.json<View>();
    expect(view).toMatchObject({
      state: 'placed',
      version: 1,
      current: { provider: { name: 'HVB Ekbacken' }, form: 'hvb', fromDate: '2026-11-16', onCall: false },
    });
    expect(view.child).toEqual({
      age: 15,
      birthDate: '2011-04-04',
      languages: ['dari'],
      interpreterNeeded: true,
    });
    expect(view.days).toEqual([{ municipality: { code: '1280', name: 'Malmö' }, days: 8 }]);
    const { rows } = await t.database.raw.query<{ whereabouts: string }>(
      `select whereabouts from children where id = '${child}'`,
    );
    expect(rows[0]?.whereabouts).toBe('HVB Ekbacken');
    expect(
      await count('best_interests_records', `child_id = '${child}' and decision_kind = 'placement.place'`),
    ).toBe(1);
    expect(
      await count('case_events', `child_id = '${child}' and machine = 'placement' and event = 'place'`),
    ).toBe(1);
  });

  it('refuses a decision without a best-interests record, naming each missing part, and writes nothing', async () => {
    const child = await aChild(t, { dossier: '71000002' });
    const res = await place(child, { providerId: hvb, bestInterests: undefined });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual([
      'bestInterests.rightsConcerned',
      'bestInterests.whatIsKnown',
      'bestInterests.howWeighed',
      'bestInterests.childsViews',
      'bestInterests.feedbackToChild',
      'bestInterests.feedbackGivenOn',
    ]);
    expect(await count('placements', `child_id = '${child}'`)).toBe(0);
    expect(await count('case_events', `child_id = '${child}'`)).toBe(0);
  });

  it('takes stödboende only from 16, and for a 16–17-year-old only with a recorded special reason', async () => {
    const young = await aChild(t, { dossier: '71000003', birthDate: '2011-01-01' });
    const tooYoung = await place(young, { providerId: stod, form: 'stodboende' });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'form', code: 'placement_stodboende_under_16' },
    ]);

    const older = await aChild(t, { dossier: '71000004', birthDate: '2009-06-01' });
    const noReason = await place(older, { providerId: stod, form: 'stodboende' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'specialReason', code: 'required' },
    ]);
    const withReason = await place(older, {
      providerId: stod,
      form: 'stodboende',
      specialReason: 'Har klarat eget boende under lång tid; vill bo nära skolan',
    });
    expect(withReason.statusCode).toBe(201);
    expect(withReason.json<View>().current?.specialReason).toBe(
      'Har klarat eget boende under lång tid; vill bo nära skolan',
    );
  });

  it('requires the provider’s form, the own register, and LVU for SiS', async () => {
    const child = await aChild(t, { dossier: '71000005' });
    const mismatch = await place(child, { providerId: hvb, form: 'familjehem' });
    expect(mismatch.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'form', code: 'placement_form_mismatch' },
    ]);
    const foreign = await place(child, { providerId: sundsvallHvb });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json<ErrorBody>().error.fields).toMatchObject([{ field: 'providerId', code: 'unknown' }]);
    const sol = await place(child, { providerId: sis, form: 'sis' });
    expect(sol.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'legalBasis', code: 'placement_sis_requires_lvu' },
    ]);
    expect((await place(child, { providerId: sis, form: 'sis', legalBasis: 'LVU' })).statusCode).toBe(201);
  });

  it('never overlaps: a second placement is a move, and a stale version answers 409 with the state as it is', async () => {
    const child = await aChild(t, { dossier: '71000006' });
    expect((await place(child, { providerId: hvb2, fromDate: '2026-11-02' })).statusCode).toBe(201);
    const again = await place(child, { providerId: hvb2 });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('transition_not_allowed');
    const tooEarly = await place(child, { providerId: hvb, fromDate: '2026-11-02' }, '/move');
    expect(tooEarly.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'fromDate', code: 'placement_move_not_after_current' },
    ]);
    const stale = await place(
      child,
      { providerId: hvb, fromDate: '2026-11-12', expectedVersion: 0 },
      '/move',
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error).toMatchObject({
      code: 'stale',
      current: { state: 'placed', version: 1 },
    });

    const moved = await place(
      child,
      { providerId: hvb, fromDate: '2026-11-12', expectedVersion: 1 },
      '/move',
    );
    expect(moved.statusCode).toBe(201);
    const view = moved.json<View>();
    expect(view.current?.provider?.name).toBe('HVB Ekbacken');
    expect(view.history.map((h) => [h.provider?.name, h.toDate, h.endReason])).toEqual([
      ['HVB Ekbacken', null, null],
      ['HVB Strandvägen', '2026-11-12', 'moved'],
    ]);
    // 2 November to 23 November inclusive: 22 days, the day of the move counted once.
    expect(view.days).toMatchObject([{ days: 22 }]);
  });
});

describe('on call', () => {
  it('a Friday night placement holds to Monday and opens the deadline; the ordinary decision closes it', async () => {
    const child = await aChild(t, { dossier: '71000007' });
    const onCall = await place(child, { providerId: hvb2, fromDate: '2026-11-20' }, '/on-call');
    expect(onCall.statusCode).toBe(201);
    expect(onCall.json<View>()).toMatchObject({
      state: 'on_call_placed',
      current: { onCall: true, validUntil: '2026-11-23' },
    });
    const { rows } = await t.database.raw.query<{ due_on: string; closed: boolean }>(
      `select due_on::text, closed_at is not null as closed from deadlines where child_id = '${child}' and rule = 'on-call-placement'`,
    );
    expect(rows).toEqual([{ due_on: '2026-11-23', closed: false }]);

    const decided = await place(child, { providerId: hvb2, fromDate: '2026-11-23' });
    expect(decided.statusCode).toBe(201);
    expect(decided.json<View>().history.map((h) => [h.toDate, h.endReason])).toEqual([
      [null, null],
      ['2026-11-23', 'followed_by_decision'],
    ]);
    expect(
      await count('deadlines', `child_id = '${child}' and rule = 'on-call-placement' and closed_at is null`),
    ).toBe(0);
  });
});

describe('ending a placement', () => {
  it('absconding ends it, clears the whereabouts and puts the change on the list to report', async () => {
    const child = await aChild(t, { dossier: '71000008' });
    await place(child, { providerId: hvb2, fromDate: '2026-11-01' });
    const before = await t.request(sara, 'POST', `/api/children/${child}/placements/end`, {
      reason: 'absconded',
      endDate: '2026-10-30',
    });
    expect(before.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'endDate', code: 'placement_end_before_start' },
    ]);
    const ended = await t.request(sara, 'POST', `/api/children/${child}/placements/end`, {
      reason: 'absconded',
      endDate: '2026-11-21',
    });
    expect(ended.statusCode).toBe(201);
    expect(ended.json<View>()).toMatchObject({
      state: 'ended',
      current: null,
      history: [{ toDate: '2026-11-21', endReason: 'absconded' }],
    });
    expect(await count('change_reports', `child_id = '${child}' and change = 'absconding'`)).toBe(1);
    const { rows } = await t.database.raw.query<{ whereabouts: string | null }>(
      `select whereabouts from children where id = '${child}'`,
    );
    expect(rows[0]?.whereabouts).toBeNull();
    const again = await t.request(sara, 'POST', `/api/children/${child}/placements/end`, {
      reason: 'moved',
      endDate: '2026-11-22',
    });
    expect(again.statusCode).toBe(409);
    // A new placement may begin the day the last one ended, not before.
    expect(
      (await place(child, { providerId: hvb2, fromDate: '2026-11-20' })).json<ErrorBody>().error.fields,
    ).toMatchObject([{ field: 'fromDate', code: 'placement_overlaps_previous' }]);
    expect((await place(child, { providerId: hvb2, fromDate: '2026-11-22' })).statusCode).toBe(201);
  });
});

describe('who sees what', () => {
  it('a protected identity’s placement is shown without the place to an uncleared colleague', async () => {
    const child = await aChild(t, { dossier: '71000009', protectedIdentity: true });
    expect((await place(child, { providerId: hvb2 })).json<View>().current?.provider?.name).toBe(
      'HVB Strandvägen',
    );
    const ali = await t.login('ali.hassan');
    const seen = await t.request(ali, 'GET', `/api/children/${child}/placements`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Strandvägen');
    expect(seen.json<View>().current).toMatchObject({ provider: null, form: 'hvb' });
  });

  it('the god man reads the ward’s placement; the region and another municipality do not see it', async () => {
    const child = await aChild(t, { dossier: '71000010', godMan: 'hans.gren' });
    await place(child, { providerId: hvb2 });
    const godMan = await t.request(await t.login('hans.gren'), 'GET', `/api/children/${child}/placements`);
    expect(godMan.statusCode).toBe(200);
    expect(godMan.json<View>().current?.provider?.name).toBe('HVB Strandvägen');
    expect(
      (await t.request(await t.login('lena.holm'), 'GET', `/api/children/${child}/placements`)).statusCode,
    ).toBe(404);
    expect(
      (await t.request(await t.login('johan.nilsson'), 'GET', `/api/children/${child}/placements`))
        .statusCode,
    ).toBe(404);
    const writeAsGodMan = await t.request(
      await t.login('hans.gren'),
      'POST',
      `/api/children/${child}/placements/end`,
      { reason: 'moved', endDate: '2026-11-23' },
    );
    expect(writeAsGodMan.statusCode).toBe(403);
  });
});

describe('placement days per municipality', () => {
  it('counts every placement day of a period, the day of a move once', async () => {
    const days = await placementDaysForPeriod(t.database.db, { from: '2026-11-01', to: '2026-11-30' }, [
      '1280',
    ]);
    const { rows } = await t.database.raw.query<{ from_date: string; to_date: string | null }>(
      `select from_date::text, to_date::text from placements where municipality_code = '1280'`,
    );
    const expected = rows.reduce((sum, r) => {
      const from = r.from_date < '2026-11-01' ? '2026-11-01' : r.from_date;
      const to = r.to_date ?? '2026-12-01';
      return sum + Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);
    }, 0);
    expect(days).toEqual([
      { municipalityCode: '1280', days: expected, children: expect.any(Number) as number },
    ]);
    expect(
      await placementDaysForPeriod(t.database.db, { from: '2026-11-01', to: '2026-11-30' }, ['2281']),
    ).toEqual([]);
  });
});
