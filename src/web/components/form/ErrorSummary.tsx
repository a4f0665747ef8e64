/**
 * The error summary at the top of a form (GOV.UK pattern): a heading and one link per problem that moves focus to
 * the field. It takes focus after every failed submit so that screen reader users hear what went wrong.
 */
import { useEffect, useRef } from 'react';
import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import { fieldErrorText, type FieldErrorLike } from '../../form-errors.ts';
import type { MessageKey, Params } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export interface SummaryField {
  readonly name: string;
  readonly id: string;
  /** The field's label, so that each problem in the summary says which field it is about. */
  readonly label: MessageKey;
  /** Values for the label, e.g. the row's number where a list repeats its fields ("Underskrift 2, namn"). */
  readonly labelParams?: Params;
}

interface Props<T extends FieldValues> {
  readonly errors: FieldErrors<T>;
  readonly fields: readonly SummaryField[];
  readonly general: string | null;
  /** Increases with every failed attempt; each change moves focus to the summary. */
  readonly attempt: number;
  /**
   * The title's heading level: one below the form's own heading (a form under an h4 has its summary under an h5), so
   * that the outline has no skipped level after it. An h2 by default, for a form at the top of a page.
   */
  readonly level?: 2 | 3 | 4 | 5;
}

export function ErrorSummary<T extends FieldValues>({
  errors,
  fields,
  general,
  attempt,
  level = 2,
}: Props<T>) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const items = fields.flatMap((field) => {
    // A field in a list (`signatures.0.signedOn`, `signatures.root`) by its path, like react-hook-form's own.
    const found: unknown = get(errors, field.name);
    const text = fieldErrorText(t, found as FieldErrorLike | undefined);
    return text === undefined ? [] : [{ ...field, text: `${t(field.label, field.labelParams)}: ${text}` }];
  });
  const visible = general !== null || items.length > 0;

  // react-hook-form publishes the errors a render after the failed submit: focus once both have arrived.
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (!visible || attempt <= focusedAttempt.current) return;
    focusedAttempt.current = attempt;
    ref.current?.focus();
  }, [attempt, visible]);

  if (!visible) return null;
  const Heading = `h${level}` as const;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${fields[0]?.id ?? 'form'}-summary-title`}
    >
      <Heading className="error-summary__title" id={`${fields[0]?.id ?? 'form'}-summary-title`}>
        {t('form.summaryTitle')}
      </Heading>
      {general !== null && <p>{general}</p>}
      {items.length > 0 && (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.id)?.focus();
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
