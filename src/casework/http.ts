/** What the casework routes share: the caller of a use case and the date field. */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';

export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' });

