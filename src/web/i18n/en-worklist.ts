/** English texts of the worklist capability. Typed against the Swedish ones: a missing or extra key is a compile error. */
import type { svWorklist } from './sv-worklist.ts';

export const enWorklist: Readonly<Record<keyof typeof svWorklist, string>> = {};
