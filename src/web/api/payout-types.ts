/** The answers of the Agency's payouts, the annual compensation and the missing-schablon reports (ADR 0035). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  AgencyReportsSchema,
  AnnualSchema,
  ForecastsSchema,
  MissingSchablonSchema,
  MunicipalityReportsSchema,
  PaidSchema,
  PayoutSchema,
  PayoutViewSchema,
} from '../../compensation/contract.ts';

export type Annual = Answer<z.infer<typeof AnnualSchema>>;
export type Paid = Answer<z.infer<typeof PaidSchema>>;
export type ComparisonRow = Paid['comparison'][number];
export type Payout = Answer<z.infer<typeof PayoutSchema>>;
export type PayoutView = Answer<z.infer<typeof PayoutViewSchema>>;
export type Forecasts = Answer<z.infer<typeof ForecastsSchema>>;
export type MissingSchablonReport = Answer<z.infer<typeof MissingSchablonSchema>>;
export type MunicipalityReports = Answer<z.infer<typeof MunicipalityReportsSchema>>;
export type AgencyReports = Answer<z.infer<typeof AgencyReportsSchema>>;
