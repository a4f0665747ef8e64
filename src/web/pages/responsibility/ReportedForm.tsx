/**
 * The day something was reported to the Migration Agency: continued responsibility after 18, or a change on the list
 * to report. A record, not a step of the child's case (no machine moves, so no section view offers it as a step and
 * it carries no version): the view says whether the caller may make it (`mayRecordReported`, `mayMarkReported`).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useResponsibilityRecord } from '../../api/responsibility-queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { Announce, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { ReportedSchema, type ReportedInput } from '../../schemas-responsibility.ts';
import { useStepFeedback } from './form-kit.ts';

export function ReportedForm({
  id,
  path,
  title,
  label,
  submit: submitLabel,
  done: doneLabel,
  compact = false,
}: {
  readonly id: string;
  /** The route that records it (`…/turning-18/reported`, `/api/change-reports/…/reported`). */
  readonly path: string;
  readonly title: MessageKey;
  readonly label: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
  readonly compact?: boolean;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useForm<ReportedInput>({
    resolver: zodResolver(ReportedSchema),
    shouldFocusError: false,
    defaultValues: { reportedOn: todayInSweden() },
  });
  const feedback = useStepFeedback(form.setError, ['reportedOn']);
  const send = useResponsibilityRecord(path, () => setDone(true), feedback.onServerError);
  const submit = form.handleSubmit((values) => {
    setDone(false);
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const fields = [{ name: 'reportedOn', id: `${id}-date`, label }] as const;
  const body = (
    <form onSubmit={submit} noValidate className={compact ? 'form form--inline' : 'form'}>
      <ErrorSummary
        errors={form.formState.errors}
        fields={fields}
        general={feedback.general}
        attempt={feedback.attempt}
        level={compact ? 2 : 5}
      />
      <Announce>
        {done && (
          <Success>
            <p>{t(doneLabel)}</p>
          </Success>
        )}
      </Announce>
      <TextField
        id={fields[0].id}
        type="date"
        width="medium"
        label={t(label)}
        error={fieldErrorText(t, form.formState.errors.reportedOn)}
        registration={form.register('reportedOn')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t(submitLabel)}
      </button>
    </form>
  );
  if (compact) return body;
  return (
    <section aria-labelledby={`${id}-title`} className="card responsibility-step">
      <h4 id={`${id}-title`}>{t(title)}</h4>
      {body}
    </section>
  );
}
