/** For the guardianship authority serving the child's municipality: appoint a god man from a date. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useGodMen } from '../../api/queries.ts';
import { todayInSweden } from '../../dates.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { AppointGuardianSchema, type AppointGuardianInput } from '../../schemas.ts';

const FIELDS = [
  { name: 'guardianUserId', id: 'appoint-guardianUserId', label: 'appoint.godMan' },
  { name: 'fromDate', id: 'appoint-fromDate', label: 'appoint.fromDate' },
] as const;

export function AppointGuardianForm({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const godMen = useGodMen(true);
  const [done, setDone] = useState(false);
  const form = useForm<AppointGuardianInput>({
    resolver: zodResolver(AppointGuardianSchema),
    shouldFocusError: false,
    defaultValues: { guardianUserId: '', fromDate: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['guardianUserId', 'fromDate']);
  const appoint = useMutation({
    mutationFn: (values: AppointGuardianInput) =>
      apiPost<{ id: string }>(`/api/children/${encodeURIComponent(childId)}/guardians`, values),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['child', childId] });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    setDone(false);
    feedback.clear();
    appoint.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="appoint-title" className="section">
      <h2 id="appoint-title">{t('appoint.title')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <Announce>
          {done && (
            <Success>
              <p>{t('appoint.done')}</p>
            </Success>
          )}
        </Announce>
        {godMen.isError && <LoadError error={godMen.error} />}
        <SelectField
          id={FIELDS[0].id}
          label={t('appoint.godMan')}
          error={fieldErrorText(t, errors.guardianUserId)}
          registration={form.register('guardianUserId')}
        >
          <option value="">{t('appoint.choose')}</option>
          {godMen.data?.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELDS[1].id}
          type="date"
          width="medium"
          label={t('appoint.fromDate')}
          error={fieldErrorText(t, errors.fromDate)}
          registration={form.register('fromDate')}
        />
        <button type="submit" className="button button--primary" disabled={appoint.isPending}>
          {appoint.isPending ? t('form.sending') : t('appoint.submit')}
        </button>
      </form>
    </section>
  );
}
