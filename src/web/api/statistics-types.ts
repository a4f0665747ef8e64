/** Key figures of the case (GET /api/statistics/key-figures), from the statistics' contract (ADR 0019). */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  FigureCellSchema,
  ForecastAccuracyResponse,
  ForecastResponse,
  KeyFiguresResponse,
  TableResponse,
} from '../../statistics/contract.ts';

export { AGE_BANDS as FIGURE_AGE_BANDS, FIGURE_GENDERS } from '../../domain/statistics/key-figures.ts';

export type FigureCell = Answer<z.infer<typeof FigureCellSchema>>;

export type KeyFigures = Answer<z.infer<typeof KeyFiguresResponse>>;

export type StatisticsTable = Answer<z.infer<typeof TableResponse>>;
export type ArrivalsForecast = Answer<z.infer<typeof ForecastResponse>>;
export type ForecastAccuracy = Answer<z.infer<typeof ForecastAccuracyResponse>>;
export {
  EXTRA_DIMENSIONS,
  MEASURES,
  type ExtraDimension,
  type Measure,
} from '../../domain/statistics/dimensions.ts';
