/**
 * A statistics table as a file (issue 15, ADR 0039): CSV (UTF-8, comma-separated, a header row; the disclosure note
 * after an empty line at the end, as PX-Web's exports put their footnotes) and ODS (OpenDocument spreadsheet: the
 * table on one sheet, the note on another). Always the protected table: an export leaves Anvisa's access control.
 */
import { strToU8, zipSync } from 'fflate';
import type { StatisticsTable } from './tables.ts';

/** Column headers and value names in Swedish: an exported file is read outside Anvisa. */
const COLUMN: Record<StatisticsTable['dimensions'][number]['name'], string> = {
  period: 'period',
  area: 'omrade',
  gender: 'kon',
  ageGroup: 'aldersgrupp',
  nationality: 'medborgarskap',
  asylumStage: 'asylarende',
  housingForm: 'boendeform',
};
const VALUE: Readonly<Record<string, string>> = {
  total: 'totalt',
  female: 'flicka',
  male: 'pojke',
  other: 'annat/okänt',
  unknown: 'okänt',
  no_case: 'inget ärende',
  pending: 'väntar på beslut',
  permit: 'uppehållstillstånd',
  refused: 'avslag',
  written_off: 'avskrivet',
  hvb: 'HVB',
  stodboende: 'stödboende',
  familjehem: 'familjehem',
  jourhem: 'jourhem',
  sis: 'SiS-hem',
  none: 'ingen placering',
};
/** What each measure counts, as an export's note and the open data's README name it. */
export const MEASURE: Record<StatisticsTable['measure'], string> = {
  arrivals: 'Ankomna barn (första dagen i en kommuns ansvar)',
  anvisningar: 'Anvisade barn (gällande anvisningsbeslut)',
  placements: 'Påbörjade placeringar',
  health_offered: 'Erbjudna hälsoundersökningar',
  turned_18: 'Barn som fyllt 18 under kommunens ansvar',
  missing_episodes: 'Anmälda försvinnanden',
};

export function disclosureNote(table: StatisticsTable): string[] {
  return [
    `${MEASURE[table.measure]}, ${table.from}–${table.to}. Källa: Anvisa.`,
    'Ålder vid ankomst i fyllda år. Kön som det är registrerat.',
    table.exact
      ? 'Exakta siffror för den egna kommunen (inte röjandeskyddade).'
      : `Röjandeskydd: antal 1–4 visas som ".." och ytterligare celler döljs så att ingen dold cell kan räknas fram ur en summa (${table.suppressed === 1 ? '1 dold cell' : `${table.suppressed} dolda celler`}). 0 visas.`,
  ];
}

function rows(table: StatisticsTable): { header: string[]; body: string[][] } {
  const labels = table.dimensions.map(
    (d) => new Map(d.values.map((v) => [v.code, v.label === null ? v.code : `${v.code} ${v.label}`])),
  );
  const header = [...table.dimensions.map((d) => COLUMN[d.name]), 'antal'];
  const body = table.cells.map((cell) => [
    ...cell.key.map((code, index) => VALUE[code] ?? labels[index]?.get(code) ?? code),
    cell.count === null ? '..' : String(cell.count),
  ]);
  return { header, body };
}

const csvCell = (value: string) => (/[",\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function tableCsv(table: StatisticsTable): string {
  const { header, body } = rows(table);
  const lines = [header, ...body].map((row) => row.map(csvCell).join(','));
  return `${[...lines, '', ...disclosureNote(table).map(csvCell)].join('\n')}\n`;
}

const xml = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function odsRow(cells: readonly string[], numeric: (index: number) => boolean): string {
  return `<table:table-row>${cells
    .map((value, index) =>
      numeric(index) && /^[0-9]+$/u.test(value)
        ? `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`
        : `<table:table-cell office:value-type="string"><text:p>${xml(value)}</text:p></table:table-cell>`,
    )
    .join('')}</table:table-row>`;
}

/** An OpenDocument spreadsheet: the sheet "Tabell" and the sheet "Förklaring" (the disclosure note). */
export function tableOds(table: StatisticsTable): Uint8Array {
  const { header, body } = rows(table);
  const last = header.length - 1;
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Tabell">${[
    odsRow(header, () => false),
    ...body.map((row) => odsRow(row, (index) => index === last)),
  ].join('')}</table:table><table:table table:name="Förklaring">${disclosureNote(table)
    .map((line) => odsRow([line], () => false))
    .join('')}</table:table></office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  // The mimetype first and stored uncompressed: how an OpenDocument reader recognises the file.
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'META-INF/manifest.xml': strToU8(manifest),
      'content.xml': strToU8(content),
    },
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}
