/**
 * What the responsibility forms share: the error summary's entries for the best-interests parts (nested errors made
 * flat), whole-request problems in this capability's words, server field names mapped onto the form's, and labels
 * for the codes the API sends.
 */
import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client.ts';
import { responsibilityKey } from '../../api/responsibility-queries.ts';
import { apiErrorText, applyServerErrors } from '../../form-errors.ts';
import { isMessageKey, type Translate } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
} from '../../components/form/best-interests-summary.ts';

/** A code's label under `prefix`, or the code itself when there is none. */
export function codeText(t: Translate, prefix: string, code: string | null): string {
  if (code === null) return '–';
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** Feedback for a step: field problems at their fields (`rename` maps the server's names), the rest in the summary. */
export function useStepFeedback<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: Readonly<Record<string, string>> = {},
  /** A form's own sentence for an answer code (e.g. the take-over form's 404), before the section's and the app's. */
  ownMessage: (code: string) => string | null = () => null,
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
      const code = error instanceof ApiError ? error.code : '';
      const key = `responsibility.apiError.${code}`;
      const own = ownMessage(code);
      setGeneral(
        placed && code !== 'best_interests_incomplete'
          ? null
          : own !== null
            ? own
            : isMessageKey(key)
              ? t(key)
              : apiErrorText(t, error),
      );
      setAttempt((n) => n + 1);
    },
    clear: () => setGeneral(null),
  };
}

/**
 * What every step the responsibility view offers is sent with (`useCaseStep`): the section's query and its words for a
 * stale view. The routes answer with the step's own result, not the section, so the section reloads.
 */
export const responsibilityStep = (childId: string) =>
  ({ queryKey: responsibilityKey(childId), section: 'responsibility', answersView: false }) as const;
