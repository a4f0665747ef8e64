/**
 * The staff of a placement provider as users (issue 12, point 3): a municipality's administrator grants and revokes
 * `provider_staff` for the providers registered in the municipality — the role is held in the provider's own
 * organisation, created with the first grant — and nobody else can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Session;

interface Member {
  id: string;
  subject: string;
  roles: { assignmentId: string; role: string }[];
}
interface Members {
  organisation: { type: string };
  users: Member[];
  providers: { id: string; name: string; users: Member[] }[];
}
interface ErrorBody {
  error: { code: string; fields: { field: string; code: string }[] };
}

const grant = (session: Session, body: Record<string, unknown>) =>
  t.request(session, 'POST', '/api/admin/role-assignments', {
    subject: 'dev:kim.hvb',
    displayName: 'Kim Ek',
    email: null,
    role: 'provider_staff',
    ...body,
  });

const PROVIDER = {
  form: 'stodboende',
  places: 6,
  targetGroups: [],
  languages: ['dari'],
  permitReference: 'IVO 3.5.1-1234/2026',
  active: true,
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('malmo.admin');
  // Malmö registers a second provider (its unit manager keeps the register); Stockholm has one of its own.
  const karin = await t.login('karin.berg');
  const own = await t.request(karin, 'POST', '/api/providers', {
    ...PROVIDER,
    name: 'Stödboendet Kastanjen',
  });
  expect(own.statusCode, own.body).toBe(201);
  await t.database.raw.query(
    `insert into placement_providers (municipality_code, name, form, places, target_groups, languages)
     values ('0180', 'HVB Björken', 'hvb', 8, '{}', '{}')`,
  );
});
afterAll(async () => t.close());

describe('provider staff, granted by the municipality', () => {
  it('lists the providers registered in the municipality, with their staff', async () => {
    const res = await t.request(admin, 'GET', '/api/admin/users');
    expect(res.statusCode).toBe(200);
    const members = res.json<Members>();
    expect(members.providers.length).toBeGreaterThan(1);
    // The demo's HVB already has its staff member.
    expect(members.providers.flatMap((p) => p.users.map((u) => u.subject))).toContain('dev:nils.persson');
    // The Agency's administrator manages no providers.
    const agency = (await t.request(await t.login('mv.admin'), 'GET', '/api/admin/users')).json<Members>();
    expect(agency.providers).toEqual([]);
  });

  it('grants the role at one of the own providers; the user sees only the children placed there', async () => {
    const members = (await t.request(admin, 'GET', '/api/admin/users')).json<Members>();
    const provider = members.providers.find((p) => p.name === 'Stödboendet Kastanjen');
    if (provider === undefined) throw new Error('no provider without staff');
    const res = await grant(admin, { providerId: provider.id });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await t.request(admin, 'GET', '/api/admin/users')).json<Members>();
    const kim = after.providers
      .find((p) => p.id === provider.id)
      ?.users.find((u) => u.subject === 'dev:kim.hvb');
    expect(kim?.roles.map((r) => r.role)).toEqual(['provider_staff']);
    // Not a member of the municipality's own organisation.
    expect(after.users.some((u) => u.subject === 'dev:kim.hvb')).toBe(false);

    const staff = await t.login('kim.hvb');
    const session = (await t.request(staff, 'GET', '/api/session')).json<{
      assignments: { id: string; role: string; organisationName: string; organisationType: string }[];
      activeAssignmentId: string | null;
    }>();
    expect(session.assignments.find((a) => a.id === session.activeAssignmentId)).toMatchObject({
      role: 'provider_staff',
      organisationName: provider.name,
      organisationType: 'provider',
    });
    // Nobody is placed at the new provider yet: its staff see no child.
    const none = await t.request(staff, 'GET', '/api/children?pageSize=200');
    expect(none.statusCode).toBe(200);
    expect(none.json<{ items: unknown[] }>().items).toEqual([]);

    // Granted at the HVB where children live now (its organisation exists): exactly the children placed there.
    const hvb = after.providers.find((p) => p.users.some((u) => u.subject === 'dev:nils.persson'));
    if (hvb === undefined) throw new Error('no HVB with staff');
    expect((await grant(admin, { providerId: hvb.id })).statusCode).toBe(201);
    await t.database.raw.query(
      `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, decided_by)
       values ($1, '1280', $2, 'hvb', 'SoL', '2026-11-02', $3)`,
      [await t.childByDossier('20000101'), hvb.id, await t.userId('sara.lind')],
    );
    const atHvb = await t.login('kim.hvb', hvb.name);
    const children = await t.request(atHvb, 'GET', '/api/children?pageSize=200');
    const placedThere = await t.database.raw.query<{ child_id: string }>(
      `select child_id from placements where provider_id = $1 and to_date is null`,
      [hvb.id],
    );
    expect(placedThere.rows.length).toBeGreaterThan(0);
    expect(
      children
        .json<{ items: { id: string }[] }>()
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(placedThere.rows.map((r) => r.child_id).sort());

    // Revoked by the municipality: the session loses the role at once.
    const assignment = kim?.roles[0]?.assignmentId ?? '';
    expect((await t.request(admin, 'DELETE', `/api/admin/role-assignments/${assignment}`)).statusCode).toBe(
      200,
    );
    expect((await t.request(staff, 'GET', '/api/children')).statusCode).toBe(403);
  });

  it('refuses a grant without a provider, for another municipality’s provider, or a provider for another role', async () => {
    const missing = await grant(admin, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json<ErrorBody>().error).toMatchObject({
      code: 'provider_required',
      fields: [{ field: 'body.providerId', code: 'required' }],
    });
    const [elsewhere] = (
      await t.database.raw.query<{ id: string }>(
        `select id from placement_providers where municipality_code <> '1280' limit 1`,
      )
    ).rows;
    const foreign = await grant(admin, { providerId: elsewhere?.id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json<ErrorBody>().error.code).toBe('provider_not_own');
    const [own] = (
      await t.database.raw.query<{ id: string }>(
        `select id from placement_providers where municipality_code = '1280' limit 1`,
      )
    ).rows;
    const otherRole = await grant(admin, { role: 'social_worker', providerId: own?.id });
    expect(otherRole.statusCode).toBe(422);
    expect(otherRole.json<ErrorBody>().error.code).toBe('provider_not_applicable');
    // The Agency's administrator cannot grant provider staff at all.
    const agency = await grant(await t.login('mv.admin'), { providerId: own?.id });
    expect(agency.statusCode).toBe(422);
  });

  it('another organisation’s administrator cannot revoke the municipality’s provider staff', async () => {
    const members = (await t.request(admin, 'GET', '/api/admin/users')).json<Members>();
    const nils = members.providers.flatMap((p) => p.users).find((u) => u.subject === 'dev:nils.persson')
      ?.roles[0]?.assignmentId;
    const res = await t.request(
      await t.login('mv.admin'),
      'DELETE',
      `/api/admin/role-assignments/${nils ?? ''}`,
    );
    expect(res.statusCode).toBe(404);
  });
});
