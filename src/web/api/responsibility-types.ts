/** The responsibility API's answers, from its contract (src/responsibility/contract.ts, ADR 0019). */
import type { z } from 'zod';
import type { Answer, Narrow } from '../../domain/answer.ts';
import type { CaseStep } from './case-steps.ts';
import type {
  ChangeReportListSchema,
  ResponsibilitySchema,
  TransferListSchema,
} from '../../responsibility/contract.ts';

export const CHANGE_KINDS = [
  'transfer',
  'absconding',
  'departure',
  'reunification',
  'sfv',
  'turning_18',
] as const;

/** The steps of the responsibility section (src/responsibility/steps.ts): their texts are `responsibility.action.<action>`. */
export type ResponsibilityAction =
  | 'record_move'
  | 'acknowledge_receipt'
  | 'decide_continued'
  | 'end_responsibility'
  | 'end_aftercare'
  | 'request_transfer';

type View = Narrow<
  Answer<z.infer<typeof ResponsibilitySchema>>,
  { readonly steps: readonly CaseStep<ResponsibilityAction>[] }
>;

export type ResponsibilityView = View;
export type ChildTransfer = View['transfers'][number];
export type Turning18 = NonNullable<View['turning18']>;

export type ChangeReportList = Answer<z.infer<typeof ChangeReportListSchema>>;
export type ChangeReportRow = ChangeReportList['items'][number];

export type TransferRow = Answer<z.infer<typeof TransferListSchema>>[number];
