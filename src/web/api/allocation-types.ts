/** The shapes of the allocation API's answers (anvisning, shares, figures; see /openapi.json). */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Rule } from '../../domain/allocation/allocator.ts';
import type { DecisionKind } from '../../domain/allocation/decision.ts';
import type { ChildSummary, MunicipalityRef } from './types.ts';

export type { DecisionKind, Rule };
export const RULES = ['quota', 'lowest-attainment'] as const satisfies readonly Rule[];
export const DECISION_KINDS = [
  'utjamnande',
  'anknytning',
  'deviation',
  'correction',
] as const satisfies readonly DecisionKind[];

/** A municipality's standing: share (‰), children received, exact quota E/1000 and deficit (quota − received). */
export interface Figures {
  readonly code: string;
  readonly name: string;
  readonly share: number;
  readonly received: number;
  /** Three decimals, e.g. "1.080". */
  readonly quota: string;
  /** quota − received, three decimals, e.g. "-0.460". */
  readonly deficit: string;
}

/** A stated relative's contact details; sent only to those who may see them (the assessing municipality, the Agency). */
export interface RelativeContact {
  readonly name: string;
  readonly address: string | null;
  readonly phone: string | null;
}

export interface RelativeAssessmentStatus {
  readonly municipalityCode: string;
  readonly relation: string;
  readonly relative?: RelativeContact | null;
  readonly dueOn: string;
  readonly outcome: 'suitable' | 'unsuitable' | null;
  readonly outcomeNote: string | null;
  readonly assessedBy: string | null;
  readonly assessedAt: string | null;
}

/** What was registered at arrival and bears on the child's best interests (sent when the server has it). */
export interface IntakeFacts {
  readonly childId: string;
  readonly specialNeeds: string | null;
  readonly wishes: string | null;
}

export interface Proposal {
  readonly kind: 'utjamnande' | 'anknytning';
  readonly basis: 'relative' | 'sibling' | 'rule';
  readonly rule: Rule;
  readonly ruleVersion: string;
  readonly municipality: Figures;
  readonly nextInTurn: readonly Figures[];
  readonly group: readonly ChildSummary[];
  readonly relativeAssessments: readonly RelativeAssessmentStatus[];
  readonly intake?: readonly IntakeFacts[];
}

export interface Considerations {
  readonly relatives: string | null;
  readonly siblings: string | null;
  readonly specialNeeds: string | null;
  readonly childsWishes: string | null;
}

/** A child waiting for an allocation decision, with its arrival date (the list's order). */
export interface WaitingChild extends ChildSummary {
  readonly arrivalDate: string | null;
}

/** A decision in the history: the children by name as the officer may see them. */
export interface DecisionHistoryRow extends DecisionRow {
  readonly children: readonly ChildSummary[];
}

export interface DecisionRow {
  readonly id: string;
  readonly seq: number;
  readonly childIds: readonly string[];
  readonly municipality: MunicipalityRef;
  readonly kind: DecisionKind;
  readonly proposedCode: string | null;
  readonly rule: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly supersedesId: string | null;
  readonly reason: string | null;
}

/**
 * The reasons' facts of a decision, recomputed by the server from the recorded history: the proposal (its municipality
 * and why) and the decided municipality, each with its figures just before the decision.
 */
export interface DecisionBasis {
  readonly kind: Proposal['kind'];
  readonly basis: Proposal['basis'];
  /** The proposed municipality's figures. */
  readonly municipality: Figures;
  /** The decided municipality's figures (the same as `municipality` unless the officer deviated). */
  readonly decided: Figures;
  readonly relatives: readonly Pick<RelativeAssessmentStatus, 'municipalityCode' | 'relation' | 'outcome'>[];
  readonly groupSize: number;
  /** The quota rule's bound 1 − 1/c, three decimals ("0.998"); null under another rule. */
  readonly quotaTolerance: string | null;
  /** The recomputed state matches the state hash stored with the decision: these are the figures it was taken from. */
  readonly verified: boolean;
}

export interface DecisionDetail extends DecisionRow {
  readonly ruleVersion: string;
  readonly considerations: Partial<Considerations>;
  readonly stateHash: string;
  readonly recordHash: string;
  readonly children: readonly ChildSummary[];
  /** Null for corrections. */
  readonly proposal: DecisionBasis | null;
  /** For a correction: the decision it supersedes. */
  readonly superseded: {
    readonly seq: number;
    readonly municipalityCode: string;
    readonly decidedOn: string;
  } | null;
}

export interface QueueView {
  readonly shareVersionId: string | null;
  readonly rule: Rule;
  readonly next: readonly Figures[];
}

export const AGE_BANDS = ['0-12', '13-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface MunicipalityFigures extends Figures {
  readonly countyCode: string;
  /** received − quota, in children. */
  readonly deviation: number;
  readonly byGender: { readonly female: number; readonly male: number; readonly other: number };
  readonly byAgeBand: Readonly<Record<AgeBand, number>>;
}

export interface TimelinePoint {
  readonly month: string;
  readonly received: number;
  readonly quota: number;
}

export interface ShareVersion {
  readonly id: string;
  readonly validFrom: string;
  readonly source: 'import' | 'proposal' | 'transfer';
  readonly note: string;
  readonly basedOnId: string | null;
  readonly decidedAt: string;
}

export interface ShareVersionDetail {
  readonly version: {
    readonly id: string;
    readonly validFrom: string;
    readonly source: ShareVersion['source'];
    readonly note: string;
    readonly contentHash: string;
  };
  readonly values: readonly {
    readonly code: string;
    readonly name: string;
    readonly countyCode: string;
    readonly promille: number;
  }[];
  readonly transfers: readonly {
    readonly fromCode: string;
    readonly toCode: string;
    readonly promille: number;
    readonly decidedBy: string;
  }[];
}

export interface ProposedShare {
  readonly code: string;
  readonly share: number;
  readonly explanation: {
    readonly inputs: {
      readonly population: number;
      readonly newlyArrived: number;
      readonly unaccompanied: number;
      readonly asylumDays: number;
      readonly arrivalDays: number;
    };
    readonly priorReception: string;
    readonly populationShare: string;
    readonly raw: string;
    readonly scaled: string;
    readonly floor: number;
    readonly adjustment: string;
  };
}

export interface SharesProposal {
  readonly savedVersionId: string | null;
  readonly total: string;
  readonly shares: readonly ProposedShare[];
}

export interface IncomingChild extends ChildSummary {
  readonly assignedOn: string;
}

export interface RelativeAssessment {
  readonly id: string;
  readonly childId: string;
  /** The child as the municipality may see it (identity masked where protected). */
  readonly child: ChildSummary;
  readonly relation: string;
  readonly relative: RelativeContact | null;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly outcome: 'suitable' | 'unsuitable' | null;
  readonly outcomeNote: string | null;
}

/** GET /api/reference/boundaries: TopoJSON whose geometries' ids are the municipality and county codes. */
export type Boundaries = Topology<{
  readonly kommuner: GeometryCollection<{
    readonly kommunkod: string;
    readonly kommun: string;
    readonly lanskod: string;
  }>;
  readonly lan: GeometryCollection<{ readonly lanskod: string; readonly lan: string }>;
}>;
