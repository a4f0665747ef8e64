/** The responsibility and transfer step tables name exactly the routes that take the steps; the web has their words. */
import { describe, expect, it } from 'vitest';
import { RESPONSIBILITY_STEPS, TRANSFER_STEPS } from '../../src/responsibility/steps.ts';
import { responsibilityRoutes } from '../../src/responsibility/routes.ts';
import { isMessageKey } from '../../src/web/i18n.ts';
import { expectStepRoute } from '../support/step-tables.ts';
// The step's label is looked up in the whole dictionary, which the browser loads past the login.
import '../support/web-messages.ts';

describe('the responsibility step tables', () => {
  for (const table of [RESPONSIBILITY_STEPS, TRANSFER_STEPS]) {
    for (const step of table.routes) {
      it(`${table.machine.name}: ${step.action} is the route that takes ${step.event}, with its permission and body`, () => {
        expectStepRoute(table, step, responsibilityRoutes);
        expect(isMessageKey(`responsibility.action.${step.action}`)).toBe(true);
      });
    }
  }
});
