/**
 * The steps a caller may take on a machine now: "the server decides, the UI reflects". Derived from the transition
 * table alone — the current state and who triggers — so every listed event is one `transition` accepts and every
 * other event is one it refuses. Each step says what it needs besides the event: the date it took effect (always),
 * and for a decision about the child a complete best-interests record, filed under its decision kind.
 */
import type { Machine, Trigger } from './machine.ts';

export interface StepNeeds {
  /** Every transition is recorded with the date it took effect (the engine's `occurredOn`). */
  readonly date: true;
  /** A decision about the child: the engine refuses it without a complete best-interests record. */
  readonly bestInterests: boolean;
  /** The kind the best-interests record is filed under (`machine.event`); null when no record is needed. */
  readonly decisionKind: string | null;
}

export interface PossibleStep<S extends string, E extends string> {
  readonly event: E;
  readonly to: S;
  readonly needs: StepNeeds;
}

/** The events `trigger` may fire from `state`, in the table's order, each once. */
export function possibleSteps<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  trigger: Trigger,
): PossibleStep<S, E>[] {
  const steps: PossibleStep<S, E>[] = [];
  for (const t of machine.transitions) {
    if (!t.from.includes(state) || !t.roles.includes(trigger)) continue;
    if (steps.some((s) => s.event === t.event)) continue;
    const bestInterests = t.bestInterests === true;
    steps.push({
      event: t.event,
      to: t.to,
      needs: { date: true, bestInterests, decisionKind: bestInterests ? `${machine.name}.${t.event}` : null },
    });
  }
  return steps;
}
