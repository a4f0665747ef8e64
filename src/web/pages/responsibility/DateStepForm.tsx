/**
 * A responsibility step that takes one date: the day the child moved, the receipt, the day continued responsibility
 * or a change was reported to the Migration Agency, the end of aftercare. Sends the version of the state the user saw
 * (when there is one), so that a concurrent change answers 409 instead of a surprise.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useResponsibilityStep } from '../../api/responsibility-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { Announce, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { DateStepSchema, type DateStepInput } from '../../schemas-responsibility.ts';
import { useStepFeedback } from './form-kit.ts';

export interface DateStep {
  readonly id: string;
  readonly path: string;
  /** The date's name in the API's body (`movedOn`, `reportedOn` …). */
  readonly field: string;
  readonly title: MessageKey;
  readonly intro?: MessageKey;
  readonly label: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
}

export function DateStepForm({
  step,
  version,
  compact = false,
}: {
  readonly step: DateStep;
  readonly version?: number;
  readonly compact?: boolean;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useForm<DateStepInput>({
    resolver: zodResolver(DateStepSchema),
    shouldFocusError: false,
    defaultValues: { date: todayInSweden() },
  });
  // The server names the date by its API name, or the engine's `occurredOn`.
  const feedback = useStepFeedback(form.setError, ['date'], { occurredOn: 'date', [step.field]: 'date' });
  const send = useResponsibilityStep(step.path, () => setDone(true), feedback.onServerError);
  const submit = form.handleSubmit((values) => {
    setDone(false);
    feedback.clear();
    send.mutate({
      [step.field]: values.date,
      ...(version === undefined ? {} : { expectedVersion: version }),
    });
  }, feedback.onInvalid);
  const fields = [{ name: 'date', id: `${step.id}-date`, label: step.label }] as const;
  const body = (
    <form onSubmit={submit} noValidate className={compact ? 'form form--inline' : 'form'}>
      <ErrorSummary
        errors={form.formState.errors}
        fields={fields}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <Announce>
        {done && (
          <Success>
            <p>{t(step.done)}</p>
          </Success>
        )}
      </Announce>
      <TextField
        id={fields[0].id}
        type="date"
        width="medium"
        label={t(step.label)}
        error={fieldErrorText(t, form.formState.errors.date)}
        registration={form.register('date')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t(step.submit)}
      </button>
    </form>
  );
  if (compact) return body;
  return (
    <section aria-labelledby={`${step.id}-title`} className="card responsibility-step">
      <h4 id={`${step.id}-title`}>{t(step.title)}</h4>
      {step.intro !== undefined && <p className="hint">{t(step.intro)}</p>}
      {body}
    </section>
  );
}
