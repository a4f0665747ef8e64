/** The step tables of the asylum and age case: every step a user may take has its route, and a route's events come together. */
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/access/roles.ts';
import { age, asylum, type AnyMachine } from '../../src/domain/case/machines.ts';
import { possibleSteps } from '../../src/domain/case/steps.ts';
import { AGE_STEPS, ASYLUM_STEPS } from '../../src/asylum/steps.ts';
import type { StepTable } from '../../src/case/steps.ts';

const userEvents = (machine: AnyMachine) => [
  ...new Set(machine.transitions.filter((t) => t.roles.some((r) => r !== 'system')).map((t) => t.event)),
];

/** The events each role may fire from each state. */
function offeredEverywhere(machine: AnyMachine): string[][] {
  return machine.states.flatMap((state) =>
    ROLES.map((role) => possibleSteps(machine, state, role).map((step) => step.event)),
  );
}

/** For every state and role: the events of one route are offered all or none (its form shows them together). */
function routesComeWhole(table: StepTable, machine: AnyMachine) {
  const paths = [...new Set(table.routes.map((r) => r.path))];
  for (const offered of offeredEverywhere(machine)) {
    for (const path of paths) {
      const events = table.routes.filter((r) => r.path === path).map((r) => r.event);
      const shown = events.filter((e) => offered.includes(e));
      expect([0, events.length], `${path}: ${shown.join(', ')}`).toContain(shown.length);
    }
  }
}

describe('the asylum and age step tables', () => {
  it('give every event an asylum officer takes a route, except the cancelled interview a decision records itself', () => {
    expect(ASYLUM_STEPS.routes.map((r) => r.event).sort()).toEqual(
      userEvents(asylum)
        .filter((e) => e !== 'cancel_interview')
        .sort(),
    );
    expect(AGE_STEPS.routes.map((r) => r.event).sort()).toEqual(userEvents(age).sort());
  });

  it('share a route only between events the machine allows together: booked or held, the five decisions', () => {
    expect(ASYLUM_STEPS.routes.filter((r) => r.path === 'asylum/decision').map((r) => r.event)).toEqual([
      'grant_permanent',
      'grant_temporary',
      'refuse',
      'transfer_dublin',
      'write_off',
    ]);
    routesComeWhole(ASYLUM_STEPS, asylum);
    routesComeWhole(AGE_STEPS, age);
  });
});
