/**
 * What the payouts, the annual compensation and the missing-schablon reports share (ADR 0035): the own municipality
 * of a finance officer, what Anvisa computes now for a quarter's automatic schablons per child, the lines a
 * municipality has been paid for a period, recording a payout with its lines, and the children as a line names them
 * (the name left out behind a protected identity). Reads and writes only; the rules are in
 * src/domain/compensation/payouts.ts.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import type { ChildFacts } from '../domain/compensation/calculator.ts';
import { compensationLines } from '../domain/compensation/lines.ts';
import {
  comparePaid,
  QUARTER_PAYOUT_CODES,
  type PaidComparison,
  type PayoutKind,
  type PayoutLine,
} from '../domain/compensation/payouts.ts';
import { COMPENSATION_CODES_ORDER, quarterWindow } from '../domain/compensation/view.ts';
import { canonicalJson, sha256Hex } from '../domain/audit/chain.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  children,
  compensationPayoutLines,
  compensationPayouts,
  municipalities,
  users,
} from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import { loadChildFacts, municipalityChildFacts } from './facts.ts';

/** A finance officer's own municipality; anyone else has none (404). */
export function ownMunicipality(actor: Actor): string {
  const code = actor.organisationType === 'municipality' ? actor.municipalityCodes[0] : undefined;
  if (code === undefined) throw notFound();
  return code;
}

export async function municipalityName(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row?.name ?? null;
}

const PAID_IN_QUARTER: ReadonlySet<string> = new Set(QUARTER_PAYOUT_CODES);

/** One child's automatic schablons for the municipality in the quarter, as Anvisa computes them now. */
function childQuarterLines(facts: ChildFacts, code: string, quarter: string): PayoutLine[] {
  const window = quarterWindow(quarter);
  if (window === null) return [];
  return compensationLines([facts], window, compensationRates())
    .filter((line) => line.municipalityCode === code && PAID_IN_QUARTER.has(line.code))
    .map((line) => ({ childId: facts.childId, code: line.code, count: line.count, amount: line.amount }));
}

/** Every child's automatic schablons for the municipality in the quarter, as Anvisa computes them now. */
export async function computedQuarterLines(db: DbOrTx, code: string, quarter: string): Promise<PayoutLine[]> {
  const window = quarterWindow(quarter);
  if (window === null) return [];
  const loaded = await municipalityChildFacts(db, code, window);
  return loaded.flatMap((child) => childQuarterLines(child.facts, code, quarter));
}

/** One child's: null when the child is unknown or none of its facts names the municipality. */
export async function computedChildLines(
  db: DbOrTx,
  code: string,
  quarter: string,
  childId: string,
): Promise<PayoutLine[] | null> {
  const [child] = await loadChildFacts(db, [childId]);
  if (child === undefined) return null;
  const f = child.facts;
  const touches =
    f.assignedMunicipalityCode === code ||
    f.arrival?.municipalityCode === code ||
    f.responsibility.some((r) => r.municipalityCode === code) ||
    f.placements.some((p) => p.municipalityCode === code);
  return touches ? childQuarterLines(f, code, quarter) : null;
}

/** The lines paid to the municipality for the period, every payout's (optionally one child's). */
export async function paidLines(
  db: DbOrTx,
  code: string,
  period: string,
  childId?: string,
): Promise<PayoutLine[]> {
  const rows = await db
    .select({
      childId: compensationPayoutLines.childId,
      code: compensationPayoutLines.code,
      count: compensationPayoutLines.count,
      amount: compensationPayoutLines.amount,
    })
    .from(compensationPayoutLines)
    .where(
      and(
        eq(compensationPayoutLines.municipalityCode, code),
        eq(compensationPayoutLines.period, period),
        childId === undefined ? undefined : eq(compensationPayoutLines.childId, childId),
      ),
    );
  return rows.map((row) => ({ ...row, code: row.code as PayoutLine['code'] }));
}

export interface PayoutRow {
  readonly id: string;
  readonly kind: PayoutKind;
  readonly paidOn: string;
  readonly total: number;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** The municipality's payouts for the period, in the order they were paid. */
export async function payoutsOf(db: DbOrTx, code: string, period: string): Promise<PayoutRow[]> {
  const rows = await db
    .select({
      id: compensationPayouts.id,
      kind: compensationPayouts.kind,
      paidOn: compensationPayouts.paidOn,
      total: compensationPayouts.total,
      recordedBy: users.displayName,
      recordedAt: compensationPayouts.recordedAt,
    })
    .from(compensationPayouts)
    .innerJoin(users, eq(users.id, compensationPayouts.recordedBy))
    .where(and(eq(compensationPayouts.municipalityCode, code), eq(compensationPayouts.period, period)))
    .orderBy(asc(compensationPayouts.seq));
  return rows.map((row) => ({ ...row, kind: row.kind as PayoutKind }));
}

export const summary = (row: PayoutRow) => ({
  id: row.id,
  kind: row.kind,
  paidOn: row.paidOn,
  total: row.total,
});

/** The lines a payout holds, in the order they were recorded. */
export async function linesOfPayouts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(compensationPayoutLines)
    .where(inArray(compensationPayoutLines.payoutId, [...ids]));
}

/** The fingerprint of a proposal: the officer confirms the lines that were shown, or none. */
export function fingerprintOf(code: string, period: string, lines: readonly PayoutLine[]): string {
  return sha256Hex(canonicalJson({ code, period, lines: sortLines(lines) }));
}

export interface NewPayout {
  readonly municipalityCode: string;
  readonly period: string;
  readonly kind: PayoutKind;
  readonly paidOn: string;
  readonly lines: readonly PayoutLine[];
  readonly recordedBy: string;
  readonly recordedAt: Date;
  readonly shareVersionId?: string | null;
  readonly forecastId?: string | null;
}

/** Records a payout and its lines; null when a regular payout of the period exists already (the unique index). */
export async function insertPayout(
  db: DbOrTx,
  payout: NewPayout,
): Promise<{ id: string; total: number } | null> {
  const total = payout.lines.reduce((sum, line) => sum + line.amount, 0);
  const [row] = await db
    .insert(compensationPayouts)
    .values({
      municipalityCode: payout.municipalityCode,
      period: payout.period,
      kind: payout.kind,
      paidOn: payout.paidOn,
      total,
      shareVersionId: payout.shareVersionId ?? null,
      forecastId: payout.forecastId ?? null,
      recordedBy: payout.recordedBy,
      recordedAt: payout.recordedAt,
    })
    .onConflictDoNothing()
    .returning({ id: compensationPayouts.id });
  if (row === undefined) return null;
  if (payout.lines.length > 0)
    await db.insert(compensationPayoutLines).values(
      sortLines(payout.lines).map((line) => ({
        payoutId: row.id,
        municipalityCode: payout.municipalityCode,
        period: payout.period,
        childId: line.childId,
        code: line.code,
        count: line.count,
        amount: line.amount,
      })),
    );
  return { id: row.id, total };
}

export interface ChildLabel {
  readonly name: string | null;
  readonly dossierNumber: string;
}

/** The children as lines name them: the name, left out (null) for a child with a protected identity. */
export async function childLabels(
  db: DbOrTx,
  ids: Iterable<string | null>,
): Promise<ReadonlyMap<string, ChildLabel>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      dossierNumber: children.dossierNumber,
      protectedIdentity: children.protectedIdentity,
    })
    .from(children)
    .where(inArray(children.id, wanted));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: row.protectedIdentity ? null : `${row.firstName} ${row.lastName}`,
        dossierNumber: row.dossierNumber,
      },
    ]),
  );
}

const codeRank = new Map<string, number>(COMPENSATION_CODES_ORDER.map((code, index) => [code, index]));

/** The annual lines (no child) first, then by the child's id, then the codes' order. */
function sortLines<T extends PayoutLine>(lines: readonly T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      (a.childId ?? '').localeCompare(b.childId ?? '') ||
      (codeRank.get(a.code) ?? 0) - (codeRank.get(b.code) ?? 0),
  );
}

/** Lines or comparison rows named, sorted by dossier number (the annual lines first) and the codes' order. */
export function named<T extends { childId: string | null; code: string }>(
  rows: readonly T[],
  labels: ReadonlyMap<string, ChildLabel>,
) {
  const label = (id: string | null) => (id === null ? undefined : labels.get(id));
  return rows
    .map((row) => ({
      ...row,
      name: label(row.childId)?.name ?? null,
      dossierNumber: label(row.childId)?.dossierNumber ?? null,
    }))
    .sort(
      (a, b) =>
        (a.dossierNumber ?? '').localeCompare(b.dossierNumber ?? '') ||
        (codeRank.get(a.code) ?? 0) - (codeRank.get(b.code) ?? 0),
    );
}

/** The comparison of computed and paid, named and sorted, with its totals. */
export async function namedComparison(
  db: DbOrTx,
  computed: readonly PayoutLine[],
  paid: readonly PayoutLine[],
) {
  const rows: PaidComparison[] = comparePaid(computed, paid);
  const labels = await childLabels(
    db,
    rows.map((r) => r.childId),
  );
  const totals = rows.reduce(
    (acc, row) => ({
      computed: acc.computed + row.computed.amount,
      paid: acc.paid + row.paid.amount,
      difference: acc.difference + row.difference,
    }),
    { computed: 0, paid: 0, difference: 0 },
  );
  return { comparison: named(rows, labels), totals, labels };
}
