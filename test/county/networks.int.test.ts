/**
 * Networks, competence events and contacts (issue 13 point 6, ADR 0029) on both engines: Skåne's coordinator creates a
 * network with Blekinge, adds contacts (refused without consent, on the field), records an event with members and
 * anonymous counts, sees participation by county, role and gender; a contact's withdrawn consent empties its personal
 * fields and keeps the counts; a contact not confirmed for a year needs review; another county's network is 404; the
 * read of the contacts is audited as a read of personal data; bad input is 400 or 422 naming the field, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { aContact, aNetwork, CONTACT } from './fixtures.ts';

let t: TestApp;
let maria: Session;

interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}
interface Cell {
  key: string;
  n: number | null;
}
interface Report {
  total: number;
  byCounty: Cell[];
  byRole: Cell[];
  byGender: Cell[];
}
interface Network {
  id: string;
  counties: { code: string }[];
  members: { id: string; name: string; email: string | null; needsReview: boolean; owner: { id: string } }[];
  withdrawn: number;
  events: { id: string; theme: string; contacts: { id: string; name: string }[]; report: Report }[];
  report: Report;
  owners: { id: string; name: string; countyCode: string }[];
}
interface Networks {
  networks: { id: string; name: string; members: number; events: number; needsReview: number }[];
}

beforeAll(async () => {
  t = await startTestApp({ children: 4 });
  maria = await t.login('maria.lst');
});
afterAll(async () => t.close());

describe('networks, events and contacts', () => {
  let network: Network;

  it('the coordinator creates a network spanning counties; one without the own county is refused on the field', async () => {
    const made = await t.request(maria, 'POST', '/api/county/networks', {
      name: 'Sydöstra nätverket för mottagande',
      counties: ['12', '10'],
      purpose: 'Kompetensutveckling och samverkan över länsgränsen.',
      meets: '2–4 gånger per år',
      fromYear: 2026,
      toYear: null,
    });
    expect(made.statusCode).toBe(201);
    network = made.json<Network>();
    expect(network.counties.map((c) => c.code)).toEqual(['10', '12']);
    expect(network.owners.map((o) => o.id)).toContain(maria.userId);

    const refused = await t.request(maria, 'POST', '/api/county/networks', {
      name: 'Värmlands nätverk',
      counties: ['17'],
      purpose: 'Något.',
      meets: 'Vid behov',
      fromYear: 2026,
      toYear: 2025,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error.fields).toEqual([
      { field: 'body.counties', code: 'own_county_missing', message: 'own_county_missing' },
      { field: 'body.toYear', code: 'to_before_from', message: 'to_before_from' },
    ]);
  });

  it('a contact is stored only with consent and an owner of its county boards; refusals name the field', async () => {
    const url = `/api/county/networks/${network.id}/contacts`;
    const without = await t.request(maria, 'POST', url, {
      ...CONTACT,
      consentOn: null,
      consentHow: null,
      ownerId: maria.userId,
    });
    expect(without.statusCode).toBe(422);
    expect(without.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.consentOn', 'consent_required'],
      ['body.consentHow', 'consent_required'],
    ]);
    const outside = await t.request(maria, 'POST', url, {
      ...CONTACT,
      countyCode: '17',
      consentOn: '2026-12-24',
      ownerId: maria.userId,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.consentOn', 'consent_in_future'],
      ['body.countyCode', 'outside_network'],
    ]);
    const { rows } = await t.database.raw.query<{ n: string }>(
      'select count(*) as n from network_contacts where network_id = $1',
      [network.id],
    );
    expect(Number(rows[0]?.n)).toBe(0);

    const added = await t.request(maria, 'POST', url, { ...CONTACT, ownerId: maria.userId });
    expect(added.statusCode).toBe(201);
    const second = await t.request(maria, 'POST', url, {
      ...CONTACT,
      name: 'Karin Exempel',
      email: '',
      phone: '',
      countyCode: '10',
      role: 'teacher',
      gender: 'female',
      ownerId: maria.userId,
    });
    network = second.json<Network>();
    expect(network.members.map((m) => m.name).sort()).toEqual(['Karin Exempel', 'Olof Exempel']);
    expect(network.members.every((m) => !m.needsReview)).toBe(true);
  });

  it('an event with members and anonymous counts gives participation by county, role and gender', async () => {
    const [olof, karin] = [...network.members].sort((a, b) => b.name.localeCompare(a.name));
    const res = await t.request(maria, 'POST', `/api/county/networks/${network.id}/events`, {
      theme: 'Barnrättsdagarna – barnkonventionen och heder',
      firstDay: '2026-11-23',
      lastDay: '2026-11-24',
      place: 'Kalmar',
      online: false,
      speakers: 'Länsstyrelsen i Kalmar län',
      contactIds: [olof?.id, karin?.id],
      counts: [
        { countyCode: '12', role: 'social_worker', gender: 'female', count: 8 },
        { countyCode: '10', role: 'hvb_staff', gender: 'male', count: 5 },
      ],
    });
    expect(res.statusCode).toBe(201);
    network = res.json<Network>();
    const report = network.events[0]?.report;
    expect(report?.total).toBe(15);
    expect(report?.byCounty).toEqual([
      { key: '10', n: 6 },
      { key: '12', n: 9 },
    ]);
    expect(report?.byRole).toEqual([
      { key: 'teacher', n: 1 },
      { key: 'social_worker', n: 9 },
      { key: 'hvb_staff', n: 5 },
    ]);
    expect(report?.byGender).toEqual([
      { key: 'female', n: 9 },
      { key: 'male', n: 6 },
      { key: 'other', n: 0 },
    ]);
    expect(network.events[0]?.contacts.map((c) => c.name).sort()).toEqual(['Karin Exempel', 'Olof Exempel']);

    const bad = await t.request(maria, 'POST', `/api/county/networks/${network.id}/events`, {
      theme: 'Fel',
      firstDay: '2026-11-24',
      lastDay: '2026-11-23',
      place: '',
      online: true,
      speakers: '',
      contactIds: [olof?.id, olof?.id],
      counts: [{ countyCode: '17', role: 'teacher', gender: 'other', count: 1 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.lastDay', 'last_before_first'],
      ['body.contactIds.1', 'duplicate_contact'],
      ['body.counts.0.countyCode', 'outside_network'],
    ]);
  });

  it('withdrawn consent removes name, e-mail and phone and keeps the anonymous counts', async () => {
    const olof = network.members.find((m) => m.name === 'Olof Exempel');
    const res = await t.request(
      maria,
      'POST',
      `/api/county/networks/${network.id}/contacts/${olof?.id}/withdrawal`,
    );
    expect(res.statusCode).toBe(200);
    network = res.json<Network>();
    expect(network.members.map((m) => m.name)).toEqual(['Karin Exempel']);
    expect(network.withdrawn).toBe(1);
    expect(network.report.total).toBe(15);
    expect(network.events[0]?.contacts.map((c) => c.name)).toEqual(['Karin Exempel']);
    const { rows } = await t.database.raw.query<{
      name: string | null;
      email: string | null;
      phone: string | null;
    }>('select name, email, phone from network_contacts where id = $1', [olof?.id]);
    expect(rows).toEqual([{ name: null, email: null, phone: null }]);
    const again = await t.request(
      maria,
      'POST',
      `/api/county/networks/${network.id}/contacts/${olof?.id}/confirmation`,
    );
    expect(again.statusCode).toBe(404);
  });

  it('a contact not confirmed for twelve months needs review until it is confirmed', async () => {
    const karin = network.members[0];
    await t.database.raw.query(`update network_contacts set confirmed_on = '2025-11-23' where id = $1`, [
      karin?.id,
    ]);
    const list = (await t.request(maria, 'GET', '/api/county/networks')).json<Networks>();
    expect(list.networks.find((n) => n.id === network.id)?.needsReview).toBe(1);
    const confirmed = await t.request(
      maria,
      'POST',
      `/api/county/networks/${network.id}/contacts/${karin?.id}/confirmation`,
    );
    expect(confirmed.json<Network>().members[0]?.needsReview).toBe(false);
  });

  it('another county’s network is 404, and the contacts’ read is audited as a read of personal data', async () => {
    const varmland = await aNetwork(t, ['17', '18', '20']);
    const contact = await aContact(t, varmland, '17');
    expect((await t.request(maria, 'GET', `/api/county/networks/${varmland}`)).statusCode).toBe(404);
    expect(
      (await t.request(maria, 'POST', `/api/county/networks/${varmland}/contacts/${contact}/withdrawal`))
        .statusCode,
    ).toBe(404);
    const list = (await t.request(maria, 'GET', '/api/county/networks')).json<Networks>();
    expect(list.networks.map((n) => n.id)).not.toContain(varmland);

    const read = await t.request(maria, 'GET', `/api/county/networks/${network.id}`);
    expect(read.statusCode).toBe(200);
    const { rows } = await t.database.raw.query<{ kind: string; outcome: string; actor_user_id: string }>(
      'select kind, outcome, actor_user_id from audit_events where request_id = $1',
      [String(read.headers['x-request-id'])],
    );
    expect(rows).toEqual([{ kind: 'network.contact.read', outcome: 'allowed', actor_user_id: maria.userId }]);
    // A write answers with the members' details too: its entry names whose, by id (never a name).
    const confirmed = await t.request(
      maria,
      'POST',
      `/api/county/networks/${network.id}/contacts/${network.members[0]?.id}/confirmation`,
    );
    const written = await t.database.raw.query<{ kind: string; payload: { contactsShown?: string[] } }>(
      'select kind, payload from audit_events where request_id = $1',
      [String(confirmed.headers['x-request-id'])],
    );
    const shown = confirmed.json<Network>().members.map((m) => m.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(written.rows.map((r) => [r.kind, r.payload.contactsShown])).toEqual([['network.write', shown]]);
    expect(JSON.stringify(written.rows)).not.toContain(confirmed.json<Network>().members[0]?.name ?? '-');
  });

  it("another network's contact is 404 through the own network's address, even where both are the county's", async () => {
    const other = await aNetwork(t, ['12'], 'Ett annat skånskt nätverk');
    const stranger = await aContact(t, other, '12');
    for (const step of ['confirmation', 'withdrawal'])
      expect(
        (await t.request(maria, 'POST', `/api/county/networks/${network.id}/contacts/${stranger}/${step}`))
          .statusCode,
      ).toBe(404);
    expect(
      (
        await t.request(maria, 'PUT', `/api/county/networks/${network.id}/contacts/${stranger}`, {
          ...CONTACT,
          ownerId: maria.userId,
        })
      ).statusCode,
    ).toBe(404);
    const { rows } = await t.database.raw.query<{ withdrawn: string | null; name: string | null }>(
      'select consent_withdrawn_on::text as withdrawn, name from network_contacts where id = $1',
      [stranger],
    );
    expect(rows).toEqual([{ withdrawn: null, name: 'Eva Exempel' }]);
  });

  it('a change and a withdrawal of one contact at the same time: one after the other, never a 500', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await aContact(t, network.id, '12');
      const [changed, withdrawn] = await Promise.all([
        t.request(maria, 'PUT', `/api/county/networks/${network.id}/contacts/${id}`, {
          ...CONTACT,
          ownerId: maria.userId,
        }),
        t.request(maria, 'POST', `/api/county/networks/${network.id}/contacts/${id}/withdrawal`),
      ]);
      expect(withdrawn.statusCode).toBe(200);
      expect([200, 404]).toContain(changed.statusCode);
      const { rows } = await t.database.raw.query<{ name: string | null; email: string | null }>(
        'select name, email from network_contacts where id = $1',
        [id],
      );
      expect(rows).toEqual([{ name: null, email: null }]);
    }
  });

  it('bad input is 400 naming each field (422 for the rules), never 500', async () => {
    const res = await t.request(maria, 'POST', `/api/county/networks/${network.id}/contacts`, {
      ...CONTACT,
      email: 'inte-en-adress',
      role: 'astronaut',
      consentOn: '2026-02-30',
      ownerId: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json<ErrorBody>()
        .error.fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body.consentOn', 'body.email', 'body.ownerId', 'body.role']);
    const event = (theme: string, count: number) =>
      t.request(maria, 'POST', `/api/county/networks/${network.id}/events`, {
        theme,
        firstDay: '2026-11-23',
        lastDay: '2026-11-23',
        place: '',
        online: false,
        speakers: '',
        contactIds: [],
        counts: [{ countyCode: '12', role: 'teacher', gender: 'female', count }],
      });
    const fieldsOf = async (res: Awaited<ReturnType<typeof event>>) => {
      expect(res.statusCode).toBe(400);
      return res.json<ErrorBody>().error.fields.map((f) => [f.field, f.message]);
    };
    expect(await fieldsOf(await event('Tema\u0000', 1))).toEqual([
      ['body.theme', 'contains a control character (U+0000)'],
    ]);
    expect(await fieldsOf(await event('Tema', 0))).toEqual([['body.counts.0.count', 'at_least_one']]);
    expect((await t.request(maria, 'GET', '/api/county/networks/not-a-uuid')).statusCode).toBe(400);
    const stranger = await t.request(maria, 'POST', `/api/county/networks/${network.id}/contacts`, {
      ...CONTACT,
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['body.ownerId', 'owner_not_county_board'],
    ]);
  });
});
