/**
 * Social services' steps on the special custodian (SFV): the application to the district court after a permit, the
 * court's decision (appointed and final — the god man's assignment then ends by law — or refused), and the recorded
 * special reason not to apply.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { SFV_NOT_APPLYING_REASONS, type GuardianshipAction } from '../../api/guardianship-types.ts';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  SfvApplySchema,
  SfvDecisionSchema,
  SfvNotApplyingSchema,
  type SfvApplyInput,
  type SfvDecisionInput,
  type SfvNotApplyingInput,
  type SfvNotApplyingOutput,
} from '../../schemas-guardianship.ts';
import { guardianshipStep, useStepFeedback } from './form-kit.ts';

interface Props {
  readonly childId: string;
  /** The step as the view offers it: the route the form sends to. */
  readonly step: CaseStep<GuardianshipAction>;
  readonly version: number;
  /** Told when the step is done: the section says so. */
  readonly onDone: (message: string) => void;
}

export function SfvApplyForm({ childId, step, version, onDone }: Props) {
  const { t } = useI18n();
  const id = 'gs-sfv-apply';
  const form = useForm<SfvApplyInput>({
    resolver: zodResolver(SfvApplySchema),
    shouldFocusError: false,
    defaultValues: { court: '', appliedOn: todayInSweden() },
  });
  const feedback = useStepFeedback(form.setError, ['court', 'appliedOn'], { occurredOn: 'appliedOn' });
  const send = useCaseStep({
    childId,
    step,
    version,
    ...guardianshipStep(childId),
    onDone: () => onDone(t('guardianship.sfvApply.done')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'court', id: `${id}-court`, label: 'guardianship.sfvApply.court' },
    { name: 'appliedOn', id: `${id}-appliedOn`, label: 'guardianship.sfvApply.appliedOn' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="card guardianship-step">
      <h3 id={`${id}-title`}>{t('guardianship.sfvApply.title')}</h3>
      <p className="hint">{t('guardianship.sfvApply.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id={fields[0].id}
          label={t('guardianship.sfvApply.court')}
          error={fieldErrorText(t, errors.court)}
          registration={form.register('court')}
        />
        <TextField
          id={fields[1].id}
          type="date"
          width="medium"
          label={t('guardianship.sfvApply.appliedOn')}
          error={fieldErrorText(t, errors.appliedOn)}
          registration={form.register('appliedOn')}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('guardianship.sfvApply.submit')}
        </button>
      </form>
    </section>
  );
}

export function SfvDecisionForm({ childId, step, version, onDone }: Props) {
  const { t } = useI18n();
  const id = 'gs-sfv-decision';
  const form = useForm<SfvDecisionInput>({
    resolver: zodResolver(SfvDecisionSchema),
    shouldFocusError: false,
    // The step opened says what the court decided; the choice stays open (both take the same route).
    defaultValues: {
      outcome: step.action === 'sfv_refused' ? 'refused' : 'appointed',
      custodianName: '',
      decidedOn: '',
      finalOn: '',
    },
  });
  const feedback = useStepFeedback(form.setError, ['outcome', 'custodianName', 'decidedOn', 'finalOn'], {});
  const send = useCaseStep({
    childId,
    step,
    version,
    ...guardianshipStep(childId),
    onDone: () => onDone(t('guardianship.sfvDecision.done')),
    onError: feedback.onServerError,
  });
  const appointed = useWatch({ control: form.control, name: 'outcome' }) === 'appointed';
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(
      values.outcome === 'appointed'
        ? {
            outcome: 'appointed',
            custodianName: values.custodianName,
            decidedOn: values.decidedOn,
            finalOn: values.finalOn,
          }
        : {
            outcome: 'refused',
            decidedOn: values.decidedOn,
            finalOn: values.finalOn === '' ? null : values.finalOn,
          },
    );
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'outcome', id: `${id}-outcome`, label: 'guardianship.sfvDecision.outcome' },
    { name: 'custodianName', id: `${id}-custodianName`, label: 'guardianship.sfvDecision.custodianName' },
    { name: 'decidedOn', id: `${id}-decidedOn`, label: 'guardianship.sfvDecision.decidedOn' },
    { name: 'finalOn', id: `${id}-finalOn`, label: 'guardianship.sfvDecision.finalOn' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="card guardianship-step">
      <h3 id={`${id}-title`}>{t('guardianship.sfvDecision.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <RadioGroupField
          id={fields[0].id}
          label={t('guardianship.sfvDecision.outcome')}
          error={fieldErrorText(t, errors.outcome)}
          registration={form.register('outcome')}
          options={[
            { value: 'appointed', label: t('guardianship.sfvDecision.appointed') },
            { value: 'refused', label: t('guardianship.sfvDecision.refused') },
          ]}
        />
        {appointed && (
          <TextField
            id={fields[1].id}
            label={t('guardianship.sfvDecision.custodianName')}
            error={fieldErrorText(t, errors.custodianName)}
            registration={form.register('custodianName')}
          />
        )}
        <TextField
          id={fields[2].id}
          type="date"
          width="medium"
          label={t('guardianship.sfvDecision.decidedOn')}
          error={fieldErrorText(t, errors.decidedOn)}
          registration={form.register('decidedOn')}
        />
        <TextField
          id={fields[3].id}
          type="date"
          width="medium"
          label={t('guardianship.sfvDecision.finalOn')}
          hint={t('guardianship.sfvDecision.finalHint')}
          error={fieldErrorText(t, errors.finalOn)}
          registration={form.register('finalOn')}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('guardianship.sfvDecision.submit')}
        </button>
      </form>
    </section>
  );
}

export function SfvNotApplyingForm({ childId, step, version, onDone }: Props) {
  const { t } = useI18n();
  const id = 'gs-sfv-not';
  const form = useForm<SfvNotApplyingInput, unknown, SfvNotApplyingOutput>({
    resolver: zodResolver(SfvNotApplyingSchema),
    shouldFocusError: false,
    defaultValues: { note: '', decidedOn: todayInSweden() },
  });
  const feedback = useStepFeedback(form.setError, ['reason', 'note', 'decidedOn'], {
    occurredOn: 'decidedOn',
  });
  const send = useCaseStep({
    childId,
    step,
    version,
    ...guardianshipStep(childId),
    onDone: () => onDone(t('guardianship.notApplyingForm.done')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'reason', id: `${id}-reason`, label: 'guardianship.notApplyingForm.reason' },
    { name: 'note', id: `${id}-note`, label: 'guardianship.notApplyingForm.note' },
    { name: 'decidedOn', id: `${id}-decidedOn`, label: 'guardianship.notApplyingForm.decidedOn' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="card guardianship-step">
      <h3 id={`${id}-title`}>{t('guardianship.notApplyingForm.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <RadioGroupField
          id={fields[0].id}
          label={t('guardianship.notApplyingForm.reason')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
          options={SFV_NOT_APPLYING_REASONS.map((r) => ({
            value: r,
            label: t(`guardianship.notApplying.${r}`),
          }))}
        />
        <TextAreaField
          id={fields[1].id}
          rows={3}
          label={t('guardianship.notApplyingForm.note')}
          hint={t('guardianship.notApplyingForm.noteHint')}
          error={fieldErrorText(t, errors.note)}
          registration={form.register('note')}
        />
        <TextField
          id={fields[2].id}
          type="date"
          width="medium"
          label={t('guardianship.notApplyingForm.decidedOn')}
          error={fieldErrorText(t, errors.decidedOn)}
          registration={form.register('decidedOn')}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('guardianship.notApplyingForm.submit')}
        </button>
      </form>
    </section>
  );
}
