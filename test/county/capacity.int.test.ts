/**
 * The county board's capacity survey and redistribution of shares (issue 13 points 1 and 2), on both engines: the
 * county sets a period, Malmö reports, the county sees the report beside Anvisa's figures and reminds those who have
 * not reported; a redistribution the rules refuse names the rule's field, one they accept goes to the Migration Agency,
 * which fixes it as a new share version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsequences } from '../../src/case/consequences.ts';
import { followUpsOf } from '../../src/domain/case/consequences.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aProposal, GOAL, REPORT } from './fixtures.ts';

let t: TestApp;
let county: Session;
let reporter: Session;

interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}
interface CountyOverview {
  periods: { id: string; label: string; answered: number }[];
  municipalities: number;
}
interface MunicipalityView {
  periods: { id: string; due: string; mayReport: boolean; report: { version: number } | null }[];
}
interface CountyPeriod {
  answered: number;
  municipalities: {
    code: string;
    due: string;
    reportedPlaces: number | null;
    known: { placedNow: number; sharePromille: number; registeredPlaces: number };
  }[];
  trend: { rows: { code: string; places: (number | null)[] }[] };
}

beforeAll(async () => {
  t = await startTestApp();
  county = await t.login('maria.lst');
  reporter = await t.login('linnea.sand');
});
afterAll(async () => t.close());

describe('the capacity survey', () => {
  let periodId = '';

  it('the county sets a period; one overlapping it or due before it begins is refused field by field', async () => {
    const made = await t.request(county, 'POST', '/api/county/capacity/periods', {
      label: 'Lägesbild hösten 2026',
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
      dueOn: '2026-11-15',
    });
    expect(made.statusCode).toBe(201);
    periodId = made.json<CountyOverview>().periods[0]?.id ?? '';
    const bad = await t.request(county, 'POST', '/api/county/capacity/periods', {
      label: 'Fel',
      startsOn: '2026-12-01',
      endsOn: '2027-05-31',
      dueOn: '2026-11-30',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.dueOn', 'due_before_start'],
      ['body.startsOn', 'overlaps_period'],
    ]);
  });

  it('Malmö owes the report (overdue: the pinned day is past the due day) and gives it', async () => {
    const before = (await t.request(reporter, 'GET', '/api/capacity')).json<MunicipalityView>();
    expect(before.periods[0]).toMatchObject({ id: periodId, due: 'overdue', mayReport: true, report: null });
    const given = await t.request(reporter, 'PUT', `/api/capacity/${periodId}/report`, {
      answers: REPORT,
      expectedVersion: 0,
    });
    expect(given.statusCode).toBe(200);
    expect(given.json<MunicipalityView>().periods[0]).toMatchObject({
      due: 'reported',
      report: { version: 1 },
    });
  });

  it('refuses an inconsistent report, a stale revision and a bad number, keeping the report as it was', async () => {
    const inconsistent = await t.request(reporter, 'PUT', `/api/capacity/${periodId}/report`, {
      answers: { ...REPORT, targetGroups: { girls: 50, younger: 1, special_needs: 0 } },
      expectedVersion: 1,
    });
    expect(inconsistent.statusCode).toBe(422);
    expect(inconsistent.json<ErrorBody>().error.fields).toMatchObject([
      { field: 'body.answers.targetGroups.girls', code: 'exceeds_total_places' },
    ]);
    const stale = await t.request(reporter, 'PUT', `/api/capacity/${periodId}/report`, {
      answers: REPORT,
      expectedVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    const negative = await t.request(reporter, 'PUT', `/api/capacity/${periodId}/report`, {
      answers: { ...REPORT, godMenAvailable: -1 },
      expectedVersion: 1,
    });
    expect(negative.statusCode).toBe(400);
    const view = (await t.request(reporter, 'GET', '/api/capacity')).json<MunicipalityView>();
    expect(view.periods[0]?.report?.version).toBe(1);
  });

  it('the county sees Malmö’s report beside Anvisa’s figures, and the others as overdue', async () => {
    const res = await t.request(county, 'GET', `/api/county/capacity/${periodId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<CountyPeriod>();
    expect(body.answered).toBe(1);
    expect(body.municipalities).toHaveLength(33);
    const malmo = body.municipalities.find((m) => m.code === '1280');
    expect(malmo).toMatchObject({ due: 'reported', reportedPlaces: 42 });
    expect(malmo?.known.sharePromille).toBeGreaterThan(0);
    expect(body.municipalities.find((m) => m.code === '1281')?.due).toBe('overdue');
    expect(body.trend.rows.find((r) => r.code === '1280')?.places).toEqual([42]);
    expect(JSON.stringify(body)).not.toMatch(/firstName|lastName|dossier/);
    // The table shows totals: the report's answers (the self-assessment, the notes) stay on the municipality's route.
    expect(JSON.stringify(body)).not.toContain(REPORT.selfAssessment);
    expect(JSON.stringify(body)).not.toContain(REPORT.healthNote);
    expect(malmo).not.toHaveProperty('report');
  });

  it('reminds the 32 municipalities that have not reported, telling their reporters and unit managers', async () => {
    const res = await t.request(county, 'POST', `/api/county/capacity/${periodId}/reminders`);
    expect(res.statusCode).toBe(201);
    expect(res.json<{ municipalities: number; users: number }>().municipalities).toBe(32);
    const { rows } = await t.database.raw.query<{ subject: string }>(
      `select u.subject from notifications n join users u on u.id = n.user_id where n.kind = 'capacity_reminder'`,
    );
    // Lund's unit manager is told; Malmö has reported, so its reporter is not.
    expect(rows.map((r) => r.subject)).toContain('dev:elin.dahl');
    expect(rows.map((r) => r.subject)).not.toContain('dev:linnea.sand');
  });

  it('sends the reminder’s notice through the consequences table: capacity.reminded tells the users it names', async () => {
    expect(followUpsOf('capacity.reminded').map((f) => f.step)).toEqual(['notification.capacity_reminder']);
    const { rows: users } = await t.database.raw.query<{ id: string }>(
      `select id from users where subject = 'dev:elin.dahl'`,
    );
    const elin = users[0]?.id ?? '';
    await t.database.raw.query(`delete from notifications where kind = 'capacity_reminder'`);
    const now = new Date('2026-11-23T09:00:00Z');
    await runConsequences({ db: t.database.db, now, today: '2026-11-23', actor: null }, 'capacity.reminded', {
      periodId,
      periodLabel: 'Lägesbild hösten 2026',
      dueOn: '2026-11-15',
      municipalityCodes: ['1281'],
      recipientIds: [elin, elin],
    });
    const { rows } = await t.database.raw.query<{
      user_id: string;
      child_id: string | null;
      details: unknown;
    }>(`select user_id, child_id, details from notifications where kind = 'capacity_reminder'`);
    expect(rows).toEqual([
      { user_id: elin, child_id: null, details: { period: 'Lägesbild hösten 2026', dueOn: '2026-11-15' } },
    ]);
  });

  it('another county’s coordinator cannot see the period (404)', async () => {
    const { rows } = await t.database.raw.query<{ id: string }>(
      `select id from organisations where type = 'county_board' and county_code = '22'`,
    );
    await t.database.raw.query(`insert into users (subject, display_name) values ('dev:lst.y', 'Ylva Y')`);
    await t.database.raw.query(
      `insert into role_assignments (user_id, organisation_id, role)
       select id, $1, 'county_coordinator' from users where subject = 'dev:lst.y'`,
      [rows[0]?.id ?? ''],
    );
    const other = await t.login('lst.y');
    expect((await t.request(other, 'GET', `/api/county/capacity/${periodId}`)).statusCode).toBe(404);
    expect((await t.request(other, 'POST', `/api/county/capacity/${periodId}/reminders`)).statusCode).toBe(
      404,
    );
  });
});

describe('the redistribution of shares', () => {
  interface Shares {
    year: number;
    version: { id: string } | null;
    municipalities: { code: string; promille: number }[];
    proposals: { id: string; status: string }[];
    mayPropose: boolean;
  }
  const propose = (transfers: unknown[], year: number) =>
    t.request(county, 'POST', '/api/county/redistributions', {
      year,
      transfers,
      dialogue: 'Dialog med kommunerna under hösten.',
    });

  it('refuses a transfer out of the county and one beyond the ceding share, naming each', async () => {
    const shares = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>();
    const svalov = shares.municipalities.find((m) => m.code === '1214')?.promille ?? 0;
    const res = await propose(
      [
        { fromCode: '1280', toCode: '2281', promille: 1 },
        { fromCode: '1214', toCode: '1280', promille: svalov + 1 },
      ],
      shares.year,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.fields.map((f) => [f.field, f.message])).toEqual([
      ['body.transfers.0.toCode', 'other_county'],
      ['body.transfers.1.promille', `exceeds_share:${svalov}`],
    ]);
  });

  it('accepts Svalöv ceding all to Malmö (down to 0 ‰); the Agency fixes it as a new version', async () => {
    const shares = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>();
    const svalov = shares.municipalities.find((m) => m.code === '1214')?.promille ?? 0;
    const malmo = shares.municipalities.find((m) => m.code === '1280')?.promille ?? 0;
    expect(svalov).toBeGreaterThan(0);
    const res = await propose([{ fromCode: '1214', toCode: '1280', promille: svalov }], shares.year);
    expect(res.statusCode).toBe(201);
    const proposal = res.json<Shares>().proposals[0];
    expect(proposal?.status).toBe('proposed');
    // The version a proposal was made on is the allocation's record, not the answer's: fixing checks the transfers again
    // on the latest version of the year, so no one reads it (no optimistic concurrency rests on it).
    expect(proposal).not.toHaveProperty('baseVersionId');
    expect(res.json<Shares>().mayPropose).toBe(false);
    expect((await propose([{ fromCode: '1281', toCode: '1280', promille: 1 }], shares.year)).statusCode).toBe(
      409,
    );

    const agency = await t.login('anna.alm');
    const fixed = await t.request(
      agency,
      'POST',
      `/api/allocation/redistributions/${proposal?.id ?? ''}/decision`,
      {
        decision: 'fix',
        note: 'Fastställd enligt länets förslag.',
      },
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json<{ status: string; resultVersionId: string }>().status).toBe('fixed');
    const after = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>();
    expect(after.version?.id).toBe(fixed.json<{ resultVersionId: string }>().resultVersionId);
    expect(after.municipalities.find((m) => m.code === '1214')?.promille).toBe(0);
    expect(after.municipalities.find((m) => m.code === '1280')?.promille).toBe(malmo + svalov);
    const again = await t.request(
      agency,
      'POST',
      `/api/allocation/redistributions/${proposal?.id ?? ''}/decision`,
      {
        decision: 'return',
        note: 'Försök att ändra ett avgjort förslag.',
      },
    );
    expect(again.statusCode).toBe(409);
  });

  it('a returned proposal keeps the shares as they were, with the Agency’s reasons', async () => {
    const shares = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>();
    const res = await propose([{ fromCode: '1281', toCode: '1280', promille: 1 }], shares.year);
    const id = res.json<Shares>().proposals.find((p) => p.status === 'proposed')?.id ?? '';
    const agency = await t.login('anna.alm');
    const returned = await t.request(agency, 'POST', `/api/allocation/redistributions/${id}/decision`, {
      decision: 'return',
      note: 'Lund har inte fått yttra sig i dialogen.',
    });
    expect(returned.json<{ status: string; decisionNote: string }>()).toMatchObject({
      status: 'returned',
      decisionNote: 'Lund har inte fått yttra sig i dialogen.',
    });
    const after = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>();
    expect(after.version?.id).toBe(shares.version?.id);
    expect(after.mayPropose).toBe(true);
  });
  it('lists the proposals awaiting the Agency first, then the decided ones, newest first', async () => {
    const year = (await t.request(county, 'GET', '/api/county/shares')).json<Shares>().year;
    // Västernorrland's proposal awaits the Agency, older than Skåne's decided ones (fixed in May, returned in June).
    const awaiting = await aProposal(t, '22', year, [{ fromCode: '2281', toCode: '2280', promille: 1 }]);
    await t.database.raw.query(
      `update redistribution_proposals set proposed_at = case
         when id = $1 then timestamptz '2026-01-15T09:00:00Z'
         when status = 'fixed' then timestamptz '2026-05-15T09:00:00Z'
         else timestamptz '2026-06-15T09:00:00Z' end`,
      [awaiting],
    );
    const agency = await t.login('anna.alm');
    const res = await t.request(agency, 'GET', '/api/allocation/redistributions');
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; status: string; proposedAt: string }[]>();
    expect(list.map((p) => p.status)).toEqual(['proposed', 'returned', 'fixed']);
    expect(list[0]?.id).toBe(awaiting);
    const decided = list.slice(1).map((p) => p.proposedAt);
    expect(decided).toEqual([...decided].sort().reverse());
  });
});

describe('the regional development programme', () => {
  interface Programmes {
    programmes: {
      id: string;
      goals: {
        indicators: {
          kind: string;
          years: { year: number; value: number | null; byGender: unknown; met: boolean | null }[];
        }[];
        followUps: { year: number; assessment: string }[];
      }[];
    }[];
  }
  const codes = async () =>
    (
      await t.database.raw.query<{ code: string }>(`select code from municipalities where county_code = '12'`)
    ).rows.map((r) => r.code);

  it('is adopted for two years with every municipality in the working group; the rules name what is wrong', async () => {
    const all = await codes();
    const bad = await t.request(county, 'POST', '/api/county/programmes', {
      firstYear: 2026,
      lastYear: 2028,
      adoptedOn: '2027-01-10',
      workingGroup: all.slice(1),
      goals: [GOAL],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.lastYear', 'two_years'],
      ['body.adoptedOn', 'adopted_after_start'],
      ['body.workingGroup', 'not_all_represented'],
    ]);
    const made = await t.request(county, 'POST', '/api/county/programmes', {
      firstYear: 2026,
      lastYear: 2027,
      adoptedOn: '2025-12-10',
      workingGroup: all,
      goals: [GOAL],
    });
    expect(made.statusCode).toBe(201);
    const programme = made.json<Programmes>().programmes[0];
    const indicators = programme?.goals[0]?.indicators ?? [];
    // 2026 so far (the pinned day is in 2026): one value per indicator; the capacity share counts this file's period.
    expect(indicators.map((i) => i.years.map((y) => y.year))).toEqual([[2026], [2026], [2026], [2026]]);
    const capacity = indicators.find((i) => i.kind === 'capacity_reported_share')?.years[0];
    expect(capacity?.value).toBeCloseTo((100 * 1) / 33, 1);
    expect(capacity?.met).toBe(false);
    expect(capacity?.byGender).toBeNull();
  });

  it('records a year’s follow-up of a goal, and refuses a year outside the programme', async () => {
    const list = (await t.request(county, 'GET', '/api/county/programmes')).json<Programmes>();
    const id = list.programmes[0]?.id ?? '';
    const outside = await t.request(county, 'POST', `/api/county/programmes/${id}/follow-ups`, {
      year: 2025,
      goalIndex: 0,
      assessment: 'Före programmets tid.',
    });
    expect(outside.statusCode).toBe(422);
    const ok = await t.request(county, 'POST', `/api/county/programmes/${id}/follow-ups`, {
      year: 2026,
      goalIndex: 0,
      assessment: 'Tiden till god man kortades under året.',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Programmes>().programmes[0]?.goals[0]?.followUps).toMatchObject([
      { year: 2026, assessment: 'Tiden till god man kortades under året.' },
    ]);
  });
});
