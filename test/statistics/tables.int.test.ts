/**
 * The statistics tables over the database (issue 15): exact for the responsible municipality, protected by
 * disclosure control for a county board and the Agency and in every export; the CSV and ODS files; a 400 naming the
 * field for every bad request; the audit events; no names; every measure with every extra dimension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureProblems, type ProtectedTable } from '../../src/domain/statistics/disclosure.ts';
import { EXTRA_DIMENSIONS, MEASURES } from '../../src/domain/statistics/dimensions.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let lund: Session;
let malmo: Session;
let county: Session;
let agency: Session;

interface Table {
  measure: string;
  from: string;
  to: string;
  scope: { kind: string; code: string | null };
  exact: boolean;
  dimensions: { name: string; values: { code: string; label: string | null }[] }[];
  cells: { key: string[]; count: number | null }[];
  suppressed: number;
}
interface Fields {
  error: { code: string; fields: { field: string; code: string }[] };
}

/** Names and dossier numbers no statistics answer may carry. */
const FIRST_NAME = 'Zebulonia';
const LAST_NAME = 'Statistiksson';
const DOSSIER_PREFIX = '7919';
const PERIOD = 'from=2019-01&to=2019-06';

/** `n` children of `gender` whose first responsibility is in `code` from `arrival` (a month no demo child arrives in). */
async function arrivals(code: string, gender: string, birthDate: string, arrival: string, n: number) {
  const { rows: orgs } = await t.database.raw.query<{ id: string }>(
    `select id from organisations where type = 'municipality' and municipality_code = $1`,
    [code],
  );
  const org = orgs[0]?.id ?? '';
  for (let i = 1; i <= n; i++) {
    const dossier = `${DOSSIER_PREFIX}${code.slice(2)}${gender === 'female' ? 1 : 2}${i}`;
    const { rows } = await t.database.raw.query<{ id: string }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, owner_organisation_id)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [dossier, FIRST_NAME, LAST_NAME, birthDate, gender, org],
    );
    await t.database.raw.query(
      `insert into responsibility_periods (child_id, municipality_code, kind, from_date, owner_organisation_id)
       values ($1, $2, 'arrival', $3, $4)`,
      [rows[0]?.id ?? '', code, arrival, org],
    );
  }
}

const cellOf = (table: Table, key: string[]) =>
  table.cells.find((c) => c.key.length === key.length && c.key.every((v, i) => v === key[i]));

const asProtected = (table: Table): ProtectedTable => ({
  dimensions: table.dimensions.map((d) => ({ name: d.name, values: d.values.map((v) => v.code) })),
  cells: table.cells.map((c) => ({
    key: c.key,
    count: c.count,
    suppressed: c.count === null,
    primary: false,
  })),
});

/** The checks every protected answer must pass: the rules hold, no count of 1–4 is shown, no name. */
function expectProtected(table: Table, body: string): void {
  expect(table.exact).toBe(false);
  expect(disclosureProblems(asProtected(table))).toEqual([]);
  const small = table.cells.filter((c) => c.count !== null && c.count >= 1 && c.count <= 4);
  expect(small).toEqual([]);
  expect(table.suppressed).toBe(table.cells.filter((c) => c.count === null).length);
  expectNoNames(body);
}

function expectNoNames(body: string): void {
  expect(body).not.toContain(FIRST_NAME);
  expect(body).not.toContain(LAST_NAME);
  expect(body).not.toMatch(new RegExp(`${DOSSIER_PREFIX}[0-9]{4}`));
}

async function get(session: Session, url: string) {
  const res = await t.request(session, 'GET', url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).not.toBe(500);
  return res;
}

async function auditOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{
    kind: string;
    outcome: string;
    child_ids: string[];
    payload: Record<string, unknown> | null;
  }>('select kind, outcome, child_ids, payload from audit_events where request_id = $1', [
    String(res.headers['x-request-id']),
  ]);
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  // Lund: three girls aged 14 at arrival; Malmö: twelve boys aged 17; one Lund boy in another month.
  await arrivals('1281', 'female', '2004-06-01', '2019-03-10', 3);
  await arrivals('1280', 'male', '2002-01-01', '2019-03-15', 12);
  await arrivals('1281', 'male', '2003-02-01', '2019-05-02', 1);
  // The Malmö boys: Eritrean, each placed in an HVB, offered a health examination, with a permit, and 18 on 2020-01-01.
  await t.database.raw.exec(`
    insert into child_intake (child_id, name_variants, languages, interpreter_needed, citizenship, owner_organisation_id)
      select c.id, '{}', '{}', false, ' eritrea ', c.owner_organisation_id from children c where c.dossier_number like '${DOSSIER_PREFIX}802%';
    insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, decided_by)
      select c.id, '1280', (select provider_id from organisations where type = 'provider' limit 1), 'hvb', 'SoL', '2019-03-20',
        (select id from users where subject = 'dev:karin.berg') from children c where c.dossier_number like '${DOSSIER_PREFIX}802%';
    insert into health_examinations (child_id, county_code, offered_on, recorded_by)
      select c.id, '12', '2019-04-02', (select id from users where subject = 'dev:lena.holm')
        from children c where c.dossier_number like '${DOSSIER_PREFIX}802%';
    insert into asylum_cases (child_id, applied_on, interview_dates, decision)
      select c.id, '2019-03-16', '{}', 'permanent_permit' from children c where c.dossier_number like '${DOSSIER_PREFIX}802%';
    update responsibility_periods set to_date = '2020-01-01', end_reason = 'turned_18'
      where child_id in (select id from children where dossier_number like '${DOSSIER_PREFIX}802%');
  `);
  lund = await t.login('elin.dahl', 'Lund');
  malmo = await t.login('karin.berg');
  county = await t.login('maria.lst');
  agency = await t.login('anna.alm');
});
afterAll(async () => t.close());

describe('a table of arrivals', () => {
  it('is exact for the municipality’s own unit manager: its three girls as three', async () => {
    const res = await get(lund, `/api/statistics/tables?measure=arrivals&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const table = res.json<Table>();
    expect(table).toMatchObject({ exact: true, scope: { kind: 'municipality', code: '1281' } });
    expect(table.dimensions.map((d) => d.name)).toEqual(['period', 'area', 'gender']);
    expect(table.dimensions[1]?.values).toEqual([{ code: '1281', label: 'Lund' }]);
    expect(cellOf(table, ['2019-03', '1281', 'female'])?.count).toBe(3);
    expect(cellOf(table, ['2019-05', '1281', 'male'])?.count).toBe(1);
    expect(cellOf(table, ['total', 'total', 'total'])?.count).toBe(4);
    expect(table.suppressed).toBe(0);
    // Only the own municipality: Malmö's twelve boys are not in it.
    expect(cellOf(table, ['2019-03', 'total', 'male'])?.count).toBe(0);
    expectNoNames(res.body);
  });

  it('is protected for the county board: the three hidden, the rules hold, no count of 1–4 shown', async () => {
    const res = await get(county, `/api/statistics/tables?measure=arrivals&${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const table = res.json<Table>();
    expect(table.scope).toEqual({ kind: 'county', code: '12' });
    const { rows: skane } = await t.database.raw.query<{ code: string }>(
      `select code from municipalities where code like '12%' order by code`,
    );
    expect(table.dimensions[1]?.values.map((v) => v.code)).toEqual(skane.map((m) => m.code));
    expect(table.cells).toHaveLength(7 * (skane.length + 1) * 4);
    expect(cellOf(table, ['2019-03', '1281', 'female'])?.count).toBeNull();
    expect(cellOf(table, ['2019-05', '1281', 'male'])?.count).toBeNull();
    expect(table.suppressed).toBeGreaterThan(0);
    expectProtected(table, res.body);
    // Zeros are shown, and a published grand total is the exact sum.
    expect(cellOf(table, ['2019-01', '1280', 'female'])?.count).toBe(0);
    const grand = cellOf(table, ['total', 'total', 'total'])?.count;
    if (grand !== null) expect(grand).toBe(16);
  });

  it('is protected for the Agency, by county, by year', async () => {
    const res = await get(agency, `/api/statistics/tables?measure=arrivals&${PERIOD}&period=year`);
    expect(res.statusCode).toBe(200);
    const table = res.json<Table>();
    expect(table).toMatchObject({ scope: { kind: 'nation', code: null }, area: 'county', period: 'year' });
    expect(table.dimensions[0]?.values.map((v) => v.code)).toEqual(['2019']);
    expect(table.dimensions[1]?.values).toHaveLength(21);
    expectProtected(table, res.body);
    const skaneBoys = cellOf(table, ['2019', '12', 'male'])?.count;
    if (skaneBoys !== null) expect(skaneBoys).toBe(13);
  });

  it('counts the age group at arrival and leaves no child out of a margin', async () => {
    const res = await get(lund, `/api/statistics/tables?measure=arrivals&${PERIOD}&by=ageGroup&area=none`);
    expect(res.statusCode).toBe(200);
    const table = res.json<Table>();
    expect(table.dimensions.map((d) => d.name)).toEqual(['period', 'gender', 'ageGroup']);
    expect(cellOf(table, ['2019-03', 'female', '13-15'])?.count).toBe(3);
    expect(cellOf(table, ['2019-05', 'male', '16-17'])?.count).toBe(1);
    expect(cellOf(table, ['total', 'total', 'total'])?.count).toBe(4);
  });
});

describe('the other measures and the dimensions', () => {
  it('count the Malmö boys’ placements, examinations and 18th birthdays, by housing form, nationality and stage', async () => {
    const expectBoys = async (measure: string, by: string, month: string, key: string) => {
      const res = await get(
        malmo,
        `/api/statistics/tables?measure=${measure}&from=2019-01&to=2020-12&by=${by}`,
      );
      expect(res.statusCode).toBe(200);
      const table = res.json<Table>();
      expect(cellOf(table, [month, '1280', 'male', key])?.count, `${measure} by ${by}`).toBe(12);
      expect(cellOf(table, ['total', 'total', 'total', 'total'])?.count, `${measure} by ${by}`).toBe(12);
      expectNoNames(res.body);
    };
    await expectBoys('placements', 'housingForm', '2019-03', 'hvb');
    await expectBoys('health_offered', 'housingForm', '2019-04', 'hvb');
    await expectBoys('health_offered', 'nationality', '2019-04', 'Eritrea');
    await expectBoys('turned_18', 'asylumStage', '2020-01', 'permit');
    await expectBoys('turned_18', 'ageGroup', '2020-01', '16-17');
    await expectBoys('arrivals', 'housingForm', '2019-03', 'none');
  });
});

describe('the export', () => {
  it('is a protected CSV with its header, ".." for the hidden and the note after an empty line', async () => {
    const res = await get(county, `/api/statistics/tables/export?measure=arrivals&${PERIOD}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="anvisa-arrivals-2019-01-2019-06.csv"; filename*=UTF-8''anvisa-arrivals-2019-01-2019-06.csv`,
    );
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('period,omrade,kon,antal');
    expect(lines).toContain('2019-03,1281 Lund,flicka,..');
    const blank = lines.indexOf('');
    expect(blank).toBe(1 + 7 * 34 * 4);
    expect(lines[blank + 1]).toMatch(/^"Ankomna barn \(första dagen i en kommuns ansvar\), 2019-01–2019-06/);
    const counts = lines.slice(1, blank).map((line) => line.split(',').at(-1));
    const hidden = counts.filter((c) => c === '..').length;
    expect(hidden).toBeGreaterThan(0);
    // The note in CSV quoting (its quotes doubled), with the number of cells hidden.
    expect(lines.slice(blank + 1).join('\n')).toContain(
      `"Röjandeskydd: antal 1–4 visas som "".."" och ytterligare celler döljs så att ingen dold cell kan räknas fram ur en summa (${hidden} dolda celler). 0 visas."`,
    );
    for (const count of counts) expect(count).toMatch(/^(\.\.|0|[5-9]|[1-9][0-9]+)$/);
    expectNoNames(res.body);
  });

  it('is protected for the municipality too, although its table on screen is exact', async () => {
    const res = await get(lund, `/api/statistics/tables/export?measure=arrivals&${PERIOD}&format=csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.split('\n');
    expect(lines).toContain('2019-03,1281 Lund,flicka,..');
    expect(lines).not.toContain('2019-03,1281 Lund,flicka,3');
    expect(res.body).toMatch(/Röjandeskydd/);
    expect(res.body).not.toMatch(/Exakta siffror/);
  });

  it('is an OpenDocument spreadsheet whose first entry is the stored mimetype', async () => {
    const res = await get(lund, `/api/statistics/tables/export?measure=arrivals&${PERIOD}&format=ods`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(res.headers['content-disposition']).toContain('anvisa-arrivals-2019-01-2019-06.ods');
    const bytes = res.rawPayload;
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50); // a local file header
    expect(bytes.readUInt16LE(8)).toBe(0); // stored, not deflated
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    expect(bytes.subarray(30, 30 + nameLength).toString('latin1')).toBe('mimetype');
    const start = 30 + nameLength + extraLength;
    const mimetype = 'application/vnd.oasis.opendocument.spreadsheet';
    expect(bytes.readUInt32LE(18)).toBe(mimetype.length); // compressed size = the text itself
    expect(bytes.subarray(start, start + mimetype.length).toString('latin1')).toBe(mimetype);
  });
});

describe('bad requests', () => {
  const cases: [string, string, string][] = [
    ['measure=children', 'measure', 'an unknown measure'],
    ['measure=arrivals&from=2019-06&to=2019-01', 'from', 'from after to'],
    ['measure=arrivals&from=2009-01&to=2019-01', 'from', 'a span over 120 months'],
    ['measure=arrivals&by=religion', 'by', 'an unknown dimension'],
    ['measure=arrivals&by=ageGroup,ageGroup', 'by', 'a repeated dimension'],
    ['measure=arrivals&from=2019-1', 'from', 'a month without its zero'],
    ['measure=arrivals&to=2019-13', 'to', 'a thirteenth month'],
    ['measure=arrivals&from=2019-01-01', 'from', 'a day for a month'],
    ['measure=arrivals&period=week', 'period', 'an unknown period'],
    ['measure=arrivals&area=region', 'area', 'an unknown area level'],
    ['from=2019-01', 'measure', 'no measure'],
    ['measure=arrivals&colour=red', 'colour', 'an unknown parameter'],
  ];
  it.each(cases)('%s: 400 naming %s (%s)', async (query, field) => {
    for (const url of [
      `/api/statistics/tables?${query}`,
      `/api/statistics/tables/export?${query}&format=csv`,
    ]) {
      const res = await get(county, url);
      expect(res.statusCode, url).toBe(400);
      // The handler's own checks name the field as the validation of the query string does.
      expect(res.json<Fields>().error.fields.map((f) => f.field)).toContain(`querystring.${field}`);
    }
  });

  it('refuses the county level to a municipality, naming area', async () => {
    const res = await get(malmo, '/api/statistics/tables?measure=arrivals&area=county');
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.fields).toMatchObject([
      { field: 'querystring.area', code: 'area_not_in_scope' },
    ]);
  });

  it('refuses an unknown export format, naming format', async () => {
    const res = await get(county, '/api/statistics/tables/export?measure=arrivals&format=xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json<Fields>().error.fields.map((f) => f.field)).toEqual(['querystring.format']);
  });

  it('refuses a table too large to answer, and says why', async () => {
    const res = await get(
      agency,
      '/api/statistics/tables?measure=arrivals&from=2016-01&to=2025-12&area=municipality&by=ageGroup,asylumStage,housingForm',
    );
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json<Fields>().error.fields).toMatchObject([{ code: 'table_too_large' }]);
  });
});

describe('the audit', () => {
  it('records each read and export with its measure and no child', async () => {
    const read = await get(county, `/api/statistics/tables?measure=placements&${PERIOD}`);
    expect(await auditOf(read)).toMatchObject([
      {
        kind: 'statistics.table.read',
        outcome: 'allowed',
        child_ids: [],
        payload: { measure: 'placements' },
      },
    ]);
    const exported = await get(lund, `/api/statistics/tables/export?measure=turned_18&${PERIOD}&format=ods`);
    expect(await auditOf(exported)).toMatchObject([
      {
        kind: 'statistics.table.export',
        outcome: 'allowed',
        child_ids: [],
        payload: { measure: 'turned_18', format: 'ods' },
      },
    ]);
    const children = await get(county, '/api/statistics/children');
    expect((await auditOf(children)).map((e) => e.kind)).toEqual(['statistics.read']);
  });

  it('records a refused read too', async () => {
    const res = await get(await t.login('sara.lind'), `/api/statistics/tables?measure=arrivals`);
    expect(res.statusCode).toBe(403);
    expect((await auditOf(res)).map((e) => [e.kind, e.outcome])).toEqual([
      ['statistics.table.read', 'denied'],
    ]);
  });
});

describe('every measure', () => {
  it.each(MEASURES)(
    '%s answers the Agency with each extra dimension, the margins agreeing',
    async (measure) => {
      const base = `/api/statistics/tables?measure=${measure}&from=2019-01&to=2026-10&period=year`;
      const plain = await get(agency, base);
      expect(plain.statusCode).toBe(200);
      const grand = cellOf(plain.json<Table>(), ['total', 'total', 'total'])?.count;
      for (const dimension of EXTRA_DIMENSIONS) {
        const res = await get(agency, `${base}&by=${dimension}`);
        expect(res.statusCode, `${measure} by ${dimension}: ${res.body.slice(0, 300)}`).toBe(200);
        const table = res.json<Table>();
        expect(table.dimensions.map((d) => d.name)).toEqual(['period', 'area', 'gender', dimension]);
        expectProtected(table, res.body);
        // The same units, however they are split: the grand total does not change with the dimension.
        const total = cellOf(table, ['total', 'total', 'total', 'total'])?.count;
        if (grand !== null && grand !== undefined && total !== null) expect(total, dimension).toBe(grand);
      }
      const all = await get(agency, `${base}&area=none&by=${EXTRA_DIMENSIONS.join(',')}`);
      expect(all.statusCode).toBe(200);
      expectProtected(all.json<Table>(), all.body);
      const exact = await get(malmo, `${base}&by=${EXTRA_DIMENSIONS.join(',')}`);
      expect(exact.statusCode).toBe(200);
      expect(exact.json<Table>().exact).toBe(true);
    },
  );
});
