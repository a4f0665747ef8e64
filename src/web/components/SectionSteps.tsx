/**
 * A section's steps as the server offers them, and the form of the open one: `useSectionSteps` keeps which step is
 * open and what the last one did; `SectionSteps` shows the buttons (`StepActions`) and, in the panel they control,
 * the open step's form while the view still offers it; `StepDone` says what the step did, for screen readers too.
 */
import { useState, type ReactNode } from 'react';
import { offered, type CaseStep } from '../api/case-steps.ts';
import { StepActions } from './StepActions.tsx';
import { Announce, Success } from './Status.tsx';

export interface SectionStepsState<A extends string> {
  readonly action: A | null;
  readonly done: string | null;
  /** Opens or closes a step's form (and clears the last message). */
  readonly toggle: (action: A | null) => void;
  /** The step was taken: its form closes and `message` is said. */
  readonly finish: (message: string) => void;
}

export function useSectionSteps<A extends string>(): SectionStepsState<A> {
  const [action, setAction] = useState<A | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    action,
    done,
    toggle: (next) => {
      setDone(null);
      setAction(next);
    },
    finish: (message) => {
      setAction(null);
      setDone(message);
    },
  };
}

export function StepDone({ message }: { readonly message: string | null }) {
  return (
    <Announce>
      {message !== null && (
        <Success>
          <p>{message}</p>
        </Success>
      )}
    </Announce>
  );
}

export function SectionSteps<A extends string>({
  steps,
  state,
  id,
  label,
  text,
  secondary,
  form,
}: {
  readonly steps: readonly CaseStep<A>[];
  readonly state: SectionStepsState<A>;
  /** The panel's id (the buttons control it). */
  readonly id: string;
  /** The buttons' group name. */
  readonly label: string;
  readonly text: (action: A) => string;
  /** Steps that end something are secondary buttons. */
  readonly secondary: (action: A) => boolean;
  /** The form of the open step; `onDone` closes it and says what it did. */
  readonly form: (step: CaseStep<A>, onDone: (message: string) => void) => ReactNode;
}) {
  const step = offered(steps, state.action);
  return (
    <>
      <StepActions
        steps={steps}
        open={state.action}
        onToggle={state.toggle}
        label={label}
        controls={id}
        text={text}
        secondary={secondary}
      />
      <div id={id}>
        {step !== null && <div className="card placement-action">{form(step, state.finish)}</div>}
      </div>
    </>
  );
}
