/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032), shared with the web (ADR 0019): what Anvisa
 * computes the own municipality is owed per quarter — totals per code, lines per child, the warnings that block a
 * claim — a child's lines explained day by day, and the LVU daily cost of a placement. Children appear only as the
 * lines name them. Imports only zod, src/domain and other contracts.
 */
import { z } from 'zod';
import { COMPENSATION_CODES_ORDER } from '../domain/compensation/view.ts';

const id = z.uuid({ error: 'Ogiltigt id' });
const code = z.enum(COMPENSATION_CODES_ORDER);
const claimKind = z.enum(['automatic', 'applied_for']);

export const CompensationQuery = z.strictObject({
  /** YYYY-Qn; the previous quarter when left out. */
  quarter: z
    .string()
    .regex(/^(20[1-9][0-9])-Q[1-4]$/, 'Ange kvartalet som ÅÅÅÅ-Kn, till exempel 2026-Q3')
    .optional(),
});

export const ChildParams = z.strictObject({ childId: id });
export const PlacementParams = z.strictObject({ placementId: id });

export const DailyCostBody = z.strictObject({
  dailyCost: z
    .number({ error: 'not_a_number' })
    .int('not_whole')
    .min(1, 'daily_cost_range')
    .max(100_000, 'daily_cost_range'),
});

const ChildNamed = {
  childId: z.uuid(),
  name: z.string(),
  dossierNumber: z.string(),
};

export const CompensationViewSchema = z.strictObject({
  municipalityCode: z.string(),
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  /** The last day a claim for the quarter may reach the Migration Agency. */
  claimDeadline: z.string(),
  totals: z.array(z.strictObject({ code, claimKind, count: z.number().int(), amount: z.number().int() })),
  total: z.number().int(),
  children: z.array(
    z.strictObject({
      ...ChildNamed,
      lines: z.array(z.strictObject({ code, claimKind, count: z.number().int(), amount: z.number().int() })),
      total: z.number().int(),
    }),
  ),
  warnings: z.array(
    z.strictObject({
      ...ChildNamed,
      code: z.enum(['placement_without_responsibility', 'lvu_without_daily_cost']),
      placementFrom: z.string(),
    }),
  ),
  /** The municipality's LVU placements in the quarter, with the daily cost recorded (null when none). */
  lvuPlacements: z.array(
    z.strictObject({
      ...ChildNamed,
      placementId: z.uuid(),
      from: z.string(),
      to: z.string().nullable(),
      dailyCost: z.number().int().nullable(),
    }),
  ),
});

export const ExplanationSchema = z.strictObject({
  ...ChildNamed,
  quarter: z.string(),
  birthday18: z.string(),
  runs: z.array(
    z.strictObject({
      code,
      claimKind,
      period: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      count: z.number().int(),
      rate: z.number().int(),
      amount: z.number().int(),
      source: z.string(),
      verified: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

export const DailyCostSchema = z.strictObject({ placementId: z.uuid(), dailyCost: z.number().int() });
