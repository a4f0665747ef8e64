/** English texts of the placement capability. Typed against the Swedish ones: a missing or extra key is a compile error. */
import type { svPlacement } from './sv-placement.ts';

export const enPlacement: Readonly<Record<keyof typeof svPlacement, string>> = {};
