/** The feedback state every form shares: a general (non-field) problem and the count of failed attempts. */
import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { apiErrorText, applyServerErrors } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';

export function useFormFeedback<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename?: (name: string) => string,
) {
  const { t } = useI18n();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  return {
    general,
    attempt,
    /** For handleSubmit's second argument: the client-side schema refused the values. */
    onInvalid: () => {
      setGeneral(null);
      setAttempt((n) => n + 1);
    },
    /** The server refused: put field problems on their fields, anything else in the summary. */
    onServerError: (error: unknown) => {
      const placed = applyServerErrors(error, setError, fields, rename);
      setGeneral(placed ? null : apiErrorText(t, error));
      setAttempt((n) => n + 1);
    },
    clear: () => setGeneral(null),
  };
}
