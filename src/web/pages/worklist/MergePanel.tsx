/**
 * Merging another record of the same child into this one (the responsible organisation): possible duplicates to
 * choose from, a reason, and — when both records moved on in the same sub-process — an explicit choice of whose state
 * applies. Earlier merges can be undone.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, apiPost } from '../../api/client.ts';
import type { ChildRecord } from '../../api/worklist-types.ts';
import { recordKey, useDuplicates } from '../../api/worklist-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { formatDateTime } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { MergeSchema, type MergeInput } from '../../schemas-worklist.ts';
import { machineLabel } from './labels.ts';

const FIELDS = [
  { name: 'mergedId', id: 'merge-mergedId', label: 'worklist.merge.chooseCandidate' },
  { name: 'reason', id: 'merge-reason', label: 'worklist.merge.reason' },
] as const;

/** The machines the server named in a merge conflict (fields `keep.<machine>`). */
function conflictMachines(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'merge_conflict') return [];
  return error.fields.flatMap((f) => (f.field.startsWith('keep.') ? [f.field.slice(5)] : []));
}

function useInvalidate(childId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({
      predicate: (q) =>
        [
          'child',
          'child-record',
          'child-history',
          'child-overview',
          'child-timeline',
          'child-duplicates',
          'children',
        ].includes(String(q.queryKey[0])),
    });
    await queryClient.invalidateQueries({ queryKey: recordKey(childId) });
  };
}

function Undo({ record }: { readonly record: ChildRecord }) {
  const { t, lang } = useI18n();
  const invalidate = useInvalidate(record.childId);
  const [done, setDone] = useState(false);
  const undo = useMutation({
    mutationFn: (mergeId: string) =>
      apiPost(`/api/children/${encodeURIComponent(record.childId)}/unmerge`, { mergeId }),
    onSuccess: async () => {
      setDone(true);
      await invalidate();
    },
  });
  if (record.merges.length === 0) return null;
  return (
    <>
      <h4>{t('worklist.merge.history')}</h4>
      {done && (
        <Success>
          <p role="status">{t('worklist.merge.undone')}</p>
        </Success>
      )}
      <ul className="plain-list">
        {record.merges.map((m) => (
          <li key={m.id}>
            {t('worklist.merge.mergedOn', {
              dossier: m.mergedDossierNumber,
              date: formatDateTime(lang, m.mergedAt),
            })}
            {m.revertedAt === null ? (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => undo.mutate(m.id)}
                  disabled={undo.isPending}
                >
                  {t('worklist.merge.undo')}
                </button>
              </>
            ) : (
              ` (${t('worklist.merge.reverted', { date: formatDateTime(lang, m.revertedAt) })})`
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function MergePanel({ record }: { readonly record: ChildRecord }) {
  const { t } = useI18n();
  const invalidate = useInvalidate(record.childId);
  const candidates = useDuplicates(
    {
      firstName: record.firstName,
      lastName: record.lastName,
      birthDate: record.birthDate,
      excludeId: record.childId,
    },
    true,
  );
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [keep, setKeep] = useState<Record<string, 'surviving' | 'merged'>>({});
  const [done, setDone] = useState(false);
  const form = useForm<MergeInput>({
    resolver: zodResolver(MergeSchema),
    defaultValues: { mergedId: '', reason: '' },
    shouldFocusError: false,
  });
  const feedback = useFormFeedback(form.setError, ['mergedId', 'reason'] as const);
  const merge = useMutation({
    mutationFn: (values: MergeInput) =>
      apiPost(`/api/children/${encodeURIComponent(record.childId)}/merge`, {
        ...values,
        ...(conflicts.length > 0 ? { keep } : {}),
      }),
    onSuccess: async () => {
      setDone(true);
      setConflicts([]);
      form.reset({ mergedId: '', reason: '' });
      await invalidate();
    },
    onError: (error) => {
      const machines = conflictMachines(error);
      if (machines.length > 0) {
        setConflicts(machines);
        setKeep(Object.fromEntries(machines.map((m) => [m, 'surviving'])));
      }
      feedback.onServerError(error);
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setDone(false);
    merge.mutate(values);
  }, feedback.onInvalid);
  const mergedError = fieldErrorText(t, form.formState.errors.mergedId);
  return (
    <section aria-labelledby="merge-title" className="section">
      <h3 id="merge-title">{t('worklist.merge.title')}</h3>
      <p>{t('worklist.merge.intro')}</p>
      {done && (
        <Success>
          <p role="status">{t('worklist.merge.done')}</p>
        </Success>
      )}
      {candidates.isPending && <Loading />}
      {candidates.data !== undefined && candidates.data.length === 0 && (
        <p>{t('worklist.merge.noCandidates')}</p>
      )}
      {candidates.data !== undefined && candidates.data.length > 0 && (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary
            errors={form.formState.errors}
            fields={FIELDS}
            general={feedback.general}
            attempt={feedback.attempt}
            level={4}
          />
          <fieldset
            className={mergedError === undefined ? 'field fieldset' : 'field fieldset field--error'}
            aria-describedby={mergedError === undefined ? undefined : 'merge-mergedId-error'}
          >
            <legend>{t('worklist.merge.candidates')}</legend>
            {mergedError !== undefined && (
              <p id="merge-mergedId-error" className="field-error">
                {mergedError}
              </p>
            )}
            <div className="radios">
              {candidates.data.map((c, index) => (
                <div className="check" key={c.child.id}>
                  <input
                    id={index === 0 ? 'merge-mergedId' : `merge-mergedId-${c.child.id}`}
                    type="radio"
                    value={c.child.id}
                    {...form.register('mergedId')}
                  />
                  <label htmlFor={index === 0 ? 'merge-mergedId' : `merge-mergedId-${c.child.id}`}>
                    {c.child.dossierNumber} – <ChildName child={c.child} />, {c.child.birthDate} (
                    {c.reasons.map((r) => t(`worklist.duplicate.${r}`)).join(', ')})
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextAreaField
            id="merge-reason"
            rows={3}
            label={t('worklist.merge.reason')}
            hint={t('worklist.merge.reasonHint')}
            error={fieldErrorText(t, form.formState.errors.reason)}
            registration={form.register('reason')}
          />
          {conflicts.length > 0 && (
            <fieldset className="fieldset group">
              <legend>{t('worklist.merge.conflict')}</legend>
              {conflicts.map((machine) => (
                <fieldset key={machine} className="field fieldset">
                  <legend>{machineLabel(t, machine)}</legend>
                  <div className="radios">
                    {(['surviving', 'merged'] as const).map((choice) => (
                      <div className="check" key={choice}>
                        <input
                          id={`keep-${machine}-${choice}`}
                          type="radio"
                          name={`keep-${machine}`}
                          checked={keep[machine] === choice}
                          onChange={() => setKeep((k) => ({ ...k, [machine]: choice }))}
                        />
                        <label htmlFor={`keep-${machine}-${choice}`}>
                          {t(
                            choice === 'surviving'
                              ? 'worklist.merge.keepSurviving'
                              : 'worklist.merge.keepMerged',
                          )}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              ))}
            </fieldset>
          )}
          <button type="submit" className="button button--primary" disabled={merge.isPending}>
            {merge.isPending ? t('form.sending') : t('worklist.merge.submit')}
          </button>
        </form>
      )}
      <Undo record={record} />
    </section>
  );
}
