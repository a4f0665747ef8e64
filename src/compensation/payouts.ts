/**
 * The Migration Agency's automatic payments (issue 14, ADR 0035; research F.2 steps F2 and F6): the compensation
 * officer sees what a municipality's payout for a quarter (the schablons per child and code) or a year (the annual
 * compensation) would hold — the same computation as the municipality's view — and records it as paid on a day. A
 * payout's lines are stored as paid and never change; one regular payout per municipality and period (a second is 409):
 * what a later change of the facts adds is paid only when a report of a missing schablon is accepted (F-R7:
 * a correction, not silent back-pay). The municipality's finance officer sees what was paid next to what Anvisa
 * computes now.
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  payoutPeriod,
  payoutProblems,
  type PayoutLine,
  type PayoutPeriod,
  type Problem,
} from '../domain/compensation/payouts.ts';
import { previousQuarter } from '../domain/compensation/view.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { annualBasis, presentAnnual, type AnnualBasis } from './annual.ts';
import type { PaidSchema, PayoutBody, PayoutSchema, PayoutViewSchema } from './contract.ts';
import {
  computedQuarterLines,
  fingerprintOf,
  insertPayout,
  linesOfPayouts,
  municipalityName,
  named,
  namedComparison,
  ownMunicipality,
  paidLines,
  payoutsOf,
  summary,
  type ChildLabel,
  type PayoutRow,
} from './payout-store.ts';

type Blocker = z.infer<typeof PayoutViewSchema>['blockers'][number];

interface Computed {
  readonly lines: readonly PayoutLine[];
  readonly basis: AnnualBasis | null;
  readonly blockers: readonly Blocker[];
}

/** What Anvisa computes now for the period, and what stands in the way of paying it. */
async function computedFor(caller: RequestCaller, code: string, period: PayoutPeriod): Promise<Computed> {
  const blockers: Blocker[] = payoutProblems(period, caller.today, caller.today)
    .filter((p) => p.field === 'period')
    .map((p) => p.code as Blocker);
  if (period.kind === 'quarter')
    return { lines: await computedQuarterLines(caller.db, code, period.period), basis: null, blockers };
  const basis = await annualBasis(caller.db, code, period.year);
  if (basis.shareVersion === null) blockers.push('no_share_version');
  if (basis.forecast === null) blockers.push('no_forecast');
  return { lines: basis.breakdown?.lines ?? [], basis, blockers };
}

/** Lines named as a payout shows them. */
const presentLines = (lines: readonly PayoutLine[], labels: ReadonlyMap<string, ChildLabel>) =>
  named(lines, labels).map(({ childId, name, dossierNumber, code, count, amount }) => ({
    childId,
    name,
    dossierNumber,
    code,
    count,
    amount,
  }));

function presentPayout(
  row: PayoutRow,
  code: string,
  period: string,
  lines: readonly PayoutLine[],
  labels: ReadonlyMap<string, ChildLabel>,
): Answer<z.input<typeof PayoutSchema>> {
  return {
    ...summary(row),
    municipalityCode: code,
    period,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    lines: presentLines(lines, labels),
  };
}

const toLine = (row: { childId: string | null; code: string; count: number; amount: number }) => ({
  childId: row.childId,
  code: row.code as PayoutLine['code'],
  count: row.count,
  amount: row.amount,
});

/** The Agency's view of a municipality's period: the payouts, the comparison and the proposal. */
export async function payoutView(
  caller: RequestCaller,
  code: string,
  periodText: string,
): Promise<Answer<z.input<typeof PayoutViewSchema>>> {
  const name = await municipalityName(caller.db, code);
  const period = payoutPeriod(periodText);
  if (name === null || period === null) throw notFound();
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('period', period.period);
  const [computed, paid, payouts] = await Promise.all([
    computedFor(caller, code, period),
    paidLines(caller.db, code, period.period),
    payoutsOf(caller.db, code, period.period),
  ]);
  const { comparison, totals, labels } = await namedComparison(caller.db, computed.lines, paid);
  const stored = await linesOfPayouts(
    caller.db,
    payouts.map((p) => p.id),
  );
  const regularMade = payouts.some((p) => p.kind === 'regular');
  const proposal =
    regularMade || computed.blockers.length > 0
      ? null
      : {
          lines: presentLines(computed.lines, labels),
          total: computed.lines.reduce((sum, line) => sum + line.amount, 0),
          fingerprint: fingerprintOf(code, period.period, computed.lines),
        };
  caller.audit.children(
    new Set([...computed.lines, ...paid].map((l) => l.childId).filter((id): id is string => id !== null)),
  );
  return {
    municipalityCode: code,
    municipalityName: name,
    period: period.period,
    periodKind: period.kind,
    payouts: payouts.map((p) =>
      presentPayout(p, code, period.period, stored.filter((l) => l.payoutId === p.id).map(toLine), labels),
    ),
    comparison,
    totals,
    proposal,
    blockers: [...computed.blockers],
    annual:
      computed.basis === null || period.kind !== 'year'
        ? null
        : await presentAnnual(caller.db, code, period.year, computed.basis),
  };
}

const invalid = (message: string, problems: readonly Problem[]) =>
  unprocessable(
    'payout_invalid',
    message,
    problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
  );

/** The officer records the regular payout of a municipality's period: the proposal that was shown, paid on a day. */
export async function recordPayout(
  caller: RequestCaller,
  body: z.output<typeof PayoutBody>,
): Promise<Answer<z.input<typeof PayoutSchema>>> {
  const code = body.municipalityCode;
  const period = payoutPeriod(body.period);
  if ((await municipalityName(caller.db, code)) === null)
    throw invalid('No such municipality', [{ field: 'municipalityCode', code: 'unknown_municipality' }]);
  if (period === null) throw invalid('No such period', [{ field: 'period', code: 'invalid_period' }]);
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('period', period.period);
  const problems = payoutProblems(period, body.paidOn, caller.today);
  if (problems.length > 0) throw invalid('The payout cannot be recorded so', problems);
  const existing = (await payoutsOf(caller.db, code, period.period)).find((p) => p.kind === 'regular');
  if (existing !== undefined) throw alreadyPaid(existing.paidOn);
  const computed = await computedFor(caller, code, period);
  if (computed.blockers.length > 0)
    throw invalid(
      'The annual compensation has no basis yet',
      computed.blockers.map((blocker) => ({ field: 'period', code: blocker })),
    );
  if (computed.lines.length === 0)
    throw invalid('Anvisa computes nothing to pay', [{ field: 'period', code: 'nothing_to_pay' }]);
  if (fingerprintOf(code, period.period, computed.lines) !== body.fingerprint)
    throw conflict('payout_changed', 'The facts have changed since the proposal was shown; review it again', [
      { field: 'body.fingerprint', code: 'stale', message: 'stale' },
    ]);
  const saved = await insertPayout(caller.db, {
    municipalityCode: code,
    period: period.period,
    kind: 'regular',
    paidOn: body.paidOn,
    lines: computed.lines,
    recordedBy: caller.actor.userId,
    recordedAt: caller.now,
    shareVersionId: computed.basis?.shareVersion?.id ?? null,
    forecastId: computed.basis?.forecast?.id ?? null,
  });
  if (saved === null) throw alreadyPaid(body.paidOn);
  const childIds = computed.lines.map((l) => l.childId).filter((id): id is string => id !== null);
  caller.audit.children(childIds);
  caller.audit.detail('payoutId', saved.id);
  caller.audit.detail('total', saved.total);
  const [row] = (await payoutsOf(caller.db, code, period.period)).filter((p) => p.id === saved.id);
  if (row === undefined) throw notFound();
  const { labels } = await namedComparison(caller.db, computed.lines, []);
  return presentPayout(row, code, period.period, computed.lines, labels);
}

const alreadyPaid = (paidOn: string) =>
  conflict('already_paid', 'The period has been paid; what is missing is reported as a missing schablon', [
    { field: 'body.period', code: 'already_paid', message: `already_paid:${paidOn}` },
  ]);

/** The own municipality's quarter: what was paid per child and code next to what Anvisa computes now. */
export async function municipalityPaid(
  caller: RequestCaller,
  requested: string | undefined,
): Promise<Answer<z.input<typeof PaidSchema>>> {
  const code = ownMunicipality(caller.actor);
  const quarter = requested ?? previousQuarter(caller.today);
  if (payoutPeriod(quarter)?.kind !== 'quarter') throw notFound();
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('quarter', quarter);
  const [computed, paid, payouts] = await Promise.all([
    computedQuarterLines(caller.db, code, quarter),
    paidLines(caller.db, code, quarter),
    payoutsOf(caller.db, code, quarter),
  ]);
  const { comparison, totals } = await namedComparison(caller.db, computed, paid);
  caller.audit.children(
    new Set(comparison.map((row) => row.childId).filter((id): id is string => id !== null)),
  );
  return { municipalityCode: code, quarter, payouts: payouts.map(summary), comparison, totals };
}
