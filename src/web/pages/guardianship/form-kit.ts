/**
 * What the guardianship forms share: the error summary's entries for the best-interests parts (nested errors made
 * flat), whole-request problems in this capability's words, and server field names mapped onto the form's.
 */
import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client.ts';
import { guardianshipKey } from '../../api/guardianship-queries.ts';
import { apiErrorText, applyServerErrors } from '../../form-errors.ts';
import { isMessageKey, type Translate } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
} from '../../components/form/best-interests-summary.ts';

export function guardianshipErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `guardianship.apiError.${error.code}`;
    if (isMessageKey(key)) return t(key);
  }
  return apiErrorText(t, error);
}

/**
 * Like the shared form feedback, in this capability's words. `rename` maps server field names (without `body.`) to
 * the form's, e.g. the engine's `occurredOn` to the form's date.
 */
export function useStepFeedback<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: Readonly<Record<string, string>> = {},
) {
  const { t } = useI18n();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  return {
    general,
    attempt,
    onInvalid: () => {
      setGeneral(null);
      setAttempt((n) => n + 1);
    },
    onServerError: (error: unknown) => {
      const placed = applyServerErrors(error, setError, fields, (name) => rename[name] ?? name);
      // A missing best-interests part is shown at its field, and the summary says why.
      const code = error instanceof ApiError ? error.code : '';
      setGeneral(placed && code !== 'best_interests_incomplete' ? null : guardianshipErrorText(t, error));
      setAttempt((n) => n + 1);
    },
    clear: () => setGeneral(null),
  };
}

/**
 * What every guardianship step is sent with (`useCaseStep`): the section's query and its words for a stale view. The
 * routes answer with the step's own result (an id, warnings), not the section, so the section reloads.
 */
export const guardianshipStep = (childId: string) =>
  ({ queryKey: guardianshipKey(childId), section: 'guardianship', answersView: false }) as const;
