/** The prevention profile's answer, from its contract (src/missing/contract.ts, ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type { ProfileViewSchema } from '../../missing/contract.ts';

export type ProfileView = Answer<z.infer<typeof ProfileViewSchema>>;
export type ProfileVersion = NonNullable<ProfileView['current']>;
export type StoredProfile = ProfileVersion['profile'];
