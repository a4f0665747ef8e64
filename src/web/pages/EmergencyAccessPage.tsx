/** Break the glass: time-limited access to a child outside the scope, with a reason. Logged and reviewed. */
import type { EmergencyAccessGranted } from '../api/types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiPost } from '../api/client.ts';
import { ErrorSummary } from '../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../components/form/fields.tsx';
import { useFormFeedback } from '../components/form/useFormFeedback.ts';
import { Page } from '../components/Page.tsx';
import { fieldErrorText } from '../form-errors.ts';
import { useI18n } from '../language.tsx';
import { EmergencyAccessSchema, type EmergencyAccessInput } from '../schemas.ts';

type Output = z.output<typeof EmergencyAccessSchema>;
const NAMES = ['dossierNumber', 'reason', 'hours'] as const;
const FIELDS = [
  { name: 'dossierNumber', id: 'emergency-dossierNumber', label: 'emergency.dossierNumber' },
  { name: 'reason', id: 'emergency-reason', label: 'emergency.reason' },
  { name: 'hours', id: 'emergency-hours', label: 'emergency.hours' },
] as const;
const HOURS = [1, 2, 4, 8, 12, 24];

function Granted({ childId, expiresAt }: { readonly childId: string; readonly expiresAt: string }) {
  const { t, dateTime } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--success" ref={ref} tabIndex={-1} role="status">
      <p>{t('emergency.granted', { time: dateTime(expiresAt) })}</p>
      <p>
        <Link to="/barn/$childId" params={{ childId }} className="button button--primary">
          {t('emergency.open')}
        </Link>
      </p>
    </div>
  );
}

export function EmergencyAccessPage() {
  const { t, tn } = useI18n();
  const form = useForm<EmergencyAccessInput, unknown, Output>({
    resolver: zodResolver(EmergencyAccessSchema),
    shouldFocusError: false,
    defaultValues: { dossierNumber: '', reason: '', hours: '24' },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const request = useMutation({
    mutationFn: (values: Output) => apiPost<EmergencyAccessGranted>('/api/emergency-access', values),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    request.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <Page title={t('emergency.title')}>
      <div className="notice notice--warning">
        <h2 id="emergency-warning-title" className="notice__title">
          {t('emergency.warningTitle')}
        </h2>
        <p>{t('emergency.warning')}</p>
      </div>
      {request.data !== undefined ? (
        <Granted childId={request.data.childId} expiresAt={request.data.expiresAt} />
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary
            errors={errors}
            fields={FIELDS}
            general={feedback.general}
            attempt={feedback.attempt}
          />
          <TextField
            id="emergency-dossierNumber"
            label={t('emergency.dossierNumber')}
            inputMode="numeric"
            width="medium"
            error={fieldErrorText(t, errors.dossierNumber)}
            registration={form.register('dossierNumber')}
          />
          <TextAreaField
            id="emergency-reason"
            label={t('emergency.reason')}
            hint={t('emergency.reasonHint')}
            error={fieldErrorText(t, errors.reason)}
            registration={form.register('reason')}
          />
          <SelectField
            id="emergency-hours"
            label={t('emergency.hours')}
            error={fieldErrorText(t, errors.hours)}
            registration={form.register('hours')}
          >
            {HOURS.map((hours) => (
              <option key={hours} value={String(hours)}>
                {tn('emergency.hoursOption', hours)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--warning" disabled={request.isPending}>
            {request.isPending ? t('form.sending') : t('emergency.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
