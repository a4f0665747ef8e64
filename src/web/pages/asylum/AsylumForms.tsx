/** The asylum officer's steps in the asylum case: the application, an interview, the decision, an appeal, final. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { bookedInterviews } from '../../../domain/asylum/asylum.ts';
import { useMigration } from '../../api/asylum-queries.ts';
import { ASYLUM_DECISIONS, COURT_OUTCOMES, type MigrationView } from '../../api/asylum-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  AppealSchema,
  ApplySchema,
  DecisionSchema,
  finalSchema,
  InterviewSchema,
  type AppealInput,
  type ApplyInput,
  type DecisionInput,
  type DecisionOutput,
  type FinalInput,
  type FinalOutput,
  type InterviewInput,
} from '../../schemas-asylum.ts';
import { decisionText } from './labels.ts';
import { InterpreterNote } from './MigrationSummary.tsx';
import { useStep } from './useStep.ts';

export interface StepProps {
  readonly childId: string;
  readonly version: number;
  readonly onDone: () => void;
}

function Submit({ pending, label }: { readonly pending: boolean; readonly label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button button--primary" disabled={pending}>
      {pending ? t('form.sending') : label}
    </button>
  );
}

export function ApplyForm({ childId, onDone }: Omit<StepProps, 'version'>) {
  const { t } = useI18n();
  const form = useForm<ApplyInput>({
    resolver: zodResolver(ApplySchema),
    shouldFocusError: false,
    defaultValues: { appliedOn: todayInSweden() },
  });
  const step = useStep(childId, 'asylum', form.setError, ['appliedOn'], onDone);
  const submit = form.handleSubmit((values) => step.send(values), step.onInvalid);
  const fields = [
    { name: 'appliedOn', id: 'asylum-apply-appliedOn', label: 'asylum.form.appliedOn' },
  ] as const;
  return (
    <section aria-labelledby="asylum-apply-title" className="section">
      <h3 id="asylum-apply-title">{t('asylum.form.apply.title')}</h3>
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
          label={t('asylum.form.appliedOn')}
          error={fieldErrorText(t, form.formState.errors.appliedOn)}
          registration={form.register('appliedOn')}
        />
        <Submit pending={step.pending} label={t('asylum.form.apply.submit')} />
      </form>
    </section>
  );
}

export function InterviewForm({
  childId,
  version,
  onDone,
  interpreter,
}: StepProps & { readonly interpreter: MigrationView['interpreter'] }) {
  const { t } = useI18n();
  const form = useForm<InterviewInput>({
    resolver: zodResolver(InterviewSchema),
    shouldFocusError: false,
    defaultValues: { interviewOn: '' },
  });
  const step = useStep(childId, 'asylum/interviews', form.setError, ['interviewOn'], () => {
    form.reset();
    onDone();
  });
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const fields = [
    { name: 'interviewOn', id: 'asylum-interview-interviewOn', label: 'asylum.form.interviewOn' },
  ] as const;
  return (
    <section aria-labelledby="asylum-interview-title" className="section">
      <h3 id="asylum-interview-title">{t('asylum.form.interview.title')}</h3>
      <InterpreterNote interpreter={interpreter} />
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
          label={t('asylum.form.interviewOn')}
          hint={t('asylum.form.interview.hint')}
          error={fieldErrorText(t, form.formState.errors.interviewOn)}
          registration={form.register('interviewOn')}
        />
        <Submit pending={step.pending} label={t('asylum.form.interview.submit')} />
      </form>
    </section>
  );
}

export function DecisionForm({ childId, version, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm<DecisionInput, unknown, DecisionOutput>({
    resolver: zodResolver(DecisionSchema),
    shouldFocusError: false,
    defaultValues: {
      decision: '' as DecisionInput['decision'],
      decidedOn: todayInSweden(),
      permitEndsOn: '',
    },
  });
  const step = useStep(
    childId,
    'asylum/decision',
    form.setError,
    ['decision', 'decidedOn', 'permitEndsOn'],
    onDone,
  );
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const decision = useWatch({ control: form.control, name: 'decision' });
  // The page has the case already: a booked interview is named before the officer decides.
  const booked = bookedInterviews(useMigration(childId).data?.asylum?.interviewDates ?? [], todayInSweden());
  const errors = form.formState.errors;
  const fields = [
    { name: 'decision', id: 'asylum-decision-decision', label: 'asylum.form.decision' },
    { name: 'decidedOn', id: 'asylum-decision-decidedOn', label: 'asylum.form.decidedOn' },
    { name: 'permitEndsOn', id: 'asylum-decision-permitEndsOn', label: 'asylum.form.permitEndsOn' },
  ] as const;
  const options = useMemo(
    () => ASYLUM_DECISIONS.map((value) => ({ value, label: decisionText(t, value) })),
    [t],
  );
  return (
    <section aria-labelledby="asylum-decision-title" className="section">
      <h3 id="asylum-decision-title">{t('asylum.form.decision.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={step.general} attempt={step.attempt} />
        <RadioGroupField
          id={fields[0].id}
          label={t('asylum.form.decision')}
          error={fieldErrorText(t, errors.decision)}
          registration={form.register('decision')}
          options={options}
        />
        <TextField
          id={fields[1].id}
          type="date"
          width="medium"
          label={t('asylum.form.decidedOn')}
          error={fieldErrorText(t, errors.decidedOn)}
          registration={form.register('decidedOn')}
        />
        {decision === 'temporary_permit' && (
          <div className="conditional">
            <TextField
              id={fields[2].id}
              type="date"
              width="medium"
              label={t('asylum.form.permitEndsOn')}
              hint={t('asylum.form.permitEndsOn.hint')}
              error={fieldErrorText(t, errors.permitEndsOn)}
              registration={form.register('permitEndsOn')}
            />
          </div>
        )}
        {(decision === 'temporary_permit' || decision === 'permanent_permit') && (
          <p className="hint">{t('asylum.form.permitNotice')}</p>
        )}
        {booked.length > 0 && (decision as string) !== '' && (
          <p className={decision === 'refused' ? 'notice notice--warning' : 'notice notice--info'}>
            {t(
              decision === 'refused'
                ? 'asylum.form.bookedInterview.refusal'
                : 'asylum.form.bookedInterview.cancels',
              { dates: booked.join(', ') },
            )}
          </p>
        )}
        <Submit pending={step.pending} label={t('asylum.form.decision.submit')} />
      </form>
    </section>
  );
}

export function AppealForm({ childId, version, onDone }: StepProps) {
  const { t } = useI18n();
  const form = useForm<AppealInput>({
    resolver: zodResolver(AppealSchema),
    shouldFocusError: false,
    defaultValues: { appealedOn: todayInSweden() },
  });
  const step = useStep(childId, 'asylum/appeal', form.setError, ['appealedOn'], onDone);
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const fields = [
    { name: 'appealedOn', id: 'asylum-appeal-appealedOn', label: 'asylum.form.appealedOn' },
  ] as const;
  return (
    <section aria-labelledby="asylum-appeal-title" className="section">
      <h3 id="asylum-appeal-title">{t('asylum.form.appeal.title')}</h3>
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
          label={t('asylum.form.appealedOn')}
          error={fieldErrorText(t, form.formState.errors.appealedOn)}
          registration={form.register('appealedOn')}
        />
        <Submit pending={step.pending} label={t('asylum.form.appeal.submit')} />
      </form>
    </section>
  );
}

export function FinalForm({
  childId,
  version,
  onDone,
  appealed,
  decision,
}: StepProps & { readonly appealed: boolean; readonly decision: string | null }) {
  const { t } = useI18n();
  const schema = useMemo(() => finalSchema(appealed), [appealed]);
  const form = useForm<FinalInput, unknown, FinalOutput>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { finalOn: todayInSweden(), outcome: '', permitEndsOn: '' },
  });
  const step = useStep(
    childId,
    'asylum/final',
    form.setError,
    ['finalOn', 'outcome', 'permitEndsOn'],
    onDone,
  );
  const submit = form.handleSubmit(
    (values) => step.send({ ...values, expectedVersion: version }),
    step.onInvalid,
  );
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const errors = form.formState.errors;
  const fields = [
    { name: 'finalOn', id: 'asylum-final-finalOn', label: 'asylum.form.finalOn' },
    { name: 'outcome', id: 'asylum-final-outcome', label: 'asylum.form.outcome' },
    { name: 'permitEndsOn', id: 'asylum-final-permitEndsOn', label: 'asylum.form.permitEndsOn' },
  ] as const;
  return (
    <section aria-labelledby="asylum-final-title" className="section">
      <h3 id="asylum-final-title">{t('asylum.form.final.title')}</h3>
      {!appealed && <p>{t('asylum.form.notAppealed', { decision: decisionText(t, decision) })}</p>}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={step.general} attempt={step.attempt} />
        <TextField
          id={fields[0].id}
          type="date"
          width="medium"
          label={t('asylum.form.finalOn')}
          error={fieldErrorText(t, errors.finalOn)}
          registration={form.register('finalOn')}
        />
        {appealed && (
          <SelectField
            id={fields[1].id}
            label={t('asylum.form.outcome')}
            error={fieldErrorText(t, errors.outcome)}
            registration={form.register('outcome')}
          >
            <option value="">{t('asylum.form.choose')}</option>
            {COURT_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {decisionText(t, value)}
              </option>
            ))}
          </SelectField>
        )}
        {appealed && outcome === 'temporary_permit' && (
          <div className="conditional">
            <TextField
              id={fields[2].id}
              type="date"
              width="medium"
              label={t('asylum.form.permitEndsOn')}
              hint={t('asylum.form.permitEndsOn.hint')}
              error={fieldErrorText(t, errors.permitEndsOn)}
              registration={form.register('permitEndsOn')}
            />
          </div>
        )}
        <Submit pending={step.pending} label={t('asylum.form.final.submit')} />
      </form>
    </section>
  );
}
