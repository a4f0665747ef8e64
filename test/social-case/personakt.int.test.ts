import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';

/** The document limit is set low here, so that "too large" needs no megabytes in the test. */
const MAX_BYTES = 4096;

let t: TestApp;
let sara: Session;
let malmoChild: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

interface Entry {
  id: string;
  kind: string;
  body: string;
  occurredOn: string;
  notForChild: boolean;
  direction: string | null;
  counterpart: string | null;
  channel: string | null;
  author: string;
}
interface ErrorBody {
  error: { code: string; fields: { field: string; code: string; message: string }[] };
}

const upload = (session: Session, childId: string, body: Record<string, unknown>) =>
  t.request(session, 'POST', `/api/children/${childId}/documents`, body);

beforeAll(async () => {
  t = await startTestApp({ env: { ANVISA_DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
  sara = await t.login('sara.lind');
  malmoChild = await t.childByDossier('20000112');
});
afterAll(async () => t.close());

describe('journal entries', () => {
  it('are dated, carry their author, and may be marked as not for the child to read', async () => {
    const res = await t.request(sara, 'POST', `/api/children/${malmoChild}/journal`, {
      body: 'Samtal med barnet om skolan.',
      occurredOn: '2026-11-20',
      notForChild: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const entries = (await t.request(sara, 'GET', `/api/children/${malmoChild}/journal`)).json<Entry[]>();
    expect(entries.find((e) => e.id === res.json<{ id: string }>().id)).toMatchObject({
      kind: 'note',
      occurredOn: '2026-11-20',
      notForChild: true,
      author: 'Sara Lind',
      direction: null,
    });
  });

  it('keep the old shape: a body alone is a note dated today', async () => {
    const res = await t.request(sara, 'POST', `/api/children/${malmoChild}/journal`, {
      body: 'Kort anteckning.',
    });
    expect(res.statusCode).toBe(201);
    const entries = (await t.request(sara, 'GET', `/api/children/${malmoChild}/journal`)).json<Entry[]>();
    expect(entries.find((e) => e.id === res.json<{ id: string }>().id)).toMatchObject({
      kind: 'note',
      occurredOn: '2026-11-23',
      notForChild: false,
    });
  });

  it('log correspondence with direction, counterpart, channel and date, and can be filtered by kind', async () => {
    const missing = await t.request(sara, 'POST', `/api/children/${malmoChild}/journal`, {
      kind: 'correspondence',
      body: 'Brev om skolplacering.',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.fields.map((f) => f.field)).toEqual([
      'body.direction',
      'body.counterpart',
      'body.channel',
      'body.occurredOn',
    ]);
    expect(missing.json<ErrorBody>().error.fields[1]?.message).toBe('Ange motpart');
    const res = await t.request(sara, 'POST', `/api/children/${malmoChild}/journal`, {
      kind: 'correspondence',
      body: 'Brev om skolplacering.',
      occurredOn: '2026-11-19',
      direction: 'outgoing',
      counterpart: 'Skolförvaltningen',
      channel: 'letter',
    });
    expect(res.statusCode, res.body).toBe(201);
    const letters = (
      await t.request(sara, 'GET', `/api/children/${malmoChild}/journal?kind=correspondence`)
    ).json<Entry[]>();
    expect(letters.map((e) => [e.kind, e.direction, e.counterpart, e.channel, e.occurredOn])).toEqual([
      ['correspondence', 'outgoing', 'Skolförvaltningen', 'letter', '2026-11-19'],
    ]);
  });

  it('refuses a date in the future next to the field', async () => {
    const res = await t.request(sara, 'POST', `/api/children/${malmoChild}/journal`, {
      body: 'Framtid.',
      occurredOn: '2026-11-24',
    });
    expect(res.json<ErrorBody>().error.fields).toEqual([
      { field: 'body.occurredOn', code: 'future', message: 'Datumet kan inte ligga i framtiden' },
    ]);
  });

  it('a former municipality reads only what its own organisation wrote, and cannot write', async () => {
    const child = await t.childByDossier('20000101'); // arrived in Malmö, assigned to Sundsvall
    const johan = await t.login('johan.nilsson');
    expect(
      (await t.request(johan, 'POST', `/api/children/${child}/journal`, { body: 'Sundsvalls anteckning.' }))
        .statusCode,
    ).toBe(201);
    const malmo = (await t.request(sara, 'GET', `/api/children/${child}/journal`)).json<Entry[]>();
    expect(malmo.length).toBeGreaterThan(0);
    expect(malmo.map((e) => e.body)).not.toContain('Sundsvalls anteckning.');
    expect(
      (await t.request(sara, 'POST', `/api/children/${child}/journal`, { body: 'Försök.' })).statusCode,
    ).toBe(403);
    const sundsvall = (await t.request(johan, 'GET', `/api/children/${child}/journal`)).json<Entry[]>();
    expect(sundsvall.map((e) => e.body)).toContain('Sundsvalls anteckning.');
  });
});

describe('documents', () => {
  it('are stored with their SHA-256 and downloaded as an attachment of the right type; every read is audited', async () => {
    const res = await upload(sara, malmoChild, {
      title: 'Beslut om placering',
      fileName: 'beslut placering.pdf',
      mediaType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
      notForChild: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, sha256 } = res.json<{ id: string; sha256: string }>();
    expect(sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    const { maxBytes, items: list } = (
      await t.request(sara, 'GET', `/api/children/${malmoChild}/documents`)
    ).json<{
      maxBytes: number;
      items: { id: string; title: string; sizeBytes: number; notForChild: boolean; uploadedBy: string }[];
    }>();
    expect(maxBytes).toBe(MAX_BYTES);
    expect(list.find((d) => d.id === id)).toMatchObject({
      title: 'Beslut om placering',
      sizeBytes: PDF.length,
      notForChild: true,
      uploadedBy: 'Sara Lind',
    });
    expect(JSON.stringify(list)).not.toContain(PDF.toString('base64'));

    const download = await t.request(sara, 'GET', `/api/children/${malmoChild}/documents/${id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="beslut placering.pdf"; filename*=UTF-8''beslut%20placering.pdf`,
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const { rows } = await t.database.raw.query<{
      kind: string;
      child_ids: string[];
      payload: { documentId?: string };
    }>('select kind, child_ids, payload from audit_events where request_id = $1', [
      String(download.headers['x-request-id']),
    ]);
    expect(rows).toMatchObject([
      { kind: 'document.read', child_ids: [malmoChild], payload: { documentId: id } },
    ]);
  });

  it('accept images, with the right extension added to the name', async () => {
    const res = await upload(sara, malmoChild, {
      title: 'Foto av intyg',
      fileName: 'intyg',
      mediaType: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const download = await t.request(
      sara,
      'GET',
      `/api/children/${malmoChild}/documents/${res.json<{ id: string }>().id}`,
    );
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('filename="intyg.png"');
  });

  it('refuse content that is not PDF, PNG or JPEG, whatever the declared type, with a Swedish field error', async () => {
    const html = await upload(sara, malmoChild, {
      title: 'Elak',
      fileName: 'elak.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('<html><script>alert(1)</script>').toString('base64'),
    });
    expect(html.statusCode).toBe(400);
    expect(html.json<ErrorBody>().error.fields).toEqual([
      {
        field: 'body.contentBase64',
        code: 'document_type',
        message: 'Filen måste vara en PDF, PNG eller JPEG',
      },
    ]);
    const mismatch = await upload(sara, malmoChild, {
      title: 'Fel typ',
      fileName: 'bild.pdf',
      mediaType: 'application/pdf',
      contentBase64: PNG.toString('base64'),
    });
    expect(mismatch.json<ErrorBody>().error.fields[0]).toMatchObject({
      field: 'body.mediaType',
      code: 'document_type_mismatch',
    });
    const declared = await upload(sara, malmoChild, {
      title: 'Word',
      fileName: 'a.docx',
      mediaType: 'application/msword',
      contentBase64: PDF.toString('base64'),
    });
    expect(declared.statusCode).toBe(400);
    const notBase64 = await upload(sara, malmoChild, {
      title: 'Trasig',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      contentBase64: 'inte base64!',
    });
    expect(notBase64.json<ErrorBody>().error.fields[0]?.field).toBe('body.contentBase64');
  });

  it('refuse a file larger than the configured limit, saying the limit in Swedish, and write nothing', async () => {
    const before = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from case_documents',
    );
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]);
    const res = await upload(sara, malmoChild, {
      title: 'Stor',
      fileName: 'stor.pdf',
      mediaType: 'application/pdf',
      contentBase64: big.toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields).toEqual([
      { field: 'body.contentBase64', code: 'document_too_large', message: 'Filen får vara högst 4 kB' },
    ]);
    const after = await t.database.raw.query<{ n: number | string }>(
      'select count(*) as n from case_documents',
    );
    expect(Number(after.rows[0]?.n)).toBe(Number(before.rows[0]?.n));
  });

  it('are read past the application’s usual body limit, so a large file gets the Swedish field error', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(300 * 1024)]);
    const res = await upload(sara, malmoChild, {
      title: 'Stor',
      fileName: 'stor.pdf',
      mediaType: 'application/pdf',
      contentBase64: big.toString('base64'),
    });
    expect(res.json<ErrorBody>().error).toMatchObject({ code: 'document_too_large' });
  });

  it('are not found for another child, or outside the scope', async () => {
    const res = await upload(sara, malmoChild, {
      title: 'Intyg',
      fileName: 'intyg.pdf',
      mediaType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
    const id = res.json<{ id: string }>().id;
    const other = await t.childByDossier('20000102');
    expect((await t.request(sara, 'GET', `/api/children/${other}/documents/${id}`)).statusCode).toBe(404);
    const johan = await t.login('johan.nilsson');
    expect((await t.request(johan, 'GET', `/api/children/${malmoChild}/documents/${id}`)).statusCode).toBe(
      404,
    );
    expect((await t.request(johan, 'GET', `/api/children/${malmoChild}/documents`)).statusCode).toBe(404);
    const god = await t.login('birgitta.sjo');
    expect((await t.request(god, 'GET', `/api/children/${malmoChild}/documents/${id}`)).statusCode).toBe(403);
  });
});
