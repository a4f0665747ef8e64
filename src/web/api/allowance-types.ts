/** The child's special grant's answers (ADR 0033, 0036), from its contract (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  ChildSpecialGrantsSchema,
  SpecialGrantNeedSchema,
  SpecialGrantQueueSchema,
  SpecialGrantSchema,
} from '../../allowance/contract.ts';

export { SPECIAL_GRANT_OUTCOMES } from '../../domain/allowance/rules.ts';
export type { SpecialGrantAction } from '../../domain/allowance/machine.ts';

export type SpecialGrant = Answer<z.infer<typeof SpecialGrantSchema>>;
export type SpecialGrantNeedRow = Answer<z.infer<typeof SpecialGrantNeedSchema>>;
export type ChildSpecialGrants = Answer<z.infer<typeof ChildSpecialGrantsSchema>>;
export type SpecialGrantQueue = Answer<z.infer<typeof SpecialGrantQueueSchema>>;
