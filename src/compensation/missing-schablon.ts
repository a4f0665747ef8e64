/**
 * The report of a missing schablon (anmälan om utebliven schablonersättning; issue 14 point 5, ADR 0035; research
 * F.2 step F3): the municipality's finance officer reports, for one child and a paid quarter, an automatic schablon
 * Anvisa computes but the Agency has not (fully) paid, and says why; the Agency's compensation officer accepts it —
 * a supplementary payout of what is still owed for that child — or rejects it with a reason from a closed list. A
 * municipality sees its own reports only (another's child is 404); the Agency sees all.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  answerProblems,
  comparePaid,
  owedLines,
  reportProblems,
  type MissingSchablonRejection,
  type MissingSchablonStatus,
  type PayoutLine,
  type Problem,
} from '../domain/compensation/payouts.ts';
import { previousQuarter } from '../domain/compensation/view.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { compensationPayouts, missingSchablonReports, municipalities, users } from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import type {
  AgencyReportsSchema,
  AnswerBody,
  MissingSchablonBody,
  MissingSchablonSchema,
  MunicipalityReportsSchema,
} from './contract.ts';
import {
  childLabels,
  computedChildLines,
  computedQuarterLines,
  insertPayout,
  ownMunicipality,
  paidLines,
  payoutsOf,
} from './payout-store.ts';

type Report = Answer<z.input<typeof MissingSchablonSchema>>;
type Row = typeof missingSchablonReports.$inferSelect;

const invalid = (message: string, problems: readonly Problem[]) =>
  unprocessable(
    'missing_schablon_invalid',
    message,
    problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
  );

const sum = (lines: readonly PayoutLine[]) => lines.reduce((total, line) => total + line.amount, 0);

/** The child's automatic schablons in the quarter: computed now, paid, the difference. */
async function standing(db: DbOrTx, code: string, quarter: string, childId: string) {
  const [computed, paid] = await Promise.all([
    computedChildLines(db, code, quarter, childId),
    paidLines(db, code, quarter, childId),
  ]);
  const c = sum(computed ?? []);
  const p = sum(paid);
  return { computed: computed ?? [], paid, amounts: { computed: c, paid: p, difference: c - p } };
}

/** The reports presented with the municipality's and reporter's names, the payout and the child's standing now. */
async function present(db: DbOrTx, rows: readonly Row[]): Promise<Report[]> {
  if (rows.length === 0) return [];
  const [labels, names, people, payouts] = await Promise.all([
    childLabels(
      db,
      rows.map((r) => r.childId),
    ),
    db
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .where(inArray(municipalities.code, [...new Set(rows.map((r) => r.municipalityCode))])),
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.reportedBy))])),
    db
      .select()
      .from(compensationPayouts)
      .where(
        inArray(
          compensationPayouts.id,
          rows.map((r) => r.payoutId).filter((id): id is string => id !== null),
        ),
      ),
  ]);
  const out: Report[] = [];
  for (const row of rows) {
    const payout = payouts.find((p) => p.id === row.payoutId);
    const { amounts } = await standing(db, row.municipalityCode, row.quarter, row.childId);
    out.push({
      id: row.id,
      municipalityCode: row.municipalityCode,
      municipalityName: names.find((m) => m.code === row.municipalityCode)?.name ?? row.municipalityCode,
      quarter: row.quarter,
      childId: row.childId,
      name: labels.get(row.childId)?.name ?? null,
      dossierNumber: labels.get(row.childId)?.dossierNumber ?? '',
      explanation: row.explanation,
      reportedOn: row.reportedOn,
      reportedBy: people.find((p) => p.id === row.reportedBy)?.name ?? '',
      status: row.status as MissingSchablonStatus,
      rejectionReason: row.rejectionReason as MissingSchablonRejection | null,
      answerText: row.answerText,
      answeredOn: row.answeredOn,
      payout:
        payout === undefined
          ? null
          : { id: payout.id, kind: 'supplementary', paidOn: payout.paidOn, total: payout.total },
      ...amounts,
    });
  }
  return out;
}

/** The quarters a candidate may come from: the eight up to the previous one. */
function recentQuarters(today: string): string[] {
  const quarters = [previousQuarter(today)];
  while (quarters.length < 8) {
    const last = quarters[quarters.length - 1] ?? '';
    const month = (Number(last.slice(6)) - 1) * 3 + 1;
    quarters.push(previousQuarter(`${last.slice(0, 4)}-${String(month).padStart(2, '0')}-01`));
  }
  return quarters;
}

/** The own municipality's reports, newest first, and the children and paid quarters it may report now. */
export async function municipalityReports(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof MunicipalityReportsSchema>>> {
  const code = ownMunicipality(caller.actor);
  caller.audit.detail('municipalityCode', code);
  const rows = await caller.db
    .select()
    .from(missingSchablonReports)
    .where(eq(missingSchablonReports.municipalityCode, code))
    .orderBy(desc(missingSchablonReports.reportedAt));
  const reports = await present(caller.db, rows);
  const open = new Set(rows.filter((r) => r.status === 'open').map((r) => `${r.quarter}|${r.childId}`));
  const candidates: z.input<typeof MunicipalityReportsSchema>['candidates'] = [];
  for (const quarter of recentQuarters(caller.today)) {
    if ((await payoutsOf(caller.db, code, quarter)).length === 0) continue;
    const [computed, paid] = await Promise.all([
      computedQuarterLines(caller.db, code, quarter),
      paidLines(caller.db, code, quarter),
    ]);
    const perChild = new Map<string, { computed: number; paid: number }>();
    for (const row of comparePaid(computed, paid)) {
      if (row.childId === null) continue;
      const entry = perChild.get(row.childId) ?? { computed: 0, paid: 0 };
      entry.computed += row.computed.amount;
      entry.paid += row.paid.amount;
      perChild.set(row.childId, entry);
    }
    const labels = await childLabels(caller.db, perChild.keys());
    for (const [childId, amounts] of perChild) {
      if (amounts.computed <= amounts.paid || open.has(`${quarter}|${childId}`)) continue;
      candidates.push({
        quarter,
        childId,
        name: labels.get(childId)?.name ?? null,
        dossierNumber: labels.get(childId)?.dossierNumber ?? '',
        ...amounts,
        difference: amounts.computed - amounts.paid,
      });
    }
  }
  candidates.sort(
    (a, b) => b.quarter.localeCompare(a.quarter) || a.dossierNumber.localeCompare(b.dossierNumber),
  );
  caller.audit.children(new Set([...reports.map((r) => r.childId), ...candidates.map((c) => c.childId)]));
  return { reports, candidates };
}

/** The finance officer reports a child's missing schablon for a paid quarter. */
export async function fileReport(
  caller: RequestCaller,
  body: z.output<typeof MissingSchablonBody>,
): Promise<Report> {
  const code = ownMunicipality(caller.actor);
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('quarter', body.quarter);
  const computed = await computedChildLines(caller.db, code, body.quarter, body.childId);
  if (computed === null) throw notFound([body.childId]);
  caller.audit.children([body.childId]);
  const paid = await paidLines(caller.db, code, body.quarter, body.childId);
  const problems: Problem[] = reportProblems(body.explanation);
  if ((await payoutsOf(caller.db, code, body.quarter)).length === 0)
    problems.push({ field: 'quarter', code: 'quarter_not_paid' });
  else if (sum(computed) <= sum(paid)) problems.push({ field: 'childId', code: 'nothing_missing' });
  if (problems.length > 0) throw invalid('The report cannot be filed so', problems);
  const [row] = await caller.db
    .insert(missingSchablonReports)
    .values({
      municipalityCode: code,
      quarter: body.quarter,
      childId: body.childId,
      explanation: body.explanation.trim(),
      reportedBy: caller.actor.userId,
      reportedOn: caller.today,
      reportedAt: caller.now,
      status: 'open',
    })
    .onConflictDoNothing()
    .returning();
  if (row === undefined)
    throw conflict('already_reported', 'The child’s quarter is already reported and not yet answered', [
      { field: 'body.childId', code: 'schablon_already_reported', message: 'schablon_already_reported' },
    ]);
  caller.audit.detail('reportId', row.id);
  const [report] = await present(caller.db, [row]);
  if (report === undefined) throw notFound();
  return report;
}

/** The Agency's list: the open reports oldest first, and the latest answered. */
export async function agencyReports(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof AgencyReportsSchema>>> {
  const [open, answered] = await Promise.all([
    caller.db
      .select()
      .from(missingSchablonReports)
      .where(eq(missingSchablonReports.status, 'open'))
      .orderBy(asc(missingSchablonReports.reportedAt)),
    caller.db
      .select()
      .from(missingSchablonReports)
      .where(ne(missingSchablonReports.status, 'open'))
      .orderBy(desc(missingSchablonReports.answeredOn), desc(missingSchablonReports.reportedAt))
      .limit(50),
  ]);
  const result = { open: await present(caller.db, open), answered: await present(caller.db, answered) };
  caller.audit.children(new Set([...open, ...answered].map((r) => r.childId)));
  return result;
}

/** The Agency answers an open report: accepted (a supplementary payout of what is owed) or rejected with a reason. */
export async function answerReport(
  caller: RequestCaller,
  reportId: string,
  body: z.output<typeof AnswerBody>,
): Promise<Report> {
  const [report] = await caller.db
    .select()
    .from(missingSchablonReports)
    .where(eq(missingSchablonReports.id, reportId));
  if (report === undefined) throw notFound();
  caller.audit.children([report.childId]);
  caller.audit.detail('reportId', report.id);
  caller.audit.detail('outcome', body.outcome);
  if (report.status !== 'open') throw alreadyAnswered();
  const problems = answerProblems(body, report.reportedOn, caller.today);
  if (problems.length > 0) throw invalid('The answer is not complete', problems);
  let payoutId: string | null = null;
  if (body.outcome === 'accepted') {
    const { computed, paid } = await standing(
      caller.db,
      report.municipalityCode,
      report.quarter,
      report.childId,
    );
    const owed = owedLines(computed, paid);
    if (owed.length === 0)
      throw invalid('Nothing is owed for the child’s quarter', [
        { field: 'outcome', code: 'nothing_to_pay' },
      ]);
    const saved = await insertPayout(caller.db, {
      municipalityCode: report.municipalityCode,
      period: report.quarter,
      kind: 'supplementary',
      paidOn: body.paidOn ?? caller.today,
      lines: owed,
      recordedBy: caller.actor.userId,
      recordedAt: caller.now,
    });
    payoutId = saved?.id ?? null;
    caller.audit.detail('payoutId', payoutId);
  }
  const [updated] = await caller.db
    .update(missingSchablonReports)
    .set({
      status: body.outcome,
      rejectionReason: body.outcome === 'rejected' ? body.reason : null,
      answerText: body.text.trim() === '' ? null : body.text.trim(),
      answeredBy: caller.actor.userId,
      answeredOn: caller.today,
      payoutId,
    })
    .where(and(eq(missingSchablonReports.id, reportId), eq(missingSchablonReports.status, 'open')))
    .returning();
  if (updated === undefined) throw alreadyAnswered();
  const [presented] = await present(caller.db, [updated]);
  if (presented === undefined) throw notFound();
  return presented;
}

const alreadyAnswered = () =>
  conflict('report_answered', 'The report has been answered', [
    { field: 'status', code: 'report_answered', message: 'report_answered' },
  ]);
