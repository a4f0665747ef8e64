/** English texts of the guardianship capability. Typed against the Swedish ones: a missing or extra key is a compile error. */
import type { svGuardianship } from './sv-guardianship.ts';

export const enGuardianship: Readonly<Record<keyof typeof svGuardianship, string>> = {};
