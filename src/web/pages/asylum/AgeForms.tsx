/**
 * The asylum officer's forms for the age case's steps that need more than a date: a medical assessment offered, and
 * the temporary and final age decisions. Doubt and an appeal take only their date (components/form/StepForm).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { isIsoDate } from '../../../domain/time.ts';
import type { MigrationView } from '../../api/asylum-types.ts';
import { useCaseStep } from '../../api/case-steps.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  AgeDecisionSchema,
  MedicalAssessmentSchema,
  type AgeDecisionInput,
  type MedicalAssessmentInput,
  type MedicalAssessmentOutput,
} from '../../schemas-asylum.ts';
import { asylumStep, Submit, type StepProps } from './AsylumForms.tsx';

/** 18 or older on `on`: the rule of src/domain/asylum/age.ts, repeated so the bundle does not pull in the holiday calendar. */
function adultOn(birthDate: string, on: string): boolean {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) return false;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0) >= 18;
}

export function MedicalAssessmentForm(props: StepProps) {
  const { t } = useI18n();
  const form = useForm<MedicalAssessmentInput, unknown, MedicalAssessmentOutput>({
    resolver: zodResolver(MedicalAssessmentSchema),
    shouldFocusError: false,
    defaultValues: { offeredOn: todayInSweden(), consent: '' as MedicalAssessmentInput['consent'] },
  });
  const feedback = useFormFeedback(form.setError, ['offeredOn', 'consent']);
  const send = useCaseStep<MigrationView>(asylumStep(props, feedback.onServerError));
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'offeredOn', id: 'age-medical-offeredOn', label: 'age.form.offeredOn' },
    { name: 'consent', id: 'age-medical-consent', label: 'age.form.consent' },
  ] as const;
  return (
    <section aria-labelledby="age-medical-title" className="section">
      <h3 id="age-medical-title">{t('age.form.medical.title')}</h3>
      <p className="hint">{t('age.form.medical.hint')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t('age.form.offeredOn')}
          error={fieldErrorText(t, errors.offeredOn)}
          registration={form.register('offeredOn')}
        />
        <RadioGroupField
          id={fields[1].id}
          label={t('age.form.consent')}
          error={fieldErrorText(t, errors.consent)}
          registration={form.register('consent')}
          options={[
            { value: 'yes', label: t('age.form.consent.yes') },
            { value: 'no', label: t('age.form.consent.no') },
          ]}
        />
        <Submit pending={send.isPending} label={t('age.form.medical.submit')} />
      </form>
    </section>
  );
}

export function AgeDecisionForm({ kind, ...props }: StepProps & { readonly kind: 'temporary' | 'final' }) {
  const { t } = useI18n();
  const form = useForm<AgeDecisionInput>({
    resolver: zodResolver(AgeDecisionSchema),
    shouldFocusError: false,
    defaultValues: { decidedOn: todayInSweden(), birthDate: '' },
  });
  const feedback = useFormFeedback(form.setError, ['decidedOn', 'birthDate']);
  const send = useCaseStep<MigrationView>(asylumStep(props, feedback.onServerError));
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const [decidedOn, birthDate] = useWatch({ control: form.control, name: ['decidedOn', 'birthDate'] });
  const errors = form.formState.errors;
  const id = `age-${kind}`;
  const fields = [
    { name: 'decidedOn', id: `${id}-decidedOn`, label: 'age.form.decidedOn' },
    { name: 'birthDate', id: `${id}-birthDate`, label: 'age.form.birthDate' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h3 id={`${id}-title`}>
        {t(kind === 'temporary' ? 'age.form.temporary.title' : 'age.form.final.title')}
      </h3>
      {kind === 'temporary' && <p className="hint">{t('age.form.temporary.hint')}</p>}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t('age.form.decidedOn')}
          error={fieldErrorText(t, errors.decidedOn)}
          registration={form.register('decidedOn')}
        />
        <TextField
          id={fields[1].id}
          type="date"
          width="medium"
          label={t('age.form.birthDate')}
          error={fieldErrorText(t, errors.birthDate)}
          registration={form.register('birthDate')}
        />
        {adultOn(birthDate, decidedOn) && (
          <div className="notice notice--warning" role="status">
            <p>{t('age.form.adultWarning')}</p>
          </div>
        )}
        <Submit pending={send.isPending} label={t('age.form.decision.submit')} />
      </form>
    </section>
  );
}
