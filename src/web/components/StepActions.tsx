/**
 * The steps a section view offers, as buttons (the server decides, the UI reflects: exactly the steps the view
 * carries, in its order). A button opens — or closes — the step's form in the panel `controls` names.
 */
import type { CaseStep } from '../api/case-steps.ts';

export function StepActions<A extends string>({
  steps,
  open,
  onToggle,
  label,
  controls,
  text,
  secondary,
}: {
  readonly steps: readonly CaseStep<A>[];
  /** The step whose form is open. */
  readonly open: A | null;
  readonly onToggle: (action: A | null) => void;
  /** The group's accessible name. */
  readonly label: string;
  /** The id of the panel the forms open in. */
  readonly controls: string;
  readonly text: (action: A) => string;
  /** Steps that end something are secondary buttons. */
  readonly secondary: (action: A) => boolean;
}) {
  if (steps.length === 0) return null;
  return (
    <div className="actions" role="group" aria-label={label}>
      {steps.map(({ action }) => (
        <button
          key={action}
          type="button"
          className={secondary(action) ? 'button button--secondary' : 'button button--primary'}
          aria-expanded={open === action}
          aria-controls={controls}
          onClick={() => onToggle(open === action ? null : action)}
        >
          {text(action)}
        </button>
      ))}
    </div>
  );
}
