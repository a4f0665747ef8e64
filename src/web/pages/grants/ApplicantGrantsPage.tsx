/**
 * "Bidrag (§37a)" for a municipality's grant applicant: the county's open call, the municipality's own applications
 * with their status, due and overdue reports and the steps the server offers, and the form to apply.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { GRANTS_KEY, useApplicantGrants } from '../../api/grants-queries.ts';
import { GRANT_PURPOSES, type ApplicantView, type GrantApplication } from '../../api/grants-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  ApplicationFormSchema,
  type ApplicationFormInput,
  type ApplicationFormOutput,
} from '../../schemas-grants.ts';
import { ApplicationFacts, GrantSteps, kronor, Reminders } from './shared.tsx';

const FIELDS = [
  { name: 'year', id: 'grant-year', label: 'grants.field.call' },
  { name: 'title', id: 'grant-title', label: 'grants.field.title' },
  { name: 'description', id: 'grant-description', label: 'grants.field.description' },
  { name: 'purposes', id: 'grant-purpose-0', label: 'grants.field.purposes' },
  { name: 'signatoryName', id: 'grant-signatoryName', label: 'grants.field.signatoryName' },
  { name: 'signatoryTitle', id: 'grant-signatoryTitle', label: 'grants.field.signatoryTitle' },
  { name: 'budget', id: 'grant-budget-add', label: 'grants.field.budget' },
] as const;

export function ApplicantGrantsPage() {
  const { t } = useI18n();
  const view = useApplicantGrants();
  return (
    <Page title={t('grants.title')}>
      <p className="lead">{t('grants.applicant.intro')}</p>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      {view.data !== undefined && <ApplicantContent view={view.data} />}
    </Page>
  );
}

function ApplicantContent({ view }: { view: ApplicantView }) {
  const { t } = useI18n();
  const open = view.calls.filter((c) => c.open);
  const [created, setCreated] = useState(false);
  return (
    <>
      <section aria-labelledby="grant-calls">
        <h2 id="grant-calls">{t('grants.calls')}</h2>
        {open.length === 0 ? (
          <p>{t('grants.noOpenCall')}</p>
        ) : (
          <ul>
            {open.map((c) => (
              <li key={c.id}>
                {t('grants.callLine', { year: c.year, county: c.county.name, deadline: c.deadline })}{' '}
                {c.priorities !== '' && t('grants.priorities', { text: c.priorities })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="grant-own">
        <h2 id="grant-own">{t('grants.applicant.own', { municipality: view.municipality.name })}</h2>
        {view.applications.length === 0 && <p>{t('grants.none')}</p>}
        {[...view.applications].reverse().map((a) => (
          <ApplicationCard key={a.id} application={a} />
        ))}
      </section>
      {open.length > 0 && (
        <section aria-labelledby="grant-apply">
          <h2 id="grant-apply">{t('grants.apply')}</h2>
          {created && <Success>{t('grants.created')}</Success>}
          <ApplicationForm years={open.map((c) => c.year)} onCreated={() => setCreated(true)} />
        </section>
      )}
    </>
  );
}

export function ApplicationCard({ application }: { application: GrantApplication }) {
  const { t, lang } = useI18n();
  const a = application;
  return (
    <article className="card" aria-labelledby={`grant-${a.id}`}>
      <h3 id={`grant-${a.id}`}>
        {a.title} · {a.municipality.name} · {a.year}
      </h3>
      <p>
        <strong data-testid="grant-status">{t(`grants.status.${a.status}`)}</strong> ·{' '}
        {t('grants.field.requested')} {kronor(a.requestedAmount, lang)}
        {a.status === 'draft' && ` · ${t('grants.deadline', { date: a.deadline })}`}
      </p>
      <Reminders application={a} />
      <details>
        <summary>{t('grants.details')}</summary>
        <ApplicationFacts application={a} />
      </details>
      <GrantSteps application={a} today={todayInSweden()} />
    </article>
  );
}

function ApplicationForm({ years, onCreated }: { years: number[]; onCreated: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<ApplicationFormInput, unknown, ApplicationFormOutput>({
    resolver: zodResolver(ApplicationFormSchema),
    shouldFocusError: false,
    defaultValues: {
      year: String(years[0] ?? ''),
      title: '',
      description: '',
      purposes: [],
      partners: [],
      budget: [{ description: '', amount: '', costDate: '' }],
      signatoryName: '',
      signatoryTitle: '',
    },
  });
  const partners = useFieldArray({ control: form.control, name: 'partners' });
  const budget = useFieldArray({ control: form.control, name: 'budget' });
  const feedback = useFormFeedback(form.setError, [
    'year',
    'title',
    'description',
    'purposes',
    'signatoryName',
    'signatoryTitle',
    'budget',
  ]);
  const send = useMutation({
    mutationFn: (values: ApplicationFormOutput) =>
      apiPost<GrantApplication>('/api/grants/applications', values),
    onSuccess: async () => {
      form.reset();
      onCreated();
      await queryClient.invalidateQueries({ queryKey: GRANTS_KEY });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <p className="hint">{t('grants.form.hint')}</p>
      <SelectField
        id="grant-year"
        label={t('grants.field.call')}
        error={fieldErrorText(t, errors.year)}
        registration={form.register('year')}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      <TextField
        id="grant-title"
        label={t('grants.field.title')}
        error={fieldErrorText(t, errors.title)}
        registration={form.register('title')}
      />
      <TextAreaField
        id="grant-description"
        label={t('grants.field.description')}
        error={fieldErrorText(t, errors.description)}
        registration={form.register('description')}
        rows={4}
      />
      <fieldset className={errors.purposes === undefined ? 'field fieldset' : 'field fieldset field--error'}>
        <legend>{t('grants.field.purposes')}</legend>
        <p className="hint">{t('grants.field.purposesHint')}</p>
        {errors.purposes !== undefined && (
          <p className="error-message" id="grant-purposes-error">
            {fieldErrorText(t, errors.purposes)}
          </p>
        )}
        <div className="checks">
          {GRANT_PURPOSES.map((p, i) => (
            <div className="check" key={p}>
              <input id={`grant-purpose-${i}`} type="checkbox" value={p} {...form.register('purposes')} />
              <label htmlFor={`grant-purpose-${i}`}>{t(`grants.purpose.${p}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="field fieldset">
        <legend>{t('grants.field.partners')}</legend>
        {partners.fields.map((p, i) => (
          <div key={p.id} className="row">
            <TextField
              id={`grant-partner-${i}`}
              label={t('grants.field.partnerName', { n: i + 1 })}
              error={fieldErrorText(t, errors.partners?.[i]?.name)}
              registration={form.register(`partners.${i}.name`)}
            />
            <CheckboxField
              id={`grant-partner-${i}-certificate`}
              label={t('grants.field.certificate')}
              registration={form.register(`partners.${i}.certificate`)}
            />
            <button type="button" className="button button--secondary" onClick={() => partners.remove(i)}>
              {t('grants.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => partners.append({ name: '', certificate: false })}
        >
          {t('grants.addPartner')}
        </button>
      </fieldset>
      <fieldset
        className={errors.budget?.message === undefined ? 'field fieldset' : 'field fieldset field--error'}
      >
        <legend>{t('grants.field.budget')}</legend>
        <p className="hint">{t('grants.field.budgetHint')}</p>
        {errors.budget?.message !== undefined && (
          <p className="error-message">{fieldErrorText(t, errors.budget)}</p>
        )}
        {budget.fields.map((b, i) => (
          <div key={b.id} className="row">
            <TextField
              id={`grant-budget-${i}-description`}
              label={t('grants.field.costDescription', { n: i + 1 })}
              error={fieldErrorText(t, errors.budget?.[i]?.description)}
              registration={form.register(`budget.${i}.description`)}
            />
            <TextField
              id={`grant-budget-${i}-amount`}
              width="short"
              inputMode="numeric"
              label={t('grants.field.costAmount')}
              error={fieldErrorText(t, errors.budget?.[i]?.amount)}
              registration={form.register(`budget.${i}.amount`)}
            />
            <TextField
              id={`grant-budget-${i}-costDate`}
              type="date"
              label={t('grants.field.costDate')}
              error={fieldErrorText(t, errors.budget?.[i]?.costDate)}
              registration={form.register(`budget.${i}.costDate`)}
            />
            <button type="button" className="button button--secondary" onClick={() => budget.remove(i)}>
              {t('grants.remove')}
            </button>
          </div>
        ))}
        <button
          id="grant-budget-add"
          type="button"
          className="button button--secondary"
          onClick={() => budget.append({ description: '', amount: '', costDate: '' })}
        >
          {t('grants.addCost')}
        </button>
      </fieldset>
      <TextField
        id="grant-signatoryName"
        label={t('grants.field.signatoryName')}
        hint={t('grants.field.signatoryHint')}
        error={fieldErrorText(t, errors.signatoryName)}
        registration={form.register('signatoryName')}
      />
      <TextField
        id="grant-signatoryTitle"
        label={t('grants.field.signatoryTitle')}
        error={fieldErrorText(t, errors.signatoryTitle)}
        registration={form.register('signatoryTitle')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('grants.saveDraft')}
      </button>
    </form>
  );
}
