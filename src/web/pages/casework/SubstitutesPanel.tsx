/** Substitutes during absence: the unit's current and planned ones (each can be ended), and a form to set one. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiDelete, apiPost } from '../../api/client.ts';
import { useSubstitutes } from '../../api/casework-queries.ts';
import type { WorkerLoad } from '../../api/casework-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { apiErrorText, fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { SubstituteFormSchema, type SubstituteFormInput } from '../../schemas-casework.ts';

const FIELDS = [
  { name: 'absentUserId', id: 'sub-absent', label: 'substitutes.form.absent' },
  { name: 'substituteUserId', id: 'sub-substitute', label: 'substitutes.form.substitute' },
  { name: 'fromDate', id: 'sub-from', label: 'substitutes.form.fromDate' },
  { name: 'toDate', id: 'sub-to', label: 'substitutes.form.toDate' },
] as const;

async function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['substitutes'] }),
    queryClient.invalidateQueries({ queryKey: ['caseload'] }),
  ]);
}

export function SubstitutesPanel({ workers }: { readonly workers: readonly WorkerLoad[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useSubstitutes();
  const end = useMutation({
    mutationFn: (id: string) => apiDelete(`/api/substitutes/${encodeURIComponent(id)}`),
    onSuccess: () => refresh(queryClient),
  });
  return (
    <section aria-labelledby="substitutes-title" className="section">
      <h2 id="substitutes-title">{t('substitutes.title')}</h2>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {end.isError && <p className="notice notice--error">{apiErrorText(t, end.error)}</p>}
      {list.data?.length === 0 && <p>{t('substitutes.none')}</p>}
      {list.data !== undefined && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('substitutes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('substitutes.col.absent')}</th>
                <th scope="col">{t('substitutes.col.substitute')}</th>
                <th scope="col">{t('substitutes.col.period')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('substitutes.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.absent.name}</th>
                  <td>{s.substitute.name}</td>
                  <td className="nowrap">{t('substitutes.period', { from: s.fromDate, to: s.toDate })}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={end.isPending}
                      aria-label={t('substitutes.endLabel', { name: s.absent.name })}
                      onClick={() => end.mutate(s.id)}
                    >
                      {t('substitutes.end')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SubstituteForm workers={workers} />
    </section>
  );
}

function SubstituteForm({ workers }: { readonly workers: readonly WorkerLoad[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const empty = (): SubstituteFormInput => ({
    absentUserId: '',
    substituteUserId: '',
    fromDate: todayInSweden(),
    toDate: todayInSweden(),
  });
  const form = useForm<SubstituteFormInput>({
    resolver: zodResolver(SubstituteFormSchema),
    shouldFocusError: false,
    defaultValues: empty(),
  });
  const feedback = useFormFeedback(form.setError, ['absentUserId', 'substituteUserId', 'fromDate', 'toDate']);
  const save = useMutation({
    mutationFn: (v: SubstituteFormInput) => apiPost('/api/substitutes', v),
    onSuccess: async () => {
      setSaved(true);
      form.reset(empty());
      await refresh(queryClient);
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    setSaved(false);
    feedback.clear();
    save.mutate(v);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const options = workers.map((w) => (
    <option key={w.userId} value={w.userId}>
      {w.name}
    </option>
  ));
  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('substitutes.form.title')}</h3>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <Announce>
        {saved && (
          <Success>
            <p>{t('substitutes.form.saved')}</p>
          </Success>
        )}
      </Announce>
      <SelectField
        id="sub-absent"
        label={t('substitutes.form.absent')}
        error={fieldErrorText(t, errors.absentUserId)}
        registration={form.register('absentUserId')}
      >
        <option value="">{t('casework.assign.choose')}</option>
        {options}
      </SelectField>
      <SelectField
        id="sub-substitute"
        label={t('substitutes.form.substitute')}
        error={fieldErrorText(t, errors.substituteUserId)}
        registration={form.register('substituteUserId')}
      >
        <option value="">{t('casework.assign.choose')}</option>
        {options}
      </SelectField>
      <TextField
        id="sub-from"
        type="date"
        width="short"
        label={t('substitutes.form.fromDate')}
        error={fieldErrorText(t, errors.fromDate)}
        registration={form.register('fromDate')}
      />
      <TextField
        id="sub-to"
        type="date"
        width="short"
        label={t('substitutes.form.toDate')}
        error={fieldErrorText(t, errors.toDate)}
        registration={form.register('toDate')}
      />
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('substitutes.form.submit')}
      </button>
    </form>
  );
}
