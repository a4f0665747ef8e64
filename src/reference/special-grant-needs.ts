/**
 * The special grant's needs and ceilings from reference-data/special_grant_needs.csv (see its README): read and
 * checked once; a row that does not parse is an error, never a guess.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNeedCeilings, type NeedCeilings } from '../domain/allowance/ceilings.ts';
import { CsvError, parseCsv } from './csv.ts';
import { REFERENCE_DIR } from './load.ts';

const NEEDS_FILE = 'special_grant_needs.csv';
let needs: NeedCeilings | undefined;

/** Parses a needs table's text (the shipped file's format); throws CsvError naming each bad line. */
export function parseNeedCeilings(text: string, file: string): NeedCeilings {
  const rows = parseCsv(text, file, ['behov', 'hogsta_belopp', 'verifierad', 'kalla']).map(
    ({ line, cells: [need = '', ceiling = '', verified = '', source = ''] }) => ({
      line,
      need,
      ceiling,
      verified,
      source,
    }),
  );
  const { table, problems } = buildNeedCeilings(rows);
  if (problems.length > 0) throw new CsvError(file, problems);
  return table;
}

/** The shipped needs table. */
export function specialGrantNeeds(): NeedCeilings {
  needs ??= parseNeedCeilings(readFileSync(join(REFERENCE_DIR, NEEDS_FILE), 'utf8'), NEEDS_FILE);
  return needs;
}
