/**
 * The staff of a placement provider (ADR 0025 point 4) through the API: Nils Persson at the demo's Malmö HVB lists
 * exactly the children placed there today, sees their minimal data, the placement and whom to call, no part of their
 * case, and gets 404 for every other child — one whose placement there ended today, one placed elsewhere, one never
 * placed. A protected identity stays masked, and with it where the child lives and whom to call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { BEST_INTERESTS } from '../support/best-interests.ts';
import { OTHER_CHILD } from '../support/matrix.ts';
import { aChild, aProvider } from './fixtures.ts';

let t: TestApp;
let sara: Session;
let nils: Session;
const child: Record<string, string> = {};

interface Detail {
  basis: string;
  view: string;
  identityMasked: boolean;
  firstName: string | null;
  responsibleMunicipality: { code: string } | null;
  whereabouts: string | null;
  responsibility: unknown;
  guardians: unknown;
  mayWrite: boolean;
  journalAccess: string;
  sections: Record<string, string>;
  placedWithProvider: { provider: string; since: string; socialWorkers: string[] } | null;
}

const place = async (id: string, providerId: string, fromDate: string) => {
  const res = await t.request(sara, 'POST', `/api/children/${id}/placements`, {
    providerId,
    form: 'hvb',
    legalBasis: 'SoL',
    fromDate,
    bestInterests: BEST_INTERESTS,
  });
  if (res.statusCode !== 201) throw new Error(`placement: ${res.statusCode} ${res.body}`);
};

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
  nils = await t.login('nils.persson');
  const { rows } = await t.database.raw.query<{ id: string }>(
    "select provider_id as id from organisations where type = 'provider'",
  );
  const hvb = rows[0]?.id ?? '';
  const other = await aProvider(t, { name: 'HVB Grannen' });
  child.placed = await aChild(t, { dossier: '73000001', assignedWorker: 'sara.lind' });
  child.protectedChild = await aChild(t, {
    dossier: '73000002',
    assignedWorker: 'sara.lind',
    protectedIdentity: true,
  });
  child.endedToday = await aChild(t, { dossier: '73000003' });
  child.elsewhere = await aChild(t, { dossier: '73000004' });
  child.neverPlaced = await aChild(t, { dossier: '73000005' });
  await place(child.placed, hvb, '2026-11-10');
  await place(child.protectedChild, hvb, '2026-11-12');
  await place(child.endedToday, hvb, '2026-11-01');
  await place(child.elsewhere, other, '2026-11-01');
  // Today is 2026-11-23 (the test clock): the placement ends today, and so does the staff's access.
  const ended = await t.request(sara, 'POST', `/api/children/${child.endedToday}/placements/end`, {
    reason: 'reunited',
    endDate: '2026-11-23',
  });
  if (ended.statusCode !== 201) throw new Error(`end: ${ended.statusCode} ${ended.body}`);
});
afterAll(async () => t.close());

describe('a placement provider’s staff', () => {
  it('list exactly the children placed with the provider today', async () => {
    const res = await t.request(nils, 'GET', '/api/children?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ total: number; items: { id: string; basis: string; view: string }[] }>();
    expect(items.items.map((i) => i.id).sort()).toEqual([child.placed, child.protectedChild].sort());
    expect(items.total).toBe(2);
    for (const item of items.items)
      expect(item).toMatchObject({ basis: 'placement_provider', view: 'minimal' });
  });

  it('see the child’s minimal data, the placement and whom to call — and no part of the case', async () => {
    const res = await t.request(nils, 'GET', `/api/children/${child.placed}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<Detail>();
    expect(detail).toMatchObject({
      basis: 'placement_provider',
      view: 'minimal',
      identityMasked: false,
      firstName: 'Test',
      responsibleMunicipality: { code: '1280' },
      whereabouts: null,
      responsibility: null,
      guardians: null,
      mayWrite: false,
      journalAccess: 'none',
      placedWithProvider: { provider: 'HVB Solrosen', since: '2026-11-10', socialWorkers: ['Sara Lind'] },
    });
    // No part of the case opens — except the missing-child routine, which starts where the child lives (ADR 0025).
    expect(
      Object.entries(detail.sections)
        .filter(([, level]) => level !== 'none')
        .sort(),
    ).toEqual([
      ['missing', 'write'],
      ['missing_profile', 'read'],
    ]);
    const first = await t.request(nils, 'GET', `/api/children/${child.placed}/first-view`);
    expect(first.statusCode).toBe(200);
    expect(first.json<{ overview: unknown; timeline: unknown }>()).toMatchObject({
      overview: null,
      timeline: null,
    });
    for (const path of ['placements', 'overview', 'journal', 'timeline']) {
      const part = await t.request(nils, 'GET', `/api/children/${child.placed}/${path}`);
      expect(part.statusCode, path).toBe(403);
    }
  });

  it('never see a protected identity, nor where the child lives or whom to call', async () => {
    const detail = (await t.request(nils, 'GET', `/api/children/${child.protectedChild}`)).json<Detail>();
    expect(detail).toMatchObject({
      identityMasked: true,
      firstName: null,
      responsibleMunicipality: null,
      placedWithProvider: null,
    });
    // A masked name is never found by searching for it: of the two children named Test, only the visible one.
    const found = await t.request(nils, 'GET', '/api/children?q=Test');
    expect(found.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([child.placed]);
  });

  it('get 404 for every other child: placement ended today, placed elsewhere, never placed, another municipality’s', async () => {
    for (const id of [
      child.endedToday,
      child.elsewhere,
      child.neverPlaced,
      await t.childByDossier(OTHER_CHILD),
    ]) {
      expect((await t.request(nils, 'GET', `/api/children/${id}`)).statusCode, id).toBe(404);
      expect((await t.request(nils, 'GET', `/api/children/${id}/first-view`)).statusCode, id).toBe(404);
    }
  });

  it('are a provider organisation’s only role, and the login lists Nils Persson with it', async () => {
    const res = await t.request(null, 'GET', '/api/auth/dev-users');
    const nilsUser = res
      .json<{ displayName: string; roles: { role: string; organisationName: string }[] }[]>()
      .find((u) => u.displayName === 'Nils Persson');
    expect(nilsUser?.roles).toEqual([{ role: 'provider_staff', organisationName: 'HVB Solrosen, Malmö' }]);
  });
});

describe('the staff where the child lives start the missing-child routine', () => {
  it('report the child missing with the police report and record the return; the social services do the rest', async () => {
    const url = `/api/children/${child.placed}/missing`;
    const reported = await t.request(nils, 'POST', url, {
      kind: 'missing',
      lastSeenAt: '2026-11-22T21:00:00+01:00',
      lastSeenPlace: 'HVB Solrosen',
      policeReference: '5000-K9-26',
      policeReportedAt: '2026-11-22T23:00:00+01:00',
    });
    expect(reported.statusCode).toBe(201);
    const episode = reported.json<{
      episodes: {
        id: string;
        state: string;
        version: number;
        steps: { action: string }[];
        notifications: { maySend: boolean; mayAcknowledge: boolean }[];
      }[];
    }>().episodes[0];
    expect(episode?.state).toBe('missing');
    // The notifications are social services' to record: the staff are offered none of them.
    expect(episode?.notifications.length).toBe(7);
    expect(episode?.notifications.some((n) => n.maySend || n.mayAcknowledge)).toBe(false);
    // The staff are offered the return and nothing the social services decide.
    expect(episode?.steps.map((s) => s.action)).toEqual(['found']);
    const at = `${url}/${episode?.id ?? ''}`;
    const lvu = await t.request(nils, 'POST', `${at}/lvu`, {
      outcome: 'no_grounds',
      grounds: [],
      concreteFacts: 'Inga iakttagelser av missbruk, brott eller annat nedbrytande beteende.',
      expectedVersion: episode?.version,
    });
    expect(lvu.statusCode).toBe(403);
    const close = await t.request(nils, 'POST', `${at}/close`, {
      closure: 'close_left_country',
      reason: 'Uppgift om utresa.',
      expectedVersion: episode?.version,
    });
    expect(close.statusCode).toBe(403);
    const found = await t.request(nils, 'POST', `${at}/found`, {
      foundAt: '2026-11-23T09:00:00+01:00',
      place: 'Tillbaka på boendet',
      foundBy: 'Personalen',
      condition: 'unharmed',
      crimeSuspected: false,
      expectedVersion: episode?.version,
    });
    expect(found.statusCode).toBe(201);
    const talk = await t.request(nils, 'POST', `${at}/return-talk`, {
      outcome: 'declined',
      at: '2026-11-23T09:30:00+01:00',
      expectedVersion: (episode?.version ?? 0) + 1,
    });
    expect(talk.statusCode).toBe(403);
    // The social worker sees the report at once and takes the return talk.
    const seen = await t.request(sara, 'GET', url);
    expect(
      seen.json<{ episodes: { state: string; steps: { action: string }[] }[] }>().episodes[0],
    ).toMatchObject({
      state: 'found',
      steps: [{ action: 'return_talk' }],
    });
  });
});
