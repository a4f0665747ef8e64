/**
 * Orthogonal state machines of a child's case, as data: each transition names who may trigger it, which deadline
 * rules it starts and closes, and whether it is a decision that needs a best-interests record. A child can be, at
 * once, placed (placement), with a god man (guardianship) and granted a permit (asylum). Tables here are the single
 * source for the API's checks, the generated forbidden-transition tests and the diagrams in docs/.
 */
import type { Role } from '../access/roles.ts';
import type { DeadlineRuleId } from '../deadlines/rules.ts';

/** `system`: Anvisa itself, for what follows from law on a date (the 18th birthday) — still an explicit record. */
export type Trigger = Role | 'system';

export interface Transition<S extends string, E extends string> {
  readonly from: readonly S[];
  readonly event: E;
  readonly to: S;
  readonly roles: readonly Trigger[];
  readonly starts?: readonly DeadlineRuleId[];
  readonly closes?: readonly DeadlineRuleId[];
  /** A decision about the child: finalising it needs a complete best-interests record (or a reason the child was not heard). */
  readonly bestInterests?: boolean;
}

export interface Machine<S extends string, E extends string> {
  readonly name: string;
  readonly initial: S;
  readonly states: readonly S[];
  readonly transitions: readonly Transition<S, E>[];
}

export type TransitionResult<S extends string> =
  | {
      readonly ok: true;
      readonly to: S;
      readonly starts: readonly DeadlineRuleId[];
      readonly closes: readonly DeadlineRuleId[];
      readonly bestInterests: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: 'not_allowed_from_state' | 'role_may_not' | 'unknown_event';
      readonly message: string;
    };

export function defineMachine<const S extends string, const E extends string>(
  machine: Machine<S, E>,
): Machine<S, E> {
  if (!machine.states.includes(machine.initial))
    throw new Error(`${machine.name}: unknown initial state ${machine.initial}`);
  for (const t of machine.transitions) {
    for (const s of [...t.from, t.to]) {
      if (!machine.states.includes(s)) throw new Error(`${machine.name}: unknown state ${s} in ${t.event}`);
    }
  }
  // One event may leave a state in one way only, so a (state, event) pair has one answer.
  const seen = new Set<string>();
  for (const t of machine.transitions) {
    for (const from of t.from) {
      const key = `${from}:${t.event}`;
      if (seen.has(key)) throw new Error(`${machine.name}: ${t.event} from ${from} is declared twice`);
      seen.add(key);
    }
  }
  return machine;
}

export function eventsOf<S extends string, E extends string>(machine: Machine<S, E>): E[] {
  return [...new Set(machine.transitions.map((t) => t.event))];
}

export function transition<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  event: E,
  trigger: Trigger,
): TransitionResult<S> {
  const candidates = machine.transitions.filter((t) => t.event === event);
  if (candidates.length === 0)
    return { ok: false, reason: 'unknown_event', message: `${machine.name}: no event ${event}` };
  const t = candidates.find((c) => c.from.includes(state));
  if (t === undefined) {
    return {
      ok: false,
      reason: 'not_allowed_from_state',
      message: `${machine.name}: ${event} is not possible from ${state}`,
    };
  }
  if (!t.roles.includes(trigger))
    return { ok: false, reason: 'role_may_not', message: `${machine.name}: a ${trigger} may not ${event}` };
  return {
    ok: true,
    to: t.to,
    starts: t.starts ?? [],
    closes: t.closes ?? [],
    bestInterests: t.bestInterests === true,
  };
}

/** Every (state, event) pair the table does not allow: the generated tests send each to the API. */
export function forbiddenTransitions<S extends string, E extends string>(
  machine: Machine<S, E>,
): { state: S; event: E }[] {
  const events = eventsOf(machine);
  return machine.states.flatMap((state) =>
    events
      .filter((event) => !machine.transitions.some((t) => t.event === event && t.from.includes(state)))
      .map((event) => ({ state, event })),
  );
}

/** A Mermaid state diagram generated from the table. */
export function mermaid<S extends string, E extends string>(machine: Machine<S, E>): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${machine.initial}`];
  for (const t of machine.transitions)
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.event}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Whether `event` may fire from `state` for `trigger`. The one answer to "may this still end / be transferred /
 * …", instead of hand-written lists of states next to the table.
 */
export function canFire<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: string,
  event: E,
  trigger: Trigger,
): boolean {
  return (
    (machine.states as readonly string[]).includes(state) &&
    transition(machine, state as S, event, trigger).ok
  );
}
