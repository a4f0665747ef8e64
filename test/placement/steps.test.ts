/** The step tables of placement, school and health name exactly the routes that take the steps. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { needsBestInterests } from '../../src/domain/case/machines.ts';
import { stepUrl } from '../../src/case/steps.ts';
import { HEALTH_STEPS } from '../../src/health/steps.ts';
import { SCHOOL_STEPS } from '../../src/school/steps.ts';
import { healthRoutes } from '../../src/health/routes.ts';
import { placementRoutes } from '../../src/placement/routes.ts';
import { schoolRoutes } from '../../src/school/routes.ts';
import { PLACEMENT_STEPS } from '../../src/placement/steps.ts';

describe('the step tables', () => {
  for (const table of [PLACEMENT_STEPS, SCHOOL_STEPS, HEALTH_STEPS]) {
    for (const step of table.routes) {
      it(`${table.machine.name}: ${step.action} is the route that takes ${step.event}, with its permission and body`, () => {
        const route = [...placementRoutes, ...schoolRoutes, ...healthRoutes].find(
          (r) => r.method === 'POST' && r.url === stepUrl(step),
        );
        expect(route?.access).toEqual({ kind: 'permission', permission: step.permission });
        const body = route?.body;
        if (!(body instanceof z.ZodObject)) throw new Error(`${step.path}: no body`);
        const decision = needsBestInterests(table.machine.name, step.event);
        expect(Object.keys(body.shape).sort()).toEqual(
          [step.date, ...step.fields, 'expectedVersion', ...(decision ? ['bestInterests'] : [])].sort(),
        );
      });
    }
  }
});
