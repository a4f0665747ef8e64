/** The providers register and its capacity view through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { aChild, aProvider } from './fixtures.ts';

let t: TestApp;
let manager: Session;

interface ProviderRow {
  id: string;
  name: string;
  form: string;
  places: number;
  occupied: number;
  free: number;
  version: number;
  municipality: { code: string };
}
interface List {
  providers: ProviderRow[];
  capacity: {
    municipalityCode: string;
    form: string;
    providers: number;
    places: number;
    occupied: number;
    free: number;
  }[];
}

const body = {
  name: 'HVB Lärkan',
  form: 'hvb',
  places: 4,
  targetGroups: ['girls'],
  languages: ['arabiska', 'tigrinja'],
  permitReference: 'IVO 3.5.1-12345/2024',
};

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('karin.berg');
});
afterAll(async () => t.close());

describe('the providers register', () => {
  it('a unit manager registers a provider in the own municipality; a duplicate name of the same form answers 409', async () => {
    const res = await t.request(manager, 'POST', '/api/providers', body);
    expect(res.statusCode).toBe(201);
    expect(res.json<ProviderRow>()).toMatchObject({
      name: 'HVB Lärkan',
      municipality: { code: '1280' },
      places: 4,
      occupied: 0,
      free: 4,
      version: 1,
    });
    const again = await t.request(manager, 'POST', '/api/providers', { ...body, name: 'hvb lärkan' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('name');
  });

  it('shows free places per provider and form: places minus the children placed there today', async () => {
    const provider = await aProvider(t, { name: 'Familjehemmet Berg', form: 'familjehem', places: 1 });
    const sara = await t.login('sara.lind');
    for (const dossier of ['72000001', '72000002']) {
      const child = await aChild(t, { dossier });
      const res = await t.request(sara, 'POST', `/api/children/${child}/placements`, {
        providerId: provider,
        form: 'familjehem',
        legalBasis: 'SoL',
        fromDate: '2026-11-10',
        bestInterests: BEST_INTERESTS,
      });
      expect(res.statusCode).toBe(201);
    }
    const list = (await t.request(sara, 'GET', '/api/providers')).json<List>();
    expect(list.providers.find((p) => p.id === provider)).toMatchObject({ places: 1, occupied: 2, free: -1 });
    expect(list.capacity.find((c) => c.form === 'familjehem')).toEqual({
      municipalityCode: '1280',
      form: 'familjehem',
      providers: 1,
      places: 1,
      occupied: 2,
      free: -1,
    });
    expect(list.providers.every((p) => p.municipality.code === '1280')).toBe(true);
    const hvbOnly = (await t.request(sara, 'GET', '/api/providers?form=hvb')).json<List>();
    expect(hvbOnly.providers.map((p) => p.form)).toEqual(hvbOnly.providers.map(() => 'hvb'));
  });

  it('a change carries the version seen; a stale one answers 409 with the provider as it is now', async () => {
    const list = (await t.request(manager, 'GET', '/api/providers')).json<List>();
    const larkan = list.providers.find((p) => p.name === 'HVB Lärkan');
    if (larkan === undefined) throw new Error('missing');
    const changed = await t.request(manager, 'POST', `/api/providers/${larkan.id}`, {
      ...body,
      places: 6,
      version: larkan.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<ProviderRow>()).toMatchObject({ places: 6, version: 2 });
    const stale = await t.request(manager, 'POST', `/api/providers/${larkan.id}`, {
      ...body,
      places: 3,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string; current: ProviderRow } }>().error).toMatchObject({
      code: 'stale',
      current: { places: 6, version: 2 },
    });
  });

  it('the form of a provider with placements cannot change', async () => {
    const list = (await t.request(manager, 'GET', '/api/providers?form=familjehem')).json<List>();
    const berg = list.providers[0];
    if (berg === undefined) throw new Error('missing');
    const res = await t.request(manager, 'POST', `/api/providers/${berg.id}`, {
      ...body,
      name: berg.name,
      form: 'jourhem',
      version: berg.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe('form');
  });

  it('another municipality’s provider answers 404, and its register is not listed', async () => {
    const sundsvall = await aProvider(t, { name: 'HVB Norrbyn', municipalityCode: '2281' });
    const res = await t.request(manager, 'POST', `/api/providers/${sundsvall}`, { ...body, version: 1 });
    expect(res.statusCode).toBe(404);
    const list = (await t.request(manager, 'GET', '/api/providers?municipalityCode=2281')).json<List>();
    expect(list.providers).toEqual([]);
    const johan = await t.login('johan.nilsson');
    expect(
      (await t.request(johan, 'GET', '/api/providers')).json<List>().providers.map((p) => p.name),
    ).toEqual(['HVB Norrbyn']);
  });

  it('the county coordinator sees the capacity of the county’s municipalities, and no other', async () => {
    await aProvider(t, { name: 'HVB Lund', municipalityCode: '1281' });
    const coordinator = await t.login('maria.lst');
    const list = (await t.request(coordinator, 'GET', '/api/providers')).json<List>();
    expect(new Set(list.providers.map((p) => p.municipality.code))).toEqual(new Set(['1280', '1281']));
    expect(list.capacity.some((c) => c.municipalityCode === '1281' && c.form === 'hvb')).toBe(true);
    expect((await t.request(coordinator, 'POST', '/api/providers', body)).statusCode).toBe(403);
  });

  it('refuses bad input with field errors, never a 500', async () => {
    const res = await t.request(manager, 'POST', '/api/providers', { ...body, form: 'hotell', places: -1 });
    expect(res.statusCode).toBe(400);
  });
});
