/**
 * The regional development programme's use cases (issue 13 point 3): the county adopts a programme for two years with
 * its goals, measures, responsible parties and indicators; each indicator's value per year is computed from Anvisa's
 * own data for the county (by gender where it counts children; under five children nothing is shown); the yearly
 * follow-up of each goal is recorded. The rules are in src/domain/county/programme.ts.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  INDICATOR_BY_GENDER,
  INDICATOR_DIRECTION,
  indicatorMet,
  percent,
  programmeProblems,
  type ProgrammeIndicator,
} from '../domain/county/programme.ts';
import { SCHOOL_GOAL_DAYS } from '../domain/placement/school.ts';
import { MIN_CELL } from '../domain/statistics/key-figures.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import { developmentProgrammes, programmeFollowUps, users } from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { countyMunicipalities, countyName, countyOfActor } from '../reference/areas.ts';
import type { AdoptProgrammeBody, FollowUpBody, ProgrammeGoalSchema, ProgrammesSchema } from './contract.ts';

type Goal = z.output<typeof ProgrammeGoalSchema>;
type IndicatorValue = {
  value: number | null;
  byGender: { female: number | null; male: number | null } | null;
};
type Counted = {
  gender: string;
  n: number | string;
  hit: number | string | null;
  median: number | string | null;
};

/** One indicator's value for the county and year, computed from Anvisa's data; medians and shares under five hidden. */
async function indicatorValue(
  db: DbOrTx,
  kind: ProgrammeIndicator,
  county: string,
  year: number,
): Promise<IndicatorValue> {
  const prefix = `${county}%`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (kind === 'capacity_reported_share') {
    const [row] = await rowsOf<{ owed: number | string; given: number | string }>(
      db,
      sql`select (select count(*) from municipalities where county_code = ${county})
                   * (select count(*) from capacity_periods where county_code = ${county}
                        and starts_on between ${from}::date and ${to}::date) as owed,
                 (select count(*) from capacity_reports r join capacity_periods p on p.id = r.period_id
                   where p.county_code = ${county} and p.starts_on between ${from}::date and ${to}::date) as given`,
    );
    return { value: percent(Number(row?.given ?? 0), Number(row?.owed ?? 0)), byGender: null };
  }
  const rows =
    kind === 'god_man_median_days'
      ? await rowsOf<Counted>(
          db,
          sql`select c.gender, count(*) as n, null as hit,
                     percentile_cont(0.5) within group (order by g.from_date - r.requested_on) as median
              from guardianship_requests r join guardianships g on g.id = r.guardianship_id
              join children c on c.id = r.child_id and c.merged_into_id is null
              where r.status = 'appointed' and r.requested_on between ${from}::date and ${to}::date
                and r.municipality_code like ${prefix}
              group by grouping sets ((c.gender), ())`,
        )
      : kind === 'school_start_within_goal_share'
        ? await rowsOf<Counted>(
            db,
            sql`with arrival as (select child_id, min(from_date) as arrival from responsibility_periods group by child_id),
                started as (select child_id, min(started_on) as started, min(municipality_code) as code
                            from school_enrolments where started_on is not null group by child_id)
                select c.gender, count(*) as n, null as median,
                       count(*) filter (where s.started - a.arrival <= ${SCHOOL_GOAL_DAYS}) as hit
                from started s join arrival a on a.child_id = s.child_id
                join children c on c.id = s.child_id and c.merged_into_id is null
                where s.started between ${from}::date and ${to}::date and s.code like ${prefix}
                group by grouping sets ((c.gender), ())`,
          )
        : await rowsOf<Counted>(
            db,
            sql`select c.gender, count(*) as n, null as median,
                       count(*) filter (where p.form = 'familjehem') as hit
                from placements p join children c on c.id = p.child_id and c.merged_into_id is null
                where p.from_date between ${from}::date and ${to}::date and p.municipality_code like ${prefix}
                group by grouping sets ((c.gender), ())`,
          );
  const valueOf = (row: Counted | undefined): number | null => {
    if (row === undefined || Number(row.n) < MIN_CELL) return null;
    if (kind === 'god_man_median_days')
      return row.median === null ? null : Math.round(Number(row.median) * 10) / 10;
    return percent(Number(row.hit ?? 0), Number(row.n));
  };
  return {
    value: valueOf(rows.find((r) => r.gender === null)),
    byGender: {
      female: valueOf(rows.find((r) => r.gender === 'female')),
      male: valueOf(rows.find((r) => r.gender === 'male')),
    },
  };
}

export async function readProgrammes(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof ProgrammesSchema>>> {
  const county = countyOfActor(caller.actor);
  const rows = await caller.db
    .select({ p: developmentProgrammes, adoptedBy: users.displayName })
    .from(developmentProgrammes)
    .innerJoin(users, eq(users.id, developmentProgrammes.adoptedBy))
    .where(eq(developmentProgrammes.countyCode, county))
    .orderBy(asc(developmentProgrammes.firstYear));
  const followUps = await caller.db
    .select({ f: programmeFollowUps, recordedBy: users.displayName })
    .from(programmeFollowUps)
    .innerJoin(users, eq(users.id, programmeFollowUps.recordedBy))
    .innerJoin(developmentProgrammes, eq(developmentProgrammes.id, programmeFollowUps.programmeId))
    .where(eq(developmentProgrammes.countyCode, county))
    .orderBy(asc(programmeFollowUps.year));
  const thisYear = Number(caller.today.slice(0, 4));
  const cache = new Map<string, Promise<IndicatorValue>>();
  const valueFor = (kind: ProgrammeIndicator, year: number) => {
    const key = `${kind}/${year}`;
    const cached = cache.get(key) ?? indicatorValue(caller.db, kind, county, year);
    cache.set(key, cached);
    return cached;
  };
  const programmes = [];
  for (const { p, adoptedBy } of rows.reverse()) {
    const years = [];
    for (let y = p.firstYear; y <= Math.min(p.lastYear, thisYear); y++) years.push(y);
    const goals = [];
    for (const [index, goal] of (p.goals as Goal[]).entries()) {
      const indicators = [];
      for (const indicator of goal.indicators) {
        const values = [];
        for (const year of years) {
          const v = await valueFor(indicator.kind, year);
          values.push({
            year,
            value: v.value,
            byGender: INDICATOR_BY_GENDER[indicator.kind] ? v.byGender : null,
            met: indicatorMet(indicator.kind, indicator.target, v.value),
          });
        }
        indicators.push({ ...indicator, direction: INDICATOR_DIRECTION[indicator.kind], years: values });
      }
      goals.push({
        ...goal,
        indicators,
        followUps: followUps
          .filter(({ f }) => f.programmeId === p.id && f.goalIndex === index)
          .map(({ f, recordedBy }) => ({
            year: f.year,
            assessment: f.assessment,
            recordedBy,
            recordedAt: f.recordedAt.toISOString(),
          })),
      });
    }
    programmes.push({
      id: p.id,
      firstYear: p.firstYear,
      lastYear: p.lastYear,
      adoptedOn: p.adoptedOn,
      workingGroup: p.workingGroup,
      adoptedBy,
      goals,
    });
  }
  caller.audit.detail('countyCode', county);
  return {
    county: { code: county, name: await countyName(caller.db, county) },
    municipalities: await countyMunicipalities(caller.db, county),
    programmes,
  };
}

export async function adoptProgramme(
  caller: RequestCaller,
  body: z.output<typeof AdoptProgrammeBody>,
): Promise<Answer<z.input<typeof ProgrammesSchema>>> {
  const county = countyOfActor(caller.actor);
  const existing = await caller.db
    .select({ firstYear: developmentProgrammes.firstYear, lastYear: developmentProgrammes.lastYear })
    .from(developmentProgrammes)
    .where(eq(developmentProgrammes.countyCode, county));
  const munis = (await countyMunicipalities(caller.db, county)).map((m) => m.code);
  const problems = programmeProblems(body, munis, existing);
  if (problems.length > 0)
    throw unprocessable(
      'programme_invalid',
      'The programme cannot be adopted like this',
      problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
    );
  const [row] = await caller.db
    .insert(developmentProgrammes)
    .values({
      countyCode: county,
      firstYear: body.firstYear,
      lastYear: body.lastYear,
      adoptedOn: body.adoptedOn,
      workingGroup: [...new Set(body.workingGroup)].sort(),
      goals: body.goals.map((g) => ({
        ...g,
        title: g.title.trim(),
        measures: g.measures.map((m) => ({ text: m.text.trim(), responsible: m.responsible.trim() })),
      })),
      adoptedBy: caller.actor.userId,
      adoptedAt: caller.now,
    })
    .returning({ id: developmentProgrammes.id });
  caller.audit.detail('programmeId', row?.id ?? null);
  return readProgrammes(caller);
}

export async function recordFollowUp(
  caller: RequestCaller,
  programmeId: string,
  body: z.output<typeof FollowUpBody>,
): Promise<Answer<z.input<typeof ProgrammesSchema>>> {
  const county = countyOfActor(caller.actor);
  const [programme] = await caller.db
    .select()
    .from(developmentProgrammes)
    .where(and(eq(developmentProgrammes.id, programmeId), eq(developmentProgrammes.countyCode, county)));
  if (programme === undefined) throw notFound();
  caller.audit.detail('programmeId', programme.id);
  const goals = programme.goals as Goal[];
  const outside = [
    ...(body.year < programme.firstYear || body.year > programme.lastYear
      ? [{ field: 'body.year', code: 'outside_programme', message: 'outside_programme' }]
      : []),
    ...(body.goalIndex >= goals.length
      ? [{ field: 'body.goalIndex', code: 'unknown_goal', message: 'unknown_goal' }]
      : []),
  ];
  if (outside.length > 0) throw unprocessable('follow_up_outside_programme', 'No such year or goal', outside);
  const values = {
    assessment: body.assessment.trim(),
    recordedBy: caller.actor.userId,
    recordedAt: caller.now,
  };
  await caller.db
    .insert(programmeFollowUps)
    .values({ ...values, programmeId: programme.id, year: body.year, goalIndex: body.goalIndex })
    .onConflictDoUpdate({
      target: [programmeFollowUps.programmeId, programmeFollowUps.year, programmeFollowUps.goalIndex],
      set: values,
    });
  return readProgrammes(caller);
}
