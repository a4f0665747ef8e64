/**
 * Emergency care of a missing child in another municipality through the API (issue 12 point 7, rule D-R1; ADR 0025
 * §9): a Lund social worker who reaches a Malmö child only through an emergency grant records the care Lund gives; the
 * responsible Malmö worker sees it and is told; responsibility and the episode stay as they were. Without a grant 404,
 * Malmö itself and an ended episode 409, bad input 422 field by field, and the write is audited as an emergency one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, PINNED_NOW, type Session, type TestApp } from '../support/app.ts';
import { aChild } from '../placement/fixtures.ts';
import {
  missingEmergencyCare,
  notifications,
  organisations,
  responsibilityPeriods,
  roleAssignments,
  users,
} from '../../src/platform/db/schema.ts';

let t: TestApp;
let sara: Session;
let lisa: Session;

interface Care {
  municipality: { code: string; name: string };
  startedAt: string;
  endedAt: string | null;
  place: string | null;
  care: string;
  description: string;
  contactName: string;
  contactPhone: string;
}
interface Episode {
  id: string;
  state: string;
  version: number;
  municipality: { code: string };
  emergencyCare: Care[];
  steps: { action: string; path: string; needs: { fields: string[] } }[];
}
interface View {
  episodes: Episode[];
}
interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

const missing = (child: string) => `/api/children/${child}/missing`;
const CARE = {
  startedAt: '2026-11-23T01:30:00+01:00',
  place: 'Socialjourens jourhem, Lund',
  care: 'jourhem',
  description: 'Polisen lämnade barnet hos socialjouren i natt. Barnet fick mat, sömn och ett jourhem.',
  contactName: 'Socialjouren i Lund',
  contactPhone: '046-35 50 00',
};

const first = (v: View) => {
  const e = v.episodes[0];
  if (e === undefined) throw new Error(`no episode: ${JSON.stringify(v)}`);
  return e;
};

/** A Malmö child with an open search (the police report made at once), its social worker Sara Lind. */
async function missingChild(dossier: string): Promise<{ child: string; episode: Episode }> {
  const child = await aChild(t, { dossier, assignedWorker: 'sara.lind' });
  const res = await t.request(sara, 'POST', missing(child), {
    kind: 'missing',
    lastSeenAt: '2026-11-22T20:00:00+01:00',
    lastSeenPlace: 'HVB Solgården, Malmö',
    policeReference: '5000-K777777-26',
    policeReportedAt: '2026-11-22T22:00:00+01:00',
  });
  expect(res.statusCode).toBe(201);
  return { child, episode: first(res.json<View>()) };
}

async function grant(session: Session, dossierNumber: string) {
  const res = await t.request(session, 'POST', '/api/emergency-access', {
    dossierNumber,
    reason: 'Barnet har påträffats i Lund i natt och behöver akut omsorg',
    hours: 4,
  });
  expect(res.statusCode).toBe(201);
}

const record = (s: Session, child: string, episodeId: string, body: Record<string, unknown> = {}) =>
  t.request(s, 'POST', `${missing(child)}/${episodeId}/emergency-care`, { ...CARE, ...body });

beforeAll(async () => {
  t = await startTestApp();
  // Lund's social services have no social worker among the demo users: one is added for this test.
  const [lund] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.type, 'municipality'), eq(organisations.municipalityCode, '1281')));
  const [user] = await t.database.db
    .insert(users)
    .values({ subject: 'dev:lisa.lund', displayName: 'Lisa Holmberg' })
    .returning({ id: users.id });
  await t.database.db
    .insert(roleAssignments)
    .values({ userId: user?.id ?? '', organisationId: lund?.id ?? '', role: 'social_worker' });
  [sara, lisa] = await Promise.all([t.login('sara.lind'), t.login('lisa.lund')]);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.now = PINNED_NOW;
});

describe('emergency care recorded by the municipality where the child turns up', () => {
  it('Lund records it through its emergency grant; Malmö sees it and is told; nothing else changes', async () => {
    const { child, episode } = await missingChild('76000001');
    const periodsBefore = await t.database.db
      .select()
      .from(responsibilityPeriods)
      .where(eq(responsibilityPeriods.childId, child));

    // Without a grant Lund does not reach the child at all.
    expect((await record(lisa, child, episode.id)).statusCode).toBe(404);
    expect((await t.request(lisa, 'GET', missing(child))).statusCode).toBe(404);

    await grant(lisa, '76000001');
    // Through the grant Lund reads the episodes, and the one step offered is the emergency care.
    const read = first((await t.request(lisa, 'GET', missing(child))).json<View>());
    expect(read.steps.map((s) => s.action)).toEqual(['emergency_care']);
    expect(read.steps[0]?.path).toBe(`${missing(child)}/${episode.id}/emergency-care`);
    expect(read.emergencyCare).toEqual([]);
    // Malmö is not offered it: it records the child found.
    const malmo = first((await t.request(sara, 'GET', missing(child))).json<View>());
    expect(malmo.steps.map((s) => s.action)).not.toContain('emergency_care');
    expect(malmo.steps.map((s) => s.action)).toContain('found');

    const res = await record(lisa, child, episode.id);
    expect(res.statusCode).toBe(201);
    const lund = first(res.json<View>());
    expect(lund.emergencyCare).toMatchObject([
      { municipality: { code: '1281' }, place: CARE.place, care: 'jourhem', endedAt: null },
    ]);

    // The responsible municipality sees the record under the episode, and its worker was told in the app.
    const seen = first((await t.request(sara, 'GET', missing(child))).json<View>());
    expect(seen.emergencyCare).toHaveLength(1);
    expect(seen.emergencyCare[0]).toMatchObject({
      municipality: { code: '1281', name: expect.stringContaining('Lund') as string },
      startedAt: new Date(CARE.startedAt).toISOString(),
      place: CARE.place,
      care: 'jourhem',
      description: CARE.description,
      contactName: CARE.contactName,
      contactPhone: CARE.contactPhone,
    });
    const told = await t.database.db
      .select({ details: notifications.details })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, sara.userId),
          eq(notifications.childId, child),
          eq(notifications.kind, 'missing_emergency_care'),
        ),
      );
    expect(told).toHaveLength(1);
    expect(told[0]?.details).toMatchObject({ episodeId: episode.id, municipalityCode: '1281' });

    // Responsibility and the episode are untouched: the same state and version, the same periods.
    expect(seen.state).toBe(episode.state);
    expect(seen.version).toBe(episode.version);
    expect(seen.municipality.code).toBe('1280');
    expect(
      await t.database.db
        .select()
        .from(responsibilityPeriods)
        .where(eq(responsibilityPeriods.childId, child)),
    ).toEqual(periodsBefore);

    // The write is audited, as an emergency access, naming the child (no place or name in the audit's details).
    const { rows } = await t.database.raw.query<{
      kind: string;
      outcome: string;
      emergency: boolean;
      child_ids: string[];
      payload: string;
    }>('select kind, outcome, emergency, child_ids, payload::text from audit_events where request_id = $1', [
      res.headers['x-request-id'],
    ]);
    expect(rows.map((r) => [r.kind, r.outcome, r.emergency, r.child_ids])).toEqual([
      ['missing.emergency_care.write', 'allowed', true, [child]],
    ]);
    expect(rows[0]?.payload).not.toContain('Lund');
    expect(rows[0]?.payload).not.toContain('046');
  });

  it('Malmö, the responsible municipality, is refused (409): it records the child found instead', async () => {
    const { child, episode } = await missingChild('76000002');
    const res = await record(sara, child, episode.id);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('emergency_care_by_responsible');
    expect(
      await t.database.db
        .select()
        .from(missingEmergencyCare)
        .where(eq(missingEmergencyCare.episodeId, episode.id)),
    ).toEqual([]);
  });

  it('is refused (409) when the episode has ended or no search is open', async () => {
    const child = await aChild(t, { dossier: '76000003', assignedWorker: 'sara.lind' });
    const absent = first(
      (
        await t.request(sara, 'POST', missing(child), {
          kind: 'away_without_permission',
          lastSeenAt: '2026-11-22T20:00:00+01:00',
          lastSeenPlace: 'Skolan',
        })
      ).json<View>(),
    );
    await grant(lisa, '76000003');
    const early = await record(lisa, child, absent.id);
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('emergency_care_not_open');
    const back = await t.request(sara, 'POST', `${missing(child)}/${absent.id}/return`, {
      returnedAt: '2026-11-23T08:00:00+01:00',
      expectedVersion: absent.version,
    });
    expect(first(back.json<View>()).state).toBe('returned');
    const ended = await record(lisa, child, absent.id);
    expect(ended.statusCode).toBe(409);
    expect(ended.json<ErrorBody>().error.code).toBe('emergency_care_not_open');
    // Nor is the step offered.
    const read = first((await t.request(lisa, 'GET', missing(child))).json<View>());
    expect(read.steps).toEqual([]);
  });

  it('answers bad input 422, field by field in Swedish', async () => {
    const { child, episode } = await missingChild('76000004');
    await grant(lisa, '76000004');
    const res = await record(lisa, child, episode.id, {
      startedAt: '2026-11-22T19:00:00+01:00',
      endedAt: '2026-11-22T18:00:00+01:00',
      place: '  ',
      description: '',
      contactName: 'Jouren',
      contactPhone: 'ring växeln',
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.fields.map((f) => [f.field, f.code])).toEqual([
      ['startedAt', 'before_last_seen'],
      ['endedAt', 'before_start'],
      ['place', 'required'],
      ['description', 'required'],
      ['contactPhone', 'phone_format'],
    ]);
    expect(body.error.fields[0]?.message).toBe('Tidpunkten kan inte ligga före när barnet senast sågs');

    const future = await record(lisa, child, episode.id, { startedAt: '2026-11-23T11:00:00+01:00' });
    expect(future.json<ErrorBody>().error.fields.map((f) => [f.field, f.code])).toEqual([
      ['startedAt', 'in_the_future'],
    ]);

    // The shape is the contract's (400 `validation`, as every route): a kind of care outside the list, and a
    // missing field, name their fields.
    const shape = await t.request(lisa, 'POST', `${missing(child)}/${episode.id}/emergency-care`, {
      ...CARE,
      care: 'hotel',
      contactName: undefined,
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ErrorBody>().error.code).toBe('validation');
    expect(
      shape
        .json<ErrorBody>()
        .error.fields.map((f) => f.field)
        .sort(),
    ).toEqual(['body.care', 'body.contactName']);
    expect(
      await t.database.db
        .select()
        .from(missingEmergencyCare)
        .where(eq(missingEmergencyCare.episodeId, episode.id)),
    ).toEqual([]);
  });

  it('each municipality giving care reads its own records; other readers of the episode see none', async () => {
    const { child, episode } = await missingChild('76000005');
    await grant(lisa, '76000005');
    expect((await record(lisa, child, episode.id)).statusCode).toBe(201);
    // A second record: the child moved from the socialjour's jourhem to health care, ended.
    const second = await record(lisa, child, episode.id, {
      startedAt: '2026-11-23T06:00:00+01:00',
      endedAt: '2026-11-23T09:30:00+01:00',
      care: 'health_care',
      place: 'Barnakuten, Skånes universitetssjukhus Lund',
    });
    expect(second.statusCode).toBe(201);
    expect(first(second.json<View>()).emergencyCare.map((c) => c.care)).toEqual(['jourhem', 'health_care']);
    // The Agency's asylum officer reads the episodes, not the emergency care.
    const omar = await t.login('omar.said');
    const agency = first((await t.request(omar, 'GET', missing(child))).json<View>());
    expect(agency.emergencyCare).toEqual([]);
    // Another municipality (Sundsvall) with a grant of its own sees none of Lund's records.
    const johan = await t.login('johan.nilsson');
    await grant(johan, '76000005');
    const sundsvall = first((await t.request(johan, 'GET', missing(child))).json<View>());
    expect(sundsvall.emergencyCare).toEqual([]);
    expect(sundsvall.steps.map((s) => s.action)).toEqual(['emergency_care']);
  });
});
