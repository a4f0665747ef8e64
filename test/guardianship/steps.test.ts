/** The guardianship step table names exactly the routes that take the steps, and the web has words for each. */
import { describe, expect, it } from 'vitest';
import { GUARDIANSHIP_STEPS } from '../../src/guardianship/steps.ts';
import { guardianshipRoutes } from '../../src/guardianship/routes.ts';
import { isMessageKey } from '../../src/web/i18n.ts';
import { expectStepRoute } from '../support/step-tables.ts';
// The step's label is looked up in the whole dictionary, which the browser loads past the login.
import '../support/web-messages.ts';

describe('the guardianship step table', () => {
  for (const step of GUARDIANSHIP_STEPS.routes) {
    it(`${step.action} is the route that takes ${step.event}, with its permission and body`, () => {
      expectStepRoute(GUARDIANSHIP_STEPS, step, guardianshipRoutes);
      expect(isMessageKey(`guardianship.action.${step.action}`)).toBe(true);
    });
  }
});
