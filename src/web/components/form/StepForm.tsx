/**
 * A step the server offers that needs only its date (`step.needs`: no other fields, no best-interests record) — the
 * first school day, the end of schooling, the examination offered, done or declined. Sends
 * `{ [needs.date]: date, expectedVersion }` to the step's route; the answer is the section as it is now.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { DateStepSchema, type DateStepValues } from '../../schemas-placement.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './fields.tsx';
import { useFormFeedback } from './useFormFeedback.ts';

export function StepForm<T>({
  idPrefix,
  childId,
  step,
  version,
  queryKey,
  title,
  intro,
  label,
  submit: submitLabel,
  done,
  onDone,
  section,
  answersView,
}: {
  readonly idPrefix: string;
  readonly childId: string;
  /** The step as the server offers it: its route and the body's date field (startedOn, doneOn …). */
  readonly step: CaseStep;
  readonly version: number;
  readonly queryKey: readonly unknown[];
  readonly title: MessageKey;
  /** A hint under the title. */
  readonly intro?: MessageKey;
  readonly label: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
  readonly onDone: (message: string) => void;
  /** Whose words a stale view's 409 is said in (`useCaseStep`; placement's when not given). */
  readonly section?: string;
  /** Whether the step's route answers with the section (`useCaseStep`; it does when not given). */
  readonly answersView?: boolean;
}) {
  const { t } = useI18n();
  // Every step this form takes has its date; the engine's own name stands in for one that had none.
  const field = step.needs.date ?? 'occurredOn';
  const form = useForm<DateStepValues>({
    resolver: zodResolver(DateStepSchema),
    shouldFocusError: false,
    defaultValues: { date: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['date'], (name) =>
    name === field || name === 'occurredOn' ? 'date' : name,
  );
  const send = useCaseStep<T>({
    childId,
    step,
    version,
    queryKey,
    ...(section === undefined ? {} : { section }),
    ...(answersView === undefined ? {} : { answersView }),
    onDone: () => onDone(t(done)),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate({ [field]: values.date });
  }, feedback.onInvalid);
  const id = `${idPrefix}-date`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{t(title)}</h3>
      {intro !== undefined && <p className="hint">{t(intro)}</p>}
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
