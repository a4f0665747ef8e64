import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64DecodedSize,
  contentDisposition,
  detectMediaType,
  isBase64,
  safeFileName,
} from '../../../src/domain/social-case/document-types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('the type of a document in the personakt', () => {
  it('is recognised from the first bytes of PDF, PNG and JPEG', () => {
    expect(detectMediaType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('is none of them for anything else, whatever the name says', () => {
    expect(detectMediaType(new TextEncoder().encode('<html><script>'))).toBeNull();
    expect(detectMediaType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // a zip (docx)
    expect(detectMediaType(bytes())).toBeNull();
    expect(detectMediaType(bytes(0xff, 0xd8))).toBeNull();
  });
});

describe('a file name sent back on download', () => {
  it('keeps a name whose extension matches the content', () => {
    expect(safeFileName('Beslut placering.pdf', 'application/pdf')).toBe('Beslut placering.pdf');
    expect(safeFileName('foto.JPEG', 'image/jpeg')).toBe('foto.JPEG');
  });

  it('drops directories, quotes and control characters, and adds the right extension', () => {
    expect(safeFileName('C:\\tmp\\"elak"\n.exe', 'image/png')).toBe('elak.exe.png');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('', 'image/jpeg')).toBe('dokument.jpg');
    expect(safeFileName('.pdf', 'application/pdf')).toBe('.pdf.pdf');
  });

  it('never carries a quote, a line break or a path separator', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const safe = safeFileName(name, 'application/pdf');
        expect(safe).not.toMatch(/["\r\n/\\]/);
        expect(safe.toLowerCase().endsWith('.pdf')).toBe(true);
      }),
    );
  });

  it('is an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Utredning åtgärd.pdf')).toBe(
      `attachment; filename="Utredning atgard.pdf"; filename*=UTF-8''Utredning%20%C3%A5tg%C3%A4rd.pdf`,
    );
  });
});

describe('base64 content', () => {
  it('has the decoded size of its bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const text = Buffer.from(data).toString('base64');
        expect(isBase64(text)).toBe(true);
        expect(base64DecodedSize(text)).toBe(data.length);
      }),
    );
  });

  it('is refused when it is not base64', () => {
    expect(isBase64('abc')).toBe(false);
    expect(isBase64('ab!d')).toBe(false);
    expect(isBase64('data:application/pdf;base64,AAAA')).toBe(false);
  });
});
