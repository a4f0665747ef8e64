/**
 * Control characters in text (a NUL byte was a 500 on both engines) and the audit trail of requests that were not
 * carried out: a 400 naming the field for every string of every route, a refused request about a child in that
 * child's access log, and a failed one (5xx) on record as `failed`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../support/app.ts';

interface ErrorBody {
  error: { code: string; requestId: string; fields: { field: string; code: string; message: string }[] };
}

let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await startTestApp({ children: 24 });
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

/** Every code unit the free-text rule refuses (src/domain/text.ts), and the three a multi-line field lets through. */
const REFUSED: string[] = [
  ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
  0xfffe,
  0xffff,
].map((c) => String.fromCharCode(c));
const LINE_BREAKS = ['\t', '\n', '\r'];
const isSurrogate = (ch: string) => ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;

const valid = {
  dossierNumber: '88100001',
  firstName: 'Amina',
  lastName: 'Osman',
  birthDate: '2010-04-03',
  gender: 'female',
  whereabouts: 'HVB Linden',
  arrivalMunicipalityCode: '1280',
  arrivalDate: '2026-11-20',
};

async function childCount(): Promise<number> {
  const { rows } = await t.database.raw.query<{ n: number | string }>('select count(*) as n from children');
  return Number(rows[0]?.n);
}

function refusedField(res: { statusCode: number; body: string; json: <T>() => T }, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json<ErrorBody>().error.fields, res.body).toContainEqual(
    expect.objectContaining({ field, code: 'control_character' }),
  );
}

describe('a control character in a text field', () => {
  it('is refused with a 400 naming each of the 8 fields of an arrival, and nothing is written', async () => {
    const before = await childCount();
    for (const field of Object.keys(valid)) {
      for (const ch of ['\u0000', '\u001b', '\u0085', '\uD800']) {
        const value = `${valid[field as keyof typeof valid]}${ch}`;
        refusedField(
          await t.request(officer, 'POST', '/api/children', { ...valid, [field]: value }),
          `body.${field}`,
        );
      }
    }
    expect(await childCount()).toBe(before);
    expect((await t.request(officer, 'POST', '/api/children', valid)).statusCode).toBe(201);
  });

  it('a line break in a name (a single-line field) is refused as well', async () => {
    for (const field of ['firstName', 'lastName', 'whereabouts']) {
      refusedField(
        await t.request(officer, 'POST', '/api/children', {
          ...valid,
          dossierNumber: '88100002',
          [field]: 'Amina\nOsman',
        }),
        `body.${field}`,
      );
    }
  });

  it('is refused in a journal note, and line breaks and tabs in it are kept', async () => {
    const sara = await t.login('sara.lind');
    const child = await t.childByDossier('20000112');
    refusedField(
      await t.request(sara, 'POST', `/api/children/${child}/journal`, { body: 'Samtal\u0000med barnet' }),
      'body.body',
    );
    const ok = await t.request(sara, 'POST', `/api/children/${child}/journal`, {
      body: 'Samtal med barnet\r\n\tom skolan',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

interface Target {
  readonly route: string;
  readonly field: string;
  /** The request with `value` in the field. */
  build(value: string): { method: string; url: string; body?: string };
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** The paths of every string in a body schema: nested objects by key, arrays by their first item. */
function stringPaths(schema: JsonSchema | undefined, path: readonly string[] = [], depth = 0): string[][] {
  if (schema === undefined || depth > 8) return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const own = types.includes('string') ? [[...path]] : [];
  const nested = [
    ...Object.entries(schema.properties ?? {}).flatMap(([key, child]) =>
      stringPaths(child, [...path, key], depth + 1),
    ),
    ...(schema.items ? stringPaths(schema.items, [...path, '0'], depth + 1) : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s) =>
      stringPaths(s, path, depth + 1),
    ),
  ];
  const seen = new Set<string>();
  return [...own, ...nested].filter((p) => !seen.has(p.join('.')) && seen.add(p.join('.')) !== undefined);
}

function bodyWith(path: readonly string[], value: string): unknown {
  if (path.length === 0) return value;
  const [head = '', ...rest] = path;
  return /^[0-9]+$/.test(head) ? [bodyWith(rest, value)] : { [head]: bodyWith(rest, value) };
}

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Every string field of every route in the OpenAPI document: path parameters, query parameters, body fields. */
function targets(): Target[] {
  type Operation = {
    parameters?: { in: string; name: string; schema?: JsonSchema }[];
    requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
  };
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  const found: Target[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const route = `${method.toUpperCase()} ${path}`;
      const url = (param?: string, value?: string) =>
        path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          name === param && value !== undefined ? encodeURIComponent(value) : SOME_ID,
        );
      for (const p of operation.parameters ?? []) {
        if (stringPaths(p.schema).length === 0) continue;
        if (p.in === 'path') {
          found.push({
            route,
            field: `params.${p.name}`,
            build: (v) => ({ method: method.toUpperCase(), url: url(p.name, v) }),
          });
        } else if (p.in === 'query') {
          found.push({
            route,
            field: `querystring.${p.name}`,
            build: (v) => ({
              method: method.toUpperCase(),
              url: `${url()}?${p.name}=${encodeURIComponent(v)}`,
            }),
          });
        }
      }
      for (const fieldPath of stringPaths(operation.requestBody?.content?.['application/json']?.schema)) {
        if (fieldPath.length === 0) continue;
        found.push({
          route,
          field: ['body', ...fieldPath].join('.'),
          build: (v) => ({
            method: method.toUpperCase(),
            url: url(),
            body: JSON.stringify(bodyWith(fieldPath, v)),
          }),
        });
      }
    }
  }
  return found;
}

async function send(target: Target, value: string) {
  const { method, url, body } = target.build(value);
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      cookie: officer.cookie,
      'x-csrf-token': officer.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: body }),
  });
}

describe('every string field of every route', () => {
  it('refuses every control character with a 400 naming the field, and never answers 5xx (property)', async () => {
    const all = targets();
    // Sanity: the walk finds the fields the defect named.
    const fields = new Set(all.map((x) => `${x.route} ${x.field}`));
    for (const expected of [
      'POST /api/children body.firstName',
      'POST /api/children/{childId}/journal body.body',
      'POST /api/children/{childId}/basic-data body.lastName',
      'GET /api/children querystring.q',
      'GET /api/children/{childId} params.childId',
    ]) {
      expect(fields, expected).toContain(expected);
    }
    expect(all.length).toBeGreaterThan(300);
    // A URL cannot carry a lone surrogate (it has no UTF-8 form); JSON can.
    const usable = (target: Target, ch: string) => !(isSurrogate(ch) && !target.field.startsWith('body.'));
    const check = async (target: Target, ch: string) => {
      const res = await send(target, `a${ch}b`);
      expect(
        res.statusCode,
        `${target.route} ${target.field} U+${ch.charCodeAt(0).toString(16)}: ${res.body}`,
      ).toBe(400);
      expect(res.json<ErrorBody>().error.fields, `${target.route} ${target.field}`).toContainEqual(
        expect.objectContaining({ field: target.field, code: 'control_character' }),
      );
    };
    // Every field gets a NUL and one more refused character, in turn, so every character reaches many routes…
    for (const [i, target] of all.entries()) {
      await check(target, '\u0000');
      const ch = REFUSED[i % REFUSED.length] ?? '\u0000';
      if (usable(target, ch)) await check(target, ch);
    }
    // …and random pairs of field and character on top, with the line breaks a multi-line field lets through.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.constantFrom(...REFUSED, ...LINE_BREAKS),
        async (target, ch) => {
          fc.pre(usable(target, ch));
          if (LINE_BREAKS.includes(ch)) {
            const res = await send(target, `a${ch}b`);
            expect(res.statusCode, `${target.route} ${target.field}`).toBeLessThan(500);
          } else {
            await check(target, ch);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('requests that were not carried out', () => {
  it('a malformed request about a child outside the caller’s scope is in that child’s access log for the data protection officer', async () => {
    const child = await t.childByDossier('20000112'); // Malmö's child
    const outsider = await t.login('johan.nilsson'); // Sundsvall's social worker
    const malformed = await t.request(outsider, 'POST', `/api/children/${child}/basic-data`, {
      version: 'one',
      firstName: '',
    });
    expect(malformed.statusCode).toBe(400);
    const nul = await t.request(outsider, 'POST', `/api/children/${child}/basic-data`, {
      version: 1,
      firstName: 'A\u0000',
    });
    expect(nul.statusCode).toBe(400);
    const ids = [malformed, nul].map((r) => r.json<ErrorBody>().error.requestId);
    const { rows } = await t.database.raw.query<{
      request_id: string;
      outcome: string;
      child_ids: string[];
      payload: { status: number };
    }>(
      'select request_id, outcome, child_ids, payload from audit_events where request_id = any($1::text[]) order by insert_seq',
      [ids],
    );
    expect(rows.map((r) => [r.request_id, r.outcome, r.child_ids, r.payload.status])).toEqual(
      ids.map((id) => [id, 'denied', [child], 400]),
    );

    const dso = await t.login('malmo.dso');
    const log = await t.request(dso, 'GET', `/api/children/${child}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const johan = await t.userId('johan.nilsson');
    const entries = log.json<{
      entries: { actorUserId: string | null; outcome: string; parts: { kind: string; outcome: string }[] }[];
    }>().entries;
    const his = entries.filter((e) => e.actorUserId === johan);
    expect(his.length).toBeGreaterThanOrEqual(1);
    for (const entry of his) {
      expect(entry.outcome).toBe('denied');
      expect(entry.parts).toContainEqual(expect.objectContaining({ kind: 'child.edit', outcome: 'denied' }));
    }
  });

  it('a malformed request that names no child leaves no event (nothing to trace)', async () => {
    const res = await t.request(officer, 'POST', '/api/children', { ...valid, dossierNumber: 'x' });
    expect(res.statusCode).toBe(400);
    const { rows } = await t.database.raw.query('select 1 from audit_events where request_id = $1', [
      res.json<ErrorBody>().error.requestId,
    ]);
    expect(rows).toEqual([]);
  });

  it('a request that fails with a server error is audited as failed, naming its child', async () => {
    const sara = await t.login('sara.lind');
    const child = await t.childByDossier('20000112');
    await t.database.raw.query(
      `create function refuse_note() returns trigger language plpgsql as $$ begin raise exception 'forced'; end $$`,
    );
    await t.database.raw.query(
      'create trigger refuse_note before insert on journal_entries for each row execute function refuse_note()',
    );
    try {
      const res = await t.request(sara, 'POST', `/api/children/${child}/journal`, { body: 'En anteckning' });
      expect(res.statusCode).toBe(500);
      const { rows } = await t.database.raw.query<{
        outcome: string;
        kind: string;
        child_ids: string[];
        payload: { status: number; code: string | null };
      }>('select outcome, kind, child_ids, payload from audit_events where request_id = $1', [
        res.json<ErrorBody>().error.requestId,
      ]);
      expect(rows.map((r) => [r.outcome, r.kind, r.child_ids, r.payload.status])).toEqual([
        ['failed', 'child.journal.write', [child], 500],
      ]);
    } finally {
      await t.database.raw.query('drop trigger refuse_note on journal_entries');
    }
  });
});
