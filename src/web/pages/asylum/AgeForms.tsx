/** The asylum officer's steps in the age case: doubt, a medical assessment offered, age decisions, an appeal. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { isIsoDate } from '../../../domain/time.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  AgeAppealSchema,
  AgeDecisionSchema,
  DoubtSchema,
  MedicalAssessmentSchema,
  type AgeAppealInput,
  type AgeDecisionInput,
  type DoubtInput,
  type MedicalAssessmentInput,
  type MedicalAssessmentOutput,
} from '../../schemas-asylum.ts';
import type { StepProps } from './AsylumForms.tsx';
import { useStep } from './useStep.ts';

function Submit({ pending, label }: { readonly pending: boolean; readonly label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button button--primary" disabled={pending}>
      {pending ? t('form.sending') : label}
    </button>
  );
}

/** 18 or older on `on`: the rule of src/domain/asylum/age.ts, repeated so the bundle does not pull in the holiday calendar. */
function adultOn(birthDate: string, on: string): boolean {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) return false;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0) >= 18;
}

export function DoubtForm({ childId, version, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm<DoubtInput>({
    resolver: zodResolver(DoubtSchema),
    shouldFocusError: false,
    defaultValues: { doubtedOn: todayInSweden() },
  });
  const step = useStep(childId, 'age/doubt', form.setError, ['doubtedOn'], onDone);
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const fields = [{ name: 'doubtedOn', id: 'age-doubt-doubtedOn', label: 'age.form.doubtedOn' }] as const;
  return (
    <section aria-labelledby="age-doubt-title" className="section">
      <h3 id="age-doubt-title">{t('age.form.doubt.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={step.general}
          attempt={step.attempt}
        />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t('age.form.doubtedOn')}
          error={fieldErrorText(t, form.formState.errors.doubtedOn)}
          registration={form.register('doubtedOn')}
        />
        <Submit pending={step.pending} label={t('age.form.doubt.submit')} />
      </form>
    </section>
  );
}

export function MedicalAssessmentForm({ childId, version, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm<MedicalAssessmentInput, unknown, MedicalAssessmentOutput>({
    resolver: zodResolver(MedicalAssessmentSchema),
    shouldFocusError: false,
    defaultValues: { offeredOn: todayInSweden(), consent: '' as MedicalAssessmentInput['consent'] },
  });
  const step = useStep(childId, 'age/medical-assessment', form.setError, ['offeredOn', 'consent'], onDone);
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
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
        <ErrorSummary errors={errors} fields={fields} general={step.general} attempt={step.attempt} />
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
        <Submit pending={step.pending} label={t('age.form.medical.submit')} />
      </form>
    </section>
  );
}

export function AgeDecisionForm({
  childId,
  version,
  onDone,
  kind,
}: StepProps & { readonly kind: 'temporary' | 'final' }) {
  const { t } = useI18n();
  const form = useForm<AgeDecisionInput>({
    resolver: zodResolver(AgeDecisionSchema),
    shouldFocusError: false,
    defaultValues: { decidedOn: todayInSweden(), birthDate: '' },
  });
  const path = kind === 'temporary' ? 'age/temporary-decision' : 'age/final-decision';
  const step = useStep(childId, path, form.setError, ['decidedOn', 'birthDate'], onDone);
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
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
        <ErrorSummary errors={errors} fields={fields} general={step.general} attempt={step.attempt} />
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
        <Submit pending={step.pending} label={t('age.form.decision.submit')} />
      </form>
    </section>
  );
}

export function AgeAppealForm({ childId, version, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm<AgeAppealInput>({
    resolver: zodResolver(AgeAppealSchema),
    shouldFocusError: false,
    defaultValues: { appealedOn: todayInSweden() },
  });
  const step = useStep(childId, 'age/appeal', form.setError, ['appealedOn'], onDone);
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const fields = [{ name: 'appealedOn', id: 'age-appeal-appealedOn', label: 'age.form.appealedOn' }] as const;
  return (
    <section aria-labelledby="age-appeal-title" className="section">
      <h3 id="age-appeal-title">{t('age.form.appeal.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={step.general}
          attempt={step.attempt}
        />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t('age.form.appealedOn')}
          error={fieldErrorText(t, form.formState.errors.appealedOn)}
          registration={form.register('appealedOn')}
        />
        <Submit pending={step.pending} label={t('age.form.appeal.submit')} />
      </form>
    </section>
  );
}
