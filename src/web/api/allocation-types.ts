/**
 * The shapes of the allocation API's answers (anvisning, shares, figures), taken from the capability's contract
 * (src/allocation/contract.ts, ADR 0019): a field renamed there breaks the build here. Where the server sends a
 * string the web relies on a closed set of values for, the type narrows that field (`Narrow`).
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { z } from 'zod';
import type { Rule } from '../../domain/allocation/allocator.ts';
import type { DecisionKind } from '../../domain/allocation/decision.ts';
import type { ProposedShare as DomainProposedShare } from '../../domain/allocation/shares.ts';
import type { Answer, Narrow } from '../../domain/answer.ts';
import {
  AGE_BANDS,
  ASSESSMENT_OUTCOMES,
  DECISION_KINDS,
  SHARE_SOURCES,
} from '../../domain/allocation/vocabulary.ts';
import type {
  ArrivalResponse,
  ConsiderationsSchema,
  CorrectionResponse,
  CreatedResponse,
  DecisionBasisSchema,
  DecisionDetailResponse,
  DecisionHistoryRowSchema,
  IncomingChildSchema,
  MunicipalityFiguresSchema,
  NamedFiguresSchema,
  ProposalResponse,
  QueueResponse,
  RelativeAssessmentSchema,
  RelativeAssessmentStatusSchema,
  RelativeContactSchema,
  SharesProposalResponse,
  ShareVersionDetailResponse,
  ShareVersionSchema,
  TimelinePointSchema,
  WaitingChildSchema,
} from '../../allocation/contract.ts';

export type { DecisionKind, Rule };
export { AGE_BANDS, DECISION_KINDS };
export const RULES = ['quota', 'lowest-attainment'] as const satisfies readonly Rule[];

type Outcome = (typeof ASSESSMENT_OUTCOMES)[number] | null;
type ShareSource = (typeof SHARE_SOURCES)[number];

/** A municipality's standing: share (‰), children received, exact quota E/1000 and deficit (quota − received). */
export type Figures = Answer<z.infer<typeof NamedFiguresSchema>>;

/** A stated relative's contact details; sent only to those who may see them (the assessing municipality, the Agency). */
export type RelativeContact = Answer<z.infer<typeof RelativeContactSchema>>;

export type RelativeAssessmentStatus = Narrow<
  Answer<z.infer<typeof RelativeAssessmentStatusSchema>>,
  { readonly outcome: Outcome }
>;

export type Proposal = Narrow<
  Answer<z.infer<typeof ProposalResponse>>,
  { readonly relativeAssessments: readonly RelativeAssessmentStatus[] }
>;

export type Considerations = Answer<z.infer<typeof ConsiderationsSchema>>;

/** A child waiting for an allocation decision, with its arrival date (the list's order). */
export type WaitingChild = Answer<z.infer<typeof WaitingChildSchema>>;

/** A decision in the history: the children by name as the officer may see them. */
export type DecisionHistoryRow = Narrow<
  Answer<z.infer<typeof DecisionHistoryRowSchema>>,
  { readonly kind: DecisionKind }
>;

/**
 * The reasons' facts of a decision, recomputed by the server from the recorded history: the proposal (its municipality
 * and why) and the decided municipality, each with its figures just before the decision.
 */
export type DecisionBasis = Narrow<
  Answer<z.infer<typeof DecisionBasisSchema>>,
  {
    readonly relatives: readonly Pick<
      RelativeAssessmentStatus,
      'municipalityCode' | 'relation' | 'outcome'
    >[];
  }
>;

export type DecisionDetail = Narrow<
  Answer<z.infer<typeof DecisionDetailResponse>>,
  { readonly kind: DecisionKind; readonly proposal: DecisionBasis | null }
>;

export type QueueView = Answer<z.infer<typeof QueueResponse>>;

export type AgeBand = (typeof AGE_BANDS)[number];

export type MunicipalityFigures = Answer<z.infer<typeof MunicipalityFiguresSchema>>;

export type TimelinePoint = Answer<z.infer<typeof TimelinePointSchema>>;

export type ShareVersion = Narrow<
  Answer<z.infer<typeof ShareVersionSchema>>,
  { readonly source: ShareSource }
>;

export type ShareVersionDetail = Narrow<
  Answer<z.infer<typeof ShareVersionDetailResponse>>,
  {
    readonly version: Narrow<
      Answer<z.infer<typeof ShareVersionDetailResponse>>['version'],
      { readonly source: ShareSource }
    >;
  }
>;

/** One municipality's proposed share; the explanation is the domain's (src/domain/allocation/shares.ts). */
export type ProposedShare = Narrow<
  Answer<z.infer<typeof SharesProposalResponse>>['shares'][number],
  { readonly explanation: Answer<DomainProposedShare['explanation']> }
>;

export type SharesProposal = Narrow<
  Answer<z.infer<typeof SharesProposalResponse>>,
  { readonly shares: readonly ProposedShare[] }
>;

export type IncomingChild = Answer<z.infer<typeof IncomingChildSchema>>;

export type RelativeAssessment = Narrow<
  Answer<z.infer<typeof RelativeAssessmentSchema>>,
  { readonly outcome: Outcome }
>;

/** An arrival registered, with the relative assessment it asked for, if any. */
export type ArrivalRegistered = Answer<z.infer<typeof ArrivalResponse>>;

/** A correcting decision: the decision it supersedes and the municipality it names. */
export type CorrectionRecorded = Answer<z.infer<typeof CorrectionResponse>>;

/** A share version or transfer created. */
export type Created = Answer<z.infer<typeof CreatedResponse>>;

/** GET /api/reference/boundaries: TopoJSON whose geometries' ids are the municipality and county codes. */
export type Boundaries = Topology<{
  readonly kommuner: GeometryCollection<{
    readonly kommunkod: string;
    readonly kommun: string;
    readonly lanskod: string;
  }>;
  readonly lan: GeometryCollection<{ readonly lanskod: string; readonly lan: string }>;
}>;
