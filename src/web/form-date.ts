/**
 * The date field of a form, apart from date-input.ts so that what the frame shows (errors in Status.tsx through
 * form-errors.ts) does not bring zod into the entry chunk: only pages with forms load it.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';

/** A date field of a form, once for every form: required, trimmed, a real date (named by `dateMessage` when not). */
export const formDate = z.string().trim().min(1, 'required').refine(isIsoDate, DATE_ISSUE);
