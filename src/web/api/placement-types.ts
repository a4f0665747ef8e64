/** The shapes of the placement, school and health answers (see /openapi.json). The server is the authority. */
import type { CaseStep } from './case-steps.ts';
import type {
  LegalBasis,
  PlacementForm,
  ReferralDestination,
  TargetGroup,
} from '../../domain/placement/vocabulary.ts';

export {
  LEGAL_BASES,
  PLACEMENT_END_REASONS,
  PLACEMENT_FORMS,
  REFERRAL_DESTINATIONS,
  SCHOOL_PROGRAMMES,
  TARGET_GROUPS,
  type LegalBasis,
  type PlacementForm,
  type ReferralDestination,
  type TargetGroup,
} from '../../domain/placement/vocabulary.ts';

export interface Provider {
  readonly id: string;
  readonly municipality: { readonly code: string; readonly name: string };
  readonly name: string;
  readonly form: PlacementForm;
  readonly places: number;
  readonly occupied: number;
  readonly free: number;
  readonly targetGroups: readonly TargetGroup[];
  readonly languages: readonly string[];
  readonly permitReference: string | null;
  readonly active: boolean;
  readonly version: number;
}

export interface CapacityRow {
  readonly municipalityCode: string;
  readonly form: PlacementForm;
  readonly providers: number;
  readonly places: number;
  readonly occupied: number;
  readonly free: number;
}

export interface ProvidersView {
  readonly providers: readonly Provider[];
  readonly capacity: readonly CapacityRow[];
}

/** Shown wherever someone is about to meet the child. */
export interface MeetingFacts {
  readonly age: number;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean;
}

export interface PlacementRecord {
  readonly id: string;
  readonly provider: { readonly id: string; readonly name: string } | null;
  readonly form: PlacementForm;
  readonly legalBasis: LegalBasis;
  readonly fromDate: string;
  readonly toDate: string | null;
  readonly endReason: string | null;
  readonly onCall: boolean;
  readonly validUntil: string | null;
  readonly specialReason: string | null;
  readonly decidedBy: string | null;
  readonly bestInterestsId: string | null;
}

export interface PlacementView {
  readonly state: 'not_placed' | 'on_call_placed' | 'placed' | 'ended';
  readonly version: number;
  readonly current: PlacementRecord | null;
  readonly history: readonly PlacementRecord[];
  readonly days: readonly {
    readonly municipality: { readonly code: string; readonly name: string };
    readonly days: number;
  }[];
  readonly child: MeetingFacts & { readonly birthDate: string };
  /** The decisions the caller may make now (none for a reader). */
  readonly steps: readonly CaseStep<PlacementAction>[];
}

export type PlacementAction = 'place' | 'on_call' | 'move' | 'end';

export interface Enrolment {
  readonly id: string;
  readonly school: string | null;
  readonly programme: string;
  readonly enrolledOn: string;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
}

export interface SchoolView {
  readonly state: 'not_enrolled' | 'enrolled' | 'attending' | 'ended';
  readonly version: number;
  readonly arrivalDate: string;
  readonly dueOn: string;
  readonly goalDays: number;
  readonly days: number;
  readonly started: boolean;
  readonly withinGoal: boolean;
  readonly current: Enrolment | null;
  readonly enrolments: readonly Enrolment[];
  readonly child: MeetingFacts;
  /** What the caller may record now (none for a reader). */
  readonly steps: readonly CaseStep<SchoolAction>[];
}

export type SchoolAction = 'enrol' | 'start' | 'end';

export interface Examination {
  readonly id: string;
  readonly countyCode: string;
  readonly offeredOn: string;
  readonly doneOn: string | null;
  readonly declinedOn: string | null;
  readonly referrals: readonly { readonly to: ReferralDestination; readonly on: string }[];
}

export interface HealthView {
  readonly state: 'not_offered' | 'offered' | 'done' | 'declined';
  readonly version: number;
  readonly examinations: readonly Examination[];
  readonly child: MeetingFacts;
  /** What the caller may record now (none for a reader). */
  readonly steps: readonly CaseStep<HealthAction>[];
}

export type HealthAction = 'offer' | 'done' | 'declined' | 'referral';
