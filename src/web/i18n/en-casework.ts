/** English texts of the casework capability. Typed against the Swedish ones: a missing or extra key is a compile error. */
import type { svCasework } from './sv-casework.ts';

export const enCasework: Readonly<Record<keyof typeof svCasework, string>> = {};
