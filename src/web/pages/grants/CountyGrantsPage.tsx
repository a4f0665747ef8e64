/**
 * "Bidrag (§37a)" for a county board's grant officer: the year's call (set or changed here), the county's allotment,
 * what has been granted and what remains, and every application in the county with the steps the server offers.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPut } from '../../api/client.ts';
import { GRANTS_KEY, useCountyGrants } from '../../api/grants-queries.ts';
import type { CountyView } from '../../api/grants-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { CallFormSchema, type CallFormInput, type CallFormOutput } from '../../schemas-grants.ts';
import { ApplicationCard } from './ApplicantGrantsPage.tsx';
import { kronor } from './shared.tsx';
import { YearPicker } from './YearPicker.tsx';

export function CountyGrantsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(Number(todayInSweden().slice(0, 4)));
  const view = useCountyGrants(year);
  return (
    <Page title={t('grants.title')}>
      <p className="lead">{t('grants.county.intro')}</p>
      <YearPicker year={year} onChange={setYear} />
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      {view.data !== undefined && <CountyContent view={view.data} />}
    </Page>
  );
}

function CountyContent({ view }: { view: CountyView }) {
  const { t, lang } = useI18n();
  return (
    <>
      {view.national && (
        <p>
          <Link to="/bidrag/nationellt">{t('grants.national.link')}</Link>
        </p>
      )}
      <section aria-labelledby="grant-money">
        <h2 id="grant-money">{t('grants.county.money', { county: view.county.name, year: view.year })}</h2>
        <dl className="facts">
          <div>
            <dt>{t('grants.allotment')}</dt>
            <dd>{view.allotment === null ? t('grants.noAllotment') : kronor(view.allotment, lang)}</dd>
          </div>
          <div>
            <dt>{t('grants.grantedSoFar')}</dt>
            <dd>{kronor(view.granted, lang)}</dd>
          </div>
          <div>
            <dt>{t('grants.remaining')}</dt>
            <dd data-testid="grant-remaining">{kronor(view.remaining, lang)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="grant-call">
        <h2 id="grant-call">{t('grants.county.call')}</h2>
        {view.call === null ? (
          <p>{t('grants.county.noCall')}</p>
        ) : (
          <p>
            {t('grants.callLine', {
              year: view.call.year,
              county: view.county.name,
              deadline: view.call.deadline,
            })}
          </p>
        )}
        <details>
          <summary>{t(view.call === null ? 'grants.county.createCall' : 'grants.county.changeCall')}</summary>
          <CallForm view={view} />
        </details>
      </section>
      <section aria-labelledby="grant-applications">
        <h2 id="grant-applications">{t('grants.county.applications')}</h2>
        {view.applications.length === 0 && <p>{t('grants.none')}</p>}
        {view.applications.map((a) => (
          <ApplicationCard key={a.id} application={a} />
        ))}
      </section>
    </>
  );
}

const CALL_FIELDS = [
  { name: 'opensOn', id: 'call-opensOn', label: 'grants.field.opensOn' },
  { name: 'deadline', id: 'call-deadline', label: 'grants.field.deadline' },
  { name: 'priorities', id: 'call-priorities', label: 'grants.field.priorities' },
  { name: 'interimReportDueOn', id: 'call-interimReportDueOn', label: 'grants.field.interimReportDueOn' },
  { name: 'finalReportDueOn', id: 'call-finalReportDueOn', label: 'grants.field.finalReportDueOn' },
] as const;

function CallForm({ view }: { view: CountyView }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const c = view.call;
  const form = useForm<CallFormInput, unknown, CallFormOutput>({
    resolver: zodResolver(CallFormSchema),
    shouldFocusError: false,
    defaultValues: {
      opensOn: c?.opensOn ?? '',
      deadline: c?.deadline ?? '',
      priorities: c?.priorities ?? '',
      interimReportDueOn: c?.interimReportDueOn ?? '',
      finalReportDueOn: c?.finalReportDueOn ?? '',
    },
  });
  const feedback = useFormFeedback(
    form.setError,
    CALL_FIELDS.map((f) => f.name),
  );
  const send = useMutation({
    mutationFn: (values: CallFormOutput) => apiPut(`/api/grants/calls/${view.year}`, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GRANTS_KEY }),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary
        errors={errors}
        fields={CALL_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      {CALL_FIELDS.map((f) =>
        f.name === 'priorities' ? (
          <TextAreaField
            key={f.id}
            id={f.id}
            label={t(f.label)}
            error={fieldErrorText(t, errors.priorities)}
            registration={form.register('priorities')}
            rows={3}
          />
        ) : (
          <TextField
            key={f.id}
            id={f.id}
            type="date"
            label={t(f.label)}
            error={fieldErrorText(t, errors[f.name])}
            registration={form.register(f.name)}
          />
        ),
      )}
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('grants.county.saveCall')}
      </button>
    </form>
  );
}
