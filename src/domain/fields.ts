/**
 * Field atoms of the request schemas, defined once: every contract takes its dates (and, as the contracts move here,
 * its other shared fields) from this module, so a rule for a field is changed in one place.
 */
import { z } from 'zod';
import { isIsoDate } from './time.ts';

/** A real calendar date written YYYY-MM-DD (2015-02-30 is refused). */
export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' });
