/**
 * The statistics' contract (aggregates without names, key figures): what its routes accept and answer. Imports only
 * zod and src/domain, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { isoDate } from '../domain/fields.ts';
import { AGE_BANDS, FIGURE_GENDERS } from '../domain/statistics/key-figures.ts';
import { AREA_KINDS, EXTRA_DIMENSIONS, MEASURES, PERIOD_KINDS } from '../domain/statistics/dimensions.ts';

const genderCounts = {
  female: z.number().int().nullable(),
  male: z.number().int().nullable(),
  other: z.number().int().nullable(),
  total: z.number().int().nullable(),
};
/** Children in each municipality's care today by gender; null where suppressed (not for the own municipality). */
export const ChildrenStatisticsResponse = z.object({
  exact: z.boolean(),
  rows: z.array(z.object({ municipalityCode: z.string(), municipalityName: z.string(), ...genderCounts })),
  totals: z.object(genderCounts),
});

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
  anvisning: z.array(FigureCellSchema),
});

const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'invalid_month');

/** A table of counts: one measure, split by time, area and gender, and optionally by the extra dimensions. */
export const TableQuery = z.strictObject({
  measure: z.enum(MEASURES, { error: 'unknown_measure' }),
  from: month.optional(),
  to: month.optional(),
  period: z.enum(PERIOD_KINDS, { error: 'unknown_period' }).optional(),
  area: z.enum(AREA_KINDS, { error: 'unknown_area' }).optional(),
  /** A comma list of EXTRA_DIMENSIONS. */
  by: z.string().max(100).optional(),
});

const DimensionSchema = z.object({
  name: z.enum(['period', 'area', 'gender', ...EXTRA_DIMENSIONS]),
  /** Codes; the area's with names (the other values are labelled by the web). */
  values: z.array(z.object({ code: z.string(), label: z.string().nullable() })),
});

export const TableResponse = z.object({
  measure: z.enum(MEASURES),
  from: z.string(),
  to: z.string(),
  /** The request as answered (its defaults filled in), so that the same table can be asked for as a file. */
  period: z.enum(PERIOD_KINDS),
  area: z.enum(AREA_KINDS),
  scope: z.object({ kind: z.enum(['municipality', 'county', 'nation']), code: z.string().nullable() }),
  /** True when the reader is the responsible organisation and sees its own exact figures; false: the protected table. */
  exact: z.boolean(),
  dimensions: z.array(DimensionSchema),
  /** Every combination of the dimensions' values and 'total'; count null when suppressed. */
  cells: z.array(z.object({ key: z.array(z.string()), count: z.number().int().nullable() })),
  suppressed: z.number().int(),
});

export const ExportQuery = TableQuery.extend({ format: z.enum(['csv', 'ods'], { error: 'unknown_format' }) });

const ForecastMonthSchema = z.object({
  month: z.string(),
  expected: z.number(),
  p10: z.number(),
  p90: z.number(),
});

export const ForecastQuery = z.strictObject({
  months: z.coerce
    .number({ error: 'not_a_number' })
    .int('not_whole')
    .min(1, 'months_range')
    .max(24, 'months_range')
    .optional(),
});

export const ForecastResponse = z.object({
  scope: z.object({ kind: z.enum(['municipality', 'county', 'nation']), code: z.string().nullable() }),
  /** Months of history the forecast rests on, and where they come from. */
  history: z.array(
    z.object({ month: z.string(), count: z.number().int(), source: z.enum(['recorded', 'anvisa']) }),
  ),
  /** Null when the history is shorter than the method needs. */
  national: z.array(ForecastMonthSchema).nullable(),
  /** The Agency's latest official forecast for the year the forecast reaches into, when recorded. */
  official: z
    .object({
      year: z.number().int(),
      forecast: z.number().int(),
      publishedOn: z.string(),
      source: z.string(),
    })
    .nullable(),
  /** Expected anvisningar per municipality in the scope: its share × the national figure, over the months forecast. */
  municipalities: z.array(
    z.object({
      municipalityCode: z.string(),
      name: z.string(),
      sharePromille: z.number(),
      expected: z.number(),
      p10: z.number(),
      p90: z.number(),
      /** Places the municipality reported in its latest capacity report for the county; null when none. */
      capacity: z.number().int().nullable(),
    }),
  ),
});

export const ForecastAccuracyResponse = z.object({
  rows: z.array(
    z.object({
      year: z.number().int(),
      publishedOn: z.string(),
      forecast: z.number().int(),
      source: z.string(),
      outcome: z.number().int().nullable(),
      /** forecast − outcome (positive: the forecast was too high), and that as a share of the outcome. */
      error: z.number().int().nullable(),
      relativeError: z.number().nullable(),
    }),
  ),
});
