/**
 * The arrivals forecast over the database (issue 15): the history from the Agency's recorded months and Anvisa's own
 * count, the national forecast with its band, the official forecast scaling the current year, the county's
 * municipalities with their share and reported capacity, the accuracy against the published history, and the
 * history's immutability. The clock is pinned to 2026-11-23: the last whole month is 2026-10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totalPlaces } from '../../src/domain/county/capacity.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aPeriod, REPORT } from '../county/fixtures.ts';

let t: TestApp;
let agency: Session;
let county: Session;

interface Month {
  month: string;
  expected: number;
  p10: number;
  p90: number;
}
interface Forecast {
  scope: { kind: string; code: string | null };
  history: { month: string; count: number; source: 'recorded' | 'anvisa' }[];
  national: Month[] | null;
  official: { year: number; forecast: number; publishedOn: string; source: string } | null;
  municipalities: {
    municipalityCode: string;
    name: string;
    sharePromille: number;
    expected: number;
    p10: number;
    p90: number;
    capacity: number | null;
  }[];
}
interface Accuracy {
  rows: {
    year: number;
    publishedOn: string;
    forecast: number;
    source: string;
    outcome: number | null;
    error: number | null;
    relativeError: number | null;
  }[];
}
interface Fields {
  error: { code: string; fields: { field: string; code: string }[] };
}

/** A seasonal monthly series: more in the autumn, a level that falls a little each year. */
const seriesCount = (month: string) => {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Math.round((120 - (year - 2021) * 8) * (1 + 0.4 * Math.sin(((m - 4) / 12) * 2 * Math.PI)));
};

function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (`${year}-${String(month).padStart(2, '0')}` <= to) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

async function record(month: string, count: number, seconds = 0): Promise<void> {
  await t.database.raw.query(
    `insert into arrival_history (month, count, source, recorded_by, recorded_at)
     values ($1, $2, 'Migrationsverket, månadsstatistik', (select id from users where subject = 'dev:anna.alm'),
       now() + make_interval(secs => $3))`,
    [month, count, seconds],
  );
}

async function arrive(code: string, dossier: string, on: string): Promise<void> {
  const { rows } = await t.database.raw.query<{ id: string; org: string }>(
    `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
     select $1, 'Prognos', 'Barn', '2010-01-01', 'female', id from organisations
      where type = 'municipality' and municipality_code = $2 returning id, owner_organisation_id as org`,
    [dossier, code],
  );
  await t.database.raw.query(
    `insert into responsibility_periods (child_id, municipality_code, kind, from_date, owner_organisation_id)
     values ($1, $2, 'arrival', $3, $4)`,
    [rows[0]?.id ?? '', code, on, rows[0]?.org ?? ''],
  );
}

async function forecast(session: Session, query = ''): Promise<Forecast> {
  const res = await t.request(session, 'GET', `/api/statistics/forecast${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.body).not.toMatch(/Prognos|Barn"/);
  return res.json<Forecast>();
}

let demoOctober = 0;

beforeAll(async () => {
  t = await startTestApp();
  agency = await t.login('anna.alm');
  county = await t.login('maria.lst');
});
afterAll(async () => t.close());

describe('the forecast', () => {
  it('rests on the demo’s recorded months up to its first arrival and Anvisa’s own count after', async () => {
    const demo = await forecast(agency);
    const sources = demo.history.map((h) => h.source);
    const firstOwn = sources.indexOf('anvisa');
    expect(firstOwn).toBeGreaterThanOrEqual(36);
    expect(sources.slice(firstOwn).every((source) => source === 'anvisa')).toBe(true);
    expect(demo.history.at(-1)?.month).toBe('2026-10');
    expect(demo.national).toHaveLength(12);
    demoOctober = demo.history.find((h) => h.month === '2026-10')?.count ?? 0;
  });

  it('forecasts twelve months with the band around the median from the recorded and own history', async () => {
    for (const month of monthsFrom('2021-01', '2026-09')) await record(month, seriesCount(month));
    // A corrected month: the later row counts.
    await record('2024-05', 999, 10);
    await record('2024-05', 111, 20);
    // Anvisa's own arrivals: September is recorded (the record wins), October is not (Anvisa's count stands).
    await arrive('1280', '79300001', '2026-09-10');
    await arrive('1280', '79300002', '2026-10-05');
    await arrive('1281', '79300003', '2026-10-06');

    const result = await forecast(agency);
    expect(result.scope).toEqual({ kind: 'nation', code: null });
    const byMonth = new Map(result.history.map((h) => [h.month, h]));
    expect(byMonth.get('2024-05')).toEqual({ month: '2024-05', count: 111, source: 'recorded' });
    expect(byMonth.get('2026-09')).toEqual({
      month: '2026-09',
      count: seriesCount('2026-09'),
      source: 'recorded',
    });
    expect(byMonth.get('2026-10')).toEqual({ month: '2026-10', count: demoOctober + 2, source: 'anvisa' });
    expect(byMonth.get('2021-01')?.source).toBe('recorded');
    expect(result.history.at(-1)?.month).toBe('2026-10');
    // Consecutive months, no gap.
    const months = result.history.map((h) => h.month);
    expect(months).toEqual(monthsFrom(months[0] ?? '', '2026-10'));

    expect(result.national?.map((m) => m.month)).toEqual(monthsFrom('2026-11', '2027-10'));
    for (const m of result.national ?? []) {
      expect(m.p10, m.month).toBeLessThanOrEqual(m.expected);
      expect(m.expected, m.month).toBeLessThanOrEqual(m.p90);
      expect(m.p10, m.month).toBeGreaterThanOrEqual(0);
    }
    // A seasonal series around a hundred a month: the forecast is of that order, not of 0 or 10 000.
    const total = (result.national ?? []).reduce((sum, m) => sum + m.expected, 0);
    expect(total).toBeGreaterThan(12 * 20);
    expect(total).toBeLessThan(12 * 400);

    const six = await forecast(agency, '?months=6');
    expect(six.national?.map((m) => m.month)).toEqual(monthsFrom('2026-11', '2027-04'));
  });

  it('lets the official forecast recorded with its publication day set the level of the current year', async () => {
    // The demo recorded a forecast for 2026; the latest recorded is the one in force.
    const before = await forecast(agency);
    const seeded = before.official?.forecast ?? 0;
    expect(seeded).toBeGreaterThan(0);
    const eva = await t.login('eva.strom');
    const res = await t.request(eva, 'POST', '/api/compensation/forecasts', {
      year: 2026,
      forecast: 2 * seeded,
      source: 'Migrationsverkets verksamhets- och utgiftsprognos oktober 2026',
      publishedOn: '2026-10-27',
    });
    expect(res.statusCode, res.body).toBe(201);

    const after = await forecast(agency);
    expect(after.official).toEqual({
      year: 2026,
      forecast: 2 * seeded,
      publishedOn: '2026-10-27',
      source: 'Migrationsverkets verksamhets- och utgiftsprognos oktober 2026',
    });
    // Twice the yearly figure: twice the pace for November and December, the band with them (not a gap the last
    // months must make up); 2027 untouched.
    const [nov, dec] = after.national ?? [];
    const [nov0, dec0] = before.national ?? [];
    expect(nov?.month).toBe('2026-11');
    expect((nov?.expected ?? 0) / (nov0?.expected ?? 1)).toBeCloseTo(2, 6);
    expect((dec?.expected ?? 0) / (dec0?.expected ?? 1)).toBeCloseTo(2, 6);
    expect((nov?.p90 ?? 0) / (nov0?.p90 ?? 1)).toBeCloseTo(2, 6);
    expect(after.national?.slice(2)).toEqual(before.national?.slice(2));
  });

  it('refuses a publication day to come, naming the field, and records nothing', async () => {
    const eva = await t.login('eva.strom');
    const count = async () =>
      Number(
        (await t.database.raw.query<{ n: string }>('select count(*) as n from compensation_forecasts'))
          .rows[0]?.n,
      );
    const before = await count();
    const res = await t.request(eva, 'POST', '/api/compensation/forecasts', {
      year: 2027,
      forecast: 900,
      source: 'Migrationsverkets prognos',
      publishedOn: '2026-11-24',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<Fields>().error.fields).toMatchObject([
      { field: 'body.publishedOn', code: 'published_in_future' },
    ]);
    expect(await count()).toBe(before);
  });

  it('shows the county its own municipalities with their share and latest reported capacity', async () => {
    const older = await aPeriod(t, '12', {
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      dueOn: '2026-01-15',
    });
    const newer = await aPeriod(t, '12', {
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
      dueOn: '2026-07-15',
    });
    const smaller = { ...REPORT, places: { ...REPORT.places, hvb_own: { guaranteed: 1, movable: 0 } } };
    const report = (period: string, code: string, answers: object) =>
      t.database.raw.query(
        `insert into capacity_reports (period_id, municipality_code, answers, reported_by, reported_at)
         values ($1, $2, $3::jsonb, (select id from users where subject = 'dev:linnea.sand'), now())`,
        [period, code, JSON.stringify(answers)],
      );
    await report(older, '1280', REPORT);
    await report(newer, '1280', smaller);
    await report(older, '1281', REPORT);

    const result = await forecast(county);
    expect(result.scope).toEqual({ kind: 'county', code: '12' });
    const { rows: skane } = await t.database.raw.query<{ code: string }>(
      `select code from municipalities where code like '12%' order by code`,
    );
    expect(result.municipalities.map((m) => m.municipalityCode)).toEqual(skane.map((m) => m.code));
    const malmo = result.municipalities.find((m) => m.municipalityCode === '1280');
    const lund = result.municipalities.find((m) => m.municipalityCode === '1281');
    expect(malmo?.capacity).toBe(totalPlaces(smaller));
    expect(malmo?.capacity).not.toBe(totalPlaces(REPORT));
    expect(lund?.capacity).toBe(totalPlaces(REPORT));
    expect(result.municipalities.find((m) => m.municipalityCode === '1282')?.capacity ?? null).toBeNull();

    const { rows: shares } = await t.database.raw.query<{ code: string; promille: number }>(
      `select municipality_code as code, promille from share_values where version_id =
         (select id from share_versions where valid_from <= '2026-11-23' order by valid_from desc, decided_at desc limit 1)`,
    );
    const national = (result.national ?? []).reduce((sum, m) => sum + m.expected, 0);
    for (const m of result.municipalities) {
      const share = shares.find((s) => s.code === m.municipalityCode)?.promille ?? 0;
      expect(m.sharePromille, m.municipalityCode).toBe(share);
      expect(m.expected, m.municipalityCode).toBeCloseTo((national * share) / 1000, 6);
      expect(m.p10).toBeLessThanOrEqual(m.expected);
      expect(m.expected).toBeLessThanOrEqual(m.p90);
    }
    // The national series is the same whoever reads it.
    expect(result.national).toEqual((await forecast(agency)).national);
  });

  it('answers a municipality with itself alone', async () => {
    const result = await forecast(await t.login('karin.berg'));
    expect(result.scope).toEqual({ kind: 'municipality', code: '1280' });
    expect(result.municipalities.map((m) => m.municipalityCode)).toEqual(['1280']);
  });

  it.each(['0', '25', '1.5', 'x'])('refuses months=%s, naming the field', async (months) => {
    const res = await t.request(agency, 'GET', `/api/statistics/forecast?months=${months}`);
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.fields.map((f) => f.field)).toEqual(['querystring.months']);
  });

  it('writes its audit event', async () => {
    const res = await t.request(county, 'GET', '/api/statistics/forecast');
    const { rows } = await t.database.raw.query<{ kind: string; outcome: string; child_ids: string[] }>(
      'select kind, outcome, child_ids from audit_events where request_id = $1',
      [String(res.headers['x-request-id'])],
    );
    expect(rows).toEqual([{ kind: 'statistics.forecast.read', outcome: 'allowed', child_ids: [] }]);
  });
});

describe('the forecast accuracy', () => {
  it('sets the published forecasts and the recorded one against their outcomes', async () => {
    const res = await t.request(county, 'GET', '/api/statistics/forecast-accuracy');
    expect(res.statusCode).toBe(200);
    const { rows } = res.json<Accuracy>();
    expect(rows.find((r) => r.year === 2015 && r.publishedOn === '2015-02-01')).toMatchObject({
      forecast: 7800,
      outcome: 35369,
      error: 7800 - 35369,
    });
    expect(rows.find((r) => r.year === 2016 && r.publishedOn === '2016-10-01')).toMatchObject({
      forecast: 2400,
      outcome: 2199,
      error: 201,
    });
    // The year recorded month by month counts its own months: 2025 is the history's sum.
    const recorded2025 = monthsFrom('2025-01', '2025-12').reduce((sum, m) => sum + seriesCount(m), 0);
    const forecast2025 = rows.filter((r) => r.year === 2025);
    expect(forecast2025.length).toBeGreaterThan(0);
    for (const row of forecast2025) expect(row.outcome).toBe(recorded2025);
    // The forecast recorded above, for a year not yet over: no outcome yet.
    expect(rows.find((r) => r.year === 2026 && r.publishedOn === '2026-10-27')).toMatchObject({
      outcome: null,
      error: null,
    });
    // In order of year and publication.
    const order = rows.map((r) => `${r.year} ${r.publishedOn}`);
    expect(order).toEqual([...order].sort());
  });
});

describe('the arrival history', () => {
  it('cannot be changed or deleted: a correction is a new row', async () => {
    await expect(
      t.database.raw.exec(`update arrival_history set count = 1 where month = '2024-05'`),
    ).rejects.toThrow();
    await expect(
      t.database.raw.exec(`delete from arrival_history where month = '2024-05'`),
    ).rejects.toThrow();
    const { rows } = await t.database.raw.query<{ count: number }>(
      `select count from arrival_history where month = '2024-05' order by seq`,
    );
    expect(rows.map((r) => r.count).slice(-3)).toEqual([seriesCount('2024-05'), 999, 111]);
  });

  it('gives no national forecast while the history is shorter than three years', async () => {
    // Only here, at the end: the record is taken away behind its guard's back, leaving Anvisa's own 13 months.
    await t.database.raw.exec(`
      alter table arrival_history disable trigger arrival_history_immutable;
      delete from arrival_history;
      alter table arrival_history enable trigger arrival_history_immutable;
    `);
    const shortened = await forecast(agency);
    expect(shortened.history.length).toBeGreaterThan(0);
    expect(shortened.history.length).toBeLessThan(36);
    expect(shortened.history.every((h) => h.source === 'anvisa')).toBe(true);
    expect(shortened.national).toBeNull();
    expect(shortened.municipalities).toEqual([]);
    const accuracy = await t.request(county, 'GET', '/api/statistics/forecast-accuracy');
    expect(accuracy.statusCode).toBe(200);
  });
});
