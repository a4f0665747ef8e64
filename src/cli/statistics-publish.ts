/**
 * `anvisa statistics publish --year YYYY --out <folder> [--lan NN]` (issue 15): the year's protected tables as open
 * data — what the Migration Agency (the nation, by county) or a county board (`--lan`: its county, by municipality)
 * can put on its web page. For each measure two CSV files: by month × area × gender, and by area × gender × age group
 * for the year; and a README.md in Swedish of what they count and how they are protected. The tables are the ones the
 * export gives (statisticsTable for export, always protected), each checked with disclosureProblems before anything
 * is written. Written into a temporary folder beside the out folder and renamed at the end: nothing half-written.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../domain/access/child-scope.ts';
import { MEASURES, STAT_AGE_GROUPS, type Measure } from '../domain/statistics/dimensions.ts';
import { disclosureProblems } from '../domain/statistics/disclosure.ts';
import { stockholmDate } from '../domain/time.ts';
import type { Database } from '../platform/db/client.ts';
import { knownCountyCodes } from '../reference/load.ts';
import { MEASURE, tableCsv } from '../statistics/export.ts';
import { statisticsTable, type StatisticsTable, type TableRequest } from '../statistics/tables.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

export interface PublishOptions {
  readonly year: string;
  readonly out: string;
  /** The county's code (länskod) for a county board's tables; null for the nation's. */
  readonly county: string | null;
}

/** The file names' words for each measure (open data is read in Swedish). */
const SLUG: Record<Measure, string> = {
  arrivals: 'ankomna',
  anvisningar: 'anvisade',
  placements: 'placeringar',
  health_offered: 'halsoundersokningar',
  turned_18: 'fyllt-18',
  missing_episodes: 'forsvinnanden',
};

/** The command line, checked before the database is opened: bad input is exit 2 with the reason. */
export function publishOptions(args: readonly string[]): PublishOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { year: { type: 'string' }, out: { type: 'string' }, lan: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const { year, out, lan } = values;
  if (year === undefined || out === undefined)
    throw new UsageError('statistics publish needs --year and --out');
  if (!/^[0-9]{4}$/u.test(year)) throw new UsageError(`--year "${year}" is not a year written YYYY`);
  if (lan !== undefined && !knownCountyCodes().includes(lan))
    throw new UsageError(`--lan "${lan}" is not a county code (länskod), such as 12 or 01`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out} exists and is not a folder`);
    if (readdirSync(out).length > 0)
      throw new UsageError(`--out ${out} is not empty; give a new or empty folder`);
  }
  return { year, out, county: lan ?? null };
}

function actorFor(county: string | null): Actor {
  return {
    userId: 'anvisa-statistics-publish',
    organisationId: 'anvisa-statistics-publish',
    organisationType: county === null ? 'migration_agency' : 'county_board',
    role: county === null ? 'allocation_officer' : 'county_coordinator',
    municipalityCodes: [],
    countyCode: county,
    protectedIdentityClearance: false,
    providerId: null,
  };
}

interface Published {
  readonly file: string;
  readonly table: StatisticsTable;
}

/** The tables of the year: for each measure, by month and by age group. */
function requests(options: PublishOptions): { file: string; request: TableRequest }[] {
  const area = options.county === null ? 'county' : 'municipality';
  const from = `${options.year}-01`;
  const to = `${options.year}-12`;
  return MEASURES.flatMap((measure) => [
    {
      file: `${SLUG[measure]}-${options.year}-manad.csv`,
      request: { measure, from, to, period: 'month', area, extra: [] },
    },
    {
      file: `${SLUG[measure]}-${options.year}-aldersgrupp.csv`,
      request: { measure, from, to, period: 'year', area, extra: ['ageGroup'] },
    },
  ]);
}

function readme(
  options: PublishOptions,
  producer: string,
  areaText: string,
  published: Published[],
  today: string,
) {
  const area = options.county === null ? 'län' : 'kommun';
  const files = MEASURES.map((measure) => {
    const [byMonth, byAge] = published.filter((p) => p.table.measure === measure);
    return [
      `### ${MEASURE[measure]}`,
      '',
      `- \`${byMonth?.file ?? ''}\`: per månad × ${area} × kön (${byMonth?.table.suppressed ?? 0} dolda celler).`,
      `- \`${byAge?.file ?? ''}\`: för hela året per ${area} × kön × åldersgrupp (${byAge?.table.suppressed ?? 0} dolda celler).`,
      '',
    ].join('\n');
  });
  return `# Ensamkommande barn ${options.year}: öppna data ur Anvisa

Statistik för ${areaText}, för att publiceras av ${producer}. Källa: Anvisa. Framtagen ${today}.

Tabellerna räknar barn (eller placeringar, hälsoundersökningar och försvinnanden) utan namn eller andra uppgifter om
enskilda, och är röjandeskyddade enligt reglerna nedan. Varje barn räknas i den kommun som hade ansvaret den dag som
räknas.

## Filer

${files.join('\n')}
## Vad som räknas

- **Ankomna barn**: barnets första dag i en kommuns ansvar (den första ansvarsperioden), i den kommunen.
- **Anvisade barn**: barn i ett gällande anvisningsbeslut, den dag beslutet fattades, i den anvisade kommunen.
- **Påbörjade placeringar**: placeringar som började under perioden, i den placerande kommunen.
- **Erbjudna hälsoundersökningar**: den dag undersökningen erbjöds, i den kommun som då hade ansvaret.
- **Barn som fyllt 18 under kommunens ansvar**: ansvarsperioder som slutade för att barnet fyllde 18.
- **Anmälda försvinnanden**: den dag försvinnandet anmäldes, i den kommun som då hade ansvaret; ett försvinnande som
  kopplats till ett tidigare, avslutat försvinnande räknas inte som ett nytt.

## Indelningar och värden

- \`period\`: månad (ÅÅÅÅ-MM) eller år (ÅÅÅÅ); \`totalt\` är hela året.
- \`omrade\`: ${options.county === null ? 'län, länskod och namn' : 'kommun, kommunkod och namn'}; \`totalt\` är ${areaText}.
- \`kon\`: \`flicka\`, \`pojke\`, \`annat/okänt\` (kön som det är registrerat); \`totalt\`.
- \`aldersgrupp\`: ${STAT_AGE_GROUPS.map((g) => `\`${g}\``).join(', ')} och \`totalt\`. Åldern vid ankomst i fyllda år:
  barnets ålder den första dagen i en kommuns ansvar, med det registrerade födelsedatumet (efter en åldersbedömning
  det bedömda). 18+ är barn som enligt det registrerade födelsedatumet redan var 18 den dagen.
- \`antal\`: antalet, eller \`..\` när det är dolt.

Varje kombination av värden finns med, också summorna (\`totalt\`) och nollorna.

## Röjandeskydd

- Antal 1–4 visas inte (\`..\`).
- Fler celler döljs (sekundär röjning) så att ingen dold cell kan räknas fram ur en summa och de andra delarna, och
  så att de dolda delarna av en summa tillsammans är minst 4 mer än antalet dolda delar (ingen av dem kan visas vara
  under 5).
- 0 visas alltid.
- De tal som visas är exakta: ingen avrundning och inget brus.

## Format

CSV i UTF-8, kommaseparerad, med en rubrikrad. Efter tabellen följer en tom rad och en anmärkning (vad som räknas,
källa och röjandeskydd), som i PX-Webbs export.
`;
}

/** Writes the year's files; answers 0. The folder appears whole or not at all. */
export async function statisticsPublish(
  database: Database,
  options: PublishOptions,
  now: Date,
  out: Out,
): Promise<number> {
  const actor = actorFor(options.county);
  const published: Published[] = [];
  for (const { file, request } of requests(options)) {
    const table = await statisticsTable(database.db, actor, request, { forExport: true });
    const problems = disclosureProblems({
      dimensions: table.dimensions.map((d) => ({ name: d.name, values: d.values.map((v) => v.code) })),
      cells: table.cells.map((c) => ({
        key: c.key,
        count: c.count,
        suppressed: c.count === null,
        primary: false,
      })),
    });
    // A fault, not bad input: the protection is the domain's, and a table that breaks it is never written.
    if (problems.length > 0)
      throw new Error(`${file} breaks the disclosure rules: ${problems.slice(0, 3).join('; ')}`);
    published.push({ file, table });
  }
  let producer = 'Migrationsverket';
  let areaText = 'hela riket';
  if (options.county !== null) {
    const { rows } = await database.raw.query<{ name: string }>('select name from counties where code = $1', [
      options.county,
    ]);
    const name = rows[0]?.name ?? options.county;
    producer = `Länsstyrelsen i ${name}`;
    areaText = name;
  }

  const target = resolve(options.out);
  const temporary = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    for (const { file, table } of published) writeFileSync(join(temporary, file), tableCsv(table), 'utf8');
    writeFileSync(
      join(temporary, 'README.md'),
      readme(options, producer, areaText, published, stockholmDate(now)),
      'utf8',
    );
    // The out folder, if there, was found empty; it is replaced by the finished one.
    if (existsSync(target)) rmdirSync(target);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  const suppressed = published.reduce((sum, p) => sum + p.table.suppressed, 0);
  out(
    `statistics publish: ${published.length} tables for ${options.year}, ${areaText}, and README.md in ${options.out} (${suppressed} cells suppressed)`,
  );
  return 0;
}
