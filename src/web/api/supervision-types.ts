/**
 * The shapes of the supervision answers, from the capability's contract (src/supervision/contract.ts, ADR 0019): a
 * field renamed there breaks the build here.
 */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  InspectionSchema,
  PlanSchema,
  ReportListSchema,
  ReportSchema,
  SampleFileViewSchema,
} from '../../supervision/contract.ts';

export type SupervisionPlan = Answer<z.output<typeof PlanSchema>>;
export type Inspection = Answer<z.output<typeof InspectionSchema>>;
export type SupervisionReport = Answer<z.output<typeof ReportSchema>>;
export type ReportList = Answer<z.output<typeof ReportListSchema>>;
export type SampledFile = Answer<z.output<typeof SampleFileViewSchema>>;
