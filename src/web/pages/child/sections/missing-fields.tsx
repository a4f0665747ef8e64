/**
 * The prevention profile's form controls: a label, a hint and the server's Swedish error per field, tied to the
 * control with aria-describedby (the server's message names the field and the reason; see src/missing/contract.ts).
 */
import type { ReactNode } from 'react';
import { ApiError } from '../../../api/client.ts';
import { apiErrorText } from '../../../form-errors.ts';
import { useI18n } from '../../../language.tsx';

/** The server's problems by the form's field: `body.description.heightCm` → heightCm, `body.contacts.0.name` → contacts. */
export function problemsByField(error: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return out;
  for (const p of error.fields) {
    const parts = p.field.split('.').filter((part) => part !== 'body');
    const key = (parts[0] === 'description' ? parts[1] : parts[0]) ?? 'body';
    out.set(key, [...(out.get(key) ?? []), p.message]);
  }
  return out;
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly errors?: readonly string[] | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean | undefined;
  readonly inputMode?: 'numeric' | 'text' | undefined;
}

export function Field({ id, label, hint, errors = [], value, onChange, multiline, inputMode }: FieldProps) {
  const { t } = useI18n();
  const invalid = errors.length > 0;
  const describedBy =
    [hint === undefined ? null : `${id}-hint`, invalid ? `${id}-error` : null]
      .filter((x) => x !== null)
      .join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {errors.join(' ')}
        </p>
      )}
      {multiline === true ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** The errors of a refused save, each a link to its field, and a general one when none names a field. */
export function Problems({
  error,
  prefix,
  fields,
}: {
  readonly error: unknown;
  readonly prefix: string;
  readonly fields: readonly string[];
}): ReactNode {
  const { t } = useI18n();
  if (error === null || error === undefined) return null;
  const byField = problemsByField(error);
  const listed = [...byField.entries()].filter(([field]) => fields.includes(field));
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h4>{t('form.summaryTitle')}</h4>
      {listed.length === 0 ? (
        <p>{apiErrorText(t, error)}</p>
      ) : (
        <ul>
          {listed.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${prefix}-${field}`}>{messages.join(' ')}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
