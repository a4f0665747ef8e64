/**
 * The county's historic agreements (issue 13 point 2), on both engines: the Skåne coordinator registers Malmö's
 * agreement from its document, renegotiates it, sees both with their signatures; a registration the rules refuse names
 * the field and the rule; a registration made in error is voided once, with its reason, and stays on the list; another
 * county's agreement does not exist (404). Every request leaves its audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { AGREEMENT, anAgreement } from './fixtures.ts';

let t: TestApp;
let county: Session;

interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}
interface View {
  agreements: {
    id: string;
    registrationNumber: string | null;
    municipalities: { code: string; name: string }[];
    concludedOn: string;
    replaces: { id: string } | null;
    replacedBy: { id: string }[];
    signatures: { party: string; signatory: string; place: string; signedOn: string }[];
    voided: { reason: string; by: string } | null;
  }[];
}

async function eventsOf(res: { headers: Record<string, unknown> }) {
  const { rows } = await t.database.raw.query<{ kind: string; outcome: string }>(
    'select kind, outcome from audit_events where request_id = $1',
    [String(res.headers['x-request-id'])],
  );
  return rows.map((r) => [r.kind, r.outcome]);
}

const count = async () =>
  Number(
    (await t.database.raw.query<{ n: string }>('select count(*) as n from historic_agreements')).rows[0]?.n,
  );

beforeAll(async () => {
  t = await startTestApp();
  county = await t.login('maria.lst');
});
afterAll(async () => t.close());

describe('historic agreements', () => {
  let first = '';

  it('the county registers an agreement from its document, dated by the last signature', async () => {
    const res = await t.request(county, 'POST', '/api/county/agreements', AGREEMENT);
    expect(res.statusCode).toBe(201);
    expect(await eventsOf(res)).toEqual([['agreements.write', 'allowed']]);
    const made = res.json<View>().agreements.at(-1);
    first = made?.id ?? '';
    expect(made).toMatchObject({
      registrationNumber: '851-1234-2011',
      municipalities: [{ code: '1280', name: 'Malmö' }],
      concludedOn: '2011-11-20',
      replaces: null,
      voided: null,
    });
    expect(made?.signatures.map((s) => [s.party, s.signatory, s.place, s.signedOn])).toEqual([
      ['municipality', 'Kerstin Ahl', 'Malmö', '2011-11-02'],
      ['county_board', 'Göran Borg', 'Malmö', '2011-11-10'],
      ['migrationsverket', 'Lisa Falk', 'Norrköping', '2011-11-20'],
    ]);
  });

  it('a renegotiation points to the agreement it replaced, and that one to it', async () => {
    const res = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      registrationNumber: '',
      validFrom: '2014-01-01',
      validTo: null,
      replacesId: first,
      signatures: AGREEMENT.signatures.map((s) => ({ ...s, signedOn: s.signedOn.replace('2011', '2013') })),
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<View>();
    const later = view.agreements.find((a) => a.replaces?.id === first);
    expect(later?.registrationNumber).toBeNull();
    expect(view.agreements.find((a) => a.id === first)?.replacedBy.map((r) => r.id)).toEqual([later?.id]);
  });

  it('refuses, field by field, a document that cannot have existed, and writes nothing', async () => {
    const before = await count();
    const res = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      municipalities: ['1280', '1281'],
      validFrom: '2006-01-01',
      asylumPlaces: 0,
      permitPlaces: 0,
      signatures: [{ ...AGREEMENT.signatures[0], signedOn: '2016-04-01' }, { ...AGREEMENT.signatures[1] }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.code).toBe('agreement_invalid');
    expect(res.json<ErrorBody>().error.fields.map((f) => [f.field, f.message])).toEqual([
      ['body.validFrom', 'before_agreements'],
      ['body.asylumPlaces', 'no_places'],
      ['body.signatures.0.signedOn', 'after_share_model'],
      ['body.signatures', 'missing_signature_agency'],
      ['body.signatures', 'missing_signature:Lund'],
    ]);
    expect(await count()).toBe(before);
  });

  it('bad input answers 400 naming each field, never 500, and writes nothing', async () => {
    const before = await count();
    const res = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      validFrom: '2012-02-30',
      asylumPlaces: -1,
      signatures: [{ ...AGREEMENT.signatures[0], party: 'kommunförbund' }],
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .error.fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body.asylumPlaces', 'body.extra', 'body.signatures.0.party', 'body.validFrom']);
    // A control character in a one-line field is refused before anything else, naming the field.
    const bell = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      signatures: [{ ...AGREEMENT.signatures[0], place: 'Malmö\u0007' }],
    });
    expect(bell.statusCode).toBe(400);
    expect(bell.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual(['body.signatures.0.place']);
    expect(
      (await t.request(county, 'POST', '/api/county/agreements/abc/void', { reason: 'x' })).statusCode,
    ).toBe(400);
    expect(await count()).toBe(before);
  });

  it('voids a registration once, with its reason; it stays on the list', async () => {
    const res = await t.request(county, 'POST', `/api/county/agreements/${first}/void`, {
      reason: 'Registrerad från ett utkast, inte det underskrivna dokumentet.',
    });
    expect(res.statusCode).toBe(200);
    const voided = res.json<View>().agreements.find((a) => a.id === first);
    expect(voided?.voided).toMatchObject({
      reason: 'Registrerad från ett utkast, inte det underskrivna dokumentet.',
      by: 'Maria Lundqvist',
    });
    // The renegotiation that replaced it is still shown; a new one may not replace a voided registration.
    expect(voided?.replacedBy).toHaveLength(1);
    const again = await t.request(county, 'POST', `/api/county/agreements/${first}/void`, {
      reason: 'Försök att makulera en gång till.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('agreement_voided');
    const replacing = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      validFrom: '2014-06-01',
      validTo: null,
      replacesId: first,
    });
    expect(replacing.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.replacesId', 'replaces_unknown'],
    ]);
  });

  it("another county's agreement does not exist for Skåne: 404, audited as denied, and not listed", async () => {
    const other = await anAgreement(t, '22');
    const res = await t.request(county, 'POST', `/api/county/agreements/${other}/void`, {
      reason: 'Försök från fel län, ska nekas.',
    });
    expect(res.statusCode).toBe(404);
    expect(await eventsOf(res)).toEqual([['agreements.write', 'denied']]);
    const list = await t.request(county, 'GET', '/api/county/agreements');
    expect(await eventsOf(list)).toEqual([['agreements.read', 'allowed']]);
    expect(list.json<View>().agreements.map((a) => a.id)).not.toContain(other);
    // Nor can a Skåne agreement renegotiate it: the same answer as an id that does not exist.
    const replacing = await t.request(county, 'POST', '/api/county/agreements', {
      ...AGREEMENT,
      validFrom: '2014-06-01',
      validTo: null,
      replacesId: other,
    });
    expect(replacing.statusCode).toBe(422);
    expect(replacing.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.replacesId', 'replaces_unknown'],
    ]);
  });
});
