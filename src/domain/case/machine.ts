/**
 * Orthogonal state machines of a child's case, as data: each transition names who may trigger it and which deadline
 * rules it starts. A child can be, at once, placed (placement), with a god man (guardianship) and granted a permit
 * (asylum). Tables here are the single source for the API's checks, the generated forbidden-transition tests and the
 * diagrams in docs/.
 */
import type { Role } from '../access/roles.ts';
import type { DeadlineRuleId } from '../deadlines/rules.ts';

export interface Transition<S extends string, E extends string> {
  readonly from: readonly S[];
  readonly event: E;
  readonly to: S;
  readonly roles: readonly Role[];
  readonly starts?: readonly DeadlineRuleId[];
}

export interface Machine<S extends string, E extends string> {
  readonly name: string;
  readonly initial: S;
  readonly states: readonly S[];
  readonly transitions: readonly Transition<S, E>[];
}

export type TransitionResult<S extends string> =
  | { readonly ok: true; readonly to: S; readonly starts: readonly DeadlineRuleId[] }
  | { readonly ok: false; readonly reason: 'not_allowed_from_state' | 'role_may_not'; readonly message: string };

export function defineMachine<S extends string, E extends string>(machine: Machine<S, E>): Machine<S, E> {
  for (const t of machine.transitions) {
    for (const s of [...t.from, t.to]) {
      if (!machine.states.includes(s)) throw new Error(`${machine.name}: unknown state ${s} in ${t.event}`);
    }
  }
  return machine;
}

export function transition<S extends string, E extends string>(machine: Machine<S, E>, state: S, event: E, role: Role): TransitionResult<S> {
  const candidates = machine.transitions.filter((t) => t.event === event);
  const t = candidates.find((c) => c.from.includes(state));
  if (t === undefined) {
    return { ok: false, reason: 'not_allowed_from_state', message: `${machine.name}: ${event} is not possible from ${state}` };
  }
  if (!t.roles.includes(role)) return { ok: false, reason: 'role_may_not', message: `${machine.name}: a ${role} may not ${event}` };
  return { ok: true, to: t.to, starts: t.starts ?? [] };
}

/** Every (state, event) pair the table does not allow: the generated tests send each to the API. */
export function forbiddenTransitions<S extends string, E extends string>(machine: Machine<S, E>): { state: S; event: E }[] {
  const events = [...new Set(machine.transitions.map((t) => t.event))];
  return machine.states.flatMap((state) =>
    events.filter((event) => !machine.transitions.some((t) => t.event === event && t.from.includes(state))).map((event) => ({ state, event })),
  );
}

/** A Mermaid state diagram generated from the table. */
export function mermaid<S extends string, E extends string>(machine: Machine<S, E>): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${machine.initial}`];
  for (const t of machine.transitions) for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.event}`);
  return `${lines.join('\n')}\n`;
}
