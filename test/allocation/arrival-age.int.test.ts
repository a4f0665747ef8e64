/**
 * Registering an unaccompanied child: the person must be under 18 on the arrival date, on every path that registers a
 * child; a doubtful age is registered as stated and opens the age case in doubt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let officer: Session;
let dossier = 56_000_000;

function arrival(extra: Record<string, unknown> = {}) {
  return {
    dossierNumber: String(++dossier),
    firstName: 'Dawit',
    lastName: 'Tesfaye',
    birthDate: '2010-06-01',
    gender: 'male',
    arrivalMunicipalityCode: '0180',
    arrivalDate: '2026-11-20',
    ...extra,
  };
}

interface Problem {
  error: { code: string; fields: { field: string; code: string }[] };
}

async function registered(dossierNumber: string): Promise<boolean> {
  const res = await t.request(officer, 'GET', `/api/children?q=${dossierNumber}`);
  return res.json<{ items: unknown[] }>().items.length > 0;
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

describe('an adult cannot be registered as an unaccompanied child', () => {
  it('refuses an arrival whose stated birth date makes the person 18 or older on the arrival date, and writes nothing', async () => {
    const body = arrival({ birthDate: '2000-01-01' });
    const res = await t.request(officer, 'POST', '/api/allocation/arrivals', body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<Problem>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.birthDate', code: 'adult_on_arrival' }),
    ]);
    expect(await registered(body.dossierNumber)).toBe(false);
  });

  it('refuses the same on the minimal registration path', async () => {
    const body = arrival({ birthDate: '2008-11-20' });
    const res = await t.request(officer, 'POST', '/api/children', body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<Problem>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.birthDate', code: 'adult_on_arrival' }),
    ]);
    expect(await registered(body.dossierNumber)).toBe(false);
  });

  it('refuses an arrival before the birth and a birth date in the future', async () => {
    const before = await t.request(
      officer,
      'POST',
      '/api/allocation/arrivals',
      arrival({ birthDate: '2026-11-21', arrivalDate: '2026-11-20' }),
    );
    expect(before.statusCode).toBe(422);
    expect(before.json<Problem>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.arrivalDate', code: 'arrival_before_birth' }),
    ]);
    const future = await t.request(
      officer,
      'POST',
      '/api/allocation/arrivals',
      arrival({ birthDate: '2026-12-24' }),
    );
    expect(future.statusCode).toBe(422);
    expect(future.json<Problem>().error.fields).toEqual([
      expect.objectContaining({ field: 'body.birthDate', code: 'future' }),
    ]);
  });

  it('accepts a child who turns 18 the day after arrival', async () => {
    const res = await t.request(
      officer,
      'POST',
      '/api/allocation/arrivals',
      arrival({ birthDate: '2008-11-21' }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('a doubtful age at registration', () => {
  it('registers the child as stated and opens the age case in doubt for the asylum officer', async () => {
    const res = await t.request(
      officer,
      'POST',
      '/api/allocation/arrivals',
      arrival({ birthDate: '2009-03-01', ageInDoubt: true }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const asylum = await t.login('omar.said');
    const view = await t.request(asylum, 'GET', `/api/children/${id}/migration`);
    expect(view.statusCode, view.body).toBe(200);
    const age = view.json<{
      age: { doubtedOn: string | null; statedBirthDate: string; steps: { event: string }[] };
    }>().age;
    expect(age).toMatchObject({ doubtedOn: '2026-11-23', statedBirthDate: '2009-03-01' });
    expect(age.steps.map((s) => s.event)).toContain('order_medical_assessment');
  });

  it('leaves the age as stated when no doubt is marked', async () => {
    const res = await t.request(officer, 'POST', '/api/allocation/arrivals', arrival());
    const id = res.json<{ id: string }>().id;
    const view = await t.request(await t.login('omar.said'), 'GET', `/api/children/${id}/migration`);
    expect(view.json<{ age: { doubtedOn: string | null } }>().age.doubtedOn).toBeNull();
  });
});
