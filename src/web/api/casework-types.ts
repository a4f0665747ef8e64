/** Answers of the casework API (src/casework/routes*.ts), as the UI reads them. */
import type { CHANNELS, DIRECTIONS, SocialCaseStep } from '../../domain/social-case/codes.ts';
import type { CaseStep } from './case-steps.ts';
import type { ChildSummary } from './types.ts';

export type SocialCaseState =
  | 'none'
  | 'report_received'
  | 'protection_assessed'
  | 'investigating'
  | 'not_investigated'
  | 'care_decided'
  | 'care_ongoing'
  | 'closed';

export interface PersonRef {
  readonly userId: string;
  readonly name: string;
}

export interface CaseDeadline {
  readonly id: string;
  readonly rule: string;
  readonly title: string;
  readonly source: string;
  readonly statutory: boolean;
  readonly startedOn: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly extendedReason: string | null;
}

export interface CaseWorker extends PersonRef {
  readonly id: string;
  readonly role: 'primary' | 'secondary';
  readonly fromDate: string;
  readonly toDate: string | null;
  readonly substitute: (PersonRef & { readonly toDate: string }) | null;
}

export interface CaseHistoryEvent {
  readonly id: string;
  readonly event: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: string | null;
  readonly actorRole: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly bestInterestsId: string | null;
}

export interface SocialCase {
  readonly socialCaseId: string | null;
  readonly state: SocialCaseState;
  readonly version: number;
  readonly open: boolean;
  readonly municipality: { readonly code: string; readonly name: string } | null;
  readonly reportReceivedOn: string | null;
  readonly protectionAssessedOn: string | null;
  readonly protectionOutcome: string | null;
  readonly preliminaryDecidedOn: string | null;
  readonly investigationOpenedOn: string | null;
  readonly investigationExtendedTo: string | null;
  readonly investigationExtensionReason: string | null;
  readonly interventionsDecidedOn: string | null;
  readonly carePlanOn: string | null;
  readonly implementationPlanOn: string | null;
  readonly lastReviewOn: string | null;
  readonly closedOn: string | null;
  readonly deadlines: readonly CaseDeadline[];
  readonly workers: readonly CaseWorker[];
  /** The steps the caller may take now, the usual next one first, each with its route. */
  readonly steps: readonly CaseStep<SocialCaseStep>[];
  readonly mayAssign: boolean;
  readonly history: readonly CaseHistoryEvent[];
  readonly interpreter: { readonly needed: boolean; readonly languages: readonly string[] } | null;
}

export interface CaseItem {
  readonly child: ChildSummary;
  readonly socialCaseId: string;
  readonly state: SocialCaseState;
  readonly version: number;
  readonly reportReceivedOn: string;
  readonly primary: PersonRef | null;
  readonly secondary: PersonRef | null;
  readonly overdue: number;
  readonly nextDue: string | null;
  readonly standingInFor: PersonRef | null;
}

export interface WorkerLoad {
  readonly userId: string;
  readonly name: string;
  readonly primaryCases: number;
  readonly secondaryCases: number;
  readonly overdue: number;
  readonly nextDue: string | null;
  readonly absentUntil: string | null;
  readonly substitute: PersonRef | null;
}

export interface Caseload {
  readonly workers: readonly WorkerLoad[];
  readonly unassigned: number;
  readonly total: number;
  readonly items: readonly CaseItem[];
}

export interface Substitute {
  readonly id: string;
  readonly absent: PersonRef;
  readonly substitute: PersonRef;
  readonly fromDate: string;
  readonly toDate: string;
}

export interface PersonaktEntry {
  readonly id: string;
  readonly kind: 'note' | 'correspondence';
  readonly body: string;
  readonly occurredOn: string;
  readonly notForChild: boolean;
  readonly direction: (typeof DIRECTIONS)[number] | null;
  readonly counterpart: string | null;
  readonly channel: (typeof CHANNELS)[number] | null;
  readonly author: string;
  readonly ownOrganisation: boolean;
  readonly createdAt: string;
}

export interface CaseDocument {
  readonly id: string;
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly notForChild: boolean;
  readonly uploadedBy: string;
  readonly ownOrganisation: boolean;
  readonly createdAt: string;
}

export interface CaseDocuments {
  readonly maxBytes: number;
  readonly items: readonly CaseDocument[];
}
