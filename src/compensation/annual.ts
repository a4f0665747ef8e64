/**
 * The annual compensation (issue 14 point 6, ADR 0035; research F-R6, E-R2): FAST_AR to every municipality and
 * RORLIG_AR by its share of the Migration Agency's forecast. The share is the one in force on the year's last day —
 * the version the allocation capability wrote after every redistribution of the year (ADR 0026); the forecast is the
 * one the Agency's compensation officer recorded last for the year, with its source. The municipality sees the
 * computation spelled out next to what was paid.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { annualBreakdown, type AnnualBreakdown } from '../domain/compensation/annual.ts';
import { forecastProblems } from '../domain/compensation/payouts.ts';
import { previousQuarter } from '../domain/compensation/view.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { compensationForecasts, shareValues, shareVersions, users } from '../platform/db/schema.ts';
import { unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import type { AnnualSchema, ForecastBody, ForecastsSchema } from './contract.ts';
import { namedComparison, ownMunicipality, paidLines, payoutsOf, summary } from './payout-store.ts';

export interface AnnualBasis {
  readonly shareVersion: { id: string; validFrom: string; source: string; decidedAt: Date } | null;
  readonly promille: number | null;
  readonly forecast: { id: string; forecast: number; source: string; recordedAt: Date } | null;
  readonly breakdown: AnnualBreakdown | null;
}

/** The share version in force on the year's last day (the latest valid from on or before it, the latest decided). */
async function shareVersionOfYear(db: DbOrTx, year: number) {
  const [row] = await db
    .select({
      id: shareVersions.id,
      validFrom: shareVersions.validFrom,
      source: shareVersions.source,
      decidedAt: shareVersions.decidedAt,
    })
    .from(shareVersions)
    .where(lte(shareVersions.validFrom, `${year}-12-31`))
    .orderBy(desc(shareVersions.validFrom), desc(shareVersions.decidedAt))
    .limit(1);
  return row ?? null;
}

async function forecastOfYear(db: DbOrTx, year: number) {
  const [row] = await db
    .select({
      id: compensationForecasts.id,
      forecast: compensationForecasts.forecast,
      source: compensationForecasts.source,
      recordedAt: compensationForecasts.recordedAt,
    })
    .from(compensationForecasts)
    .where(eq(compensationForecasts.year, year))
    .orderBy(desc(compensationForecasts.seq))
    .limit(1);
  return row ?? null;
}

/** The municipality's share and the year's forecast, and the computation when both are there. */
export async function annualBasis(db: DbOrTx, code: string, year: number): Promise<AnnualBasis> {
  const [shareVersion, forecast] = await Promise.all([
    shareVersionOfYear(db, year),
    forecastOfYear(db, year),
  ]);
  let promille: number | null = null;
  if (shareVersion !== null) {
    const [value] = await db
      .select({ promille: shareValues.promille })
      .from(shareValues)
      .where(and(eq(shareValues.versionId, shareVersion.id), eq(shareValues.municipalityCode, code)));
    // A municipality the version leaves out has 0 ‰: the fixed amount is every municipality's.
    promille = value?.promille ?? 0;
  }
  const breakdown =
    promille === null || forecast === null
      ? null
      : annualBreakdown(year, promille, forecast.forecast, compensationRates());
  return { shareVersion, promille, forecast, breakdown };
}

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

const rate = (row: AnnualBreakdown['fixedRate']) =>
  row === null ? null : { amount: row.amount, source: row.source, verified: row.verified };

/** The annual part of an answer: the basis, the computation, what was paid and the payouts. */
export async function presentAnnual(
  db: DbOrTx,
  code: string,
  year: number,
  basis: AnnualBasis,
): Promise<Answer<z.input<typeof AnnualSchema>>> {
  const period = String(year);
  const [paid, payouts] = await Promise.all([paidLines(db, code, period), payoutsOf(db, code, period)]);
  const b = basis.breakdown;
  const { comparison, totals } = await namedComparison(db, b?.lines ?? [], paid);
  return {
    municipalityCode: code,
    year,
    shareVersion:
      basis.shareVersion === null
        ? null
        : {
            id: basis.shareVersion.id,
            validFrom: basis.shareVersion.validFrom,
            source: basis.shareVersion.source,
            decidedOn: dayOf(basis.shareVersion.decidedAt),
          },
    promille: basis.promille,
    forecast:
      basis.forecast === null
        ? null
        : {
            forecast: basis.forecast.forecast,
            source: basis.forecast.source,
            recordedOn: dayOf(basis.forecast.recordedAt),
          },
    computation:
      b === null
        ? null
        : {
            promille: b.promille,
            forecast: b.forecast,
            exactChildren: b.exactChildren,
            children: b.children,
            fixedRate: rate(b.fixedRate),
            variableRate: rate(b.variableRate),
          },
    comparison,
    totals,
    payouts: payouts.map(summary),
  };
}

/** The own municipality's annual compensation for a year (the previous quarter's year by default). */
export async function municipalityAnnual(
  caller: RequestCaller,
  requested: string | undefined,
): Promise<Answer<z.input<typeof AnnualSchema>>> {
  const code = ownMunicipality(caller.actor);
  const year = Number(requested ?? previousQuarter(caller.today).slice(0, 4));
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('year', year);
  return presentAnnual(caller.db, code, year, await annualBasis(caller.db, code, year));
}

/** Every forecast recorded, the newest year first and the latest recorded first within it. */
export async function listForecasts(caller: RequestCaller): Promise<Answer<z.input<typeof ForecastsSchema>>> {
  const rows = await caller.db
    .select({
      id: compensationForecasts.id,
      year: compensationForecasts.year,
      forecast: compensationForecasts.forecast,
      source: compensationForecasts.source,
      publishedOn: compensationForecasts.publishedOn,
      recordedBy: users.displayName,
      recordedAt: compensationForecasts.recordedAt,
    })
    .from(compensationForecasts)
    .innerJoin(users, eq(users.id, compensationForecasts.recordedBy))
    .orderBy(desc(compensationForecasts.year), desc(compensationForecasts.seq));
  const seen = new Set<number>();
  return {
    forecasts: rows.map((row) => {
      const current = !seen.has(row.year);
      seen.add(row.year);
      return { ...row, recordedAt: row.recordedAt.toISOString(), current };
    }),
  };
}

/** The Agency's officer records a year's forecast with its source; it replaces the year's earlier one. */
export async function recordForecast(
  caller: RequestCaller,
  body: z.output<typeof ForecastBody>,
): Promise<Answer<z.input<typeof ForecastsSchema>>> {
  const publishedOn = body.publishedOn ?? caller.today;
  const problems = forecastProblems(body.source, publishedOn, caller.today);
  if (problems.length > 0)
    throw unprocessable(
      'payout_invalid',
      'The forecast needs its source',
      problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
    );
  const [row] = await caller.db
    .insert(compensationForecasts)
    .values({
      year: body.year,
      forecast: body.forecast,
      source: body.source.trim(),
      publishedOn,
      recordedBy: caller.actor.userId,
      recordedAt: caller.now,
    })
    .returning({ id: compensationForecasts.id });
  caller.audit.detail('forecastId', row?.id ?? null);
  caller.audit.detail('year', body.year);
  caller.audit.detail('forecast', body.forecast);
  return listForecasts(caller);
}
