/** Bad input gets 400 with field-level messages — never a 500, never a half-written record. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../support/app.ts';
import { BODY_LIMIT_BYTES } from '../../../src/platform/http/app.ts';

let t: TestApp;
let officer: Session;

const valid = {
  dossierNumber: '88000001',
  firstName: 'Amina',
  lastName: 'Osman',
  birthDate: '2010-04-03',
  gender: 'female',
  arrivalMunicipalityCode: '1280',
  arrivalDate: '2026-11-20',
};

interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

beforeAll(async () => {
  t = await startTestApp({ children: 4 });
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

async function childCount(): Promise<number> {
  const { rows } = await t.database.raw.query<{ n: number | string }>('select count(*) as n from children');
  return Number(rows[0]?.n);
}

describe('bad input', () => {
  it('malformed JSON answers 400', async () => {
    const res = await t.request(officer, 'POST', '/api/children', '{"dossierNumber": ');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields[0]?.field).toBe('body');
  });
  it('wrong types answer 400 naming each field', async () => {
    const res = await t.request(officer, 'POST', '/api/children', {
      ...valid,
      dossierNumber: 12,
      birthDate: '2010-02-30',
      gender: 'x',
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json<ErrorBody>()
      .error.fields.map((f) => f.field)
      .sort();
    expect(fields).toEqual(['body.birthDate', 'body.dossierNumber', 'body.gender']);
  });
  it('unknown fields answer 400', async () => {
    const res = await t.request(officer, 'POST', '/api/children', { ...valid, favouriteColour: 'blue' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields).toEqual([
      { field: 'body.favouriteColour', code: 'unrecognized_keys', message: 'unknown field' },
    ]);
  });
  it('an oversize body answers 400', async () => {
    const res = await t.request(officer, 'POST', '/api/children', {
      ...valid,
      firstName: 'x'.repeat(BODY_LIMIT_BYTES),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('body_too_large');
  });
  it('an overlong field answers 400 naming it', async () => {
    const res = await t.request(officer, 'POST', '/api/children', { ...valid, firstName: 'x'.repeat(500) });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.firstName', code: 'too_big' }),
    ]);
  });
  it('a malformed id in the path answers 400', async () => {
    const res = await t.request(officer, 'GET', '/api/children/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields[0]?.field).toBe('params.childId');
  });
  it('an unknown municipality answers 422 and writes nothing', async () => {
    const before = await childCount();
    const res = await t.request(officer, 'POST', '/api/children', {
      ...valid,
      arrivalMunicipalityCode: '9999',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.fields[0]?.field).toBe('body.arrivalMunicipalityCode');
    expect(await childCount()).toBe(before);
  });
  it('a duplicate dossier number answers 409 pointing at the existing child', async () => {
    expect((await t.request(officer, 'POST', '/api/children', valid)).statusCode).toBe(201);
    const res = await t.request(officer, 'POST', '/api/children', valid);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.fields[0]?.message).toMatch(
      /already registered as child [0-9a-f-]{36}/,
    );
  });
  it('a missing CSRF token answers 403 and writes nothing', async () => {
    const before = await childCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/children',
      headers: { cookie: officer.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...valid, dossierNumber: '88000002' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('csrf');
    expect(await childCount()).toBe(before);
  });
  it('any JSON body gets an answer below 500, and only a valid one creates a child (property)', async () => {
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          dossierNumber: fc.oneof(fc.stringMatching(/^[0-9]{4,12}$/), fc.string(), fc.integer()),
          firstName: fc.oneof(fc.string({ maxLength: 120 }), fc.constant(null)),
          lastName: fc.string({ maxLength: 120 }),
          birthDate: fc.oneof(fc.constant('2011-01-01'), fc.string()),
          gender: fc.constantFrom('female', 'male', 'other', 'x'),
          arrivalMunicipalityCode: fc.constantFrom('1280', '0000', '12a0'),
          arrivalDate: fc.constantFrom('2026-11-01', '2031-01-01', 'igår'),
          extra: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = await childCount();
        const res = await t.request(officer, 'POST', '/api/children', JSON.stringify(body));
        expect(res.statusCode).toBeLessThan(500);
        expect([201, 400, 409, 422]).toContain(res.statusCode);
        expect(await childCount()).toBe(before + (res.statusCode === 201 ? 1 : 0));
        if (res.statusCode === 400) expect(res.json<ErrorBody>().error.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
  it('query strings are validated the same way', async () => {
    const res = await t.request(officer, 'GET', '/api/children?page=0&pageSize=abc&extra=1');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .error.fields.map((f) => f.field)
        .sort(),
    ).toEqual(['querystring.extra', 'querystring.page', 'querystring.pageSize']);
  });
  it('any body to the supervision plan gets an answer below 500, and only a valid one plans (property)', async () => {
    const inspector = await t.login('ingrid.tillsyn');
    const { rows } = await t.database.raw.query<{ id: string }>(
      "select organisation_id as id from guardianship_authority_municipalities where municipality_code = '1280'",
    );
    const authority = rows[0]?.id ?? '';
    const count = async () =>
      Number(
        (await t.database.raw.query<{ n: string }>('select count(*) as n from supervision_inspections'))
          .rows[0]?.n,
      );
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          kind: fc.constantFrom('regular', 'skip', 'ad_hoc', 'other'),
          authorityId: fc.constantFrom(authority, 'x', '00000000-0000-4000-8000-000000000000'),
          year: fc.oneof(fc.integer({ min: 1990, max: 2200 }), fc.string()),
          plannedOn: fc.constantFrom('2027-03-03', '2027-02-30', 'i morgon'),
          reason: fc.string({ maxLength: 40 }),
          trigger: fc.constantFrom('complaint', 'media', 'rumour'),
          triggerNote: fc.string({ maxLength: 20 }),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = await count();
        const res = await t.request(inspector, 'POST', '/api/supervision/inspections', JSON.stringify(body));
        expect([201, 400, 404, 422]).toContain(res.statusCode);
        expect(await count()).toBe(before + (res.statusCode === 201 ? 1 : 0));
        if (res.statusCode === 400 || res.statusCode === 422)
          expect(res.json<ErrorBody>().error.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
