/** The guardianship API's answers (src/guardianship/schemas.ts is the authority). */
import type { ChildSummary } from './types.ts';

export type GuardianshipState =
  'none' | 'god_man_requested' | 'god_man_appointed' | 'sfv_pending' | 'sfv_appointed' | 'ended';
export type GuardianshipStep =
  | 'request_god_man'
  | 'withdraw_request'
  | 'appoint_god_man'
  | 'god_man_resigns'
  | 'apply_for_sfv'
  | 'record_sfv_not_applying'
  | 'sfv_appointed'
  | 'sfv_refused'
  | 'end_by_law'
  | 'end_by_decision';

export const END_BY_DECISION_REASONS = ['parent_custody', 'left_sweden', 'not_needed'] as const;
export const RECORDED_BY_LAW_REASONS = ['turned_18', 'age_changed'] as const;
export const SFV_NOT_APPLYING_REASONS = [
  'turns_18_within_6_months',
  'parents_on_their_way',
  'other',
] as const;

export interface GuardianshipView {
  readonly state: GuardianshipState;
  readonly version: number;
  readonly steps: readonly GuardianshipStep[];
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean | null;
  readonly birthDate: string;
  readonly permitHolder: boolean;
  readonly godMan: {
    readonly guardianshipId: string;
    readonly name: string | null;
    readonly phone: string | null;
    readonly email: string | null;
    readonly from: string;
  } | null;
  readonly specialCustodian: {
    readonly name: string | null;
    readonly court: string | null;
    readonly decidedOn: string | null;
    readonly finalOn: string | null;
  } | null;
  readonly openRequest: {
    readonly id: string;
    readonly requestedOn: string;
    readonly reason: string;
    readonly requestedBy: string;
    readonly dueOn: string | null;
  } | null;
  readonly history: readonly {
    readonly guardianshipId: string;
    readonly kind: string;
    readonly name: string | null;
    readonly from: string;
    readonly to: string | null;
    readonly childHeard: boolean | null;
    readonly endReason: string | null;
    readonly endByLaw: boolean | null;
    readonly endRecordedAt: string | null;
  }[];
  readonly requests: readonly {
    readonly id: string;
    readonly requestedOn: string;
    readonly reason: string;
    readonly status: string;
    readonly requestedBy: string;
  }[];
  readonly sfvCases: readonly {
    readonly id: string;
    readonly status: string;
    readonly appliedOn: string | null;
    readonly court: string | null;
    readonly custodianName: string | null;
    readonly decidedOn: string | null;
    readonly finalOn: string | null;
    readonly notApplyingReason: string | null;
    readonly notApplyingNote: string | null;
  }[];
}

export interface OpenRequest {
  readonly id: string;
  readonly child: ChildSummary;
  readonly requestedOn: string;
  readonly reason: string;
  readonly requestedBy: string;
  readonly dueOn: string | null;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean | null;
}

export interface RegistryEntry {
  readonly userId: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly languages: readonly string[];
  readonly municipalityCodes: readonly string[];
  readonly available: boolean;
  readonly wards: number;
  /** The server's answer whether one more appointment would pass the authority's limit. */
  readonly overLimitIfAppointed: boolean;
  readonly inRegistry: boolean;
  readonly version: number;
}

export interface Policy {
  readonly maxWardsPerGodMan: number;
  readonly isDefault: boolean;
}

export interface Registry {
  readonly policy: Policy;
  readonly served: readonly { readonly code: string; readonly name: string }[];
  readonly items: readonly RegistryEntry[];
}

export interface AppointmentWarning {
  readonly code: 'ward_limit_exceeded' | 'no_common_language';
  readonly wards?: number;
  readonly limit?: number;
}

export interface Ward {
  readonly child: ChildSummary;
  readonly whereabouts: string | null;
  readonly since: string;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean | null;
  readonly placement: {
    readonly provider: string;
    readonly form: string;
    readonly municipalityCode: string;
    readonly from: string;
  } | null;
  readonly school: {
    readonly school: string;
    readonly programme: string;
    readonly enrolledOn: string;
    readonly startedOn: string | null;
  } | null;
  readonly meetings: readonly { readonly kind: 'asylum_interview' | 'care_review'; readonly on: string }[];
}
