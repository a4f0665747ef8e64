/**
 * Children who go missing through the API (issue 12): the whole routine from the report to the return talk, the
 * notifications and their clocks, the closure minimum (409 with the rule and the date), a municipality's tighter
 * policy, the repeat rule, the police view by police region, and who may see what.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, PINNED_NOW, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import { BEST_INTERESTS as completeBestInterests } from '../support/best-interests.ts';
import {
  changeReports,
  missingEpisodeEvents,
  municipalMissingPolicies,
} from '../../src/platform/db/schema.ts';

let t: TestApp;
let sara: Session;
let karin: Session;
let birgitta: Session;
let nils: Session;
let stina: Session;
let johan: Session;
let omar: Session;

interface Notification {
  id: string;
  recipient: string;
  dueAt: string;
  escalateAt: string;
  sentAt: string | null;
  acknowledgedAt: string | null;
  notApplicable: string | null;
}
interface Episode {
  id: string;
  state: string;
  version: number;
  linkedToId: string | null;
  earliestClosureOn: string | null;
  returnTalkDueAt: string | null;
  strategyMeetingDue: boolean;
  strategyMeetingDueOn: string | null;
  strategyMeeting: Record<string, unknown> | null;
  routine: { reference: string; policyReference: string | null };
  notifications: Notification[];
  steps: { action: string; path: string; needs: { bestInterests: boolean } }[];
}
interface View {
  episodes: Episode[];
  steps: { action: string; path: string }[];
}
interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

const missing = (child: string) => `/api/children/${child}/missing`;
const at = (iso: string) => new Date(iso).toISOString();

async function report(child: string, body: Record<string, unknown> = {}, session = sara) {
  return t.request(session, 'POST', missing(child), {
    kind: 'missing',
    lastSeenAt: '2026-11-22T20:00:00+01:00',
    lastSeenPlace: 'HVB Solgården, Malmö',
    ...body,
  });
}

async function step(child: string, e: Episode, path: string, body: Record<string, unknown> = {}, s = sara) {
  return t.request(s, 'POST', `${missing(child)}/${e.id}/${path}`, { expectedVersion: e.version, ...body });
}

const first = (v: View) => {
  const e = v.episodes?.[0];
  if (e === undefined) throw new Error(`no episode: ${JSON.stringify(v)}`);
  return e;
};

beforeAll(async () => {
  t = await startTestApp();
  [sara, karin, birgitta, nils, stina, johan, omar] = await Promise.all([
    t.login('sara.lind'),
    t.login('karin.berg'),
    t.login('birgitta.sjo'),
    t.login('nils.polis'),
    t.login('stina.polis'),
    t.login('johan.nilsson'),
    t.login('omar.said'),
  ]);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.now = PINNED_NOW;
});

describe('the routine from the report to the return talk', () => {
  it('report → police report → notifications → follow-up → found → return talk → returned', async () => {
    const child = await aChild(t, {
      dossier: '75000001',
      godMan: 'birgitta.sjo',
      assignedWorker: 'sara.lind',
    });
    const reported = await report(child, { kind: 'away_without_permission' });
    expect(reported.statusCode).toBe(201);
    let e = first(reported.json<View>());
    expect(e.state).toBe('absent');
    expect(e.steps.map((s) => s.action)).toEqual(['police_report', 'return']);
    // Skåne's regional plan governs, with Malmö's recorded routine: three weeks before a closure as not found.
    expect(e.routine.reference).toBe(
      'Regional plan för ensamkommande barn som försvinner, Länsstyrelsen Skåne (2018-12-14)',
    );
    expect(e.routine.policyReference).toContain('Malmö stad');

    // Another report while one is open is refused.
    expect((await report(child)).json<ErrorBody>().error.code).toBe('episode_open');

    // The police report: the notifications with their clocks (the default routine: police 2 h, others 8 h).
    const policed = await step(child, e, 'police-report', {
      policeReference: '5000-K123456-26',
      policeReportedAt: '2026-11-23T09:00:00+01:00',
    });
    expect(policed.statusCode).toBe(201);
    e = first(policed.json<View>());
    expect(e.state).toBe('missing');
    expect(e.earliestClosureOn).toBe('2026-12-14');
    const byRecipient = Object.fromEntries(e.notifications.map((n) => [n.recipient, n]));
    expect(Object.keys(byRecipient).sort()).toEqual([
      'assigned_municipality',
      'god_man',
      'guardianship_authority',
      'migration_agency',
      'police',
      'responsible_social_worker',
      'school',
    ]);
    expect(byRecipient.police).toMatchObject({
      dueAt: at('2026-11-23T11:00:00+01:00'),
      acknowledgedAt: at('2026-11-23T09:00:00+01:00'),
    });
    expect(byRecipient.god_man).toMatchObject({
      dueAt: at('2026-11-23T17:00:00+01:00'),
      acknowledgedAt: null,
    });
    expect(byRecipient.god_man?.sentAt).not.toBeNull();
    expect(byRecipient.school?.notApplicable).toBe('not_enrolled');
    expect(byRecipient.assigned_municipality?.notApplicable).toBe('same_municipality');
    expect(byRecipient.migration_agency?.sentAt).toBeNull();

    // D8: the absconding goes to the change reports, due the 7th of the next month for an asylum seeker.
    const [change] = await t.database.db
      .select()
      .from(changeReports)
      .where(and(eq(changeReports.childId, child), eq(changeReports.change, 'absconding')));
    expect(change).toMatchObject({ changedOn: '2026-11-22', dueOn: '2026-12-07' });

    // The last notification sent outside Anvisa: the episode is notified.
    const agency = byRecipient.migration_agency?.id ?? '';
    const sent = await t.request(sara, 'POST', `${missing(child)}/${e.id}/notifications/${agency}/sent`, {
      sentAt: '2026-11-23T09:30:00+01:00',
    });
    e = first(sent.json<View>());
    expect(e.state).toBe('notified');

    // The god man acknowledges his own notification; he may not record one for others.
    const godMan = byRecipient.god_man?.id ?? '';
    const acknowledged = await t.request(
      birgitta,
      'POST',
      `${missing(child)}/${e.id}/notifications/${godMan}/acknowledged`,
      { acknowledgedAt: '2026-11-23T09:45:00+01:00', by: '' },
    );
    expect(acknowledged.statusCode).toBe(201);
    const other = byRecipient.guardianship_authority?.id ?? '';
    expect(
      (
        await t.request(birgitta, 'POST', `${missing(child)}/${e.id}/notifications/${other}/acknowledged`, {
          acknowledgedAt: '2026-11-23T09:45:00+01:00',
          by: 'Birgitta',
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request(birgitta, 'GET', missing(child))).json<View>().episodes[0]?.steps).toEqual([]);

    // The police of the region see the child; another region's do not.
    const list = (await t.request(nils, 'GET', '/api/police/missing')).json<{
      region: string;
      episodes: Record<string, unknown>[];
    }>();
    expect(list.region).toBe('Polisregion Syd');
    const seen = list.episodes.find((p) => p.childId === child);
    expect(seen).toMatchObject({ policeReference: '5000-K123456-26', lastSeenPlace: 'HVB Solgården, Malmö' });
    expect(Object.keys(seen ?? {}).sort()).toEqual(
      [
        'birthDate',
        'childId',
        'contacts',
        'episodeId',
        'gender',
        'lastSeenAt',
        'lastSeenPlace',
        'municipality',
        'name',
        'policeReference',
        'policeReportedAt',
        'protectedIdentity',
        'state',
        'profile',
        'photo',
        'indicators',
      ].sort(),
    );
    expect(
      (await t.request(stina, 'GET', '/api/police/missing')).json<{ episodes: unknown[] }>().episodes,
    ).toEqual([]);
    expect((await t.request(stina, 'GET', `/api/police/missing/${e.id}`)).statusCode).toBe(404);
    expect((await t.request(nils, 'GET', `/api/police/missing/${e.id}`)).statusCode).toBe(200);
    // The police see nothing else of the child.
    expect((await t.request(nils, 'GET', `/api/children/${child}`)).statusCode).toBe(403);
    expect((await t.request(nils, 'GET', missing(child))).statusCode).toBe(403);

    e = first((await step(child, e, 'follow-up')).json<View>());
    expect(e.state).toBe('active');
    // A 15-year-old cannot age out: the step is not offered.
    expect(e.steps.map((s) => s.action)).toEqual([
      'review',
      'found',
      'close_not_found',
      'close_left_country',
      'lvu',
    ]);

    // The LVU assessment asks for concrete facts; a prediction is not one.
    const vague = await step(child, e, 'lvu', {
      outcome: 'application',
      grounds: ['socially_destructive_behaviour_3'],
      concreteFacts: 'Riskerar att bli gatubarn.',
    });
    expect(vague.statusCode).toBe(422);
    expect(vague.json<ErrorBody>().error.fields.map((f) => f.code)).toEqual(['concrete_facts_required']);
    const lvu = await step(child, e, 'lvu', {
      outcome: 'no_grounds',
      grounds: [],
      concreteFacts: 'Inga iakttagelser av missbruk, brott eller annat nedbrytande beteende före avvikandet.',
    });
    expect(lvu.statusCode).toBe(201);
    e = first(lvu.json<View>());

    // Not found: refused before the routine's minimum, with the rule and the first possible day.
    const early = await step(child, e, 'close', {
      closure: 'close_not_found',
      reason: 'Inga spår efter barnet sedan anmälan.',
      bestInterests: completeBestInterests,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error).toMatchObject({
      code: 'closure_before_minimum',
      fields: [{ field: 'closure', code: 'before_closure_minimum' }],
    });
    expect(early.json<ErrorBody>().error.fields[0]?.message).toContain('2026-12-14');

    const found = await step(child, e, 'found', {
      foundAt: '2026-11-23T09:50:00+01:00',
      place: 'Malmö centralstation',
      foundBy: 'Polisen',
      condition: 'unharmed',
      crimeSuspected: false,
    });
    expect(found.statusCode).toBe(201);
    e = first(found.json<View>());
    expect(e).toMatchObject({ state: 'found', returnTalkDueAt: at('2026-11-26T09:50:00+01:00') });
    // The access of the police ends with the search.
    expect((await t.request(nils, 'GET', `/api/police/missing/${e.id}`)).statusCode).toBe(404);

    const noViews = await step(child, e, 'return-talk', {
      outcome: 'held',
      at: '2026-11-23T09:55:00+01:00',
      participants: ['Sara Lind'],
      childsAccount: 'Var hos en vän i Lund.',
      actions: 'Nytt möte om en vecka.',
    });
    expect(noViews.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual(['childsViews']);
    const talk = {
      outcome: 'held',
      at: '2026-11-23T09:55:00+01:00',
      participants: ['Sara Lind', 'Tolk på dari'],
      childsAccount: 'Var hos en vän i Lund.',
      childsViews: 'Vill bo kvar men byta skola.',
      actions: 'Nytt möte om en vecka.',
    };
    // The talk is weighed in a best-interests record of its own (point 9): without one it is refused, field by field.
    const noRecord = await step(child, e, 'return-talk', talk);
    expect(noRecord.statusCode).toBe(422);
    expect(noRecord.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual([
      'bestInterests.rightsConcerned',
      'bestInterests.whatIsKnown',
      'bestInterests.howWeighed',
      'bestInterests.childsViews',
      'bestInterests.feedbackToChild',
      'bestInterests.feedbackGivenOn',
    ]);
    expect(e.steps.find((s) => s.action === 'return_talk')?.needs.bestInterests).toBe(true);
    e = first(
      (await step(child, e, 'return-talk', { ...talk, bestInterests: completeBestInterests })).json<View>(),
    );
    expect(e.state).toBe('return_talk');
    const [talked] = await t.database.db
      .select({ id: missingEpisodeEvents.bestInterestsId })
      .from(missingEpisodeEvents)
      .where(
        and(eq(missingEpisodeEvents.episodeId, e.id), eq(missingEpisodeEvents.event, 'record_return_talk')),
      );
    expect(talked?.id).toEqual(expect.any(String));
    e = first((await step(child, e, 'complete', { placementReview: 'continues' })).json<View>());
    expect(e.state).toBe('returned');
    // A stale form is refused.
    expect((await step(child, { ...e, version: 1 }, 'review')).statusCode).toBe(409);
    expect((await t.request(sara, 'GET', missing(child))).json<View>().steps.map((s) => s.action)).toEqual([
      'report',
    ]);
  });

  it('closed not found after the minimum; a child found after the closure opens a new, linked episode', async () => {
    const child = await aChild(t, { dossier: '75000002', assignedWorker: 'sara.lind' });
    let e = first(
      (
        await report(child, {
          policeReference: '5000-K200000-26',
          policeReportedAt: '2026-11-23T08:00:00+01:00',
        })
      ).json<View>(),
    );
    expect(e.earliestClosureOn).toBe('2026-12-14');
    t.clock.now = new Date('2026-12-14T09:00:00Z');
    const later = await t.login('sara.lind');
    const noRecord = await step(
      child,
      e,
      'close',
      { closure: 'close_not_found', reason: 'Inga spår.' },
      later,
    );
    expect(noRecord.json<ErrorBody>().error.code).toBe('best_interests_incomplete');
    const closed = await step(
      child,
      e,
      'close',
      {
        closure: 'close_not_found',
        reason: 'Inga spår efter barnet på tre månader.',
        bestInterests: completeBestInterests,
      },
      later,
    );
    expect(closed.statusCode).toBe(201);
    e = first(closed.json<View>());
    expect(e.state).toBe('closed_not_found');
    expect(e.steps.map((s) => s.action)).toEqual(['found_after_closure']);
    const again = await step(
      child,
      e,
      'found',
      {
        foundAt: '2026-12-14T09:30:00+01:00',
        place: 'Göteborg',
        foundBy: 'Polisen i Göteborg',
        condition: 'harmed',
        crimeSuspected: true,
        crimeReportReference: '5000-K300000-27',
        harm: 'Skadad hand',
      },
      later,
    );
    expect(again.statusCode).toBe(201);
    const [linked, old] = again.json<View>().episodes;
    expect(linked).toMatchObject({ state: 'found', linkedToId: e.id });
    expect(old).toMatchObject({ id: e.id, state: 'closed_not_found' });

    // The linked episode continues the same search: it is not a search of its own for the repeat rule. A new search a
    // week later is the second within 30 days, not the third.
    if (linked === undefined) throw new Error('no linked episode');
    const talked = first(
      (
        await step(
          child,
          linked,
          'return-talk',
          { outcome: 'declined', at: '2026-12-14T09:45:00+01:00', bestInterests: completeBestInterests },
          later,
        )
      ).json<View>(),
    );
    await step(child, talked, 'complete', { placementReview: 'change_needed' }, later);
    t.clock.now = new Date('2026-12-20T12:00:00Z');
    const week = await t.login('sara.lind');
    const next = first(
      (
        await report(
          child,
          {
            lastSeenAt: '2026-12-20T08:00:00+01:00',
            policeReference: '5000-K500000-26',
            policeReportedAt: '2026-12-20T09:00:00+01:00',
          },
          week,
        )
      ).json<View>(),
    );
    expect(next.strategyMeetingDue).toBe(false);
  });

  it("a municipality's recorded policy shortens the minimum (Malmö: three weeks)", async () => {
    await t.database.db.insert(municipalMissingPolicies).values({
      municipalityCode: '1281',
      validFrom: '2026-01-01',
      policyReference: 'Lunds kommun, socialnämndens rutin 2026-01',
      closureMinimum: { days: 21 },
    });
    const child = await aChild(t, { dossier: '75000003', municipalityCode: '1281' });
    const elin = await t.login('elin.dahl', 'Lund kommun, socialtjänsten');
    const e = first(
      (
        await report(
          child,
          { policeReference: '5000-K400000-26', policeReportedAt: '2026-11-23T08:00:00+01:00' },
          elin,
        )
      ).json<View>(),
    );
    expect(e.earliestClosureOn).toBe('2026-12-14');
    expect(e.routine.policyReference).toBe('Lunds kommun, socialnämndens rutin 2026-01');
  });

  it('the third search in 30 days calls for a strategy meeting', async () => {
    const child = await aChild(t, { dossier: '75000004', assignedWorker: 'sara.lind' });
    const run = async (day: string) => {
      t.clock.now = new Date(`${day}T12:00:00Z`);
      const s = await t.login('sara.lind');
      const e = first(
        (
          await report(
            child,
            {
              lastSeenAt: `${day}T08:00:00+01:00`,
              policeReference: `ref-${day}`,
              policeReportedAt: `${day}T09:00:00+01:00`,
            },
            s,
          )
        ).json<View>(),
      );
      const found = first(
        (
          await step(
            child,
            e,
            'found',
            {
              foundAt: `${day}T12:30:00+01:00`,
              place: 'Malmö',
              foundBy: 'Personalen',
              condition: 'unharmed',
              crimeSuspected: false,
            },
            s,
          )
        ).json<View>(),
      );
      const talk = first(
        (
          await step(
            child,
            found,
            'return-talk',
            { outcome: 'declined', at: `${day}T12:45:00+01:00`, bestInterests: completeBestInterests },
            s,
          )
        ).json<View>(),
      );
      await step(child, talk, 'complete', { placementReview: 'continues' }, s);
      return e;
    };
    expect((await run('2026-11-01')).strategyMeetingDue).toBe(false);
    expect((await run('2026-11-15')).strategyMeetingDue).toBe(false);
    expect((await run('2026-11-29')).strategyMeetingDue).toBe(true);

    // The meeting is a task on the worklist, due a week after the search (Sunday 6 December moves to Monday the 7th).
    t.clock.now = new Date('2026-12-02T12:00:00Z');
    const s = await t.login('sara.lind');
    const tasks = async () =>
      (await t.request(s, 'GET', '/api/worklist?pageSize=200'))
        .json<{ items: { rule: string; dueOn: string; child: { id: string } }[] }>()
        .items.filter((i) => i.child.id === child && i.rule === 'missing-strategy-meeting')
        .map((i) => i.dueOn);
    expect(await tasks()).toEqual(['2026-12-07']);
    let e = first((await t.request(s, 'GET', missing(child))).json<View>());
    expect(e).toMatchObject({ state: 'returned', strategyMeetingDueOn: '2026-12-07', strategyMeeting: null });
    expect(e.steps.map((x) => x.action)).toEqual(['strategy_meeting']);
    const meeting = {
      heldOn: '2026-12-01',
      participants: ['Sara Lind', 'Polisen region Syd', 'HVB Solgården'],
      decisions: 'Kontaktperson på boendet varje kväll; genomförandeplanen ändras.',
      carePlanReviewed: true,
    };
    // Before the search that called it, and without participants: refused, field by field.
    const early = await step(
      child,
      e,
      'strategy-meeting',
      { ...meeting, heldOn: '2026-11-28', participants: [] },
      s,
    );
    expect(early.statusCode).toBe(422);
    expect(early.json<ErrorBody>().error.fields.map((f) => `${f.field}:${f.code}`)).toEqual([
      'heldOn:before_search',
      'participants:required',
    ]);
    e = first((await step(child, e, 'strategy-meeting', meeting, s)).json<View>());
    expect(e.strategyMeeting).toMatchObject({ ...meeting, recordedAt: '2026-12-02T12:00:00.000Z' });
    expect(e.steps).toEqual([]);
    expect(await tasks()).toEqual([]);
    expect((await step(child, e, 'strategy-meeting', meeting, s)).statusCode).toBe(409);
    // An absence reported first is asked the rule when it becomes a search: the police report calls the next meeting.
    t.clock.now = new Date('2026-12-05T12:00:00Z');
    const s2 = await t.login('sara.lind');
    const absent = first((await report(child, { lastSeenAt: '2026-12-05T08:00:00+01:00' }, s2)).json<View>());
    expect(absent.strategyMeetingDue).toBe(false);
    const searched = first(
      (
        await step(
          child,
          absent,
          'police-report',
          { policeReference: 'ref-2026-12-05', policeReportedAt: '2026-12-05T10:00:00+01:00' },
          s2,
        )
      ).json<View>(),
    );
    expect(searched).toMatchObject({ strategyMeetingDue: true, strategyMeetingDueOn: '2026-12-14' });
  });
});

describe('who may see and record', () => {
  it('a county with no routine recorded: the defaults govern, and the episode says so', async () => {
    const child = await aChild(t, { dossier: '75000011', municipalityCode: '2281' });
    const e = first(
      (
        await report(
          child,
          { policeReference: '5000-K11-26', policeReportedAt: '2026-11-23T08:00:00+01:00' },
          johan,
        )
      ).json<View>(),
    );
    expect(e.routine).toMatchObject({ reference: '', policyReference: null });
    expect(e.earliestClosureOn).toBe('2027-02-23');
    // Sundsvall lies in police region Nord: the police of region Syd do not see the child.
    expect((await t.request(nils, 'GET', `/api/police/missing/${e.id}`)).statusCode).toBe(404);
  });

  it('outside the scope: 404; the Agency reads; nobody outside the region or the scope records', async () => {
    const child = await aChild(t, { dossier: '75000005' });
    expect((await t.request(johan, 'GET', missing(child))).statusCode).toBe(404);
    expect((await report(child, {}, johan)).statusCode).toBe(404);
    expect((await t.request(omar, 'GET', missing(child))).statusCode).toBe(200);
    expect((await report(child, {}, omar)).statusCode).toBe(403);
    expect((await report(child, {}, karin)).statusCode).toBe(201);
  });

  it('bad input: each field and its reason, never a 500', async () => {
    const child = await aChild(t, { dossier: '75000006' });
    const future = await report(child, { lastSeenAt: '2026-11-24T08:00:00+01:00', lastSeenPlace: ' ' });
    expect(future.statusCode).toBe(422);
    expect(future.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['lastSeenAt', 'in_the_future'],
      ['lastSeenPlace', 'required'],
    ]);
    expect((await report(child, { lastSeenAt: 'igår' })).statusCode).toBe(400);
    const before = await report(child, {
      policeReference: 'x',
      policeReportedAt: '2026-11-21T08:00:00+01:00',
    });
    expect(before.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['policeReportedAt', 'before_last_seen'],
    ]);
  });
});

describe('the police view of the profile', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it('shows the profile, its photo and only the indicators marked for a search — while the search is open', async () => {
    const child = await aChild(t, { dossier: '75000007', assignedWorker: 'sara.lind' });
    const profile = `/api/children/${child}/missing-profile`;
    expect(
      (
        await t.request(sara, 'POST', profile, {
          description: { heightCm: 172, hair: 'Svart, kort', languages: ['dari'] },
          places: ['Malmö C'],
        })
      ).statusCode,
    ).toBe(201);
    const photo = await t.request(sara, 'POST', `${profile}/photo`, {
      mediaType: 'image/png',
      contentBase64: PNG.toString('base64'),
      takenOn: '2026-11-20',
      expectedVersion: 1,
    });
    expect(photo.statusCode).toBe(201);
    for (const [indicator, searchRelevant] of [
      ['often_disappears', true],
      ['controlled_by_caller', false],
    ] as const)
      expect(
        (
          await t.request(sara, 'POST', `/api/children/${child}/risk-observations`, {
            indicator,
            observed: true,
            observedOn: '2026-11-20',
            searchRelevant,
          })
        ).statusCode,
      ).toBe(201);
    const e = first(
      (
        await report(child, { policeReference: '5000-K7-26', policeReportedAt: '2026-11-23T08:00:00+01:00' })
      ).json<View>(),
    );
    const policeRes = await t.request(nils, 'GET', `/api/police/missing/${e.id}`);
    if (policeRes.statusCode !== 200) throw new Error(policeRes.body);
    const seen = policeRes.json<{
      profile: { description: { heightCm: number; hair: string }; places: string[] };
      photo: { takenOn: string } | null;
      indicators: { indicator: string }[];
    }>();
    expect(seen.profile.description).toMatchObject({ heightCm: 172, hair: 'Svart, kort' });
    expect(seen.profile.places).toEqual(['Malmö C']);
    expect(seen.photo).toEqual({ takenOn: '2026-11-20' });
    expect(seen.indicators.map((i) => i.indicator)).toEqual(['often_disappears']);
    const image = await t.request(nils, 'GET', `/api/police/missing/${e.id}/photo`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('no-store');
    expect((await t.request(stina, 'GET', `/api/police/missing/${e.id}/photo`)).statusCode).toBe(404);
    await step(child, e, 'found', {
      foundAt: '2026-11-23T09:00:00+01:00',
      place: 'Malmö C',
      foundBy: 'Polisen',
      condition: 'unharmed',
      crimeSuspected: false,
    });
    expect((await t.request(nils, 'GET', `/api/police/missing/${e.id}/photo`)).statusCode).toBe(404);
    // Every read is on record with its purpose.
    const { rows } = await t.database.raw.query<{ purpose: string | null; n: string }>(
      `select purpose, count(*)::text as n from audit_events where kind = 'missing.police.read' and outcome = 'allowed' and actor_user_id = $1 group by purpose`,
      [await t.userId('nils.polis')],
    );
    expect(rows.map((r) => r.purpose)).toEqual(['missing_search']);
  });

  it('a protected child: the police see who to look for, not the place last seen; the read is flagged', async () => {
    const child = await aChild(t, {
      dossier: '75000008',
      assignedWorker: 'sara.lind',
      protectedIdentity: true,
    });
    const e = first(
      (
        await report(child, { policeReference: '5000-K8-26', policeReportedAt: '2026-11-23T08:00:00+01:00' })
      ).json<View>(),
    );
    const seen = (await t.request(nils, 'GET', `/api/police/missing/${e.id}`)).json<
      Record<string, unknown>
    >();
    expect(seen).toMatchObject({ protectedIdentity: true, lastSeenPlace: null, name: 'Test Barn 75000008' });
    expect(JSON.stringify(seen)).not.toContain('HVB Solgården');
    const { rows } = await t.database.raw.query<{ n: string }>(
      `select count(*)::text as n from audit_events e
        where e.kind = 'missing.police.read' and $1 = any(e.child_ids) and e.payload::text like '%protectedIdentity%'`,
      [child],
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });
});

describe('a child registered twice (D-R9)', () => {
  it('a missing report on the duplicate record follows the child when the records are merged', async () => {
    const survivor = await aChild(t, { dossier: '75000009' });
    const duplicate = await aChild(t, { dossier: '75000010' });
    const e = first((await report(duplicate)).json<View>());
    const merged = await t.request(karin, 'POST', `/api/children/${survivor}/merge`, {
      mergedId: duplicate,
      reason: 'Samma barn registrerat två gånger med olika stavning',
    });
    expect(merged.statusCode).toBe(201);
    const episodes = (await t.request(sara, 'GET', missing(survivor))).json<View>().episodes;
    expect(episodes.map((x) => x.id)).toEqual([e.id]);
  });
});
