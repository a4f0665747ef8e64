/**
 * What every step form of the asylum and age case shares: send the step, put the server's field problems on the
 * fields, and say plainly when the step is no longer possible (409: the case moved on, or someone else was first) —
 * the case is then reloaded so the page shows it as it is.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client.ts';
import { migrationKey, useMigrationStep } from '../../api/asylum-queries.ts';
import { apiErrorText, applyServerErrors } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';

export function useStep<T extends FieldValues>(
  childId: string,
  path: string,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  onDone: () => void,
) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const mutation = useMigrationStep(childId, path, onDone, (error) => {
    if (
      error instanceof ApiError &&
      error.status === 409 &&
      (error.code === 'transition_not_allowed' || error.code === 'stale')
    ) {
      setGeneral(t(error.code === 'stale' ? 'asylum.form.stale' : 'asylum.form.notAllowed'));
      void queryClient.invalidateQueries({ queryKey: migrationKey(childId) });
    } else {
      setGeneral(applyServerErrors(error, setError, fields) ? null : apiErrorText(t, error));
    }
    setAttempt((n) => n + 1);
  });
  return {
    general,
    attempt,
    pending: mutation.isPending,
    onInvalid: () => {
      setGeneral(null);
      setAttempt((n) => n + 1);
    },
    send: (body: unknown) => {
      setGeneral(null);
      mutation.mutate(body);
    },
  };
}
