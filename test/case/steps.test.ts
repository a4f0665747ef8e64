/** stepsFor: the machine, the role's permission on the route and the caller's right to write, all three. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.ts';
import { placement } from '../../src/domain/case/machines.ts';
import type { Caller } from '../../src/case/caller.ts';
import { defineSteps, stepsFor } from '../../src/case/steps.ts';

const as = (role: Role) => ({ actor: { role } }) as Caller;

const TABLE = defineSteps(placement, [
  {
    action: 'move',
    event: 'move',
    path: 'placements/move',
    permission: 'case:write',
    date: 'fromDate',
    fields: ['providerId'],
  },
  {
    action: 'end',
    event: 'end',
    path: 'placements/end',
    permission: 'case:write',
    date: 'endDate',
    fields: ['reason'],
  },
  // A route whose permission social services do not hold offers nothing to them, whatever the machine allows.
  {
    action: 'audit',
    event: 'place',
    path: 'placements/x',
    permission: 'audit:read',
    date: 'fromDate',
    fields: [],
  },
]);

describe('the steps a view offers', () => {
  it('lists what the machine allows from the state, with the route and what the body needs', () => {
    expect(stepsFor(as('social_worker'), TABLE, 'c 1', 'placed', true)).toEqual([
      {
        action: 'move',
        machine: 'placement',
        event: 'move',
        method: 'POST',
        path: '/api/children/c%201/placements/move',
        needs: {
          date: 'fromDate',
          bestInterests: true,
          decisionKind: 'placement.move',
          fields: ['providerId'],
        },
      },
      {
        action: 'end',
        machine: 'placement',
        event: 'end',
        method: 'POST',
        path: '/api/children/c%201/placements/end',
        needs: { date: 'endDate', bestInterests: false, decisionKind: null, fields: ['reason'] },
      },
    ]);
  });
  it('says the step has no date of its own where it takes effect the day it is recorded', () => {
    const today = defineSteps(placement, [
      { action: 'end', event: 'end', path: 'e', permission: 'case:write', date: null, fields: ['reason'] },
    ]);
    expect(stepsFor(as('social_worker'), today, 'c1', 'placed', true)[0]?.needs.date).toBeNull();
  });
  it('offers nothing to a caller who may only read the section', () => {
    expect(stepsFor(as('social_worker'), TABLE, 'c1', 'placed', false)).toEqual([]);
  });
  it('offers no step whose route the role may not call, nor one the machine refuses the role', () => {
    expect(stepsFor(as('social_worker'), TABLE, 'c1', 'not_placed', true)).toEqual([]);
    expect(stepsFor(as('health_staff'), TABLE, 'c1', 'placed', true)).toEqual([]);
  });
  it('refuses a table that fires an event the machine does not have, or names a step twice', () => {
    expect(() =>
      defineSteps(placement, [
        { action: 'x', event: 'fly', path: 'x', permission: 'case:write', date: 'on', fields: [] },
      ]),
    ).toThrow(/unknown event fly/);
    const end = {
      action: 'end',
      event: 'end',
      path: 'e',
      permission: 'case:write',
      date: 'on',
      fields: [],
    } as const;
    expect(() => defineSteps(placement, [end, end])).toThrow(/declared twice/);
  });
});
