/** The responsibility API's answers (src/responsibility/schemas.ts is the authority). */
import type { ChildSummary, MunicipalityRef } from './types.ts';

export const CHANGE_KINDS = [
  'transfer',
  'absconding',
  'departure',
  'reunification',
  'sfv',
  'turning_18',
] as const;

export interface DaysOfCare {
  readonly days: number;
  readonly until: string;
  readonly basis: 'moved' | 'acknowledged' | 'ongoing';
}

export interface Period {
  readonly id: string;
  readonly municipality: MunicipalityRef;
  readonly kind: 'arrival' | 'assigned' | 'transferred' | 'aftercare';
  readonly from: string;
  readonly to: string | null;
  readonly reason: string | null;
  readonly endReason: string | null;
}

export interface Handover {
  readonly id: string;
  readonly from: MunicipalityRef;
  readonly to: MunicipalityRef | null;
  readonly current: boolean;
  readonly movedOn: string | null;
  readonly acknowledgedOn: string | null;
  readonly daysOfCare: DaysOfCare;
  readonly mayRecordMove: boolean;
}

export interface OnCallPlacement {
  readonly id: string;
  readonly municipality: MunicipalityRef;
  readonly provider: string | null;
  readonly from: string;
  readonly validUntil: string | null;
  readonly to: string | null;
  readonly holdsToday: boolean;
}

export interface Transfer {
  readonly id: string;
  readonly from: MunicipalityRef;
  readonly to: MunicipalityRef;
  readonly requestedBy: 'from' | 'to';
  readonly status: string;
  readonly reason: string;
  readonly proposedFrom: string;
  readonly requestedAt: string;
  readonly requestedByName: string;
  readonly answeredAt: string | null;
  readonly answerNote: string | null;
}

export interface ChildTransfer extends Transfer {
  readonly relation: 'requester' | 'answerer' | 'none';
  readonly mayAnswer: boolean;
  readonly mayWithdraw: boolean;
}

export interface Turning18 {
  readonly birthday18: string;
  readonly birthday21: string;
  readonly warningDue: string;
  readonly noticeDue: string;
  readonly age: number;
  readonly decision: {
    readonly decision: 'continue' | 'end';
    readonly decidedOn: string;
    readonly decidedBy: string | null;
    readonly continuedUntil: string | null;
    readonly reportedOn: string | null;
    readonly reportedInTime: boolean | null;
  } | null;
  readonly mayDecide: boolean;
  readonly mayRecordReported: boolean;
  readonly mayEndAftercare: boolean;
}

export interface ChildChangeReport {
  readonly id: string;
  readonly municipality: MunicipalityRef;
  readonly change: string;
  readonly changedOn: string;
  readonly permitHolder: boolean;
  readonly dueOn: string;
  readonly reportedOn: string | null;
  readonly overdue: boolean;
  readonly mayMarkReported: boolean;
}

export interface ResponsibilityView {
  readonly access: 'read' | 'write';
  readonly responsibility: { readonly state: string; readonly version: number };
  readonly transfer: { readonly state: string; readonly version: number };
  readonly responsible: MunicipalityRef | null;
  readonly periods: readonly Period[] | null;
  readonly handovers: readonly Handover[];
  readonly onCallPlacements: readonly OnCallPlacement[];
  readonly receivedOn: string | null;
  readonly mayAcknowledge: boolean;
  readonly transfers: readonly ChildTransfer[];
  readonly mayRequestTransfer: boolean;
  readonly turning18: Turning18 | null;
  readonly changeReports: readonly ChildChangeReport[];
  readonly interpreter: { readonly languages: readonly string[]; readonly interpreterNeeded: boolean } | null;
}

export interface ChangeReportRow {
  readonly id: string;
  readonly child: ChildSummary | null;
  readonly change: string;
  readonly changedOn: string;
  readonly permitHolder: boolean;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly reportedOn: string | null;
  readonly reportedBy: string | null;
}

export interface ChangeReportList {
  readonly total: number;
  readonly items: readonly ChangeReportRow[];
}

export interface TransferRow extends Omit<Transfer, 'from'> {
  readonly child: ChildSummary | null;
  readonly relation: 'requester' | 'answerer';
  /** Null while the municipality's own take-over request is not confirmed (ADR 0016). */
  readonly from: MunicipalityRef | null;
  /** The number typed in the municipality's own take-over request. */
  readonly dossierNumber: string | null;
}
