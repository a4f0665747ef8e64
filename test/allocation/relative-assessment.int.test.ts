/**
 * A stated relative: the assessment (due in three days) is on the assessing municipality's worklist until answered,
 * and the relative's name, address and phone are shown to that municipality and the registering Migration Agency only —
 * never to another municipality, never in logs or audit payloads; their reads are audited.
 */
import { Writable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/platform/db/schema.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';

let t: TestApp;
let officer: Session;
let dossier = 57_000_000;
const logLines: string[] = [];

const CONTACT = { name: 'Abdi Warsame', address: 'Skolvägen 12, 212 14 Malmö', phone: '070-174 06 42' };

const arrive = (extra: Record<string, unknown> = {}) =>
  arrivedChild(t, {
    session: officer,
    municipalityCode: '2281',
    arrivalDate: '2026-11-22',
    birthDate: '2011-04-02',
    fields: {
      firstName: 'Hodan',
      lastName: 'Abdi',
      gender: 'female',
      languages: [],
      interpreterNeeded: false,
      relative: { municipalityCode: '1280', relation: 'morbror', ...CONTACT },
      ...extra,
    },
  });

interface Task {
  id: string;
  childId: string;
  child: { dossierNumber: string; firstName: string | null; identityMasked: boolean };
  relative: typeof CONTACT | null;
  dueOn: string;
}
interface WorklistItem {
  rule: string;
  dueOn: string;
  child: { id: string };
  municipality: { code: string } | null;
}

const worklist = async (session: Session) =>
  (await t.request(session, 'GET', '/api/worklist?rule=relative-assessment&pageSize=200')).json<{
    items: WorklistItem[];
  }>().items;
const tasks = async (session: Session) =>
  (await t.request(session, 'GET', '/api/relative-assessments')).json<Task[]>();

beforeAll(async () => {
  const logTo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  t = await startTestApp({ logTo });
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

describe('the relative assessment on the worklist', () => {
  it("appears on the assessing municipality's worklist, due in three days, and leaves it when answered", async () => {
    const child = await arrive();
    const sara = await t.login('sara.lind');
    const item = (await worklist(sara)).find((i) => i.child.id === child);
    expect(item).toMatchObject({
      rule: 'relative-assessment',
      dueOn: '2026-11-26',
      municipality: { code: '1280' },
    });
    const task = (await tasks(sara)).find((x) => x.childId === child);
    const answered = await t.request(sara, 'POST', `/api/relative-assessments/${task?.id ?? ''}/outcome`, {
      outcome: 'suitable',
      note: 'Hembesök gjort',
    });
    expect(answered.statusCode).toBe(200);
    expect((await worklist(sara)).some((i) => i.child.id === child)).toBe(false);
  });

  it("is not on the arrival municipality's worklist", async () => {
    const child = await arrive();
    expect((await worklist(await t.login('johan.nilsson'))).some((i) => i.child.id === child)).toBe(false);
  });
});

describe("the relative's contact details", () => {
  it('are shown to the assessing municipality with the child’s name, and the read is audited without them', async () => {
    const child = await arrive();
    const sara = await t.login('sara.lind');
    const task = (await tasks(sara)).find((x) => x.childId === child);
    expect(task).toMatchObject({ relative: CONTACT, child: { firstName: 'Hodan', identityMasked: false } });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.kind, 'relative_assessment.read'))
      .orderBy(desc(auditEvents.insertSeq))
      .limit(1);
    expect(event?.childIds).toContain(child);
    expect(
      (event?.payload as { relativeContactsShown?: number } | null)?.relativeContactsShown,
    ).toBeGreaterThan(0);
  });

  it('are shown to the registering Migration Agency with the proposal', async () => {
    const child = await arrive();
    const proposal = await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`);
    expect(
      proposal.json<{ relativeAssessments: { relative: unknown }[] }>().relativeAssessments[0]?.relative,
    ).toEqual(CONTACT);
  });

  it('are never shown to the arrival municipality, nor to the assessing municipality once it has answered', async () => {
    const child = await arrive();
    const johan = await t.login('johan.nilsson');
    expect(await tasks(johan)).toEqual([]);
    for (const url of [
      `/api/children/${child}`,
      `/api/children/${child}/overview`,
      `/api/children/${child}/timeline`,
      '/api/worklist',
    ]) {
      const res = await t.request(johan, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      for (const value of Object.values(CONTACT)) expect(res.body, url).not.toContain(value);
    }
    const sara = await t.login('sara.lind');
    const task = (await tasks(sara)).find((x) => x.childId === child);
    await t.request(sara, 'POST', `/api/relative-assessments/${task?.id ?? ''}/outcome`, {
      outcome: 'unsuitable',
      note: 'Trångbott',
    });
    expect((await tasks(sara)).some((x) => x.childId === child)).toBe(false);
    const page = await t.request(sara, 'GET', `/api/children/${child}`);
    for (const value of Object.values(CONTACT)) expect(page.body).not.toContain(value);
  });

  it('with a protected identity, are shown only to a cleared social worker and the child’s own case officer', async () => {
    const child = await arrive({ protectedIdentity: true });
    expect((await tasks(await t.login('sara.lind'))).find((x) => x.childId === child)?.relative).toEqual(
      CONTACT,
    );
    const uncleared = (await tasks(await t.login('ali.hassan'))).find((x) => x.childId === child);
    expect(uncleared).toMatchObject({ relative: null, child: { identityMasked: true } });
    const colleague = await t.request(
      await t.login('jonas.berg'),
      'GET',
      `/api/allocation/children/${child}/proposal`,
    );
    expect(
      colleague.json<{ relativeAssessments: { relative: unknown }[] }>().relativeAssessments[0]?.relative,
    ).toBeNull();
  });

  it('never reach a log line or an audit payload', async () => {
    await arrive();
    await tasks(await t.login('sara.lind'));
    const payloads = await t.database.db.select({ payload: auditEvents.payload }).from(auditEvents);
    const audit = JSON.stringify(payloads);
    for (const value of Object.values(CONTACT)) {
      expect(audit).not.toContain(value);
      expect(logLines.join('')).not.toContain(value);
    }
  });
});

describe('registering a relative', () => {
  const refused = async (relative: Record<string, unknown>) => {
    const res = await t.request(officer, 'POST', '/api/allocation/arrivals', {
      dossierNumber: String(++dossier),
      firstName: 'Hodan',
      lastName: 'Abdi',
      birthDate: '2011-04-02',
      gender: 'female',
      arrivalMunicipalityCode: '2281',
      arrivalDate: '2026-11-22',
      relative: { municipalityCode: '1280', relation: 'morbror', ...relative },
    });
    expect(res.statusCode).toBe(400);
    return res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field);
  };

  it('needs a name and an address or a phone number, and a phone number that is one', async () => {
    expect(await refused({ address: CONTACT.address })).toContain('body.relative.name');
    expect(await refused({ name: CONTACT.name })).toContain('body.relative.address');
    expect(await refused({ name: CONTACT.name, phone: 'ring henne' })).toContain('body.relative.phone');
    expect(await refused({ name: 'Abdi\u0000Warsame', phone: CONTACT.phone })).toContain(
      'body.relative.name',
    );
  });

  it('accepts a phone number without an address', async () => {
    const child = await arrive({
      relative: {
        municipalityCode: '1280',
        relation: 'faster',
        name: 'Amina Osman',
        phone: '+46 70 174 06 43',
      },
    });
    const task = (await tasks(await t.login('sara.lind'))).find((x) => x.childId === child);
    expect(task?.relative).toEqual({ name: 'Amina Osman', address: null, phone: '+46 70 174 06 43' });
  });
});
