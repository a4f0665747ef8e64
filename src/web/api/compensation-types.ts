/** The municipality's compensation view's answers (ADR 0032), from its contract (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  CompensationViewSchema,
  DailyCostSchema,
  ExplanationSchema,
  ReconciliationSchema,
} from '../../compensation/contract.ts';

export type CompensationView = Answer<z.infer<typeof CompensationViewSchema>>;
export type CompensationExplanation = Answer<z.infer<typeof ExplanationSchema>>;
export type DailyCost = Answer<z.infer<typeof DailyCostSchema>>;

/** The reconciliation of a municipality's year (issue 14 point 8). */
export type Reconciliation = Answer<z.infer<typeof ReconciliationSchema>>;
