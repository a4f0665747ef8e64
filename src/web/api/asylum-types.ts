/** The asylum and age case as the API shows it (src/asylum/view.ts). */
export const ASYLUM_DECISIONS = [
  'permanent_permit',
  'temporary_permit',
  'refused',
  'dublin_transfer',
  'written_off',
] as const;
export const COURT_OUTCOMES = ['permanent_permit', 'temporary_permit', 'refused', 'dublin_transfer'] as const;

/** The first-instance decision events (any one of them means the decision form is open). */
export const DECISION_EVENTS = [
  'grant_permanent',
  'grant_temporary',
  'refuse',
  'transfer_dublin',
  'write_off',
] as const;

export interface HistoryEntry {
  readonly event: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actorRole: string | null;
  readonly decision: string | null;
  readonly permitEndsOn: string | null;
  readonly interviewOn: string | null;
  readonly birthDate: string | null;
  readonly previousBirthDate: string | null;
  readonly consent: boolean | null;
  readonly makesAdult: boolean | null;
}

export interface AsylumView {
  readonly recorded: boolean;
  readonly state: string;
  readonly version: number;
  readonly appliedOn: string | null;
  readonly interviewDates: readonly string[];
  readonly comingInterviews: readonly string[];
  readonly decision: string | null;
  readonly decidedOn: string | null;
  readonly permitEndsOn: string | null;
  readonly appealedOn: string | null;
  readonly finalOn: string | null;
  readonly permitHolder: boolean;
  readonly history: readonly HistoryEntry[];
  /** The steps the active role may take now ('apply' when no case is recorded yet). */
  readonly nextSteps: readonly string[];
}

export interface AgeRecord {
  readonly kind: string;
  readonly birthDate: string;
  readonly decidedOn: string;
  readonly appealedOn: string | null;
  readonly adultOnDecision: boolean;
}

export interface AgeView {
  readonly state: string;
  readonly version: number;
  readonly statedBirthDate: string | null;
  readonly registeredBirthDate: string;
  readonly ageToday: number;
  readonly ageBand: string;
  readonly adultToday: boolean;
  readonly adultFrom: string;
  readonly records: readonly AgeRecord[];
  readonly currentDecision: AgeRecord | null;
  readonly doubtedOn: string | null;
  readonly medicalAssessment: { readonly offeredOn: string; readonly consent: boolean } | null;
  readonly history: readonly HistoryEntry[];
  readonly nextSteps: readonly string[];
}

export interface MigrationView {
  readonly childId: string;
  readonly interpreter: { readonly needed: boolean; readonly languages: readonly string[] } | null;
  readonly asylum: AsylumView | null;
  readonly age: AgeView | null;
}
