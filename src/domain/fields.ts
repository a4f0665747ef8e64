/**
 * Field atoms of the request schemas, defined once: every contract takes its dates (and, as the contracts move here,
 * its other shared fields) from this module, so a rule for a field is changed in one place.
 */
import { z } from 'zod';
import { isIsoDate } from './time.ts';

/** A real calendar date written YYYY-MM-DD (2015-02-30 is refused). */
export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' });

/** A real calendar date with the field's own message: a sentence that names the field and the reason. */
export const isoDateSaying = (message: string) => z.string().refine(isIsoDate, { message });

/** A municipality code (kommunkod): four digits. */
export const municipalityCode = z.string().regex(/^[0-9]{4}$/, 'four digits');

/** The Migration Agency's dossier number (dossiernummer): digits only, 4–12 of them. */
export const dossierNumber = z.string().regex(/^[0-9]{4,12}$/, 'digits only, 4–12 of them');

/** A reason a person writes for a decision or an access: at least this many characters, so it says something. */
export const REASON_MIN_LENGTH = 10;

/** A written reason of at most `max` characters (and at least REASON_MIN_LENGTH). */
export const reasonText = (max: number) => z.string().trim().min(REASON_MIN_LENGTH).max(max);

/** Why someone opens what their role does not show them (emergency access, a take-over request): 10–1000 characters. */
export const accessReason = reasonText(1000);

/** The path of every route about one child: `:childId`. */
export const ChildIdParams = z.strictObject({ childId: z.uuid({ error: 'Ogiltigt id' }) });
