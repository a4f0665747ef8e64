/** Checks that a capability's step table names exactly the routes that take its steps (their permission and body). */
import { expect } from 'vitest';
import { z } from 'zod';
import { needsBestInterests } from '../../src/domain/case/machines.ts';
import { stepUrl, type StepRoute, type StepTable } from '../../src/case/steps.ts';
import type { RouteSpec } from '../../src/platform/http/route.ts';

/**
 * The route registered at the step's address with the step's permission, whose body (or one of a union's bodies)
 * takes the step's date, fields, version and — for a decision — the best-interests record, and needs nothing else.
 */
export function expectStepRoute(table: StepTable, step: StepRoute, routes: readonly RouteSpec[]): void {
  const route = routes.find((r) => r.method === 'POST' && r.url === stepUrl(step));
  expect(route?.access).toEqual({ kind: 'permission', permission: step.permission });
  const body = route?.body;
  const options =
    body instanceof z.ZodObject ? [body] : body instanceof z.ZodDiscriminatedUnion ? body.options : [];
  const decision = needsBestInterests(table.machine.name, step.event);
  const declared = [
    ...(step.date === null ? [] : [step.date]),
    ...step.fields,
    'expectedVersion',
    ...(decision ? ['bestInterests'] : []),
  ];
  const fits = options.some((option) => {
    if (!(option instanceof z.ZodObject)) return false;
    const shape = option.shape as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    return (
      declared.every((k) => keys.includes(k)) &&
      keys.filter((k) => !declared.includes(k)).every((k) => shape[k]?.safeParse(undefined).success === true)
    );
  });
  expect(fits, `${step.action}: the body of ${stepUrl(step)} takes ${declared.join(', ')}`).toBe(true);
}
