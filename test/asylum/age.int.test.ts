/**
 * The age case end to end: doubt, a medical assessment offered with consent, temporary and final decisions. A decision
 * that makes the child 18 or older ends the god man and the child-specific responsibilities through recorded events
 * (never silently); one that keeps the child under 18 keeps everything and moves the birthday deadlines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import type { MigrationView } from '../../src/asylum/view.ts';

let t: TestApp;
let asylumOfficer: Session;
let ids: { malmo: string; sara: string; godMan: string; pool: string };

const q = async <T>(sql: string, params: unknown[] = []) => (await t.database.raw.query<T>(sql, params)).rows;
const post = (child: string, path: string, body: unknown) =>
  t.request(asylumOfficer, 'POST', `/api/children/${child}/${path}`, body);
const errorOf = (res: { json: <T>() => T }) =>
  res.json<{ error: { code: string; fields: { field: string; code: string }[] } }>().error;

/**
 * A 16-year-old in Malmö's care: responsible since arrival, a social case with care ongoing, placed in an HVB, a god
 * man appointed, and the birthday deadlines open — written straight into the tables, as the other capabilities would.
 */
async function childInCare(birthDate = '2010-06-01'): Promise<string> {
  const child = await arrivedChild(t, {
    birthDate,
    arrivalDate: '2026-06-01',
    fields: { languages: ['dari'] },
  });
  await q(
    `insert into social_cases (child_id, municipality_code, owner_organisation_id, report_received_on) values ($1, '1280', $2, '2026-06-01')`,
    [child, ids.malmo],
  );
  const [provider] = await q<{ id: string }>(
    `insert into placement_providers (municipality_code, name, form, places, target_groups, languages) values ('1280', 'HVB Linden', 'hvb', 8, '{}', '{}') returning id`,
  );
  await q(
    `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, decided_by) values ($1, '1280', $2, 'hvb', 'SoL', '2026-06-05', $3)`,
    [child, provider?.id, ids.sara],
  );
  await q(
    `insert into guardianships (child_id, guardian_user_id, kind, from_date, owner_organisation_id) values ($1, $2, 'god_man', '2026-06-03', $3)`,
    [child, ids.godMan, ids.pool],
  );
  for (const [machine, state] of [
    ['social_case', 'care_ongoing'],
    ['placement', 'placed'],
    ['guardianship', 'god_man_appointed'],
  ]) {
    await q(
      `insert into case_states (child_id, machine, state, version, municipality_code, updated_at) values ($1, $2, $3, 1, '1280', now())`,
      [child, machine, state],
    );
  }
  for (const [rule, due] of [
    ['turning-18-warning', '2028-04-27'],
    ['continued-responsibility-notice', '2028-05-11'],
    ['care-review', '2026-12-05'],
  ]) {
    await q(
      `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, $2, $3, '2026-06-05', 'social_services', '1280')`,
      [child, rule, due],
    );
  }
  return child;
}

beforeAll(async () => {
  t = await startTestApp();
  asylumOfficer = await t.login('omar.said');
  const [malmo] = await q<{ id: string }>(
    "select id from organisations where type = 'municipality' and municipality_code = '1280'",
  );
  const [pool] = await q<{ id: string }>("select id from organisations where type = 'god_man_pool'");
  ids = {
    malmo: malmo?.id ?? '',
    sara: await t.userId('sara.lind'),
    godMan: await t.userId('hans.gren'),
    pool: pool?.id ?? '',
  };
});
afterAll(async () => t.close());

describe('the age case', () => {
  it('moves from doubt through a medical assessment the child consented to, to a temporary decision that keeps the child under 18', async () => {
    const child = await childInCare('2010-06-01');
    expect((await post(child, 'age/doubt', { doubtedOn: '2026-07-01' })).statusCode).toBe(200);
    const early = await post(child, 'age/medical-assessment', { offeredOn: '2026-06-30', consent: true });
    expect(errorOf(early).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.offeredOn', 'asylum_date_too_early'],
    ]);
    const offered = await post(child, 'age/medical-assessment', { offeredOn: '2026-07-03', consent: true });
    expect(offered.json<MigrationView>().age).toMatchObject({
      state: 'medical_assessment',
      doubtedOn: '2026-07-01',
      medicalAssessment: { offeredOn: '2026-07-03', consent: true },
    });

    const decided = await post(child, 'age/temporary-decision', {
      decidedOn: '2026-11-02',
      birthDate: '2009-01-15',
      expectedVersion: 2,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const { age } = decided.json<MigrationView>();
    expect(age).toMatchObject({
      state: 'temporary_decision',
      statedBirthDate: '2010-06-01',
      registeredBirthDate: '2009-01-15',
      adultToday: false,
      adultFrom: '2027-01-15',
      currentDecision: {
        kind: 'temporary_decision',
        birthDate: '2009-01-15',
        decidedOn: '2026-11-02',
        adultOnDecision: false,
      },
    });
    expect(age?.records.map((r) => [r.kind, r.birthDate])).toEqual([
      ['stated', '2010-06-01'],
      ['registered', '2010-06-01'],
      ['temporary_decision', '2009-01-15'],
    ]);
    // The registered birth date changed, with its field history and a new version of the child's record.
    const [row] = await q<{ birth_date: string; version: number }>(
      'select birth_date::text, version from children where id = $1',
      [child],
    );
    expect(row).toEqual({ birth_date: '2009-01-15', version: 2 });
    expect(
      await q('select field, old_value, new_value from field_changes where child_id = $1', [child]),
    ).toEqual([{ field: 'birthDate', old_value: '2010-06-01', new_value: '2009-01-15' }]);
    // The birthday deadlines follow the new date; everything else stays.
    const open = await q<{ rule: string; due_on: string }>(
      'select rule, due_on::text from deadlines where child_id = $1 and closed_at is null order by rule',
      [child],
    );
    expect(open).toEqual([
      { rule: 'care-review', due_on: '2026-12-05' },
      { rule: 'continued-responsibility-notice', due_on: '2026-12-25' },
      { rule: 'turning-18-warning', due_on: '2026-12-11' },
    ]);
    expect(await q('select to_date from responsibility_periods where child_id = $1', [child])).toEqual([
      { to_date: null },
    ]);
    expect(await q('select to_date from guardianships where child_id = $1', [child])).toEqual([
      { to_date: null },
    ]);
    expect(await q('select to_date from placements where child_id = $1', [child])).toEqual([
      { to_date: null },
    ]);
    const states = await q<{ machine: string; state: string }>(
      "select machine, state from case_states where child_id = $1 and machine in ('social_case', 'placement', 'guardianship', 'responsibility') order by machine",
      [child],
    );
    expect(states).toEqual([
      { machine: 'guardianship', state: 'god_man_appointed' },
      { machine: 'placement', state: 'placed' },
      { machine: 'social_case', state: 'care_ongoing' },
    ]);
    // Social services and the guardianship authority hear of the new birth date.
    const told = await q<{ kind: string; n: number | string }>(
      'select kind, count(*) as n from notifications where child_id = $1 group by kind',
      [child],
    );
    expect(told.map((r) => r.kind)).toEqual(['age_decision']);
    const perEk = await t.userId('per.ek');
    expect(
      (
        await q<{ user_id: string }>(
          "select user_id from notifications where child_id = $1 and kind = 'age_decision'",
          [child],
        )
      ).map((r) => r.user_id),
    ).toEqual(expect.arrayContaining([ids.sara, perEk]));
  });

  it('a temporary decision that makes the child 18 ends the god man, the placement, the social case and the responsibility, with recorded events', async () => {
    const child = await childInCare('2010-06-01');
    await post(child, 'age/doubt', { doubtedOn: '2026-07-01' });
    await post(child, 'age/medical-assessment', { offeredOn: '2026-07-03', consent: false });
    const res = await post(child, 'age/temporary-decision', {
      decidedOn: '2026-11-20',
      birthDate: '2007-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MigrationView>().age).toMatchObject({
      adultToday: true,
      ageBand: '18+',
      medicalAssessment: { consent: false },
      currentDecision: { kind: 'temporary_decision', adultOnDecision: true },
    });

    const events = await q<{
      machine: string;
      event: string;
      to_state: string;
      occurred_on: string;
      actor_role: string;
      reason: string | null;
    }>(
      "select machine, event, to_state, occurred_on::text, actor_role, details->>'reason' as reason from case_events where child_id = $1 and occurred_on = '2026-11-20' order by recorded_at, machine",
      [child],
    );
    expect(events.map((e) => [e.machine, e.event, e.to_state])).toEqual(
      expect.arrayContaining([
        ['age', 'decide_temporarily', 'temporary_decision'],
        ['guardianship', 'end_by_law', 'ended'],
        ['responsibility', 'end_at_18', 'ended'],
        ['social_case', 'hand_over_case', 'closed'],
        ['placement', 'end', 'ended'],
      ]),
    );
    for (const e of events.filter((x) => x.machine !== 'age')) {
      expect(e.actor_role, `${e.machine}.${e.event}`).toBe('system');
      expect(e.reason, `${e.machine}.${e.event}`).toBe('age_changed');
    }
    expect(
      await q('select to_date::text, end_reason from responsibility_periods where child_id = $1', [child]),
    ).toEqual([{ to_date: '2026-11-20', end_reason: 'age_changed' }]);
    expect(await q('select to_date::text, end_reason from placements where child_id = $1', [child])).toEqual([
      { to_date: '2026-11-20', end_reason: 'age_changed' },
    ]);
    expect(await q('select to_date::text from guardianships where child_id = $1', [child])).toEqual([
      { to_date: '2026-11-20' },
    ]);
    // The child-specific deadlines are closed; the change is on Malmö's list to report to the Migration Agency.
    const open = await q<{ rule: string }>(
      'select rule from deadlines where child_id = $1 and closed_at is null order by rule',
      [child],
    );
    expect(open.map((d) => d.rule)).toEqual(['change-report']);
    const closed = await q<{ rule: string }>(
      'select rule from deadlines where child_id = $1 and closed_at is not null order by rule',
      [child],
    );
    expect(closed.map((d) => d.rule)).toEqual([
      'care-review',
      'continued-responsibility-notice',
      'turning-18-warning',
    ]);
    expect(
      await q('select change, municipality_code, changed_on::text from change_reports where child_id = $1', [
        child,
      ]),
    ).toEqual([{ change: 'turning_18', municipality_code: '1280', changed_on: '2026-11-20' }]);
    expect(
      (
        await q<{ n: number | string }>(
          "select count(*) as n from notifications where child_id = $1 and kind = 'age_decision' and details->>'makesAdult' = 'true'",
          [child],
        )
      )[0]?.n,
    ).not.toBe(0);
  });

  it('an appeal of the temporary decision is recorded once, then the final decision sets the age', async () => {
    const child = await childInCare('2010-06-01');
    await post(child, 'age/doubt', { doubtedOn: '2026-07-01' });
    await post(child, 'age/temporary-decision', { decidedOn: '2026-08-01', birthDate: '2009-09-01' });
    const early = await post(child, 'age/appeal', { appealedOn: '2026-07-31' });
    expect(errorOf(early).fields.map((f) => f.code)).toEqual(['asylum_date_too_early']);
    const appealed = await post(child, 'age/appeal', { appealedOn: '2026-08-10' });
    expect(appealed.json<MigrationView>().age?.currentDecision).toMatchObject({
      kind: 'temporary_decision',
      appealedOn: '2026-08-10',
    });
    // Offered once: the view no longer lists the appeal, the final decision still.
    expect(appealed.json<MigrationView>().age?.steps.map((step) => step.event)).toEqual(['decide_finally']);
    const twice = await post(child, 'age/appeal', { appealedOn: '2026-08-12' });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('age_already_appealed');

    const final = await post(child, 'age/final-decision', {
      decidedOn: '2026-11-10',
      birthDate: '2010-01-01',
    });
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json<MigrationView>().age).toMatchObject({
      state: 'final',
      registeredBirthDate: '2010-01-01',
      currentDecision: { kind: 'final_decision' },
      steps: [],
    });
    expect(
      await q("select count(*)::int as n from field_changes where child_id = $1 and field = 'birthDate'", [
        child,
      ]),
    ).toEqual([{ n: 2 }]);
  });

  it('refuses a birth date on or after the decision date, and a step the machine does not allow', async () => {
    const child = await childInCare();
    await post(child, 'age/doubt', { doubtedOn: '2026-07-01' });
    const res = await post(child, 'age/temporary-decision', {
      decidedOn: '2026-08-01',
      birthDate: '2026-08-01',
    });
    expect(errorOf(res).fields.map((f) => [f.field, f.code])).toEqual([
      ['body.birthDate', 'age_birth_not_before_decision'],
    ]);
    const appeal = await post(child, 'age/appeal', { appealedOn: '2026-08-10' });
    expect(appeal.statusCode).toBe(409);
    expect(errorOf(appeal).code).toBe('transition_not_allowed');
    expect(await q('select count(*)::int as n from age_records where child_id = $1', [child])).toEqual([
      { n: 2 },
    ]);
  });
});
