/**
 * The rows a form repeats (transfers, goals, follow-up actions): one fieldset per row with its numbered legend, a
 * button to remove a row while more than `minRows` remain (none when `removeLabel` is absent), and one to add a row.
 * The form keeps its own field array (react-hook-form's useFieldArray); this draws the rows around its fields.
 */
import type { ReactNode } from 'react';

export interface RepeatedFieldsetsProps {
  /** The field array's rows; only their keys are read. */
  readonly rows: readonly { readonly id: string }[];
  readonly legend: (n: number) => string;
  /** The fields of row `index` (0-based). */
  readonly children: (index: number) => ReactNode;
  readonly addLabel: string;
  readonly onAdd: () => void;
  /** The add button's id, when the error summary links to it. */
  readonly addId?: string;
  /** The remove button's text for row `n` (1-based); rows cannot be removed without it. */
  readonly removeLabel?: (n: number) => string;
  readonly onRemove?: (index: number) => void;
  /** Rows are removable only while there are more than this many. */
  readonly minRows?: number;
}

export function RepeatedFieldsets({
  rows,
  legend,
  children,
  addLabel,
  onAdd,
  addId,
  removeLabel,
  onRemove,
  minRows = 1,
}: RepeatedFieldsetsProps) {
  return (
    <>
      {rows.map((row, i) => (
        <fieldset key={row.id} className="fieldset">
          <legend>{legend(i + 1)}</legend>
          {children(i)}
          {removeLabel !== undefined && onRemove !== undefined && rows.length > minRows && (
            <button type="button" className="button button--secondary" onClick={() => onRemove(i)}>
              {removeLabel(i + 1)}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button id={addId} type="button" className="button button--secondary" onClick={onAdd}>
          {addLabel}
        </button>
      </p>
    </>
  );
}
