/**
 * The inspector's year (ADR 0027): the guardianship authorities of the counties the county board supervises, where
 * each stands in the year's plan (planned, skipped with its reason, not yet planned; must be inspected after a skipped
 * year), overdue follow-up actions, and the form that plans an inspection, records a skipped year or opens an ad-hoc
 * review. The server refuses what E-R6 forbids and says why, on the field.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { AD_HOC_TRIGGERS } from '../../../domain/supervision/inspection.ts';
import { CreateInspectionBody } from '../../../supervision/contract.ts';
import { useCreateInspection, usePlan } from '../../api/supervision-queries.ts';
import type { SupervisionPlan } from '../../api/supervision-types.ts';
import { todayInSweden } from '../../dates.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';

type Input = z.input<typeof CreateInspectionBody>;
type Output = z.output<typeof CreateInspectionBody>;
const NAMES = ['authorityId', 'kind', 'year', 'plannedOn', 'reason', 'trigger', 'triggerNote'] as const;

export function PlanPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(Number(todayInSweden().slice(0, 4)));
  const plan = usePlan(year);
  return (
    <Page title={t('supervision.title')}>
      <p className="lead">{t('supervision.intro')}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => setYear(year - 1)}>
          {t('supervision.previousYear')}
        </button>
        <span aria-live="polite">
          <strong>{t('supervision.year', { year })}</strong>
        </span>
        <button type="button" className="button button--secondary" onClick={() => setYear(year + 1)}>
          {t('supervision.nextYear')}
        </button>
      </div>
      {plan.isPending && <Loading />}
      {plan.isError && <LoadError error={plan.error} />}
      {plan.data !== undefined && (
        <>
          <p>
            {plan.data.countyBoard.name}: {plan.data.counties.map((c) => c.name).join(', ')}
          </p>
          <PlanTable plan={plan.data} />
          <PlanForm plan={plan.data} />
        </>
      )}
    </Page>
  );
}

function PlanTable({ plan }: { readonly plan: SupervisionPlan }) {
  const { t, tn } = useI18n();
  return (
    <table className="table">
      <caption>{t('supervision.planCaption', { year: plan.year })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('supervision.col.authority')}</th>
          <th scope="col">{t('supervision.col.status')}</th>
          <th scope="col">{t('supervision.col.previous')}</th>
          <th scope="col">{t('supervision.col.inspections')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.authorities.map((row) => (
          <tr key={row.authority.id}>
            <th scope="row">
              {row.authority.name}
              <br />
              <span className="hint">{row.authority.municipalities.map((m) => m.name).join(', ')}</span>
            </th>
            <td>
              {t(`supervision.status.${row.status}`)}
              {row.mustInspect && (
                <>
                  <br />
                  <strong>{t('supervision.mustInspect')}</strong>
                </>
              )}
              {row.overdueActions > 0 && (
                <>
                  <br />
                  <strong>{tn('supervision.overdueActions', row.overdueActions)}</strong>
                </>
              )}
            </td>
            <td>{t(`supervision.status.${row.previousYear}`)}</td>
            <td>
              <ul className="plain-list">
                {[
                  ...(row.regular === null ? [] : [{ ...row.regular, adHoc: false }]),
                  ...row.adHoc.map((a) => ({ ...a, adHoc: true })),
                ].map((i) => (
                  <li key={i.id}>
                    {i.state === 'skipped' ? (
                      t('supervision.state.skipped')
                    ) : (
                      <Link to="/tillsyn/$inspectionId" params={{ inspectionId: i.id }}>
                        {t(i.adHoc ? 'supervision.kind.ad_hoc' : 'supervision.kind.regular')}{' '}
                        {i.plannedOn ?? ''} – {t(`supervision.state.${i.state}`)}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanForm({ plan }: { readonly plan: SupervisionPlan }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(CreateInspectionBody),
    shouldFocusError: false,
    shouldUnregister: true,
    defaultValues: { kind: 'regular', authorityId: '', year: plan.year, plannedOn: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const create = useCreateInspection(feedback.onServerError);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setDone(null);
    create.mutate(values, { onSuccess: () => setDone(t(`supervision.done.${values.kind}`)) });
  }, feedback.onInvalid);
  const errors = form.formState.errors as Partial<
    Record<(typeof NAMES)[number], { message?: string; type?: string }>
  >;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{t('supervision.planForm')}</h2>
      {done !== null && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <ErrorSummary
        errors={form.formState.errors}
        fields={[
          { name: 'authorityId', id: 'plan-authority', label: 'supervision.field.authority' },
          { name: 'kind', id: 'plan-kind', label: 'supervision.field.kind' },
          { name: 'year', id: 'plan-year', label: 'supervision.field.year' },
          { name: 'plannedOn', id: 'plan-date', label: 'supervision.field.plannedOn' },
          { name: 'reason', id: 'plan-reason', label: 'supervision.field.reason' },
          { name: 'trigger', id: 'plan-trigger', label: 'supervision.field.trigger' },
          { name: 'triggerNote', id: 'plan-trigger-note', label: 'supervision.field.triggerNote' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <SelectField
        id="plan-authority"
        label={t('supervision.field.authority')}
        error={err('authorityId')}
        registration={form.register('authorityId')}
      >
        <option value="">{t('supervision.chooseAuthority')}</option>
        {plan.authorities.map((a) => (
          <option key={a.authority.id} value={a.authority.id}>
            {a.authority.name}
          </option>
        ))}
      </SelectField>
      <RadioGroupField
        id="plan-kind"
        label={t('supervision.field.kind')}
        error={err('kind')}
        registration={form.register('kind')}
        options={(['regular', 'skip', 'ad_hoc'] as const).map((k) => ({
          value: k,
          label: t(`supervision.planKind.${k}`),
        }))}
      />
      {kind !== 'ad_hoc' && (
        <TextField
          id="plan-year"
          width="short"
          inputMode="numeric"
          label={t('supervision.field.year')}
          error={err('year')}
          registration={form.register('year', { valueAsNumber: true })}
        />
      )}
      {kind !== 'skip' && (
        <TextField
          id="plan-date"
          width="medium"
          label={t('supervision.field.plannedOn')}
          hint={t('form.dateFormat')}
          error={err('plannedOn')}
          registration={form.register('plannedOn')}
        />
      )}
      {kind === 'skip' && (
        <TextAreaField
          id="plan-reason"
          label={t('supervision.field.reason')}
          hint={t('supervision.reasonHint')}
          error={err('reason')}
          registration={form.register('reason')}
        />
      )}
      {kind === 'ad_hoc' && (
        <>
          <SelectField
            id="plan-trigger"
            label={t('supervision.field.trigger')}
            error={err('trigger')}
            registration={form.register('trigger')}
          >
            {AD_HOC_TRIGGERS.map((k) => (
              <option key={k} value={k}>
                {t(`supervision.trigger.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="plan-trigger-note"
            label={t('supervision.field.triggerNote')}
            error={err('triggerNote')}
            registration={form.register('triggerNote')}
          />
        </>
      )}
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? t('form.sending') : t('supervision.submitPlan')}
      </button>
    </form>
  );
}
