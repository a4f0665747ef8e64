import { describe, expect, it } from 'vitest';
import { forbiddenTransitions, mermaid, transition } from './machine.ts';
import { age, asylum, guardianship, MACHINES, placement, socialCase } from './machines.ts';

describe('the case machines', () => {
  it('social services open an investigation after the protection assessment, which starts the four-month clock', () => {
    const assessed = transition(socialCase, 'report_received', 'assess_protection', 'social_worker');
    expect(assessed).toEqual({ ok: true, to: 'protection_assessed', starts: ['preliminary-assessment'] });
    expect(transition(socialCase, 'protection_assessed', 'open_investigation', 'social_worker')).toMatchObject({ starts: ['investigation'] });
  });
  it('refuses a transition from the wrong state, and one the role may not make', () => {
    expect(transition(socialCase, 'report_received', 'start_care', 'social_worker')).toMatchObject({ ok: false, reason: 'not_allowed_from_state' });
    expect(transition(socialCase, 'care_ongoing', 'close', 'social_worker')).toMatchObject({ ok: false, reason: 'role_may_not' });
    expect(transition(guardianship, 'god_man_requested', 'appoint_god_man', 'social_worker')).toMatchObject({ ok: false, reason: 'role_may_not' });
  });
  it('a god man who resigns opens a new request; the end is always an explicit record', () => {
    expect(transition(guardianship, 'god_man_appointed', 'god_man_resigns', 'guardianship_officer')).toMatchObject({ to: 'god_man_requested' });
    expect(transition(guardianship, 'god_man_appointed', 'end_by_law', 'guardianship_officer')).toMatchObject({ to: 'ended' });
  });
  it('every review of the care starts the next six-month clock', () => {
    expect(transition(socialCase, 'care_ongoing', 'review_care', 'unit_manager')).toEqual({ ok: true, to: 'care_ongoing', starts: ['care-review'] });
  });
  it('every state is reachable from the initial state', () => {
    for (const machine of MACHINES) {
      const reached = new Set<string>([machine.initial]);
      for (let changed = true; changed; ) {
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
    const { stateMachinesDocument } = await import('./document.ts');
    expect(readFileSync(new URL('../../../docs/state-machines.md', import.meta.url), 'utf8')).toBe(stateMachinesDocument());
  });
});
