/**
 * The reconciliation report (issue 14 point 8): for one municipality and year, what Anvisa computes it is owed, what
 * it claimed, what the Migration Agency granted and what it paid, per child and compensation code, with the
 * differences (src/domain/compensation/reconciliation.ts), as JSON for the page and as CSV. The finance officer sees
 * the own municipality, the Agency's compensation officer any. The daily codes are counted up to the last day of the
 * last ended quarter (a quarter still running is neither claimable nor paid); the annual compensation is the year's.
 * Claimed is the live version of every submitted claim (a superseded version no longer counts), granted what the
 * Agency decided on its lines, paid a paid claim's granted lines and the Agency's payouts without a claim.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { DayWindow } from '../domain/compensation/calculator.ts';
import { compensationLines } from '../domain/compensation/lines.ts';
import {
  RECONCILIATION_FIRST_YEAR,
  reconcilableYears,
  reconcile,
  reconciliationWindow,
  reconciliationCsv,
  type ReconciliationEntry,
} from '../domain/compensation/reconciliation.ts';
import { COMPENSATION_CODES_ORDER } from '../domain/compensation/view.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  compensationClaimLines,
  compensationClaims,
  compensationPayoutLines,
  municipalities,
} from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import { annualBasis } from './annual.ts';
import { municipalityOf } from './claims.ts';
import type { ReconciliationSchema } from './contract.ts';
import { municipalityChildFacts } from './facts.ts';
import { childLabels } from './payout-store.ts';

type CompensationCode = (typeof COMPENSATION_CODES_ORDER)[number];
const KNOWN_CODES = new Set<string>(COMPENSATION_CODES_ORDER);
const asCode = (code: string): CompensationCode | null =>
  KNOWN_CODES.has(code) ? (code as CompensationCode) : null;

/** The claims whose lines count: submitted, decided or paid; a draft is not a claim, a superseded version replaced. */
const LIVE_CLAIMS = ['submitted', 'decided', 'paid'];

function yearOf(requested: string | undefined, today: string): number {
  const years = reconcilableYears(today);
  const lastEnded = years[0] ?? RECONCILIATION_FIRST_YEAR;
  const year = requested === undefined ? lastEnded : Number(requested);
  if (!years.includes(year))
    throw unprocessable('reconciliation_year', 'No ended quarter of the year to reconcile', [
      {
        field: 'query.year',
        code: 'reconciliation_year',
        message: `Välj ett år från ${String(RECONCILIATION_FIRST_YEAR)} till ${String(lastEnded)}: avstämningen gäller avslutade kvartal`,
      },
    ]);
  return year;
}

async function computedEntries(
  db: DbOrTx,
  code: string,
  year: number,
  window: DayWindow,
): Promise<ReconciliationEntry[]> {
  const rates = compensationRates();
  const loaded = await municipalityChildFacts(db, code, window);
  const entries: ReconciliationEntry[] = [];
  for (const child of loaded)
    for (const line of compensationLines([child.facts], window, rates))
      if (line.municipalityCode === code)
        entries.push({
          childId: child.facts.childId,
          code: line.code,
          stage: 'computed',
          amount: line.amount,
        });
  const annual = await annualBasis(db, code, year);
  for (const line of annual.breakdown?.lines ?? [])
    entries.push({ childId: null, code: line.code, stage: 'computed', amount: line.amount });
  return entries;
}

async function claimEntries(db: DbOrTx, code: string, year: number): Promise<ReconciliationEntry[]> {
  const rows = await db
    .select({
      childId: compensationClaimLines.childId,
      code: compensationClaimLines.code,
      claimed: compensationClaimLines.claimedAmount,
      outcome: compensationClaimLines.outcome,
      granted: compensationClaimLines.grantedAmount,
      status: compensationClaims.status,
    })
    .from(compensationClaimLines)
    .innerJoin(compensationClaims, eq(compensationClaims.id, compensationClaimLines.claimId))
    .where(
      and(
        eq(compensationClaims.municipalityCode, code),
        inArray(compensationClaims.status, LIVE_CLAIMS),
        like(compensationClaimLines.quarter, `${String(year)}-Q%`),
      ),
    );
  const entries: ReconciliationEntry[] = [];
  for (const row of rows) {
    const lineCode = asCode(row.code);
    if (lineCode === null || row.claimed === null) continue;
    entries.push({ childId: row.childId, code: lineCode, stage: 'claimed', amount: row.claimed });
    if (row.outcome === null || row.granted === null)
      entries.push({ childId: row.childId, code: lineCode, stage: 'pending', amount: row.claimed });
    else {
      entries.push({ childId: row.childId, code: lineCode, stage: 'granted', amount: row.granted });
      if (row.status === 'paid')
        entries.push({ childId: row.childId, code: lineCode, stage: 'paid', amount: row.granted });
    }
  }
  return entries;
}

async function payoutEntries(db: DbOrTx, code: string, year: number): Promise<ReconciliationEntry[]> {
  const rows = await db
    .select({
      childId: compensationPayoutLines.childId,
      code: compensationPayoutLines.code,
      amount: compensationPayoutLines.amount,
    })
    .from(compensationPayoutLines)
    .where(
      and(
        eq(compensationPayoutLines.municipalityCode, code),
        or(
          like(compensationPayoutLines.period, `${String(year)}-Q%`),
          eq(compensationPayoutLines.period, String(year)),
        ),
      ),
    );
  return rows.flatMap((row) => {
    const lineCode = asCode(row.code);
    return lineCode === null
      ? []
      : [{ childId: row.childId, code: lineCode, stage: 'paid' as const, amount: row.amount }];
  });
}

interface Reconciled {
  readonly view: Answer<z.input<typeof ReconciliationSchema>>;
  readonly dossierNumbers: ReadonlyMap<string, string>;
}

/**
 * The municipality's year. `withNames`: the finance officer sees a child's name beside the dossier number (not behind
 * a protected identity); the Agency, which pays by dossier number, sees the dossier number only.
 */
async function reconciliationOf(
  caller: RequestCaller,
  code: string,
  requested: string | undefined,
  withNames: boolean,
): Promise<Reconciled> {
  const year = yearOf(requested, caller.today);
  const window = reconciliationWindow(year, caller.today);
  if (window === null) throw notFound();
  const [municipality] = await caller.db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (municipality === undefined) throw notFound();
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('year', year);
  const entries = [
    ...(await computedEntries(caller.db, code, year, window)),
    ...(await claimEntries(caller.db, code, year)),
    ...(await payoutEntries(caller.db, code, year)),
  ];
  const childIds = [...new Set(entries.flatMap((e) => (e.childId === null ? [] : [e.childId])))];
  const labels = await childLabels(caller.db, childIds);
  const order = [...labels.entries()]
    .sort(([, a], [, b]) => a.dossierNumber.localeCompare(b.dossierNumber))
    .map(([id]) => id);
  const result = reconcile(entries, order);
  caller.audit.children(childIds);
  const rows = result.rows.map((row) => {
    const child = row.childId === null ? undefined : labels.get(row.childId);
    return {
      ...row,
      name: withNames ? (child?.name ?? null) : null,
      dossierNumber: child?.dossierNumber ?? null,
    };
  });
  return {
    view: {
      municipalityCode: code,
      municipalityName: municipality.name,
      year,
      from: window.from,
      to: window.to,
      totals: result.totals,
      differing: result.differing,
      rows,
    },
    dossierNumbers: new Map([...labels].map(([id, label]) => [id, label.dossierNumber])),
  };
}

/** The own municipality's reconciliation (the finance officer). */
export async function ownReconciliation(
  caller: RequestCaller,
  year: string | undefined,
): Promise<Answer<z.input<typeof ReconciliationSchema>>> {
  return (await reconciliationOf(caller, municipalityOf(caller.actor), year, true)).view;
}

/** A municipality's reconciliation (the Agency's compensation officer). */
export async function municipalityReconciliation(
  caller: RequestCaller,
  code: string,
  year: string | undefined,
): Promise<Answer<z.input<typeof ReconciliationSchema>>> {
  return (await reconciliationOf(caller, code, year, false)).view;
}

/** The reconciliation as CSV: the file's name and text (rows with dossier numbers only, no names). */
export async function reconciliationFile(
  caller: RequestCaller,
  code: string | null,
  year: string | undefined,
): Promise<{ fileName: string; text: string }> {
  const municipalityCode = code ?? municipalityOf(caller.actor);
  const { view, dossierNumbers } = await reconciliationOf(caller, municipalityCode, year, false);
  caller.audit.detail('rows', view.rows.length);
  return {
    fileName: `avstamning-${municipalityCode}-${String(view.year)}.csv`,
    text: reconciliationCsv(municipalityCode, view.year, view.rows, (id) => dossierNumbers.get(id) ?? ''),
  };
}
