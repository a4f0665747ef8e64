/** Turning 18 and the daily rules, with the clock moved past the birthdays. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDaily } from '../../src/cli/case-daily.ts';
import { startTestApp, PINNED_NOW, type Session, type TestApp } from '../support/app.ts';
import { runDailyRules } from '../../src/responsibility/daily.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { assignedChild, setState } from './fixtures.ts';

let t: TestApp;
let officer: Session;
let malmo: Session;
const children: Record<'continued' | 'undecided' | 'ended' | 'early', string> = {
  continued: '',
  undecided: '',
  ended: '',
  early: '',
};

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.raw.query<T>(sql, params)).rows;
}
const stateOf = async (childId: string, machine: string) =>
  (
    await rows<{ state: string }>('select state from case_states where child_id = $1 and machine = $2', [
      childId,
      machine,
    ])
  )[0]?.state;
const periodsOf = (childId: string) =>
  rows<{
    municipality_code: string;
    kind: string;
    from_date: string;
    to_date: string | null;
    end_reason: string | null;
  }>(
    'select municipality_code, kind, from_date::text as from_date, to_date::text as to_date, end_reason from responsibility_periods where child_id = $1 order by from_date, created_at',
    [childId],
  );
const eventCount = async (childId: string) =>
  Number(
    (await rows<{ n: number }>('select count(*) as n from case_events where child_id = $1', [childId]))[0]?.n,
  );

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
  malmo = await t.login('sara.lind');
  children.continued = await assignedChild(t, officer, '1280', {
    municipalityCode: '1280',
    arrivalDate: '2026-11-01',
    birthDate: '2008-12-20',
  });
  children.undecided = await assignedChild(t, officer, '1280', {
    municipalityCode: '1280',
    arrivalDate: '2026-11-01',
    birthDate: '2008-12-10',
  });
  children.ended = await assignedChild(t, officer, '1280', {
    municipalityCode: '1280',
    arrivalDate: '2026-11-01',
    birthDate: '2008-12-15',
  });
  children.early = await assignedChild(t, officer, '1280', {
    municipalityCode: '1280',
    arrivalDate: '2026-11-01',
    birthDate: '2008-12-18',
  });
  // A god man was appointed for the first.
  await setState(t, children.continued, 'guardianship', 'god_man_appointed');
});
afterAll(async () => t.close());

describe('before the 18th birthday', () => {
  it('offers the decision about responsibility after 18 from the 17th birthday, not before', async () => {
    const actions = async (childId: string) =>
      (await t.request(malmo, 'GET', `/api/children/${childId}/responsibility`))
        .json<{ steps: { action: string }[] }>()
        .steps.map((s) => s.action);
    // The pinned day is 2026-11-23: one child turned 17 that day, the other turns 17 the next.
    const seventeen = await assignedChild(t, officer, '1280', {
      municipalityCode: '1280',
      arrivalDate: '2026-11-01',
      birthDate: '2009-11-23',
    });
    const sixteen = await assignedChild(t, officer, '1280', {
      municipalityCode: '1280',
      arrivalDate: '2026-11-01',
      birthDate: '2009-11-24',
    });
    expect(await actions(seventeen)).toEqual(
      expect.arrayContaining(['decide_continued', 'end_responsibility']),
    );
    const younger = await actions(sixteen);
    expect(younger).not.toContain('decide_continued');
    expect(younger).not.toContain('end_responsibility');
    expect(younger).toContain('acknowledge_receipt');
  });

  it('the warning and the notice deadlines stand five and three weeks before the birthday', async () => {
    const open = await rows<{ rule: string; due_on: string }>(
      "select rule, due_on::text as due_on from deadlines where child_id = $1 and rule in ('turning-18-warning', 'continued-responsibility-notice') and closed_at is null order by rule",
      [children.continued],
    );
    expect(open).toEqual([
      { rule: 'continued-responsibility-notice', due_on: '2026-11-29' },
      { rule: 'turning-18-warning', due_on: '2026-11-15' },
    ]);
  });

  it('continued responsibility is a decision that needs its best-interests record and ends at the 21st birthday at the latest', async () => {
    const url = `/api/children/${children.continued}/turning-18`;
    const missing = await t.request(malmo, 'POST', url, { decision: 'continue' });
    expect(missing.statusCode).toBe(422);
    expect(
      missing.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toContain('bestInterests.childsViews');
    const tooLong = await t.request(malmo, 'POST', url, {
      decision: 'continue',
      continuedUntil: '2029-12-21',
      bestInterests: BEST_INTERESTS,
    });
    expect(tooLong.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.continuedUntil', code: 'after_21' }),
    ]);
    const decided = await t.request(malmo, 'POST', url, {
      decision: 'continue',
      continuedUntil: '2029-06-30',
      bestInterests: BEST_INTERESTS,
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(await stateOf(children.continued, 'responsibility')).toBe('continued_after_18');
    expect(await periodsOf(children.continued)).toEqual([
      {
        municipality_code: '1280',
        kind: 'arrival',
        from_date: '2026-11-01',
        to_date: '2026-11-23',
        end_reason: 'handed_over',
      },
      {
        municipality_code: '1280',
        kind: 'assigned',
        from_date: '2026-11-23',
        to_date: '2026-12-20',
        end_reason: 'turned_18',
      },
      {
        municipality_code: '1280',
        kind: 'aftercare',
        from_date: '2026-12-20',
        to_date: '2029-06-30',
        end_reason: null,
      },
    ]);
    expect(
      await rows(
        "select rule from deadlines where child_id = $1 and rule in ('turning-18-warning', 'continued-responsibility-notice') and closed_at is null",
        [children.continued],
      ),
    ).toEqual([]);
    expect(
      await rows(
        'select decision, best_interests_id is not null as recorded, reported_on from turning18_decisions where child_id = $1',
        [children.continued],
      ),
    ).toEqual([{ decision: 'continue', recorded: true, reported_on: null }]);
    expect(
      (await t.request(malmo, 'POST', url, { decision: 'end', bestInterests: BEST_INTERESTS })).statusCode,
    ).toBe(409);
  });

  it('records when continued responsibility was reported to the Migration Agency, once', async () => {
    const url = `/api/children/${children.continued}/turning-18/reported`;
    expect((await t.request(malmo, 'POST', url, { reportedOn: '2026-11-23' })).statusCode).toBe(200);
    expect((await t.request(malmo, 'POST', url, { reportedOn: '2026-11-23' })).statusCode).toBe(409);
    const view = (await t.request(malmo, 'GET', `/api/children/${children.continued}/responsibility`)).json<{
      turning18: { decision: { reportedOn: string; reportedInTime: boolean } };
    }>();
    expect(view.turning18.decision).toMatchObject({ reportedOn: '2026-11-23', reportedInTime: true });
  });

  it('the municipality may decide to end its responsibility on the birthday; the periods run until then', async () => {
    const res = await t.request(malmo, 'POST', `/api/children/${children.ended}/turning-18`, {
      decision: 'end',
      bestInterests: BEST_INTERESTS,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await stateOf(children.ended, 'responsibility')).toBe('ended');
    expect((await periodsOf(children.ended)).at(-1)).toMatchObject({ to_date: null });
    expect(
      (
        await t.request(malmo, 'POST', `/api/children/${children.early}/turning-18`, {
          decision: 'continue',
          bestInterests: BEST_INTERESTS,
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('the daily rules', () => {
  it('do nothing before the birthdays', async () => {
    const before = await eventCount(children.undecided);
    const summary = await runDailyRules(t.database.db, PINNED_NOW);
    expect(summary.failed).toBe(0);
    expect(await eventCount(children.undecided)).toBe(before);
  });

  it('on the day after the birthdays: end an undecided responsibility, let a decided end take hold, end the god man by law', async () => {
    t.clock.now = new Date('2026-12-21T09:00:00Z');
    malmo = await t.login('sara.lind');
    const out: string[] = [];
    expect(await caseDaily(t.database, t.clock.now, (line) => out.push(line))).toBe(0);
    expect(out.join('\n')).toMatch(/daily rules 2026-12-21/);

    expect(await stateOf(children.undecided, 'responsibility')).toBe('ended');
    expect((await periodsOf(children.undecided)).at(-1)).toMatchObject({
      to_date: '2026-12-10',
      end_reason: 'turned_18',
    });
    expect(await stateOf(children.undecided, 'social_case')).toBe('closed');
    expect(
      await rows(
        'select change, municipality_code, due_on::text as due_on from change_reports where child_id = $1',
        [children.undecided],
      ),
    ).toEqual([{ change: 'turning_18', municipality_code: '1280', due_on: '2027-01-07' }]);
    const event = await rows<{ occurred_on: string; actor_role: string }>(
      "select occurred_on::text as occurred_on, actor_role from case_events where child_id = $1 and event = 'end_at_18'",
      [children.undecided],
    );
    expect(event).toEqual([{ occurred_on: '2026-12-10', actor_role: 'system' }]);

    expect((await periodsOf(children.ended)).at(-1)).toMatchObject({
      to_date: '2026-12-15',
      end_reason: 'turned_18',
    });
    expect(await rows('select change from change_reports where child_id = $1', [children.ended])).toEqual([
      { change: 'turning_18' },
    ]);
    expect(
      await rows(
        "select 1 from deadlines where child_id = $1 and rule = 'school-start' and closed_at is null",
        [children.ended],
      ),
    ).toEqual([]);

    expect(await stateOf(children.continued, 'guardianship')).toBe('ended');
    expect(await stateOf(children.continued, 'responsibility')).toBe('continued_after_18');
    expect((await t.request(malmo, 'GET', `/api/children/${children.continued}`)).json()).toMatchObject({
      basis: 'responsible_municipality',
    });
    expect((await t.request(malmo, 'GET', `/api/children/${children.undecided}`)).json()).toMatchObject({
      basis: 'former_municipality',
    });
    const audited = await rows<{ n: number }>(
      "select count(*) as n from audit_events where kind = 'case.transition' and $1 = any(child_ids) and purpose = 'daily rules'",
      [children.undecided],
    );
    expect(Number(audited[0]?.n)).toBe(1);
  });

  it('are idempotent: a second run the same day changes nothing', async () => {
    const before = await Promise.all(Object.values(children).map(eventCount));
    const summary = await runDailyRules(t.database.db, t.clock.now);
    expect(summary.applied).toEqual({
      end_at_18: 0,
      end_as_decided: 0,
      end_guardianship: 0,
      end_aftercare: 0,
    });
    expect(await Promise.all(Object.values(children).map(eventCount))).toEqual(before);
  });

  it('the municipality may end aftercare early, not before the 18th birthday', async () => {
    const url = `/api/children/${children.early}/aftercare/end`;
    expect((await t.request(malmo, 'POST', url, { endedOn: '2026-12-17' })).statusCode).toBe(422);
    const res = await t.request(malmo, 'POST', url, { endedOn: '2026-12-21' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stateOf(children.early, 'responsibility')).toBe('ended');
    expect((await periodsOf(children.early)).at(-1)).toMatchObject({
      kind: 'aftercare',
      to_date: '2026-12-21',
      end_reason: 'aftercare_ended',
    });
  });

  it('end aftercare at its end date', async () => {
    t.clock.now = new Date('2029-07-01T09:00:00Z');
    await runDailyRules(t.database.db, t.clock.now);
    expect(await stateOf(children.continued, 'responsibility')).toBe('ended');
    expect((await periodsOf(children.continued)).at(-1)).toMatchObject({
      kind: 'aftercare',
      to_date: '2029-06-30',
      end_reason: 'aftercare_ended',
    });
    expect(await stateOf(children.continued, 'social_case')).toBe('closed');
    const ended = await rows<{ occurred_on: string }>(
      "select occurred_on::text as occurred_on from case_events where child_id = $1 and event = 'end_aftercare'",
      [children.continued],
    );
    expect(ended).toEqual([{ occurred_on: '2029-06-30' }]);
  });
});
