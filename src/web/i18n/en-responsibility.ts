/** English texts of the responsibility capability. Typed against the Swedish ones: a missing or extra key is a compile error. */
import type { svResponsibility } from './sv-responsibility.ts';

export const enResponsibility: Readonly<Record<keyof typeof svResponsibility, string>> = {};
