/**
 * Key figures over the database: the area each role sees, school start against the 30-day goal, reviews on time,
 * the god man appointment time — split by gender and age band with cells under five suppressed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { stockholmDate } from '../../src/domain/time.ts';

let t: TestApp;
interface Cell {
  gender: string;
  ageBand: string;
  n: number | null;
  suppressed: boolean;
  medianDays: number | null;
  withinGoal: number | null;
}
interface Figures {
  area: { kind: string; code: string | null };
  schoolStart: Cell[];
  careReviews: Cell[];
  godManAppointment: Cell[];
  anvisning: Cell[];
}
const cell = (cells: Cell[], gender: string, band: string) =>
  cells.find((c) => c.gender === gender && c.ageBand === band);

/** Children with an arrival in `code`, a school-start clock and (for some) a school start `days` after arrival. */
async function schoolChildren(
  code: string,
  gender: string,
  birthDate: string,
  startDays: (number | null)[],
): Promise<void> {
  const { rows: orgs } = await t.database.raw.query<{ id: string }>(
    `select id from organisations where type = 'municipality' and municipality_code = '${code}'`,
  );
  const { rows: users } = await t.database.raw.query<{ id: string }>(
    `select id from users where subject = 'dev:sara.lind'`,
  );
  const org = orgs[0]?.id ?? '';
  const user = users[0]?.id ?? '';
  let n = 0;
  for (const days of startDays) {
    n++;
    const dossier = `7${code}${gender === 'female' ? 1 : 2}${String(n).padStart(3, '0')}`;
    const { rows } = await t.database.raw.query<{ id: string }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id) values ('${dossier}', 'Test', 'Barn', '${birthDate}', '${gender}', '${org}') returning id`,
    );
    const id = rows[0]?.id ?? '';
    await t.database.raw.exec(`
      insert into responsibility_periods (child_id, municipality_code, kind, from_date, owner_organisation_id) values ('${id}', '${code}', 'assigned', '2024-03-01', '${org}');
      insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ('${id}', 'school-start', '2024-04-01', '2024-03-01', 'social_services', '${code}');
    `);
    if (days !== null) {
      await t.database.raw.exec(
        `insert into school_enrolments (child_id, municipality_code, school, programme, enrolled_on, started_on, recorded_by) values ('${id}', '${code}', 'Skola', 'språkintroduktion', '2024-03-02', date '2024-03-01' + ${days}, '${user}')`,
      );
    }
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await schoolChildren('1280', 'male', '2008-01-15', [10, 20, 25, 31, 40, null]);
  await schoolChildren('1280', 'female', '2008-01-15', [12, 50]);
  await schoolChildren('2281', 'male', '2008-01-15', [5, 6, 7, 8, 9]);
});
afterAll(async () => t.close());

describe('key figures', () => {
  it('show the municipality its own school starts by gender and age band, exact', async () => {
    const res = await t.request(
      await t.login('karin.berg'),
      'GET',
      '/api/statistics/key-figures?from=2024-01-01&to=2024-12-31',
    );
    expect(res.statusCode).toBe(200);
    const figures = res.json<Figures>();
    expect(figures.area).toEqual({ kind: 'municipality', code: '1280' });
    // Six boys aged 16 at arrival: 10, 20, 25, 31, 40 days and one not started; median of the five is 25; 3 of 6 within 30.
    expect(cell(figures.schoolStart, 'male', '16-17')).toMatchObject({
      n: 6,
      medianDays: 25,
      withinGoal: 0.5,
    });
    // The municipality's own two girls: exact, since it is responsible for them.
    expect(cell(figures.schoolStart, 'female', '16-17')).toMatchObject({
      n: 2,
      suppressed: false,
      medianDays: 31,
    });
    expect(cell(figures.schoolStart, 'all', 'all')?.n).toBeGreaterThanOrEqual(8);
    expect(res.body).not.toMatch(/Test|Barn|dossier/);
  });
  it('show the county board its county and not another county; another municipality sees none of Malmö’s', async () => {
    const county = (
      await t.request(
        await t.login('maria.lst'),
        'GET',
        '/api/statistics/key-figures?from=2024-01-01&to=2024-12-31',
      )
    ).json<Figures>();
    expect(county.area).toEqual({ kind: 'county', code: '12' });
    // The two girls are hidden from the county board, and the six boys with them: 8 − 6 would give the girls away.
    expect(cell(county.schoolStart, 'female', '16-17')).toMatchObject({ n: null, suppressed: true });
    expect(cell(county.schoolStart, 'male', '16-17')).toMatchObject({ n: null, suppressed: true });
    expect(cell(county.schoolStart, 'all', '16-17')?.n).toBe(8);
    const lund = (
      await t.request(
        await t.login('elin.dahl', 'Lund'),
        'GET',
        '/api/statistics/key-figures?from=2024-01-01&to=2024-12-31',
      )
    ).json<Figures>();
    expect(lund.area.code).toBe('1281');
    expect(cell(lund.schoolStart, 'all', 'all')?.n).toBe(0);
    const nation = (
      await t.request(
        await t.login('anna.alm'),
        'GET',
        '/api/statistics/key-figures?from=2024-01-01&to=2024-12-31',
      )
    ).json<Figures>();
    expect(cell(nation.schoolStart, 'all', '16-17')?.n).toBe(13);
    expect(cell(nation.schoolStart, 'female', '16-17')?.suppressed).toBe(true);
  });
  it('count the days from arrival to anvisning, a child still waiting past the goal as not within it', async () => {
    const karin = await t.login('karin.berg');
    const today = stockholmDate(t.clock.now);
    const from = `${Number(today.slice(0, 4)) - 2}-01-01`;
    const read = async () =>
      cell(
        (
          await t.request(karin, 'GET', `/api/statistics/key-figures?from=${from}&to=${today}`)
        ).json<Figures>().anvisning,
        'all',
        'all',
      );
    const before = await read();
    expect(before?.n).toBeGreaterThan(0);
    const within = Math.round((before?.withinGoal ?? 0) * (before?.n ?? 0));
    // A child arrived in Malmö ten days ago and not yet assigned: counted, not within the three days.
    const { rows: orgs } = await t.database.raw.query<{ id: string }>(
      `select id from organisations where type = 'municipality' and municipality_code = '1280'`,
    );
    const { rows } = await t.database.raw.query<{ id: string }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
       values ('71280999', 'Test', 'Barn', '2010-05-05', 'male', $1) returning id`,
      [orgs[0]?.id ?? ''],
    );
    await t.database.raw.query(
      `insert into responsibility_periods (child_id, municipality_code, kind, from_date, owner_organisation_id)
       values ($1, '1280', 'arrival', $2::date - 10, $3)`,
      [rows[0]?.id ?? '', today, orgs[0]?.id ?? ''],
    );
    const after = await read();
    expect(after?.n).toBe((before?.n ?? 0) + 1);
    expect(Math.round((after?.withinGoal ?? 0) * (after?.n ?? 0))).toBe(within);
  });
  it('refuses a period that ends before it begins, naming the field', async () => {
    const res = await t.request(
      await t.login('karin.berg'),
      'GET',
      '/api/statistics/key-figures?from=2026-05-01&to=2026-01-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('from');
  });
});
