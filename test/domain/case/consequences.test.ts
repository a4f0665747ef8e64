import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CONSEQUENCE_TRIGGERS,
  CONSEQUENCES,
  consequencesMermaid,
  DECIDER_STEPS,
  FOLLOW_UP_STEPS,
  followUpsOf,
  isDeciderStep,
  type ConsequenceFacts,
  type FollowUp,
  type HasDeciderStep,
  type RaisesOf,
} from '../../../src/domain/case/consequences.ts';
import { canFire, transition, type Trigger } from '../../../src/domain/case/machine.ts';
import { guardianship, MACHINES, responsibility } from '../../../src/domain/case/machines.ts';

const all = (): readonly (readonly [string, FollowUp])[] =>
  CONSEQUENCE_TRIGGERS.flatMap((t) => followUpsOf(t).map((f) => [t, f] as const));

describe('the consequences table', () => {
  it('says for every follow-up what happens and on what source', () => {
    for (const [trigger, f] of all()) {
      expect(f.what.length, `${trigger} → ${f.step}`).toBeGreaterThan(10);
      expect(f.source.length, `${trigger} → ${f.step}`).toBeGreaterThan(10);
    }
  });

  it('cites current law: SoL by its 2025:400 numbering, never the repealed act alone', () => {
    for (const [, f] of all()) {
      if (f.source.includes('SoL 2001:453')) expect(f.source).toContain('SoL (2025:400)');
    }
  });

  it('uses every step somewhere and raises only triggers that have follow-ups', () => {
    const used = new Set(all().map(([, f]) => f.step));
    expect([...used].sort()).toEqual([...FOLLOW_UP_STEPS].sort());
    for (const [, f] of all()) {
      if (f.raises !== undefined) expect(CONSEQUENCES[f.raises].length).toBeGreaterThan(0);
    }
  });

  it('never raises in a cycle', () => {
    const raises = (t: (typeof CONSEQUENCE_TRIGGERS)[number], seen: readonly string[]): void => {
      expect(seen).not.toContain(t);
      for (const f of followUpsOf(t)) if (f.raises !== undefined) raises(f.raises, [...seen, t]);
    };
    for (const t of CONSEQUENCE_TRIGGERS) raises(t, []);
  });

  it('ends the god man before responsibility when the child becomes an adult (law first, then the rule)', () => {
    expect(followUpsOf('child.adult').map((f) => f.step)).toEqual([
      'guardianship.end_by_law',
      'responsibility.end_by_rule',
    ]);
    expect(followUpsOf('child.adult')[1]?.raises).toBe('responsibility.ended');
    expect(followUpsOf('responsibility.ended').map((f) => f.step)).toEqual([
      'social_case.hand_over',
      'placement.end',
    ]);
  });

  it('moves responsibility before the social case, the deadlines and the notice follow an anvisning', () => {
    for (const t of ['anvisning.decided', 'anvisning.corrected'] as const) {
      expect(followUpsOf(t).map((f) => f.step)).toEqual([
        'responsibility.assign',
        'social_case.follow_responsibility',
        'deadlines.follow_responsibility',
        'notification.incoming_child',
      ]);
    }
  });

  it('has an organisation-level row: the county’s capacity reminder is a notice to the municipalities, by Anvisa', () => {
    expect(followUpsOf('capacity.reminded').map((f) => f.step)).toEqual(['notification.capacity_reminder']);
    expect(isDeciderStep('notification.capacity_reminder')).toBe(false);
    expectTypeOf<ConsequenceFacts['capacity.reminded']>().not.toHaveProperty('childId');
  });

  it('takes only the user’s own steps in the user’s name; what follows from law is Anvisa’s own record', () => {
    expect(FOLLOW_UP_STEPS.filter(isDeciderStep)).toEqual([...DECIDER_STEPS]);
    expect(isDeciderStep('guardianship.end_by_law')).toBe(false);
    expect(isDeciderStep('placement.end')).toBe(false);
    expect(isDeciderStep('responsibility.assign')).toBe(true);
    expect(isDeciderStep('change_report.transfer')).toBe(false);
  });

  it('draws every trigger and step', () => {
    const drawn = consequencesMermaid();
    for (const [trigger, f] of all()) {
      expect(drawn).toContain(`"${trigger}"`);
      expect(drawn).toContain(`"${f.step}"`);
    }
    expect(drawn).toContain('-.->|raises|');
  });
});

describe('canFire', () => {
  it('answers as the transition table does, for every machine, state, event and trigger', () => {
    const cases = MACHINES.flatMap((m) =>
      m.states.flatMap((s) => [...new Set(m.transitions.map((t) => t.event))].map((e) => [m, s, e] as const)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom<Trigger>('system', 'social_worker', 'guardianship_officer', 'allocation_officer'),
        ([machine, state, event], trigger) => {
          expect(canFire(machine, state, event, trigger)).toBe(transition(machine, state, event, trigger).ok);
        },
      ),
    );
  });

  it('is false for a state the machine does not have', () => {
    expect(canFire(guardianship, 'no_such_state', 'end_by_law', 'system')).toBe(false);
  });

  it('says which guardianships can still end by law (the list the code used to spell out)', () => {
    expect(guardianship.states.filter((s) => canFire(guardianship, s, 'end_by_law', 'system'))).toEqual([
      'god_man_requested',
      'god_man_appointed',
      'sfv_pending',
      'sfv_appointed',
    ]);
    expect(responsibility.states.filter((s) => canFire(responsibility, s, 'end_at_18', 'system'))).toEqual([
      'arrival_municipality',
      'assigned',
      'received',
    ]);
  });
});

describe('the table types the executor (checked by tsc)', () => {
  it('knows which step raises which trigger, and which triggers need the deciding user', () => {
    expectTypeOf<
      RaisesOf<'child.adult', 'responsibility.end_by_rule'>
    >().toEqualTypeOf<'responsibility.ended'>();
    expectTypeOf<RaisesOf<'child.adult', 'guardianship.end_by_law'>>().toBeNever();
    expectTypeOf<HasDeciderStep<'anvisning.decided'>>().toEqualTypeOf<true>();
    expectTypeOf<HasDeciderStep<'child.adult'>>().toEqualTypeOf<false>();
  });

  it('a first decision carries no corrected municipality; a correction must', () => {
    const decided: ConsequenceFacts['anvisning.decided'] = {
      childId: 'c',
      decisionId: 'd',
      municipalityCode: '1280',
      // @ts-expect-error a first decision supersedes nothing
      correctedFrom: '0180',
    };
    // @ts-expect-error a correction names the municipality of the decision it supersedes
    const corrected: ConsequenceFacts['anvisning.corrected'] = { ...decided, correctedFrom: null };
    expect([decided.municipalityCode, corrected.municipalityCode]).toEqual(['1280', '1280']);
  });
});
