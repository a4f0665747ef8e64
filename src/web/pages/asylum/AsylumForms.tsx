/**
 * The asylum officer's forms for the asylum case's steps that need more than a date: an interview (booked or held),
 * the decision, and the final decision. The application and an appeal take only their date (components/form/StepForm).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  ASYLUM_DECISIONS,
  bookedInterviews,
  COURT_OUTCOMES,
  DECISION_EVENTS,
} from '../../../domain/asylum/asylum.ts';
import { migrationKey } from '../../api/asylum-queries.ts';
import type { AsylumView, MigrationView } from '../../api/asylum-types.ts';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  DecisionSchema,
  finalSchema,
  InterviewSchema,
  type DecisionInput,
  type DecisionOutput,
  type FinalInput,
  type FinalOutput,
  type InterviewInput,
} from '../../schemas-asylum.ts';
import { decisionText } from './labels.ts';
import { InterpreterNote } from './MigrationSummary.tsx';

export interface StepProps {
  readonly childId: string;
  /** The step as the view offers it: its route. */
  readonly step: CaseStep;
  readonly version: number;
  readonly onDone: () => void;
}

/**
 * The options of the one step hook (`useCaseStep`) for a form of this page: the answer is the case as it is now; a
 * stale view's 409 is said in the case's words (`apiError.asylum_stale`) and the case is reloaded.
 */
export function asylumStep({ childId, step, version, onDone }: StepProps, onError: (error: unknown) => void) {
  return { childId, step, version, queryKey: migrationKey(childId), section: 'asylum', onDone, onError };
}

export function Submit({ pending, label }: { readonly pending: boolean; readonly label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button button--primary" disabled={pending}>
      {pending ? t('form.sending') : label}
    </button>
  );
}

export function InterviewForm({
  interpreter,
  ...props
}: StepProps & { readonly interpreter: MigrationView['interpreter'] }) {
  const { t } = useI18n();
  const form = useForm<InterviewInput>({
    resolver: zodResolver(InterviewSchema),
    shouldFocusError: false,
    defaultValues: { interviewOn: '' },
  });
  const feedback = useFormFeedback(form.setError, ['interviewOn']);
  const send = useCaseStep<MigrationView>(asylumStep(props, feedback.onServerError));
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
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
          general={feedback.general}
          attempt={feedback.attempt}
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
        <Submit pending={send.isPending} label={t('asylum.form.interview.submit')} />
      </form>
    </section>
  );
}

/** The first-instance decision: the options are the decisions whose events the view offers. */
export function DecisionForm({
  asylum,
  ...props
}: StepProps & { readonly asylum: Pick<AsylumView, 'interviewDates' | 'steps'> }) {
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
  const feedback = useFormFeedback(form.setError, ['decision', 'decidedOn', 'permitEndsOn']);
  const send = useCaseStep<MigrationView>(asylumStep(props, feedback.onServerError));
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const decision = useWatch({ control: form.control, name: 'decision' });
  // The page has the case already: a booked interview is named before the officer decides.
  const booked = bookedInterviews(asylum.interviewDates, todayInSweden());
  const errors = form.formState.errors;
  const fields = [
    { name: 'decision', id: 'asylum-decision-decision', label: 'asylum.form.decision' },
    { name: 'decidedOn', id: 'asylum-decision-decidedOn', label: 'asylum.form.decidedOn' },
    { name: 'permitEndsOn', id: 'asylum-decision-permitEndsOn', label: 'asylum.form.permitEndsOn' },
  ] as const;
  const options = useMemo(
    () =>
      ASYLUM_DECISIONS.filter((value) => asylum.steps.some((s) => s.event === DECISION_EVENTS[value])).map(
        (value) => ({ value, label: decisionText(t, value) }),
      ),
    [t, asylum.steps],
  );
  return (
    <section aria-labelledby="asylum-decision-title" className="section">
      <h3 id="asylum-decision-title">{t('asylum.form.decision.title')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
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
        <Submit pending={send.isPending} label={t('asylum.form.decision.submit')} />
      </form>
    </section>
  );
}

export function FinalForm({
  appealed,
  decision,
  ...props
}: StepProps & { readonly appealed: boolean; readonly decision: string | null }) {
  const { t } = useI18n();
  const schema = useMemo(() => finalSchema(appealed), [appealed]);
  const form = useForm<FinalInput, unknown, FinalOutput>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { finalOn: todayInSweden(), outcome: '', permitEndsOn: '' },
  });
  const feedback = useFormFeedback(form.setError, ['finalOn', 'outcome', 'permitEndsOn']);
  const send = useCaseStep<MigrationView>(asylumStep(props, feedback.onServerError));
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
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
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
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
        <Submit pending={send.isPending} label={t('asylum.form.final.submit')} />
      </form>
    </section>
  );
}
