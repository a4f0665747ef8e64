/** The responsibility API's answers, from its contract (src/responsibility/contract.ts, ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
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

type View = Answer<z.infer<typeof ResponsibilitySchema>>;

export type ResponsibilityView = View;
export type ChildTransfer = View['transfers'][number];
export type Turning18 = NonNullable<View['turning18']>;

export type ChangeReportList = Answer<z.infer<typeof ChangeReportListSchema>>;
export type ChangeReportRow = ChangeReportList['items'][number];

export type TransferRow = Answer<z.infer<typeof TransferListSchema>>[number];
