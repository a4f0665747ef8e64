/** The §37a grants' answers (ADR 0028), from the grants' contract (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  ApplicantViewSchema,
  ApplicationSchema,
  CountyViewSchema,
  NationalViewSchema,
} from '../../grants/contract.ts';

export { GRANT_PURPOSES, DECISION_OUTCOMES } from '../../domain/grants/rules.ts';
export type { GrantAction } from '../../domain/grants/machine.ts';

export type GrantApplication = Answer<z.infer<typeof ApplicationSchema>>;
export type ApplicantView = Answer<z.infer<typeof ApplicantViewSchema>>;
export type CountyView = Answer<z.infer<typeof CountyViewSchema>>;
export type NationalView = Answer<z.infer<typeof NationalViewSchema>>;
