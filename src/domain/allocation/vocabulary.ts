/** The closed sets of values the allocation's answers use (src/allocation/contract.ts), for the server and the web. */
import type { DecisionKind } from './decision.ts';

export const DECISION_KINDS = [
  'utjamnande',
  'anknytning',
  'deviation',
  'correction',
] as const satisfies readonly DecisionKind[];
export const PROPOSAL_KINDS = ['utjamnande', 'anknytning'] as const;
export const PROPOSAL_BASES = ['relative', 'sibling', 'rule'] as const;
export const ASSESSMENT_OUTCOMES = ['suitable', 'unsuitable'] as const;
export const SHARE_SOURCES = ['import', 'proposal', 'transfer'] as const;
export const AGE_BANDS = ['0-12', '13-15', '16-17'] as const;
