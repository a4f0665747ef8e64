import { describe, expect, it } from 'vitest';
import {
  defineMachine,
  forbiddenTransitions,
  mermaid,
  transition,
} from '../../../src/domain/case/machine.ts';
import {
  age,
  asylum,
  guardianship,
  MACHINES,
  placement,
  responsibility,
  socialCase,
} from '../../../src/domain/case/machines.ts';

describe('the case machines', () => {
  it('social services open an investigation after the protection assessment, which starts the four-month clock', () => {
    const received = transition(socialCase, 'none', 'receive_report', 'social_worker');
    expect(received).toMatchObject({
      ok: true,
      to: 'report_received',
      starts: ['protection-assessment', 'preliminary-assessment'],
    });
    const assessed = transition(socialCase, 'report_received', 'assess_protection', 'social_worker');
    expect(assessed).toEqual({
      ok: true,
      to: 'protection_assessed',
      starts: [],
      closes: ['protection-assessment'],
      bestInterests: false,
    });
    expect(
      transition(socialCase, 'protection_assessed', 'open_investigation', 'social_worker'),
    ).toMatchObject({
      starts: ['investigation'],
      closes: ['preliminary-assessment'],
    });
  });
  it('refuses a transition from the wrong state, and one the role may not make', () => {
    expect(transition(socialCase, 'report_received', 'start_care', 'social_worker')).toMatchObject({
      ok: false,
      reason: 'not_allowed_from_state',
    });
    expect(transition(socialCase, 'care_ongoing', 'close', 'social_worker')).toMatchObject({
      ok: false,
      reason: 'role_may_not',
    });
    expect(transition(guardianship, 'god_man_requested', 'appoint_god_man', 'social_worker')).toMatchObject({
      ok: false,
      reason: 'role_may_not',
    });
  });
  it('a god man who resigns opens a new request; the end is always an explicit record', () => {
    expect(
      transition(guardianship, 'god_man_appointed', 'god_man_resigns', 'guardianship_officer'),
    ).toMatchObject({ to: 'god_man_requested' });
    expect(transition(guardianship, 'god_man_appointed', 'end_by_law', 'guardianship_officer')).toMatchObject(
      { to: 'ended' },
    );
  });
  it('every review of the care starts the next six-month clock', () => {
    expect(transition(socialCase, 'care_ongoing', 'review_care', 'unit_manager')).toEqual({
      ok: true,
      to: 'care_ongoing',
      starts: ['care-review'],
      closes: ['care-review'],
      bestInterests: false,
    });
  });
  it('decisions about the child need a best-interests record; the 18th birthday is Anvisa’s own explicit record', () => {
    expect(transition(placement, 'not_placed', 'place', 'social_worker')).toMatchObject({
      ok: true,
      bestInterests: true,
    });
    expect(
      transition(guardianship, 'god_man_requested', 'appoint_god_man', 'guardianship_officer'),
    ).toMatchObject({ bestInterests: true });
    expect(transition(responsibility, 'received', 'end_at_18', 'system')).toMatchObject({
      ok: true,
      to: 'ended',
    });
    expect(transition(responsibility, 'received', 'end_at_18', 'social_worker')).toMatchObject({
      ok: false,
      reason: 'role_may_not',
    });
    expect(transition(socialCase, 'none', 'no_such_event', 'social_worker')).toMatchObject({
      ok: false,
      reason: 'unknown_event',
    });
  });
  it('refuses a table that declares one event twice from the same state', () => {
    expect(() =>
      defineMachine({
        name: 'twice',
        initial: 'a',
        states: ['a', 'b'],
        transitions: [
          { from: ['a'], event: 'go', to: 'b', roles: ['system'] },
          { from: ['a'], event: 'go', to: 'a', roles: ['system'] },
        ],
      }),
    ).toThrow(/declared twice/);
  });
  it('every state is reachable from the initial state', () => {
    for (const machine of MACHINES) {
      const reached = new Set<string>([machine.initial]);
      for (let changed = true; changed;) {
        changed = false;
        for (const t of machine.transitions) {
          if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
            reached.add(t.to);
            changed = true;
          }
        }
      }
      expect([...reached].sort(), machine.name).toEqual([...machine.states].sort());
    }
  });
  it('lists the forbidden transitions for the generated API tests', () => {
    expect(forbiddenTransitions(placement)).toContainEqual({ state: 'not_placed', event: 'end' });
    expect(forbiddenTransitions(age)).toContainEqual({ state: 'final', event: 'doubt' });
    for (const { state, event } of forbiddenTransitions(asylum)) {
      expect(transition(asylum, state, event, 'asylum_officer').ok).toBe(false);
    }
  });
  it('draws each machine as a diagram from the same table', () => {
    expect(mermaid(placement)).toContain('not_placed --> on_call_placed: place_on_call');
  });
});

describe('the generated documentation', () => {
  it('docs/state-machines.md is generated from the same tables', async () => {
    const { readFileSync } = await import('node:fs');
    const { stateMachinesDocument } = await import('../../../src/domain/case/document.ts');
    expect(readFileSync(new URL('../../../docs/state-machines.md', import.meta.url), 'utf8')).toBe(
      stateMachinesDocument(),
    );
  });
});
