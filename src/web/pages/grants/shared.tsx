/**
 * What the §37a grant pages share: kronor formatted by Intl, an application's facts, and the steps the server offers
 * on it (each its own small form built from the contract's body; the server decides which steps are possible).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { GRANT_STEP_PATHS } from '../../../grants/contract.ts';
import { apiPost } from '../../api/client.ts';
import { GRANTS_KEY } from '../../api/grants-queries.ts';
import { DECISION_OUTCOMES, type GrantAction, type GrantApplication } from '../../api/grants-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { formatKronor, type Lang, type MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import {
  AssessFormSchema,
  ChangeFormSchema,
  DecideFormSchema,
  PayFormSchema,
  ReportFormSchema,
} from '../../schemas-grants.ts';

export function kronor(amount: number | null, lang: Lang): string {
  return amount === null ? '–' : formatKronor(lang, amount);
}

function useStep(application: GrantApplication, action: GrantAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiPost<GrantApplication>(
        `/api/grants/applications/${encodeURIComponent(application.id)}/${GRANT_STEP_PATHS[action]}`,
        { ...body, expectedVersion: application.version },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GRANTS_KEY }),
  });
}

/** A step that needs nothing but the click (submit, approve a change, receive a report). */
function ButtonStep({ application, action }: { application: GrantApplication; action: GrantAction }) {
  const { t } = useI18n();
  const feedback = useFormFeedback(useForm().setError, []);
  const step = useStep(application, action);
  return (
    <form
      className="form form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        feedback.clear();
        step.mutate({}, { onError: feedback.onServerError });
      }}
    >
      <ErrorSummary errors={{}} fields={[]} general={feedback.general} attempt={feedback.attempt} level={4} />
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {t(`grants.action.${action}`)}
      </button>
    </form>
  );
}

interface FormStepProps<S extends z.ZodType<FieldValues, FieldValues>> {
  readonly application: GrantApplication;
  readonly action: GrantAction;
  readonly schema: S;
  readonly fields: readonly (SummaryField & { kind: 'text' | 'date' | 'textarea' | 'outcome' })[];
  readonly defaults: z.input<S>;
}

function FormStep<S extends z.ZodType<FieldValues, FieldValues>>(props: FormStepProps<S>) {
  const { application, action, schema, fields, defaults } = props;
  const { t } = useI18n();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    shouldFocusError: false,
    defaultValues: defaults as never,
  });
  const names = fields.map((f) => f.name as Path<z.input<S>>);
  const feedback = useFormFeedback(form.setError, names);
  const step = useStep(application, action);
  const errors = form.formState.errors as Readonly<Record<string, { message?: string; type?: string }>>;
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    step.mutate(values, {
      onError: feedback.onServerError,
      onSuccess: () => form.reset(),
    });
  }, feedback.onInvalid);
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4>{t(`grants.action.${action}`)}</h4>
      <ErrorSummary
        errors={form.formState.errors}
        fields={fields}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      {fields.map((f) => {
        const registration = form.register(f.name as Path<z.input<S>>);
        const error = fieldErrorText(t, errors[f.name]);
        if (f.kind === 'textarea')
          return (
            <TextAreaField
              key={f.id}
              id={f.id}
              label={t(f.label)}
              error={error}
              registration={registration}
              rows={3}
            />
          );
        if (f.kind === 'outcome')
          return (
            <RadioGroupField
              key={f.id}
              id={f.id}
              label={t(f.label)}
              error={error}
              registration={registration}
              options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`grants.outcome.${o}`) }))}
            />
          );
        return (
          <TextField
            key={f.id}
            id={f.id}
            type={f.kind === 'date' ? 'date' : 'text'}
            width={f.kind === 'date' ? 'short' : 'medium'}
            {...(f.kind === 'text' ? { inputMode: 'numeric' as const } : {})}
            label={t(f.label)}
            error={error}
            registration={registration}
          />
        );
      })}
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {step.isPending ? t('form.sending') : t(`grants.action.${action}`)}
      </button>
    </form>
  );
}

const field = (
  applicationId: string,
  name: string,
  label: MessageKey,
  kind: 'text' | 'date' | 'textarea' | 'outcome',
) => ({
  name,
  id: `grant-${applicationId}-${name}`,
  label,
  kind,
});

/** The steps the server offers the caller on one application. */
export function GrantSteps({ application, today }: { application: GrantApplication; today: string }) {
  const a = application;
  return (
    <div className="grant-steps">
      {a.steps.map((action) => {
        switch (action) {
          case 'assess':
            return (
              <FormStep
                key={action}
                application={a}
                action={action}
                schema={AssessFormSchema}
                fields={[field(a.id, 'assessment', 'grants.field.assessment', 'textarea')]}
                defaults={{ assessment: '' }}
              />
            );
          case 'decide':
            return (
              <FormStep
                key={action}
                application={a}
                action={action}
                schema={DecideFormSchema}
                fields={[
                  field(a.id, 'outcome', 'grants.field.outcome', 'outcome'),
                  field(a.id, 'amount', 'grants.field.amount', 'text'),
                  field(a.id, 'reasons', 'grants.field.reasons', 'textarea'),
                ]}
                defaults={{ outcome: 'granted', amount: String(a.requestedAmount), reasons: '' }}
              />
            );
          case 'pay':
            return (
              <FormStep
                key={action}
                application={a}
                action={action}
                schema={PayFormSchema}
                fields={[field(a.id, 'paidOn', 'grants.field.paidOn', 'date')]}
                defaults={{ paidOn: today }}
              />
            );
          case 'request_change':
            return (
              <FormStep
                key={action}
                application={a}
                action={action}
                schema={ChangeFormSchema}
                fields={[field(a.id, 'description', 'grants.field.change', 'textarea')]}
                defaults={{ description: '' }}
              />
            );
          case 'submit_interim_report':
          case 'submit_final_report':
            return (
              <FormStep
                key={action}
                application={a}
                action={action}
                schema={ReportFormSchema}
                fields={[
                  field(
                    a.id,
                    'report',
                    action === 'submit_interim_report'
                      ? 'grants.field.interimReport'
                      : 'grants.field.finalReport',
                    'textarea',
                  ),
                ]}
                defaults={{ report: '' }}
              />
            );
          default:
            return <ButtonStep key={action} application={a} action={action} />;
        }
      })}
    </div>
  );
}

/** An application's facts: what was asked for, decided, paid, changed and reported. */
export function ApplicationFacts({ application }: { application: GrantApplication }) {
  const { t, lang: language } = useI18n();
  const a = application;
  const row = (label: MessageKey, value: string | null) =>
    value === null ? null : (
      <div key={label}>
        <dt>{t(label)}</dt>
        <dd>{value}</dd>
      </div>
    );
  return (
    <dl className="facts">
      {row('grants.field.description', a.description === '' ? null : a.description)}
      {row('grants.field.purposes', a.purposes.map((p) => t(`grants.purpose.${p}`)).join(', ') || null)}
      {row(
        'grants.field.partners',
        a.partners
          .map((p) => `${p.name}${p.certificate ? ` (${t('grants.certificate')})` : ''}`)
          .join(', ') || null,
      )}
      {row(
        'grants.field.budget',
        a.budget.map((b) => `${b.description}: ${kronor(b.amount, language)} (${b.costDate})`).join('; ') ||
          null,
      )}
      {row('grants.field.requested', kronor(a.requestedAmount, language))}
      {row(
        'grants.field.signatory',
        a.signatoryName === '' ? null : `${a.signatoryName}, ${a.signatoryTitle}`,
      )}
      {row('grants.field.submittedOn', a.submittedOn)}
      {row('grants.field.assessment', a.assessment)}
      {row(
        'grants.field.outcome',
        a.outcome === null ? null : `${t(`grants.outcome.${a.outcome}`)} ${a.decidedOn ?? ''}`,
      )}
      {row('grants.field.granted', a.grantedAmount === null ? null : kronor(a.grantedAmount, language))}
      {row('grants.field.reasons', a.decisionReasons)}
      {row('grants.field.paidOn', a.paidOn)}
      {row(
        'grants.field.change',
        a.changeDescription === null
          ? null
          : `${a.changeDescription} (${a.changeApprovedOn === null ? t('grants.changePending') : t('grants.changeApproved', { date: a.changeApprovedOn })})`,
      )}
      {row(
        'grants.field.interimReport',
        a.interimReport === null
          ? null
          : `${a.interimReport} (${a.interimReportReceivedOn === null ? t('grants.notReceived') : t('grants.received', { date: a.interimReportReceivedOn })})`,
      )}
      {row(
        'grants.field.finalReport',
        a.finalReport === null
          ? null
          : `${a.finalReport} (${a.finalReportReceivedOn === null ? t('grants.notReceived') : t('grants.received', { date: a.finalReportReceivedOn })})`,
      )}
    </dl>
  );
}

/** Due and overdue reports, derived by the server from the application's state. */
export function Reminders({ application }: { application: GrantApplication }) {
  const { t } = useI18n();
  if (application.reminders.length === 0) return null;
  return (
    <ul className="notice notice--warning">
      {application.reminders.map((r) => (
        <li key={r.report}>{t(`grants.reminder.${r.report}.${r.state}`, { date: r.dueOn })}</li>
      ))}
    </ul>
  );
}
