/**
 * The national view of the §37a grants, for the grant officer of the county board that holds the pot: the year's
 * pot and each county's allotment (set here), and the national summary — applications, applying municipalities and
 * grants per county and in total (G8). Any other county's officer gets "not found" from the server.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPut } from '../../api/client.ts';
import { GRANTS_KEY, useNationalGrants } from '../../api/grants-queries.ts';
import type { NationalView } from '../../api/grants-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { PotFormSchema, type PotFormInput, type PotFormOutput } from '../../schemas-grants.ts';
import { kronor } from './shared.tsx';
import { YearPicker } from './YearPicker.tsx';

export function NationalGrantsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(Number(todayInSweden().slice(0, 4)));
  const view = useNationalGrants(year);
  return (
    <Page title={t('grants.national.title')}>
      <p className="lead">{t('grants.national.intro')}</p>
      <YearPicker year={year} onChange={setYear} />
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      {view.data !== undefined && (
        <>
          <Summary view={view.data} />
          <PotForm key={`${view.data.year}-${view.data.pot ?? ''}`} view={view.data} />
        </>
      )}
    </Page>
  );
}

function Summary({ view }: { view: NationalView }) {
  const { t, lang, number } = useI18n();
  const rows = [
    ...view.summary.counties.map((c) => ({ name: c.county.name, ...c })),
    { name: t('grants.total'), ...view.summary.total },
  ];
  return (
    <section aria-labelledby="grant-summary">
      <h2 id="grant-summary">{t('grants.national.summary', { year: view.year })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('grants.col.county')}</th>
            <th scope="col">{t('grants.col.applications')}</th>
            <th scope="col">{t('grants.col.municipalities')}</th>
            <th scope="col">{t('grants.col.wholly')}</th>
            <th scope="col">{t('grants.col.partly')}</th>
            <th scope="col">{t('grants.col.refused')}</th>
            <th scope="col">{t('grants.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{number(r.applications)}</td>
              <td>{number(r.municipalities)}</td>
              <td>{number(r.grantedWholly)}</td>
              <td>{number(r.grantedPartly)}</td>
              <td>{number(r.refused)}</td>
              <td>{kronor(r.grantedAmount, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PotForm({ view }: { view: NationalView }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<PotFormInput, unknown, PotFormOutput>({
    resolver: zodResolver(PotFormSchema),
    shouldFocusError: false,
    defaultValues: {
      amount: view.pot === null ? '' : String(view.pot),
      allotments: view.allotments.map((a) => ({
        countyCode: a.county.code,
        amount: a.amount === null ? '0' : String(a.amount),
      })),
    },
  });
  const feedback = useFormFeedback(form.setError, ['amount', 'allotments']);
  const send = useMutation({
    mutationFn: (values: PotFormOutput) => apiPut(`/api/grants/national/${view.year}`, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GRANTS_KEY }),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="grant-pot">
      <h2 id="grant-pot">{t('grants.national.pot', { year: view.year })}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={errors}
          fields={[
            { name: 'amount', id: 'pot-amount', label: 'grants.field.pot' },
            { name: 'allotments', id: 'pot-01', label: 'grants.field.allotments' },
          ]}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="pot-amount"
          inputMode="numeric"
          width="medium"
          label={t('grants.field.pot')}
          error={fieldErrorText(t, errors.amount)}
          registration={form.register('amount')}
        />
        <fieldset className="field fieldset">
          <legend>{t('grants.field.allotments')}</legend>
          {view.allotments.map((a, i) => (
            <TextField
              key={a.county.code}
              id={`pot-${a.county.code}`}
              inputMode="numeric"
              width="medium"
              label={`${a.county.name} (${t('grants.grantedShort', { amount: kronor(a.granted, lang) })})`}
              error={fieldErrorText(t, errors.allotments?.[i]?.amount)}
              registration={form.register(`allotments.${i}.amount`)}
            />
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('grants.national.save')}
        </button>
      </form>
    </section>
  );
}
