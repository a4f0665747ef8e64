/**
 * The statistics' contract (aggregates without names, key figures): what its routes accept and answer. Imports only
 * zod and src/domain, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { isoDate } from '../domain/fields.ts';
import { AGE_BANDS, FIGURE_GENDERS } from '../domain/statistics/key-figures.ts';

export const StatisticsRowSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  female: z.number().int(),
  male: z.number().int(),
  other: z.number().int(),
  total: z.number().int(),
});
export const ChildrenStatisticsResponse = z.array(StatisticsRowSchema);

export const KeyFiguresQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const FigureCellSchema = z.object({
  gender: z.enum([...FIGURE_GENDERS, 'all']),
  ageBand: z.enum([...AGE_BANDS, 'all']),
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
  medianDays: z.number().nullable(),
  withinGoal: z.number().nullable(),
});

export const KeyFiguresResponse = z.object({
  area: z.object({ kind: z.enum(['municipality', 'county', 'nation']), code: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  schoolStart: z.array(FigureCellSchema),
  careReviews: z.array(FigureCellSchema),
  godManAppointment: z.array(FigureCellSchema),
});
