/**
 * One dated step of a case section — the first school day, the end of schooling, the examination offered, done or
 * declined. Sends `{ [field]: date, expectedVersion }`; the answer is the section as it is now.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { afterCaseChange } from '../../api/placement-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { DateStepSchema, type DateStepValues } from '../../schemas-placement.ts';
import { isStale, sectionError } from './shared.tsx';

export function DateStepForm<T>({
  idPrefix,
  childId,
  path,
  field,
  version,
  queryKey,
  title,
  label,
  submit: submitLabel,
  done,
  onDone,
}: {
  readonly idPrefix: string;
  readonly childId: string;
  /** The request path (from /api/children/…). */
  readonly path: string;
  /** The body's date field (startedOn, doneOn …). */
  readonly field: string;
  readonly version: number;
  readonly queryKey: readonly unknown[];
  readonly title: MessageKey;
  readonly label: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<DateStepValues>({
    resolver: zodResolver(DateStepSchema),
    shouldFocusError: false,
    defaultValues: { date: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['date'], (name) =>
    name === field || name === 'occurredOn' ? 'date' : name,
  );
  const send = useMutation({
    mutationFn: (values: DateStepValues) =>
      apiPost<T>(path, { [field]: values.date, expectedVersion: version }),
    onSuccess: (next) => {
      afterCaseChange(queryClient, queryKey, childId, next);
      onDone(t(done));
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey });
      feedback.onServerError(sectionError(error));
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const id = `${idPrefix}-date`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{t(title)}</h3>
      <ErrorSummary
        errors={form.formState.errors}
        fields={[{ name: 'date', id, label }]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id={id}
        type="date"
        width="short"
        label={t(label)}
        error={fieldErrorText(t, form.formState.errors.date)}
        registration={form.register('date')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t(submitLabel)}
      </button>
    </form>
  );
}
