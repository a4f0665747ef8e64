/** The asylum and age case as the API shows it (src/asylum/contract.ts). */
import type { z } from 'zod';
import type { MigrationViewSchema } from '../../asylum/contract.ts';
import type { Answer } from '../../domain/answer.ts';

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

/** The case as the API shows it: from the asylum contract (src/asylum/contract.ts, ADR 0019). */
export type MigrationView = Answer<z.infer<typeof MigrationViewSchema>>;
export type AsylumView = NonNullable<MigrationView['asylum']>;
export type AgeView = NonNullable<MigrationView['age']>;
export type HistoryEntry = AsylumView['history'][number];
