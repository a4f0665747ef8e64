import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/domain/access/roles.ts';
import { eventsOf, transition, type Trigger } from '../../../src/domain/case/machine.ts';
import { health, MACHINES, placement, school, type AnyMachine } from '../../../src/domain/case/machines.ts';
import { possibleSteps } from '../../../src/domain/case/steps.ts';

const TRIGGERS: readonly Trigger[] = [...ROLES, 'system'];

describe('the steps a caller may take now', () => {
  it('lists the placement decisions from not placed, each needing a date and a best-interests record', () => {
    expect(possibleSteps(placement, 'not_placed', 'social_worker')).toEqual([
      {
        event: 'place_on_call',
        to: 'on_call_placed',
        needs: { date: true, bestInterests: true, decisionKind: 'placement.place_on_call' },
      },
      {
        event: 'place',
        to: 'placed',
        needs: { date: true, bestInterests: true, decisionKind: 'placement.place' },
      },
    ]);
  });
  it('an ending needs a date only', () => {
    expect(possibleSteps(placement, 'placed', 'unit_manager').map((s) => [s.event, s.needs])).toEqual([
      ['move', { date: true, bestInterests: true, decisionKind: 'placement.move' }],
      ['end', { date: true, bestInterests: false, decisionKind: null }],
    ]);
  });
  it('follows the state: school from enrolled, health from offered', () => {
    expect(possibleSteps(school, 'enrolled', 'social_worker').map((s) => s.event)).toEqual([
      'start_school',
      'end_school',
    ]);
    expect(possibleSteps(health, 'offered', 'health_staff').map((s) => s.event)).toEqual([
      'record_done',
      'record_declined',
    ]);
  });
  it('a role the table does not name gets no step', () => {
    expect(possibleSteps(health, 'offered', 'social_worker')).toEqual([]);
    expect(possibleSteps(placement, 'not_placed', 'health_staff')).toEqual([]);
    expect(possibleSteps(placement, 'not_placed', 'god_man')).toEqual([]);
  });
  it('lists an event that leaves several states only once', () => {
    const steps = possibleSteps(placement, 'ended', 'social_worker');
    expect(steps.map((s) => s.event)).toEqual(['place_on_call', 'place']);
  });
  it('every listed step is one transition accepts, every other event one it refuses (every machine, state, trigger)', () => {
    const machines = MACHINES as readonly AnyMachine[];
    fc.assert(
      fc.property(
        fc.constantFrom(...machines).chain((m) =>
          fc.record({
            machine: fc.constant(m),
            state: fc.constantFrom(...m.states),
            trigger: fc.constantFrom(...TRIGGERS),
          }),
        ),
        ({ machine, state, trigger }) => {
          const steps = possibleSteps(machine, state, trigger);
          const listed = new Set(steps.map((s) => s.event));
          expect(listed.size).toBe(steps.length);
          for (const event of eventsOf(machine)) {
            const result = transition(machine, state, event, trigger);
            expect(result.ok).toBe(listed.has(event));
            const step = steps.find((s) => s.event === event);
            if (result.ok && step !== undefined) {
              expect(step.to).toBe(result.to);
              expect(step.needs.bestInterests).toBe(result.bestInterests);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
