/**
 * The capacity survey's use cases (issue 13 point 1): the county sets periods; each municipality reports once per
 * period (revisions replace the report under optimistic concurrency); the county sees every municipality's report
 * beside what Anvisa knows, the trend over its periods, and reminds those that have not reported. The rules are in
 * src/domain/county/capacity.ts; the figures are counts and medians per municipality, never a child.
 */
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  capacityFlags,
  capacityProblems,
  mayRemind,
  mayReportOn,
  periodProblems,
  reportDue,
  totalPlaces,
  type CapacityAnswers,
} from '../domain/county/capacity.ts';
import { MIN_CELL } from '../domain/statistics/key-figures.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import {
  capacityPeriods,
  capacityReminders,
  capacityReports,
  municipalities,
  organisations,
  users,
} from '../platform/db/schema.ts';
import { conflict, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { usersWithRoles } from '../notifications/notify.ts';
import { runConsequences } from '../case/consequences.ts';
import { countyMunicipalities, countyName, countyOfActor } from '../reference/areas.ts';
import type {
  CountyCapacitySchema,
  CountyPeriodSchema,
  CreatePeriodBody,
  KnownFiguresSchema,
  MunicipalityCapacitySchema,
  RemindersSentSchema,
  SubmitReportBody,
} from './contract.ts';

type PeriodRow = typeof capacityPeriods.$inferSelect;
type KnownFigures = z.output<typeof KnownFiguresSchema>;

/** The municipality a municipal actor reports for. */
function municipalityOfActor(actor: Actor): string {
  const code = actor.organisationType === 'municipality' ? actor.municipalityCodes[0] : undefined;
  if (code === undefined) throw notFound();
  return code;
}

async function periodsOf(db: DbOrTx, countyCode: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(capacityPeriods)
    .where(eq(capacityPeriods.countyCode, countyCode))
    .orderBy(asc(capacityPeriods.startsOn));
}

/** The period, when it is the given county's; otherwise 404 (another county's period does not exist for the caller). */
async function periodIn(db: DbOrTx, periodId: string, countyCode: string): Promise<PeriodRow> {
  const [row] = await db
    .select()
    .from(capacityPeriods)
    .where(and(eq(capacityPeriods.id, periodId), eq(capacityPeriods.countyCode, countyCode)));
  if (row === undefined) throw notFound();
  return row;
}

const presentPeriod = (p: PeriodRow) => ({
  id: p.id,
  countyCode: p.countyCode,
  label: p.label,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  dueOn: p.dueOn,
});

async function reportsOf(db: DbOrTx, periodIds: readonly string[]) {
  if (periodIds.length === 0) return [];
  return db
    .select({
      periodId: capacityReports.periodId,
      municipalityCode: capacityReports.municipalityCode,
      answers: capacityReports.answers,
      version: capacityReports.version,
      reportedAt: capacityReports.reportedAt,
      reportedBy: users.displayName,
    })
    .from(capacityReports)
    .innerJoin(users, eq(users.id, capacityReports.reportedBy))
    .where(inArray(capacityReports.periodId, [...periodIds]));
}

async function lastReminders(db: DbOrTx, periodIds: readonly string[]) {
  if (periodIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({
      periodId: capacityReminders.periodId,
      code: capacityReminders.municipalityCode,
      at: max(capacityReminders.sentAt),
    })
    .from(capacityReminders)
    .where(inArray(capacityReminders.periodId, [...periodIds]))
    .groupBy(capacityReminders.periodId, capacityReminders.municipalityCode);
  return new Map(rows.flatMap((r) => (r.at === null ? [] : [[`${r.periodId}/${r.code}`, new Date(r.at)]])));
}

type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];
const presentReport = (r: ReportRow) => ({
  answers: r.answers as CapacityAnswers,
  version: r.version,
  reportedAt: r.reportedAt.toISOString(),
  reportedBy: r.reportedBy,
});

// ── The municipality ──────────────────────────────────────────────────────────

export async function municipalityCapacity(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof MunicipalityCapacitySchema>>> {
  const code = municipalityOfActor(caller.actor);
  const [muni] = await caller.db
    .select({ name: municipalities.name, countyCode: municipalities.countyCode })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (muni === undefined) throw notFound();
  const periods = await periodsOf(caller.db, muni.countyCode);
  const ids = periods.map((p) => p.id);
  const reports = (await reportsOf(caller.db, ids)).filter((r) => r.municipalityCode === code);
  const reminders = await lastReminders(caller.db, ids);
  caller.audit.detail('municipalityCode', code);
  return {
    municipalityCode: code,
    municipalityName: muni.name,
    countyName: await countyName(caller.db, muni.countyCode),
    periods: periods
      .map((p) => {
        const report = reports.find((r) => r.periodId === p.id);
        return {
          ...presentPeriod(p),
          due: reportDue(p, report !== undefined, caller.today),
          report: report === undefined ? null : presentReport(report),
          remindedAt: reminders.get(`${p.id}/${code}`)?.toISOString() ?? null,
          mayReport: mayReportOn(p, caller.today),
        };
      })
      .reverse(),
  };
}

export async function submitReport(
  caller: RequestCaller,
  periodId: string,
  body: z.output<typeof SubmitReportBody>,
): Promise<Answer<z.input<typeof MunicipalityCapacitySchema>>> {
  const code = municipalityOfActor(caller.actor);
  const period = await periodIn(caller.db, periodId, code.slice(0, 2));
  caller.audit.detail('periodId', period.id);
  caller.audit.detail('municipalityCode', code);
  if (caller.today < period.startsOn) throw conflict('period_not_open', 'The period has not begun');
  if (!mayReportOn(period, caller.today)) throw conflict('period_closed', 'The period is over');
  const problems = capacityProblems(body.answers);
  if (problems.length > 0)
    throw unprocessable(
      'capacity_invalid',
      'The report is inconsistent',
      problems.map((p) => ({ field: `body.answers.${p.field}`, code: p.code, message: p.code })),
    );
  const [current] = await caller.db
    .select()
    .from(capacityReports)
    .where(and(eq(capacityReports.periodId, period.id), eq(capacityReports.municipalityCode, code)))
    .for('update');
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== body.expectedVersion)
    throw stale('The report was changed by someone else', {
      version: currentVersion,
      answers: current?.answers ?? null,
    });
  const row = {
    answers: body.answers,
    version: currentVersion + 1,
    reportedBy: caller.actor.userId,
    reportedAt: caller.now,
  };
  if (current === undefined)
    await caller.db.insert(capacityReports).values({ ...row, periodId: period.id, municipalityCode: code });
  else await caller.db.update(capacityReports).set(row).where(eq(capacityReports.id, current.id));
  caller.audit.detail('version', row.version);
  caller.audit.detail('totalPlaces', totalPlaces(body.answers));
  return municipalityCapacity(caller);
}

// ── The county ────────────────────────────────────────────────────────────────

export async function countyCapacity(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof CountyCapacitySchema>>> {
  const county = countyOfActor(caller.actor);
  const periods = await periodsOf(caller.db, county);
  const munis = await countyMunicipalities(caller.db, county);
  const reports = await reportsOf(
    caller.db,
    periods.map((p) => p.id),
  );
  caller.audit.detail('countyCode', county);
  return {
    county: { code: county, name: await countyName(caller.db, county) },
    municipalities: munis.length,
    periods: periods
      .map((p) => {
        const answered = reports.filter((r) => r.periodId === p.id).length;
        return {
          ...presentPeriod(p),
          answered,
          overdue: caller.today > p.dueOn ? munis.length - answered : 0,
        };
      })
      .reverse(),
  };
}

export async function createPeriod(
  caller: RequestCaller,
  body: z.output<typeof CreatePeriodBody>,
): Promise<Answer<z.input<typeof CountyCapacitySchema>>> {
  const county = countyOfActor(caller.actor);
  const others = await periodsOf(caller.db, county);
  const problems = periodProblems(body, others);
  if (problems.length > 0)
    throw unprocessable(
      'capacity_period_invalid',
      'The period cannot be set',
      problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
    );
  const [row] = await caller.db
    .insert(capacityPeriods)
    .values({ ...body, label: body.label.trim(), countyCode: county, createdBy: caller.actor.userId })
    .returning({ id: capacityPeriods.id });
  caller.audit.detail('periodId', row?.id ?? null);
  return countyCapacity(caller);
}

/** A municipality of which Anvisa knows nothing yet (no share, no child, no provider). */
const NOTHING_KNOWN: KnownFigures = {
  sharePromille: 0,
  receivedThisYear: 0,
  placedNow: 0,
  placedByForm: {},
  registeredPlaces: 0,
  freePlaces: 0,
  godManDays: { median: null, n: 0 },
  schoolStartDays: { median: null, n: 0 },
};

/** What Anvisa knows of each municipality of the county (counts and medians; medians under five children withheld). */
async function knownFigures(
  db: DbOrTx,
  countyCode: string,
  today: string,
): Promise<Map<string, KnownFigures>> {
  const prefix = `${countyCode}%`;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const [shares, received, placed, providers, godMan, school] = await Promise.all([
    rowsOf<{ code: string; promille: number }>(
      db,
      sql`select v.municipality_code as code, v.promille
          from share_values v
          where v.version_id = (select id from share_versions where valid_from <= ${today}::date
                                order by valid_from desc, decided_at desc limit 1)
            and v.municipality_code like ${prefix}`,
    ),
    rowsOf<{ code: string; n: number | string }>(
      db,
      sql`with latest as (
            select distinct on (c) c as child_id, d.municipality_code, d.decided_on
            from anvisning_decisions d cross join lateral unnest(d.child_ids) as c
            order by c, d.seq desc)
          select municipality_code as code, count(*) as n from latest
          where decided_on >= ${yearStart}::date and decided_on <= ${today}::date and municipality_code like ${prefix}
          group by 1`,
    ),
    rowsOf<{ code: string; form: string; n: number | string }>(
      db,
      sql`select p.municipality_code as code, p.form, count(*) as n
          from placements p join children c on c.id = p.child_id and c.merged_into_id is null
          where p.from_date <= ${today}::date and (p.to_date is null or p.to_date > ${today}::date)
            and p.municipality_code like ${prefix}
          group by 1, 2`,
    ),
    rowsOf<{ code: string; places: number | string; occupied: number | string }>(
      db,
      sql`select pr.municipality_code as code, sum(pr.places) as places,
                 sum((select count(*) from placements p where p.provider_id = pr.id
                      and p.from_date <= ${today}::date and (p.to_date is null or p.to_date > ${today}::date))) as occupied
          from placement_providers pr
          where pr.active and pr.municipality_code like ${prefix}
          group by 1`,
    ),
    rowsOf<{ code: string; median: number | string | null; n: number | string }>(
      db,
      sql`select r.municipality_code as code, count(*) as n,
                 percentile_cont(0.5) within group (order by g.from_date - r.requested_on) as median
          from guardianship_requests r join guardianships g on g.id = r.guardianship_id
          where r.status = 'appointed' and r.requested_on > ${yearAgo}::date and r.requested_on <= ${today}::date
            and r.municipality_code like ${prefix}
          group by 1`,
    ),
    rowsOf<{ code: string; median: number | string | null; n: number | string }>(
      db,
      sql`with arrival as (select child_id, min(from_date) as arrival from responsibility_periods group by child_id),
          started as (select child_id, min(started_on) as started, min(municipality_code) as code
                      from school_enrolments where started_on is not null group by child_id)
          select s.code, count(*) as n, percentile_cont(0.5) within group (order by s.started - a.arrival) as median
          from started s join arrival a on a.child_id = s.child_id
          where s.started > ${yearAgo}::date and s.started <= ${today}::date and s.code like ${prefix}
          group by 1`,
    ),
  ]);
  const figures = new Map<string, KnownFigures>();
  const entry = (code: string): KnownFigures => figures.get(code) ?? NOTHING_KNOWN;
  const set = (code: string, patch: Partial<KnownFigures>) => figures.set(code, { ...entry(code), ...patch });
  const median = (r: { median: number | string | null; n: number | string }) => ({
    n: Number(r.n),
    median: Number(r.n) >= MIN_CELL && r.median !== null ? Math.round(Number(r.median) * 10) / 10 : null,
  });
  for (const r of shares) set(r.code, { sharePromille: Number(r.promille) });
  for (const r of received) set(r.code, { receivedThisYear: Number(r.n) });
  for (const r of placed) {
    const e = entry(r.code);
    set(r.code, {
      placedNow: e.placedNow + Number(r.n),
      placedByForm: { ...e.placedByForm, [r.form]: Number(r.n) },
    });
  }
  for (const r of providers)
    set(r.code, {
      registeredPlaces: Number(r.places),
      freePlaces: Math.max(0, Number(r.places) - Number(r.occupied)),
    });
  for (const r of godMan) set(r.code, { godManDays: median(r) });
  for (const r of school) set(r.code, { schoolStartDays: median(r) });
  return figures;
}

export async function countyPeriod(
  caller: RequestCaller,
  periodId: string,
): Promise<Answer<z.input<typeof CountyPeriodSchema>>> {
  const county = countyOfActor(caller.actor);
  const period = await periodIn(caller.db, periodId, county);
  const munis = await countyMunicipalities(caller.db, county);
  const periods = await periodsOf(caller.db, county);
  const reports = await reportsOf(
    caller.db,
    periods.map((p) => p.id),
  );
  const reminders = await lastReminders(caller.db, [period.id]);
  const known = await knownFigures(caller.db, county, caller.today);
  caller.audit.detail('periodId', period.id);
  const rows = munis.map((m) => {
    const report = reports.find((r) => r.periodId === period.id && r.municipalityCode === m.code);
    const figures = known.get(m.code) ?? NOTHING_KNOWN;
    const answers = report === undefined ? null : (report.answers as CapacityAnswers);
    return {
      code: m.code,
      name: m.name,
      due: reportDue(period, report !== undefined, caller.today),
      reportedPlaces: answers === null ? null : totalPlaces(answers),
      remindedAt: reminders.get(`${period.id}/${m.code}`)?.toISOString() ?? null,
      known: figures,
      flags: answers === null ? [] : capacityFlags(answers, figures),
    };
  });
  return {
    county: { code: county, name: await countyName(caller.db, county) },
    period: presentPeriod(period),
    answered: rows.filter((r) => r.due === 'reported').length,
    municipalities: rows,
    trend: {
      periods: periods.map((p) => ({ id: p.id, label: p.label, startsOn: p.startsOn })),
      rows: munis.map((m) => ({
        code: m.code,
        name: m.name,
        places: periods.map((p) => {
          const r = reports.find((x) => x.periodId === p.id && x.municipalityCode === m.code);
          return r === undefined ? null : totalPlaces(r.answers as CapacityAnswers);
        }),
      })),
    },
    mayRemind: mayRemind(
      period,
      rows.map((r) => r.due),
      caller.today,
    ),
  };
}

/** Reminds every municipality of the county that owes the period's report: a notice to its reporters, on record. */
export async function remindMissing(
  caller: RequestCaller,
  periodId: string,
): Promise<Answer<z.input<typeof RemindersSentSchema>>> {
  const county = countyOfActor(caller.actor);
  const period = await periodIn(caller.db, periodId, county);
  caller.audit.detail('periodId', period.id);
  if (!mayReportOn(period, caller.today))
    throw conflict(
      caller.today < period.startsOn ? 'period_not_open' : 'period_closed',
      'Nothing to remind of now',
    );
  const reported = new Set((await reportsOf(caller.db, [period.id])).map((r) => r.municipalityCode));
  const owing = (await countyMunicipalities(caller.db, county)).filter((m) => !reported.has(m.code));
  if (owing.length === 0) return { municipalities: 0, users: 0 };
  const orgs = await caller.db
    .select({ id: organisations.id, code: organisations.municipalityCode })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, 'municipality'),
        inArray(
          organisations.municipalityCode,
          owing.map((m) => m.code),
        ),
        isNull(organisations.providerId),
      ),
    );
  const recipients = await usersWithRoles(
    caller.db,
    orgs.map((o) => o.id),
    ['capacity_reporter', 'unit_manager'],
  );
  await caller.db.insert(capacityReminders).values(
    owing.map((m) => ({
      periodId: period.id,
      municipalityCode: m.code,
      sentBy: caller.actor.userId,
      sentAt: caller.now,
    })),
  );
  await runConsequences(caller, 'capacity.reminded', {
    periodId: period.id,
    periodLabel: period.label,
    dueOn: period.dueOn,
    municipalityCodes: owing.map((m) => m.code),
    recipientIds: recipients,
  });
  caller.audit.detail('municipalities', owing.length);
  return { municipalities: owing.length, users: recipients.length };
}
