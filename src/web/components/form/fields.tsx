/**
 * Form fields with a visible label, an optional hint and an error message, all tied to the control with
 * aria-describedby; invalid controls carry aria-invalid. Used with react-hook-form's `register`.
 *
 * A date field is a text field written ÅÅÅÅ-MM-DD with the format in its hint (src/web/date-input.ts says why: the
 * browser's date control hides a date that does not exist, and shows the browser's locale, e.g. mm/dd/yyyy).
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useI18n } from '../../language.tsx';

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly registration: UseFormRegisterReturn;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(
    (x) => x !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

function HintAndError({
  id,
  hint,
  error,
}: {
  readonly id: string;
  readonly hint: string | undefined;
  readonly error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

function controlProps(id: string, hint: string | undefined, error: string | undefined) {
  return {
    id,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

export function TextField(
  props: FieldProps & {
    readonly type?: 'text' | 'date' | 'email' | 'tel';
    readonly autoComplete?: string;
    readonly inputMode?: 'numeric' | 'text';
    readonly width?: 'short' | 'medium' | 'full';
  },
) {
  const {
    id,
    label,
    hint,
    error,
    registration,
    type = 'text',
    autoComplete = 'off',
    inputMode,
    width = 'full',
  } = props;
  const { t } = useI18n();
  const date = type === 'date';
  const shownHint =
    date && !/ÅÅÅÅ|YYYY/.test(hint ?? '')
      ? [hint, t('form.dateFormat')].filter((x) => x !== undefined).join(' ')
      : hint;
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={shownHint} error={error} />
      <input
        {...controlProps(id, shownHint, error)}
        className={`input input--${width}`}
        type={date ? 'text' : type}
        autoComplete={autoComplete}
        {...(date ? { spellCheck: false } : {})}
        {...(inputMode === undefined ? {} : { inputMode })}
        {...registration}
      />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { readonly rows?: number }) {
  const { id, label, hint, error, registration, rows = 5 } = props;
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        {...controlProps(id, hint, error)}
        className="input input--full"
        rows={rows}
        {...registration}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & { readonly children: ReactNode }) {
  const { id, label, hint, error, registration, children } = props;
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select {...controlProps(id, hint, error)} className="input select" {...registration}>
        {children}
      </select>
    </div>
  );
}

export function CheckboxField(props: FieldProps) {
  const { id, label, hint, error, registration } = props;
  return (
    <div className={error === undefined ? 'field field--check' : 'field field--check field--error'}>
      <HintAndError id={id} hint={undefined} error={error} />
      <div className="check">
        <input {...controlProps(id, hint, error)} type="checkbox" {...registration} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint hint--after">
          {hint}
        </p>
      )}
    </div>
  );
}

export function RadioGroupField(
  props: Omit<FieldProps, 'hint'> & {
    readonly options: readonly { readonly value: string; readonly label: string }[];
  },
) {
  const { id, label, error, registration, options } = props;
  return (
    <fieldset
      className={error === undefined ? 'field fieldset' : 'field fieldset field--error'}
      aria-describedby={error === undefined ? undefined : `${id}-error`}
    >
      <legend>{label}</legend>
      <HintAndError id={id} hint={undefined} error={error} />
      <div className="radios">
        {options.map((option, index) => (
          <div className="check" key={option.value}>
            <input
              id={index === 0 ? id : `${id}-${option.value}`}
              type="radio"
              value={option.value}
              {...registration}
            />
            <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
