import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorityPlan,
  consecutiveSkips,
  planProblem,
  type PlanEntry,
} from '../../../src/domain/supervision/plan.ts';

const REASON = 'Överförmyndarnämnden omorganiseras hela året';

describe('the yearly plan (E-R6)', () => {
  it('plans one inspection per authority and calendar year, on a date in that year', () => {
    expect(planProblem([], { kind: 'inspection', year: 2026, plannedOn: '2026-04-04' })).toBeNull();
    expect(
      planProblem([{ year: 2026, skipped: false }], {
        kind: 'inspection',
        year: 2026,
        plannedOn: '2026-05-01',
      }),
    ).toEqual({ field: 'year', code: 'already_planned' });
    expect(planProblem([], { kind: 'inspection', year: 2026, plannedOn: '2027-01-10' })).toEqual({
      field: 'plannedOn',
      code: 'date_outside_year',
    });
  });

  it('refuses a skip without an exceptional reason', () => {
    expect(planProblem([], { kind: 'skip', year: 2026, reason: '' })).toEqual({
      field: 'reason',
      code: 'skip_needs_reason',
    });
    expect(planProblem([], { kind: 'skip', year: 2026, reason: '   kort   ' })).toEqual({
      field: 'reason',
      code: 'skip_needs_reason',
    });
    expect(planProblem([], { kind: 'skip', year: 2026, reason: REASON })).toBeNull();
  });

  it('refuses a skip the year after a skipped year, and the status says the inspection must be held', () => {
    const entries: PlanEntry[] = [{ year: 2025, skipped: true }];
    expect(planProblem(entries, { kind: 'skip', year: 2026, reason: REASON })).toEqual({
      field: 'reason',
      code: 'skipped_previous_year',
    });
    expect(authorityPlan(entries, 2026)).toEqual({ status: 'unplanned', mustInspect: true });
    expect(planProblem(entries, { kind: 'inspection', year: 2026, plannedOn: '2026-03-03' })).toBeNull();
    expect(planProblem(entries, { kind: 'skip', year: 2027, reason: REASON })).toBeNull();
    expect(planProblem(entries, { kind: 'skip', year: 2024, reason: REASON })).toEqual({
      field: 'reason',
      code: 'skipped_next_year',
    });
  });

  it('never lets a history grow two skipped years in a row (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ year: fc.integer({ min: 2020, max: 2030 }), skip: fc.boolean() }), {
          maxLength: 40,
        }),
        (requests) => {
          const entries: PlanEntry[] = [];
          for (const { year, skip } of requests) {
            const request = skip
              ? ({ kind: 'skip', year, reason: REASON } as const)
              : ({ kind: 'inspection', year, plannedOn: `${year}-06-01` } as const);
            if (planProblem(entries, request) === null) entries.push({ year, skipped: skip });
          }
          expect(consecutiveSkips(entries)).toEqual([]);
          expect(new Set(entries.map((e) => e.year)).size).toBe(entries.length);
        },
      ),
    );
  });

  it('finds the years that break the rule in a history written elsewhere', () => {
    expect(
      consecutiveSkips([
        { year: 2024, skipped: true },
        { year: 2025, skipped: true },
        { year: 2026, skipped: false },
      ]),
    ).toEqual([2025]);
    expect(authorityPlan([{ year: 2026, skipped: true }], 2026)).toEqual({
      status: 'skipped',
      mustInspect: false,
    });
    expect(authorityPlan([{ year: 2026, skipped: false }], 2026).status).toBe('planned');
  });
});
