/**
 * A statistics table as a file: the CSV's header, values in Swedish, ".." for a suppressed cell and the disclosure
 * note after an empty line; the ODS a zip whose first entry is the stored mimetype, the table and the note as sheets.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableCsv, tableOds } from '../../src/statistics/export.ts';
import type { StatisticsTable } from '../../src/statistics/tables.ts';

const table: StatisticsTable = {
  measure: 'arrivals',
  from: '2026-01',
  to: '2026-12',
  period: 'year',
  area: 'municipality',
  scope: { kind: 'county', code: '12' },
  exact: false,
  dimensions: [
    { name: 'period', values: [{ code: '2026', label: null }] },
    { name: 'area', values: [{ code: '1280', label: 'Malmö' }] },
    { name: 'gender', values: [{ code: 'female', label: null }] },
  ],
  cells: [
    { key: ['2026', '1280', 'female'], count: null },
    { key: ['2026', '1280', 'total'], count: 12 },
    { key: ['total', 'total', 'total'], count: 0 },
  ],
  suppressed: 1,
};

describe('statistics export', () => {
  it('writes the CSV with Swedish headers and values, ".." for suppressed, and the note after an empty line', () => {
    const lines = tableCsv(table).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'period,omrade,kon,antal',
      '2026,1280 Malmö,flicka,..',
      '2026,1280 Malmö,totalt,12',
      'totalt,totalt,totalt,0',
      '',
    ]);
    // The note's lines hold commas, so they are quoted like any other CSV value.
    expect(lines[5]).toBe(
      '"Ankomna barn (första dagen i en kommuns ansvar), 2026-01–2026-12. Källa: Anvisa."',
    );
    expect(lines.join('\n')).toContain('Röjandeskydd: antal 1–4 visas som ""..""');
    expect(lines.join('\n')).toContain('(1 dold cell)');
  });

  it('quotes a value holding a comma or a quote', () => {
    const named = {
      ...table,
      dimensions: [
        table.dimensions[0]!,
        { name: 'area' as const, values: [{ code: '1280', label: 'Malmö, "stad"' }] },
        table.dimensions[2]!,
      ],
    };
    expect(tableCsv(named).split('\n')[1]).toBe('2026,"1280 Malmö, ""stad""",flicka,..');
  });

  it('says so when the figures are the municipality’s own exact ones', () => {
    expect(tableCsv({ ...table, exact: true, suppressed: 0 })).toContain(
      'Exakta siffror för den egna kommunen',
    );
  });

  it('writes an OpenDocument spreadsheet: the mimetype first and stored, the table and the note as sheets', () => {
    const bytes = tableOds(table);
    // The first local file header names "mimetype" (offset 30) and is stored (compression method 0 at offset 8).
    expect(strFromU8(bytes.slice(30, 38))).toBe('mimetype');
    expect(bytes[8]).toBe(0);
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('mimetype');
    expect(strFromU8(files.mimetype!)).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const content = strFromU8(files['content.xml']!);
    expect(content).toContain('table:name="Tabell"');
    expect(content).toContain('table:name="Förklaring"');
    expect(content).toContain('<text:p>..</text:p>');
    expect(content).toContain('office:value-type="float" office:value="12"');
    expect(content).toContain('1280 Malmö');
    expect(files['META-INF/manifest.xml']).toBeDefined();
  });
});
