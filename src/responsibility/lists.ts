/**
 * The municipality's lists: changes to report to the Migration Agency (with the reporting deadline, "reported on"),
 * and transfer requests it is party to. Only the municipality's own social services see them; each row's child is
 * shown as the caller may see it (masked identity, or not at all once out of scope).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { transferRelation } from '../domain/responsibility/transfer.ts';
import { changeReports, children, responsibilityTransfers, users } from '../platform/db/schema.ts';
import { conflict, forbidden, notFound, unprocessable } from '../platform/http/errors.ts';
import { markChangeReported, type ReportableChange } from '../case/change-reports.ts';
import { lookupFor, presentChildren } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import type { ChildSummary } from '../children/present.ts';
import { requestSides } from './transfers.ts';

function ownMunicipality(caller: Caller): string {
  const code = caller.actor.municipalityCodes[0];
  if ((caller.actor.role !== 'social_worker' && caller.actor.role !== 'unit_manager') || code === undefined)
    throw forbidden();
  return code;
}

async function summaries(caller: Caller, childIds: readonly string[]): Promise<Map<string, ChildSummary>> {
  const shown = await presentChildren(caller, [...new Set(childIds)]);
  return new Map(shown.map((c) => [c.id, c]));
}

export interface ChangeReportFilter {
  readonly status: 'unreported' | 'reported' | 'all';
  readonly change: ReportableChange | null;
  readonly overdue: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export async function listChangeReports(caller: Caller, filter: ChangeReportFilter) {
  const code = ownMunicipality(caller);
  const conditions: SQL[] = [eq(changeReports.municipalityCode, code)];
  if (filter.status === 'unreported') conditions.push(isNull(changeReports.reportedOn));
  if (filter.status === 'reported') conditions.push(isNotNull(changeReports.reportedOn));
  if (filter.change !== null) conditions.push(eq(changeReports.change, filter.change));
  if (filter.overdue)
    conditions.push(
      and(isNull(changeReports.reportedOn), sql`${changeReports.dueOn} < ${caller.today}`) ?? sql`true`,
    );
  const where = and(...conditions);
  const [counted] = await caller.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(changeReports)
    .where(where);
  const rows = await caller.db
    .select({ report: changeReports, reporter: users.displayName })
    .from(changeReports)
    .leftJoin(users, eq(users.id, changeReports.reportedBy))
    .where(where)
    // Unreported first, the earliest due first; then the latest reported.
    .orderBy(
      sql`${changeReports.reportedOn} is not null`,
      asc(changeReports.dueOn),
      desc(changeReports.reportedOn),
      asc(changeReports.id),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const shown = await summaries(
    caller,
    rows.map((r) => r.report.childId),
  );
  caller.audit.detail('shown', rows.length);
  return {
    total: counted?.n ?? 0,
    items: rows.map(({ report, reporter }) => ({
      id: report.id,
      child: shown.get(report.childId) ?? null,
      change: report.change,
      changedOn: report.changedOn,
      permitHolder: report.permitHolder,
      dueOn: report.dueOn,
      overdue: report.reportedOn === null && report.dueOn < caller.today,
      reportedOn: report.reportedOn,
      reportedBy: reporter,
    })),
  };
}

export async function reportChange(
  caller: Caller,
  reportId: string,
  reportedOn: string,
): Promise<{ id: string; reportedOn: string }> {
  const code = ownMunicipality(caller);
  const [row] = await caller.db.select().from(changeReports).where(eq(changeReports.id, reportId));
  if (row?.municipalityCode !== code) throw notFound();
  caller.audit.children([row.childId]);
  caller.audit.detail('changeReportId', row.id);
  if (row.reportedOn !== null) {
    throw conflict('already_reported', 'The change is already reported', [
      { field: 'body.reportedOn', code: 'already_reported', message: `Anmäld ${row.reportedOn}` },
    ]);
  }
  if (reportedOn > caller.today || reportedOn < row.changedOn) {
    const future = reportedOn > caller.today;
    throw unprocessable('invalid_date', 'The date is not possible', [
      {
        field: 'body.reportedOn',
        code: future ? 'future' : 'before_change',
        message: future ? 'Datumet kan inte ligga i framtiden' : 'Anmälan kan inte ligga före ändringen',
      },
    ]);
  }
  await markChangeReported(caller, reportId, reportedOn);
  return { id: row.id, reportedOn };
}

/** The dossier numbers of the children the caller asked to take over (it typed them itself). */
async function dossierNumbers(caller: Caller, childIds: readonly string[]): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const found = await caller.db
    .select({ id: children.id, dossierNumber: children.dossierNumber })
    .from(children)
    .where(inArray(children.id, [...new Set(childIds)]));
  return new Map(found.map((c) => [c.id, c.dossierNumber]));
}

export async function listTransfers(caller: Caller, filter: { status: 'open' | 'answered' }) {
  const code = ownMunicipality(caller);
  const rows = await caller.db
    .select({ transfer: responsibilityTransfers })
    .from(responsibilityTransfers)
    .where(
      and(
        or(eq(responsibilityTransfers.fromCode, code), eq(responsibilityTransfers.toCode, code)),
        filter.status === 'open'
          ? eq(responsibilityTransfers.status, 'requested')
          : inArray(responsibilityTransfers.status, ['confirmed', 'declined', 'withdrawn']),
      ),
    )
    .orderBy(desc(responsibilityTransfers.requestedAt))
    .limit(200);
  const sides = requestSides(rows.map((r) => r.transfer));
  const shown = await summaries(
    caller,
    rows.map((r) => r.transfer.childId),
  );
  const dossiers = await dossierNumbers(
    caller,
    rows
      .filter((r) => r.transfer.requestedSide === 'to' && r.transfer.toCode === code)
      .map((r) => r.transfer.childId),
  );
  const lookup = await lookupFor(
    caller.db,
    rows.map((r) => r.transfer.requestedBy),
  );
  return rows.map(({ transfer }) => {
    const side = sides.get(transfer.id) ?? 'from';
    const relation = transferRelation([code], {
      fromCode: transfer.fromCode,
      toCode: transfer.toCode,
      requestedBy: side,
    });
    const child = shown.get(transfer.childId) ?? null;
    // The municipality that asked to take a child over learns nothing about it but what it typed, until it confirms.
    const ownTakeOver = side === 'to' && relation === 'requester';
    return {
      id: transfer.id,
      child,
      dossierNumber: ownTakeOver ? (dossiers.get(transfer.childId) ?? null) : null,
      from:
        ownTakeOver && child === null
          ? null
          : { code: transfer.fromCode, name: lookup.municipalityName(transfer.fromCode) },
      to: { code: transfer.toCode, name: lookup.municipalityName(transfer.toCode) },
      requestedBy: side,
      relation: relation === 'none' ? ('requester' as const) : relation,
      status: transfer.status,
      reason: transfer.reason,
      proposedFrom: transfer.proposedFrom,
      requestedAt: transfer.requestedAt.toISOString(),
      requestedByName: lookup.userName(transfer.requestedBy),
      answeredAt: transfer.answeredAt?.toISOString() ?? null,
      answerNote: transfer.answerNote,
    };
  });
}
