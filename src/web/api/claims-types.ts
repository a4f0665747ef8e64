/** The municipality's claims and the Agency's review (ADR 0034), from the compensation contract (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type { ClaimListSchema, ClaimSchema, OwnClaimListSchema } from '../../compensation/contract.ts';

export type ClaimList = Answer<z.infer<typeof ClaimListSchema>>;
export type OwnClaimList = Answer<z.infer<typeof OwnClaimListSchema>>;
export type Claim = Answer<z.infer<typeof ClaimSchema>>;
export type ClaimLine = Claim['lines'][number];
