/**
 * The prevention profile through the API: versions with who and when, the photo (JPEG or PNG by its bytes, at most
 * 2 MB, served audited and uncached), the risk indicators as a list, and who may read and write it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';

let t: TestApp;
let sara: Session;

interface View {
  version: number;
  current: {
    version: number;
    recordedBy: string;
    recordedRole: string;
    profile: { description: { heightCm: number | null; hair: string | null }; phones: string[] };
    photo: { id: string; takenOn: string; mediaType: string } | null;
  } | null;
  history: { version: number; profile: { description: { heightCm: number | null } } }[];
  indicators: { indicator: string; observed: boolean; observerRole: string; searchRelevant: boolean }[];
  observations: unknown[];
  edits: { profile: boolean; photo: boolean; observation: boolean };
}
interface Refusal {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const url = (child: string, rest = '') => `/api/children/${child}/missing-profile${rest}`;
const profile = (heightCm: number, extra: Record<string, unknown> = {}) => ({
  description: { heightCm, hair: 'Svart, kort', eyes: 'Bruna', languages: ['dari'] },
  phones: ['070-174 06 05'],
  contacts: [{ name: 'Ahmad', relation: 'kusin', phone: '+46 70 111 22 33' }],
  places: ['Centralstationen i Malmö'],
  medicalNeeds: 'Astmamedicin dagligen',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  sara = await t.login('sara.lind');
});
afterAll(async () => t.close());

describe('the prevention profile', () => {
  it('is saved in versions, each with who and when; the view shows the current one and the history', async () => {
    const child = await aChild(t, { dossier: '75000001' });
    const empty = (await t.request(sara, 'GET', url(child))).json<View>();
    expect(empty).toMatchObject({ version: 0, current: null, history: [], edits: { profile: true } });
    const first = await t.request(sara, 'POST', url(child), { ...profile(172), expectedVersion: 0 });
    expect(first.statusCode).toBe(201);
    const second = (
      await t.request(sara, 'POST', url(child), { ...profile(174), expectedVersion: 1 })
    ).json<View>();
    expect(second.version).toBe(2);
    expect(second.current).toMatchObject({
      version: 2,
      recordedBy: 'Sara Lind',
      recordedRole: 'social_worker',
      profile: { description: { heightCm: 174, hair: 'Svart, kort' }, phones: ['070-174 06 05'] },
    });
    expect(second.history.map((v) => [v.version, v.profile.description.heightCm])).toEqual([[1, 172]]);
    // A form opened on version 1 is told that someone saved since.
    const stale = await t.request(sara, 'POST', url(child), { ...profile(180), expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses each invalid field with the field and the reason in Swedish', async () => {
    const child = await aChild(t, { dossier: '75000002' });
    const res = await t.request(sara, 'POST', url(child), {
      ...profile(300),
      phones: ['ring mig'],
      contacts: [{ name: '', relation: 'vän' }],
      medicalNeeds: 'x'.repeat(501),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<Refusal>().error.fields.map((f) => [f.field, f.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['body.description.heightCm', 'Längd: högst 230 cm'],
        ['body.phones.0', 'Telefonnummer: ange 6–15 siffror, till exempel 070-174 06 05'],
        ['body.contacts.0.name', 'Kontakt, namn: fyll i fältet'],
        ['body.medicalNeeds', 'Medicinska behov: högst 500 tecken, bara det som behövs vid en eftersökning'],
      ]),
    );
  });
});

describe('the photo', () => {
  it('is stored as a new version and served to a reader without caching, each read audited', async () => {
    const child = await aChild(t, { dossier: '75000003', godMan: 'birgitta.sjo' });
    await t.request(sara, 'POST', url(child), profile(170));
    const res = await t.request(sara, 'POST', url(child, '/photo'), {
      mediaType: 'image/png',
      contentBase64: PNG.toString('base64'),
      takenOn: '2026-11-20',
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<View>();
    expect(view.version).toBe(2);
    expect(view.current?.profile.description.heightCm).toBe(170);
    expect(view.current?.photo).toMatchObject({ takenOn: '2026-11-20', mediaType: 'image/png' });
    const photoUrl = url(child, `/photos/${view.current?.photo?.id ?? ''}`);
    const photo = await t.request(await t.login('birgitta.sjo'), 'GET', photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['cache-control']).toBe('no-store');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const { rows } = await t.database.raw.query<{ outcome: string; actor_role: string }>(
      `select outcome, actor_role from audit_events where kind = 'missing_profile.photo.read' and $1::uuid = any(child_ids)`,
      [child],
    );
    expect(rows).toEqual([{ outcome: 'allowed', actor_role: 'god_man' }]);
    // Another child's path does not open the photo.
    const other = await aChild(t, { dossier: '75000004' });
    expect(
      (await t.request(sara, 'GET', url(other, `/photos/${view.current?.photo?.id ?? ''}`))).statusCode,
    ).toBe(404);
  });

  it('refuses a GIF and a 3 MB file with the field and the reason, and stores nothing', async () => {
    const child = await aChild(t, { dossier: '75000005' });
    const gif = await t.request(sara, 'POST', url(child, '/photo'), {
      mediaType: 'image/png',
      contentBase64: GIF.toString('base64'),
      takenOn: '2026-11-20',
    });
    expect(gif.statusCode).toBe(400);
    expect(gif.json<Refusal>().error).toMatchObject({
      code: 'photo_type',
      fields: [
        {
          field: 'body.contentBase64',
          code: 'photo_type',
          message: 'Fotot: bara JPEG- eller PNG-bilder tas emot',
        },
      ],
    });
    const big = Buffer.alloc(3 * 1024 * 1024, 0);
    PNG.copy(big);
    const large = await t.request(sara, 'POST', url(child, '/photo'), {
      mediaType: 'image/png',
      contentBase64: big.toString('base64'),
      takenOn: '2026-11-20',
    });
    expect(large.statusCode).toBe(400);
    expect(large.json<Refusal>().error).toMatchObject({
      code: 'photo_too_large',
      fields: [
        { field: 'body.contentBase64', code: 'photo_too_large', message: 'Fotot: filen får vara högst 2 MB' },
      ],
    });
    const future = await t.request(sara, 'POST', url(child, '/photo'), {
      mediaType: 'image/png',
      contentBase64: PNG.toString('base64'),
      takenOn: '2026-12-01',
    });
    expect(future.json<Refusal>().error.fields).toMatchObject([{ field: 'body.takenOn', code: 'future' }]);
    const { rows } = await t.database.raw.query<{ n: string | number }>(
      'select count(*) as n from missing_profile_photos where child_id = $1',
      [child],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});

describe('risk indicators', () => {
  it('are recorded one observation at a time, by the caller’s role, and listed per indicator without a score', async () => {
    const child = await aChild(t, { dossier: '75000006' });
    const observe = (body: Record<string, unknown>) =>
      t.request(sara, 'POST', `/api/children/${child}/risk-observations`, body);
    expect(
      (
        await observe({
          indicator: 'instructed_to_call',
          observed: true,
          observedOn: '2026-11-10',
          searchRelevant: true,
        })
      ).statusCode,
    ).toBe(201);
    const view = (
      await observe({
        indicator: 'often_disappears',
        observed: false,
        observedOn: '2026-11-20',
        note: 'Inget sett',
      })
    ).json<View>();
    expect(view.indicators).toMatchObject([
      {
        indicator: 'instructed_to_call',
        observed: true,
        observerRole: 'social_worker',
        searchRelevant: true,
      },
      { indicator: 'often_disappears', observed: false, searchRelevant: false },
    ]);
    expect(Object.keys(view)).not.toContain('score');
    const unknown = await observe({
      indicator: 'trafficking_score',
      observed: true,
      observedOn: '2026-11-20',
    });
    expect(unknown.json<Refusal>().error.fields).toMatchObject([
      { field: 'body.indicator', message: 'Indikator: välj en indikator i listan' },
    ]);
  });
});

describe('who sees the profile', () => {
  it('the god man reads it and may change nothing; an outsider gets 404', async () => {
    const child = await aChild(t, { dossier: '75000007', godMan: 'birgitta.sjo' });
    await t.request(sara, 'POST', url(child), profile(165));
    const birgitta = await t.login('birgitta.sjo');
    const read = await t.request(birgitta, 'GET', url(child));
    expect(read.statusCode).toBe(200);
    expect(read.json<View>().edits).toEqual({ profile: false, photo: false, observation: false });
    expect((await t.request(birgitta, 'POST', url(child), profile(190))).statusCode).toBe(403);
    const elsewhere = await aChild(t, { dossier: '75000008', municipalityCode: '2281' });
    expect((await t.request(sara, 'GET', url(elsewhere))).statusCode).toBe(404);
    expect((await t.request(sara, 'POST', url(elsewhere), profile(190))).statusCode).toBe(404);
    // A protected identity: only a social worker cleared for it sees the profile.
    const hidden = await aChild(t, { dossier: '75000010', protectedIdentity: true });
    expect((await t.request(sara, 'GET', url(hidden))).statusCode).toBe(200);
    expect((await t.request(await t.login('ali.hassan'), 'GET', url(hidden))).statusCode).toBe(404);
    // The region and the Migration Agency read the child's other parts, never this one.
    expect((await t.request(await t.login('omar.said'), 'GET', url(child))).statusCode).toBe(404);
    const { rows } = await t.database.raw.query<{ n: string | number }>(
      'select count(*) as n from missing_profiles where child_id = any($1::uuid[])',
      [[child, elsewhere]],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });
});

describe('risk moments', () => {
  it('are flagged on the child’s overview and on the social worker’s worklist row, not for the region', async () => {
    // Arrived five days before the pinned date (2026-11-23), turns 18 within eight weeks.
    const child = await aChild(t, {
      dossier: '75000009',
      arrivalDate: '2026-11-18',
      birthDate: '2009-01-10',
    });
    await t.database.raw.query(
      `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'care-review', '2027-04-01', '2026-11-18', 'social_services', '1280')`,
      [child],
    );
    const overview = (await t.request(sara, 'GET', `/api/children/${child}/overview`)).json<{
      riskMoments: { kind: string; since: string | null; until: string | null }[] | null;
    }>();
    expect(overview.riskMoments).toEqual([
      { kind: 'after_arrival', since: '2026-11-18', until: '2026-12-15' },
      { kind: 'turning_18', since: '2026-11-15', until: '2027-01-09' },
    ]);
    const worklist = (await t.request(sara, 'GET', '/api/worklist?rule=care-review&pageSize=200')).json<{
      items: { child: { id: string }; riskMoments: string[] }[];
    }>();
    expect(worklist.items.find((i) => i.child.id === child)?.riskMoments).toEqual([
      'after_arrival',
      'turning_18',
    ]);
    const region = (
      await t.request(await t.login('lena.holm'), 'GET', `/api/children/${child}/overview`)
    ).json<{
      riskMoments: unknown;
    }>();
    expect(region.riskMoments).toBeNull();
  });
});
