/**
 * The steps the server offers the caller on one application (`steps`: the server decides, the page reflects and keeps
 * no copy of the machine): the god man's submission, the Agency's decision and its payment. Each is a small form built
 * from the contract's body; the server's refusals land on their fields in Swedish, anything else in the summary.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useSpecialGrantStep } from '../../api/allowance-queries.ts';
import {
  SPECIAL_GRANT_OUTCOMES,
  type SpecialGrant,
  type SpecialGrantAction,
} from '../../api/allowance-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  DecideFormSchema,
  PayFormSchema,
  type DecideFormInput,
  type DecideFormOutput,
  type PayFormInput,
  type PayFormOutput,
} from '../../schemas-allowance.ts';

interface StepProps {
  readonly application: SpecialGrant;
  /** The application as the step left it. */
  readonly onDone: (next: SpecialGrant, action: SpecialGrantAction) => void;
}

/** A step that needs nothing but the click: the god man's submission. */
function SubmitStep({ application, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm();
  const feedback = useFormFeedback(form.setError, []);
  const step = useSpecialGrantStep(application, 'submit');
  return (
    <form
      className="form form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        feedback.clear();
        step.mutate({}, { onError: feedback.onServerError, onSuccess: (next) => onDone(next, 'submit') });
      }}
    >
      <ErrorSummary
        errors={{}}
        fields={[
          { name: 'submit', id: `special-grant-${application.id}-submit`, label: 'allowance.action.submit' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
        level={4}
      />
      <button
        type="submit"
        id={`special-grant-${application.id}-submit`}
        className="button button--primary"
        disabled={step.isPending}
      >
        {step.isPending ? t('form.sending') : t('allowance.action.submit')}
      </button>
    </form>
  );
}

/**
 * The Agency's decision. The amount is asked for only when the application is granted in part: a grant is the
 * applied amount and a refusal grants nothing, so the page sends those as they are (the server checks all three).
 */
function DecideStep({ application, onDone }: StepProps) {
  const { t } = useI18n();
  const a = application;
  const id = (name: string) => `special-grant-${a.id}-${name}`;
  const fields: readonly SummaryField[] = [
    { name: 'outcome', id: id('outcome'), label: 'allowance.field.outcome' },
    { name: 'grantedAmount', id: id('grantedAmount'), label: 'allowance.field.grantedAmount' },
    { name: 'reason', id: id('reason'), label: 'allowance.field.reason' },
  ];
  const form = useForm<DecideFormInput, unknown, DecideFormOutput>({
    resolver: zodResolver(DecideFormSchema),
    shouldFocusError: false,
    defaultValues: { grantedAmount: '', reason: '' },
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const feedback = useFormFeedback(form.setError, ['outcome', 'grantedAmount', 'reason']);
  const step = useSpecialGrantStep(a, 'decide');
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    const grantedAmount =
      values.outcome === 'granted'
        ? a.appliedAmount
        : values.outcome === 'refused'
          ? null
          : values.grantedAmount;
    step.mutate(
      { outcome: values.outcome, grantedAmount, reason: values.reason },
      { onError: feedback.onServerError, onSuccess: (next) => onDone(next, 'decide') },
    );
  }, feedback.onInvalid);
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4 id={id('decide-title')}>{t('allowance.action.decide')}</h4>
      <ErrorSummary
        errors={errors}
        fields={fields}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <RadioGroupField
        id={id('outcome')}
        label={t('allowance.field.outcome')}
        error={fieldErrorText(t, errors.outcome)}
        registration={form.register('outcome')}
        options={SPECIAL_GRANT_OUTCOMES.map((o) => ({ value: o, label: t(`allowance.outcome.${o}`) }))}
      />
      {outcome === 'partly_granted' && (
        <TextField
          id={id('grantedAmount')}
          label={t('allowance.field.grantedAmount')}
          hint={t('allowance.field.grantedAmountHint')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.grantedAmount)}
          registration={form.register('grantedAmount', { shouldUnregister: true })}
        />
      )}
      <TextAreaField
        id={id('reason')}
        label={t('allowance.field.reason')}
        hint={t('allowance.field.reasonHint')}
        rows={3}
        error={fieldErrorText(t, errors.reason)}
        registration={form.register('reason')}
      />
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {step.isPending ? t('form.sending') : t('allowance.action.decide')}
      </button>
    </form>
  );
}

/** The Agency records the day the grant was paid (between the decision and today). */
function PayStep({ application, onDone }: StepProps) {
  const { t } = useI18n();
  const id = `special-grant-${application.id}-paidOn`;
  const form = useForm<PayFormInput, unknown, PayFormOutput>({
    resolver: zodResolver(PayFormSchema),
    shouldFocusError: false,
    defaultValues: { paidOn: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['paidOn']);
  const step = useSpecialGrantStep(application, 'pay');
  const errors = form.formState.errors;
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    step.mutate(values, {
      onError: feedback.onServerError,
      onSuccess: (next) => onDone(next, 'pay'),
    });
  }, feedback.onInvalid);
  return (
    <form onSubmit={submit} noValidate className="form">
      <h4 id={`${id}-title`}>{t('allowance.action.pay')}</h4>
      <ErrorSummary
        errors={errors}
        fields={[{ name: 'paidOn', id, label: 'allowance.field.paidOn' }]}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <TextField
        id={id}
        type="date"
        width="short"
        label={t('allowance.field.paidOn')}
        error={fieldErrorText(t, errors.paidOn)}
        registration={form.register('paidOn')}
      />
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {step.isPending ? t('form.sending') : t('allowance.action.pay')}
      </button>
    </form>
  );
}

export function SpecialGrantSteps({ application, onDone }: StepProps) {
  if (application.steps.length === 0) return null;
  return (
    <div className="special-grant__steps">
      {application.steps.map((action) => {
        switch (action) {
          case 'submit':
            return <SubmitStep key={action} application={application} onDone={onDone} />;
          case 'decide':
            return <DecideStep key={action} application={application} onDone={onDone} />;
          case 'pay':
            return <PayStep key={action} application={application} onDone={onDone} />;
        }
      })}
    </div>
  );
}
