/**
 * The municipality's capacity report to the county board (lägesbild, issue 13 point 1): what is due (the reminder
 * task), the form for the open period — places by housing form, target groups, school, health, leisure, gode män and
 * special custodians, a self-assessment — and the reports given before. Figures only, never a child.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPut } from '../../api/client.ts';
import { useMunicipalityCapacity } from '../../api/county-queries.ts';
import type { CapacityPeriodOfMunicipality, MunicipalityCapacity } from '../../api/county-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { HEALTH_ACCESS } from '../../../domain/county/capacity.ts';
import {
  answersOf,
  CapacityReportForm,
  COUNT_FIELDS,
  flatName,
  formOf,
  PLACE_FIELDS,
  TARGET_FIELDS,
  type CapacityFormInput,
  type CapacityFormOutput,
} from '../../schemas-county.ts';

const FIELDS: readonly SummaryField[] = [
  ...PLACE_FIELDS.map((f) => ({
    name: f.name,
    id: `capacity-${f.name}`,
    label: `capacity.housing.${f.form}.${f.kind}` as MessageKey,
  })),
  ...TARGET_FIELDS.map((f) => ({
    name: f.name,
    id: `capacity-${f.name}`,
    label: `capacity.target.${f.group}` as MessageKey,
  })),
  ...COUNT_FIELDS.map((name) => ({ name, id: `capacity-${name}`, label: `capacity.${name}` as MessageKey })),
  { name: 'healthAccess', id: 'capacity-healthAccess', label: 'capacity.healthAccess' },
  { name: 'healthNote', id: 'capacity-healthNote', label: 'capacity.healthNote' },
  { name: 'leisureNote', id: 'capacity-leisureNote', label: 'capacity.leisureNote' },
  { name: 'selfAssessment', id: 'capacity-selfAssessment', label: 'capacity.selfAssessment' },
];

function ReportForm({ period }: { readonly period: CapacityPeriodOfMunicipality }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<CapacityFormInput, unknown, CapacityFormOutput>({
    resolver: zodResolver(CapacityReportForm),
    shouldFocusError: false,
    defaultValues: formOf(period.report?.answers ?? null),
  });
  const feedback = useFormFeedback(
    form.setError,
    FIELDS.map((f) => f.name),
    flatName,
  );
  const submit = useMutation({
    mutationFn: (values: CapacityFormOutput) =>
      apiPut<MunicipalityCapacity>(`/api/capacity/${encodeURIComponent(period.id)}/report`, {
        answers: answersOf(values),
        expectedVersion: period.report?.version ?? 0,
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(['capacity'], view);
      setSaved(true);
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const err = (name: string) => fieldErrorText(t, errors[name]);
  const numberField = (name: string, label: string, hint?: string) => (
    <TextField
      key={name}
      id={`capacity-${name}`}
      label={label}
      hint={hint}
      inputMode="numeric"
      width="short"
      error={err(name)}
      registration={form.register(name)}
    />
  );
  return (
    <section aria-labelledby="capacity-form-title" className="section">
      <h2 id="capacity-form-title">
        {t(period.report === null ? 'capacity.form.title' : 'capacity.form.revise', { period: period.label })}
      </h2>
      {saved && <Success>{t('capacity.saved')}</Success>}
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(false);
          submit.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <fieldset className="fieldset">
          <legend>{t('capacity.places')}</legend>
          <p className="hint">{t('capacity.placesHint')}</p>
          {PLACE_FIELDS.map((f) =>
            numberField(f.name, t(`capacity.housing.${f.form}.${f.kind}` as MessageKey)),
          )}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('capacity.targetGroups')}</legend>
          <p className="hint">{t('capacity.targetGroupsHint')}</p>
          {TARGET_FIELDS.map((f) => numberField(f.name, t(`capacity.target.${f.group}` as MessageKey)))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('capacity.schoolHealth')}</legend>
          {numberField('languageIntroductionPlaces', t('capacity.languageIntroductionPlaces'))}
          <RadioGroupField
            id="capacity-healthAccess"
            label={t('capacity.healthAccess')}
            options={HEALTH_ACCESS.map((value) => ({ value, label: t(`capacity.health.${value}`) }))}
            error={err('healthAccess')}
            registration={form.register('healthAccess')}
          />
          <TextAreaField
            id="capacity-healthNote"
            label={t('capacity.healthNote')}
            error={err('healthNote')}
            registration={form.register('healthNote')}
          />
          <TextAreaField
            id="capacity-leisureNote"
            label={t('capacity.leisureNote')}
            error={err('leisureNote')}
            registration={form.register('leisureNote')}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('capacity.guardians')}</legend>
          {numberField('godMenAvailable', t('capacity.godMenAvailable'))}
          {numberField('specialCustodiansAvailable', t('capacity.specialCustodiansAvailable'))}
        </fieldset>
        <TextAreaField
          id="capacity-selfAssessment"
          label={t('capacity.selfAssessment')}
          hint={t('capacity.selfAssessmentHint')}
          rows={6}
          error={err('selfAssessment')}
          registration={form.register('selfAssessment')}
        />
        <button type="submit" className="button button--primary" disabled={submit.isPending}>
          {submit.isPending ? t('form.sending') : t('capacity.submit')}
        </button>
      </form>
    </section>
  );
}

export function CapacityReportPage() {
  const { t, dateTime, number } = useI18n();
  const capacity = useMunicipalityCapacity();
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (capacity.isPending || capacity.isError)
    return (
      <Page title={t('capacity.title')}>
        {capacity.isError ? <LoadError error={capacity.error} /> : <Loading />}
      </Page>
    );
  const view = capacity.data;
  const owing = view.periods.filter((p) => p.mayReport && (p.due === 'due' || p.due === 'overdue'));
  const open = view.periods.find((p) => p.mayReport);
  return (
    <Page title={t('capacity.title')}>
      <p>{t('capacity.intro', { municipality: view.municipalityName, county: view.countyName })}</p>
      <section aria-labelledby="capacity-todo" className="section">
        <h2 id="capacity-todo">{t('capacity.todo')}</h2>
        {owing.length === 0 ? (
          <p>{t('capacity.nothingDue')}</p>
        ) : (
          <ul>
            {owing.map((p) => (
              <li key={p.id}>
                {t(p.due === 'overdue' ? 'capacity.task.overdue' : 'capacity.task.due', {
                  period: p.label,
                  date: p.dueOn,
                })}
                {p.remindedAt !== null && <> {t('capacity.reminded', { at: dateTime(p.remindedAt) })}</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open === undefined ? <p>{t('capacity.noOpenPeriod')}</p> : <ReportForm key={open.id} period={open} />}
      <section aria-labelledby="capacity-history" className="section">
        <h2 id="capacity-history">{t('capacity.history')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('capacity.period')}</th>
              <th scope="col">{t('capacity.dueOn')}</th>
              <th scope="col">{t('capacity.status')}</th>
              <th scope="col" className="num">
                {t('capacity.totalPlaces')}
              </th>
              <th scope="col">{t('capacity.reportedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {view.periods.map((p) => (
              <tr key={p.id}>
                <td>{p.label}</td>
                <td>{p.dueOn}</td>
                <td>{t(`capacity.due.${p.due}`)}</td>
                <td className="num">
                  {p.report === null
                    ? '–'
                    : number(
                        Object.values(p.report.answers.places).reduce(
                          (s, c) => s + c.guaranteed + c.movable,
                          0,
                        ),
                      )}
                </td>
                <td>
                  {p.report === null ? '–' : `${p.report.reportedBy}, ${dateTime(p.report.reportedAt)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}
