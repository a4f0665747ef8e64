/**
 * The statistics' tables (issue 15, ADR 0039): a count of one measure over time × area × gender and the extra
 * dimensions asked for, every margin included, from Anvisa's own records. SQL groups the raw values (the month, the
 * municipality or county, the recorded gender, the age group at arrival, …); the cube, its margins and the disclosure
 * control are pure (src/domain/statistics). The responsible organisation — a municipality reading its own figures —
 * gets the exact table; everyone else, and every export, the protected one. Counts only, never names.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../domain/access/child-scope.ts';
import {
  ASYLUM_STAGES,
  asylumStage,
  EXTRA_DIMENSIONS,
  MAX_MONTHS,
  monthsBetween,
  NATIONALITY_MIN_CHILDREN,
  periodValues,
  STAT_AGE_GROUPS,
  STAT_GENDERS,
  type AreaLevel,
  type ExtraDimension,
  type Measure,
  type PeriodKind,
} from '../domain/statistics/dimensions.ts';
import { figureAreaOf } from '../domain/statistics/area.ts';
import { figureGender } from '../domain/statistics/key-figures.ts';
import { protect } from '../domain/statistics/disclosure.ts';
import { tabulateCounts, type CountTable, type Dimension } from '../domain/statistics/tabulation.ts';
import { PLACEMENT_FORMS } from '../domain/placement/vocabulary.ts';
import { addDays, addMonths } from '../domain/time.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { badRequest, forbidden } from '../platform/http/errors.ts';
import type { TableQuery, TableResponse } from './contract.ts';

export type StatisticsTable = z.input<typeof TableResponse>;

/** The largest table answered (cells with every margin): a bigger one is narrowed by the reader first. */
export const MAX_CELLS = 250_000;

/**
 * The counted units of a measure on the days first..last: one row per child (or placement, or episode) with its day
 * and the municipality it counts in, and a housing form when the measure has its own. Each filters its own days on
 * the column itself, so that PostgreSQL can estimate how many rows are kept (bench:statistics). A child's arrival is
 * its arrival period — the first responsibility, written once when the child is registered
 * (src/responsibility/periods.ts) — read by the partial index on the arrival periods' days (migration 0044).
 */
function unitsOf(measure: Measure, first: SQL, last: SQL): SQL {
  switch (measure) {
    case 'arrivals':
      return sql`select child_id, from_date as on_date, municipality_code, null::text as form
        from responsibility_periods where kind = 'arrival' and from_date between ${first} and ${last}`;
    case 'anvisningar':
      return sql`select dc.child_id, d.decided_on as on_date, d.municipality_code, null::text as form
        from decided_children dc join anvisning_decisions d on d.id = dc.decision_id
        where d.decided_on between ${first} and ${last}`;
    case 'placements':
      return sql`select child_id, from_date as on_date, municipality_code, form from placements
        where from_date between ${first} and ${last}`;
    case 'health_offered':
      return sql`select h.child_id, h.offered_on as on_date, r.municipality_code, null::text as form
        from health_examinations h
        join lateral (select municipality_code from responsibility_periods r
          where r.child_id = h.child_id and r.from_date <= h.offered_on
          order by r.from_date desc limit 1) r on true
        where h.offered_on between ${first} and ${last}`;
    case 'turned_18':
      return sql`select child_id, to_date as on_date, municipality_code, null::text as form
        from responsibility_periods where end_reason = 'turned_18' and to_date between ${first} and ${last}`;
    case 'missing_episodes':
      return sql`select child_id, (reported_at at time zone 'Europe/Stockholm')::date as on_date,
          municipality_code, null::text as form
        from missing_episodes
        where linked_to_id is null and (reported_at at time zone 'Europe/Stockholm')::date between ${first} and ${last}`;
  }
}

/** The first day of a child's arrival period: the arrival the age group is counted at. */
const ARRIVAL = sql`select child_id, from_date as arrival_on from responsibility_periods where kind = 'arrival'`;

/** The bounds between the age groups ('0-6', '7-12', …, '18+'): each group's lower bound but the first's. */
const AGE_BOUNDS = STAT_AGE_GROUPS.slice(1).map((group) => Number(group.split(/[-+]/u)[0]));

/**
 * The age group's index as SQL, the age computed once a row (`width_bucket` over the bounds; a `case` would compute it
 * again in each branch). An integer, so that the rows group on a narrow key; named by ageGroupSql once grouped.
 */
function ageBucketSql(age: SQL): SQL {
  return sql`width_bucket(${age}, array[${sql.raw(AGE_BOUNDS.join(','))}]::float8[])`;
}

/** The age group of a bucket (the code's own constants); no age (no arrival recorded): the last group, as before. */
function ageGroupSql(bucket: SQL): SQL {
  const groups = STAT_AGE_GROUPS.map((group) => `'${group}'`).join(',');
  return sql`coalesce((array[${sql.raw(groups)}])[${bucket} + 1], ${sql.raw(`'${STAT_AGE_GROUPS.at(-1) ?? ''}'`)})`;
}

interface Scope {
  readonly kind: 'municipality' | 'county' | 'nation';
  readonly code: string | null;
  readonly condition: (column: SQL) => SQL;
}

function scopeOf(actor: Actor): Scope | null {
  const area = figureAreaOf(actor);
  if (area === null) return null;
  const { kind, code } = area;
  if (kind === 'nation' || code === null) return { kind, code: null, condition: () => sql`true` };
  if (kind === 'county') return { kind, code, condition: (column) => sql`${column} like ${`${code}%`}` };
  return { kind, code, condition: (column) => sql`${column} = ${code}` };
}

const problem = (field: string, code: string, message: string) =>
  badRequest('validation', message, [{ field: `querystring.${field}`, code, message }]);

export interface TableRequest {
  readonly measure: Measure;
  readonly from: string;
  readonly to: string;
  readonly period: PeriodKind;
  readonly area: AreaLevel;
  readonly extra: readonly ExtraDimension[];
}

/** The request with its defaults (the last twelve whole months, by month), or a 400 naming the field. */
export function tableRequest(actor: Actor, query: z.output<typeof TableQuery>, today: string): TableRequest {
  const scope = figureAreaOf(actor);
  if (scope === null) throw forbidden();
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const to = query.to ?? lastMonth;
  const from = query.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
  if (from > to) throw problem('from', 'after_to', 'Från-månaden kan inte ligga efter till-månaden');
  if (monthsBetween(from, to).length > MAX_MONTHS)
    throw problem('from', 'span_too_long', `En tabell kan omfatta högst ${MAX_MONTHS} månader`);
  const area = query.area ?? (scope.kind === 'nation' ? 'county' : 'municipality');
  if (area === 'county' && scope.kind === 'municipality')
    throw problem('area', 'area_not_in_scope', 'En kommun ser sina egna siffror, inte länets');
  const extra: ExtraDimension[] = [];
  for (const name of (query.by ?? '').split(',').filter((n) => n !== '')) {
    if (!(EXTRA_DIMENSIONS as readonly string[]).includes(name))
      throw problem('by', 'unknown_dimension', `Okänd indelning: ${name}`);
    if (extra.includes(name as ExtraDimension))
      throw problem('by', 'repeated_dimension', `${name} anges två gånger`);
    extra.push(name as ExtraDimension);
  }
  return { measure: query.measure, from, to, period: query.period ?? 'month', area, extra };
}

interface Row {
  month: string;
  municipality_code: string;
  gender: string;
  age_group: string | null;
  nationality: string | null;
  has_case: boolean | null;
  decision: string | null;
  form: string | null;
  n: number | string;
}

async function areaValues(
  db: DbOrTx,
  scope: Scope,
  level: AreaLevel,
): Promise<{ values: string[]; labels: string[] } | null> {
  if (level === 'none') return null;
  if (level === 'county') {
    const rows = await rowsOf<{ code: string; name: string }>(
      db,
      sql`select code, name from counties where ${scope.condition(sql`code || '00'`)} order by code`,
    );
    return { values: rows.map((r) => r.code), labels: rows.map((r) => r.name) };
  }
  const rows = await rowsOf<{ code: string; name: string }>(
    db,
    sql`select code, name from municipalities where ${scope.condition(sql`code`)} order by code`,
  );
  return { values: rows.map((r) => r.code), labels: rows.map((r) => r.name) };
}

/** The nationalities counted on their own: held by at least NATIONALITY_MIN_CHILDREN children in the country. */
async function nationalities(db: DbOrTx): Promise<string[]> {
  const rows = await rowsOf<{ nationality: string }>(
    db,
    sql`select initcap(trim(citizenship)) as nationality from child_intake
      where citizenship is not null and trim(citizenship) <> ''
      group by 1 having count(*) >= ${NATIONALITY_MIN_CHILDREN} order by 1`,
  );
  return rows.map((r) => r.nationality);
}

/** The exact cube of a request in the actor's scope (no disclosure control yet). */
export async function exactTable(
  db: DbOrTx,
  actor: Actor,
  request: TableRequest,
): Promise<{ scope: Scope; table: CountTable; labels: Map<string, string> }> {
  const scope = scopeOf(actor);
  if (scope === null) throw forbidden();
  const { measure, from, to, period, area, extra } = request;
  const wants = (name: ExtraDimension) => extra.includes(name);

  const areaDimension = await areaValues(db, scope, area);
  const nationalityValues = wants('nationality') ? [...(await nationalities(db)), 'other', 'unknown'] : [];
  const dimensions: Dimension[] = [{ name: 'period', values: periodValues(from, to, period) }];
  if (areaDimension !== null) dimensions.push({ name: 'area', values: areaDimension.values });
  dimensions.push({ name: 'gender', values: [...STAT_GENDERS] });
  for (const name of extra)
    dimensions.push({
      name,
      values:
        name === 'ageGroup'
          ? [...STAT_AGE_GROUPS]
          : name === 'nationality'
            ? nationalityValues
            : name === 'asylumStage'
              ? [...ASYLUM_STAGES]
              : [...PLACEMENT_FORMS, 'none'],
    });
  const cells = dimensions.reduce((product, d) => product * (d.values.length + 1), 1);
  if (cells > MAX_CELLS)
    throw problem(
      'by',
      'table_too_large',
      `Tabellen skulle få ${cells} celler; välj färre indelningar eller en kortare tid`,
    );

  const lastDay = addDays(addMonths(`${to}-01`, 1), -1);
  const age = sql`date_part('year', age(${measure === 'arrivals' ? sql`u.on_date` : sql`a.arrival_on`}, c.birth_date))`;
  // Grouped on narrow keys (the month as a timestamp, the age group's index) and named once a group: PostgreSQL
  // hashes the groups instead of sorting every unit by its labels (bench:statistics).
  const rows = await rowsOf<Row>(
    db,
    sql`
      with u as (${unitsOf(measure, sql`${`${from}-01`}::date`, sql`${lastDay}::date`)})
      select to_char(g.month, 'YYYY-MM') as month, g.municipality_code, g.gender,
             ${wants('ageGroup') ? ageGroupSql(sql`g.age_bucket`) : sql`null`} as age_group,
             g.nationality, g.has_case, g.decision, g.form, g.n
      from (
      select date_trunc('month', u.on_date::timestamp) as month,
             ${area === 'county' ? sql`substr(u.municipality_code, 1, 2)` : sql`u.municipality_code`} as municipality_code,
             c.gender,
             ${wants('ageGroup') ? ageBucketSql(age) : sql`null::int`} as age_bucket,
             ${wants('nationality') ? sql`initcap(trim(i.citizenship))` : sql`null`} as nationality,
             ${wants('asylumStage') ? sql`ac.child_id is not null` : sql`null`} as has_case,
             ${wants('asylumStage') ? sql`ac.decision` : sql`null`} as decision,
             ${wants('housingForm') ? (measure === 'placements' ? sql`u.form` : sql`p.form`) : sql`null`} as form,
             count(*) as n
      from u
      join children c on c.id = u.child_id and c.merged_into_id is null
      ${wants('ageGroup') && measure !== 'arrivals' ? sql`left join (${ARRIVAL}) a on a.child_id = u.child_id` : sql``}
      ${wants('nationality') ? sql`left join child_intake i on i.child_id = u.child_id` : sql``}
      ${wants('asylumStage') ? sql`left join asylum_cases ac on ac.child_id = u.child_id` : sql``}
      ${
        wants('housingForm') && measure !== 'placements'
          ? sql`left join lateral (select form from placements p where p.child_id = u.child_id
              and p.from_date <= u.on_date and (p.to_date is null or p.to_date >= u.on_date)
              order by p.from_date desc limit 1) p on true`
          : sql``
      }
      where ${scope.condition(sql`u.municipality_code`)}
      group by 1, 2, 3, 4, 5, 6, 7, 8) g`,
  );

  const nationalitySet = new Set(nationalityValues);
  const counted = rows.map((row) => {
    const key: string[] = [period === 'month' ? row.month : row.month.slice(0, 4)];
    if (areaDimension !== null) key.push(row.municipality_code);
    key.push(figureGender(row.gender));
    for (const name of extra) {
      if (name === 'ageGroup') key.push(row.age_group ?? STAT_AGE_GROUPS[0]);
      else if (name === 'nationality')
        key.push(
          row.nationality === null || row.nationality === ''
            ? 'unknown'
            : nationalitySet.has(row.nationality)
              ? row.nationality
              : 'other',
        );
      else if (name === 'asylumStage') key.push(asylumStage(row.has_case === true, row.decision));
      else key.push(row.form ?? 'none');
    }
    return { key, count: Number(row.n) };
  });
  const labels = new Map<string, string>();
  areaDimension?.values.forEach((code, index) => labels.set(code, areaDimension.labels[index] ?? code));
  return { scope, table: tabulateCounts(dimensions, counted), labels };
}

/** The table as the reader may see it: exact for the responsible municipality (unless exported), otherwise protected. */
export async function statisticsTable(
  db: DbOrTx,
  actor: Actor,
  request: TableRequest,
  options: { readonly forExport: boolean },
): Promise<StatisticsTable> {
  const { scope, table, labels } = await exactTable(db, actor, request);
  const exact = scope.kind === 'municipality' && !options.forExport;
  const cells = exact
    ? table.cells.map((c) => ({ key: [...c.key], count: c.count }))
    : protect(table).cells.map((c) => ({ key: [...c.key], count: c.suppressed ? null : c.count }));
  return {
    measure: request.measure,
    from: request.from,
    to: request.to,
    period: request.period,
    area: request.area,
    scope: { kind: scope.kind, code: scope.code },
    exact,
    dimensions: table.dimensions.map((d) => ({
      name: d.name as StatisticsTable['dimensions'][number]['name'],
      values: d.values.map((code) => ({
        code,
        label: d.name === 'area' ? (labels.get(code) ?? null) : null,
      })),
    })),
    cells,
    suppressed: cells.filter((c) => c.count === null).length,
  };
}
