/** The asylum and age case as the API shows it (src/asylum/contract.ts). */
import type { z } from 'zod';
import type { MigrationViewSchema } from '../../asylum/contract.ts';
import type { Answer } from '../../domain/answer.ts';

export type { AgeAction, AsylumAction } from '../../asylum/contract.ts';

/** The case as the API shows it: from the asylum contract (src/asylum/contract.ts, ADR 0019). */
export type MigrationView = Answer<z.infer<typeof MigrationViewSchema>>;
export type AsylumView = NonNullable<MigrationView['asylum']>;
export type AgeView = NonNullable<MigrationView['age']>;
export type HistoryEntry = AsylumView['history'][number];
