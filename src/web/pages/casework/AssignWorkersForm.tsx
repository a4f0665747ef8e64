/**
 * The unit manager assigns (or reassigns) the case's responsible social worker and an optional co-worker. A worker
 * absent today (a substitute period covering today) is marked in the lists with the last day and the substitute.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { refreshCase, useCaseload } from '../../api/casework-queries.ts';
import type { SocialCase, WorkerLoad } from '../../api/casework-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { Translate } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { AssignSchema, type AssignInput } from '../../schemas-casework.ts';

const FIELDS = [
  { name: 'primaryUserId', id: 'assign-primary', label: 'casework.assign.primary' },
  { name: 'secondaryUserId', id: 'assign-secondary', label: 'casework.assign.secondary' },
  { name: 'fromDate', id: 'assign-from', label: 'casework.assign.fromDate' },
] as const;

/** "Sara Lind (frånvarande t.o.m. 2026-12-10, ersättare Ali Hassan)" for a worker absent today. */
export function workerOption(t: Translate, worker: WorkerLoad): string {
  if (worker.absentUntil === null || worker.substitute === null) return worker.name;
  return t('casework.assign.absentOption', {
    name: worker.name,
    date: worker.absentUntil,
    substitute: worker.substitute.name,
  });
}

export function AssignWorkersForm({
  childId,
  socialCase,
}: {
  readonly childId: string;
  readonly socialCase: SocialCase;
}) {
  const workers = useCaseload('all', 1);
  if (workers.isPending) return <Loading />;
  if (workers.isError) return <LoadError error={workers.error} />;
  return <AssignForm childId={childId} socialCase={socialCase} people={workers.data.workers} />;
}

function AssignForm({
  childId,
  socialCase,
  people,
}: {
  readonly childId: string;
  readonly socialCase: SocialCase;
  readonly people: readonly WorkerLoad[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const current = (role: 'primary' | 'secondary') =>
    socialCase.workers.find((w) => w.role === role)?.userId ?? '';
  const form = useForm<AssignInput>({
    resolver: zodResolver(AssignSchema),
    shouldFocusError: false,
    defaultValues: {
      primaryUserId: current('primary'),
      secondaryUserId: current('secondary'),
      fromDate: todayInSweden(),
    },
  });
  const feedback = useFormFeedback(form.setError, ['primaryUserId', 'secondaryUserId', 'fromDate']);
  const save = useMutation({
    mutationFn: (v: AssignInput) =>
      apiPost(`/api/children/${encodeURIComponent(childId)}/social-case/workers`, {
        primaryUserId: v.primaryUserId,
        secondaryUserId: v.secondaryUserId === '' ? null : v.secondaryUserId,
        fromDate: v.fromDate,
      }),
    onSuccess: async () => {
      setSaved(true);
      await refreshCase(queryClient, childId);
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    setSaved(false);
    feedback.clear();
    save.mutate(v);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('casework.assign.title')}</h3>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <Announce>
        {saved && (
          <Success>
            <p>{t('casework.assign.saved')}</p>
          </Success>
        )}
      </Announce>
      <SelectField
        id="assign-primary"
        label={t('casework.assign.primary')}
        error={fieldErrorText(t, errors.primaryUserId)}
        registration={form.register('primaryUserId')}
      >
        <option value="">{t('casework.assign.choose')}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {workerOption(t, p)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="assign-secondary"
        label={t('casework.assign.secondary')}
        error={fieldErrorText(t, errors.secondaryUserId)}
        registration={form.register('secondaryUserId')}
      >
        <option value="">{t('casework.assign.noSecondary')}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {workerOption(t, p)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="assign-from"
        type="date"
        width="short"
        label={t('casework.assign.fromDate')}
        error={fieldErrorText(t, errors.fromDate)}
        registration={form.register('fromDate')}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('casework.assign.submit')}
      </button>
    </form>
  );
}
