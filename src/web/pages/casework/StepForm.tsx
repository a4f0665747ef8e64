/**
 * The next step of the social case: the steps the server says the role may take from the current state, the usual
 * next step first and chosen (the exceptions — not investigating, extending, closing — after it), one form per step
 * (the date, and what the step found or decided), the best-interests record for decisions. The version the user saw
 * goes with the step; if someone else changed the case meanwhile the server answers 409 and the form shows what they
 * did, keeping what the user typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import {
  CLOSE_REASONS,
  INTERVENTIONS,
  INVESTIGATION_FINDINGS,
  NO_INVESTIGATION_FINDINGS,
  PROTECTION_OUTCOMES,
  REPORT_SOURCES,
  REVIEW_OUTCOMES,
  type SocialCaseStep,
} from '../../../domain/social-case/codes.ts';
import { offered, useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { ApiError } from '../../api/client.ts';
import { refreshCase, socialCaseKey } from '../../api/casework-queries.ts';
import type { SocialCase } from '../../api/casework-types.ts';
import { BestInterestsFieldset } from '../../components/form/BestInterestsFieldset.tsx';
import { bestInterestsSummary, flatErrors } from '../../components/form/best-interests-summary.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Announce, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { emptyStep, stepSchema, toStepBody, type StepFormValues } from '../../schemas-casework.ts';

const id = (name: string) => `step-${name}`;
const DECISIONS: readonly SocialCaseStep[] = ['decide_not_to_investigate', 'decide_interventions'];

function summaryFields(step: SocialCaseStep): SummaryField[] {
  const own: [string, MessageKey][] = [[`occurredOn`, `casework.on.${step}`]];
  if (step === 'receive_report') own.push(['source', 'casework.source']);
  if (step === 'assess_protection') own.push(['outcome', 'casework.protection']);
  if (step === 'open_investigation' || step === 'decide_not_to_investigate')
    own.push(['finding', 'casework.finding']);
  if (step === 'review_care') own.push(['outcome', 'casework.review']);
  if (step === 'close') own.push(['reason', 'casework.closeReason']);
  if (step === 'extend_investigation')
    own.push(['extendedTo', 'casework.extendedTo'], ['reason', 'casework.extensionReason']);
  if (step === 'decide_interventions')
    own.push(['interventions', 'casework.interventions'], ['carePlanOn', 'casework.carePlanOn']);
  if (step === 'start_care') own.push(['implementationPlanOn', 'casework.implementationPlanOn']);
  const fields = own.map(([name, label]) => ({
    name,
    id: name === 'interventions' ? id('interventions-0') : id(name),
    label,
  }));
  if (!DECISIONS.includes(step)) return fields;
  return [...fields, ...bestInterestsSummary('step')];
}

export function StepForm({
  childId,
  socialCase,
}: {
  readonly childId: string;
  readonly socialCase: SocialCase;
}) {
  const { t } = useI18n();
  const steps = socialCase.steps;
  const [step, setStep] = useState<SocialCaseStep | null>(null);
  // The confirmation lives here: a step that changes what comes next replaces the form it was sent from.
  const [saved, setSaved] = useState<SocialCaseStep | null>(null);
  const chosen = offered(steps, step) ?? steps[0] ?? null;
  if (chosen === null) return null;
  return (
    <section aria-labelledby="step-title" className="section">
      <h3 id="step-title">{t('casework.step.title')}</h3>
      <Announce>
        {saved !== null && (
          <Success>
            <p>{t('casework.step.savedNamed', { step: t(`casework.step.${saved}`) })}</p>
          </Success>
        )}
      </Announce>
      {steps.length > 1 && (
        <div className="field">
          <label htmlFor="step-choice">{t('casework.step.choose')}</label>
          <select
            id="step-choice"
            className="input select"
            value={chosen.action}
            onChange={(e) => {
              setSaved(null);
              setStep(e.target.value as SocialCaseStep);
            }}
          >
            {steps.map((s) => (
              <option key={s.action} value={s.action}>
                {t(`casework.step.${s.action}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <OneStep
        key={chosen.action}
        childId={childId}
        socialCase={socialCase}
        step={chosen}
        onSaved={setSaved}
      />
    </section>
  );
}

interface OneStepProps {
  readonly childId: string;
  readonly socialCase: SocialCase;
  /** The step as the view offers it: its route. */
  readonly step: CaseStep<SocialCaseStep>;
  /** The step was recorded (null: a new attempt began). */
  readonly onSaved: (step: SocialCaseStep | null) => void;
}

function OneStep({ childId, socialCase, step: offeredStep, onSaved }: OneStepProps) {
  const { t } = useI18n();
  const step = offeredStep.action;
  const queryClient = useQueryClient();
  const [staleAt, setStaleAt] = useState<number | null>(null);
  const form = useForm<StepFormValues>({
    resolver: zodResolver(stepSchema(step)),
    shouldFocusError: false,
    defaultValues: emptyStep(todayInSweden()),
  });
  const fields = summaryFields(step);
  const feedback = useFormFeedback(
    form.setError,
    fields.map((f) => f.name as Path<StepFormValues>),
  );
  const send = useCaseStep({
    childId,
    step: offeredStep,
    version: socialCase.version,
    queryKey: socialCaseKey(childId),
    // The route answers the case's state and version, not the view; a stale view is said in this form's own words.
    answersView: false,
    section: null,
    onDone: () => {
      onSaved(step);
      form.reset(emptyStep(todayInSweden()));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale') {
        setStaleAt(socialCase.version);
        void refreshCase(queryClient, childId);
        return;
      }
      feedback.onServerError(error);
    },
  });
  const submit = form.handleSubmit((values) => {
    onSaved(null);
    setStaleAt(null);
    feedback.clear();
    send.mutate(toStepBody(step, values, socialCase.version));
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: keyof StepFormValues) => fieldErrorText(t, errors[name]);
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const latest = socialCase.history[0];

  return (
    <form onSubmit={submit} noValidate className="form form--wide">
      <ErrorSummary
        errors={flatErrors(errors)}
        fields={fields}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <Announce>
        {staleAt !== null && latest !== undefined && (
          <div className="notice notice--warning">
            <p>
              {t('casework.stale', {
                event: t(`casework.step.${latest.event as SocialCaseStep}`),
                date: latest.occurredOn,
              })}
            </p>
          </div>
        )}
      </Announce>
      <TextField
        id={id('occurredOn')}
        type="date"
        width="short"
        label={t(`casework.on.${step}`)}
        hint={t('casework.onHint')}
        error={err('occurredOn')}
        registration={form.register('occurredOn')}
      />
      {step === 'receive_report' && (
        <SelectField
          id={id('source')}
          label={t('casework.source')}
          error={err('source')}
          registration={form.register('source')}
        >
          <option value="">{t('casework.choose')}</option>
          {REPORT_SOURCES.filter((s) => s !== 'anvisning' && s !== 'transfer').map((s) => (
            <option key={s} value={s}>
              {t(`casework.source.${s}`)}
            </option>
          ))}
        </SelectField>
      )}
      {step === 'assess_protection' && (
        <RadioGroupField
          id={id('outcome')}
          label={t('casework.protection')}
          error={err('outcome')}
          registration={form.register('outcome')}
          options={PROTECTION_OUTCOMES.map((o) => ({ value: o, label: t(`casework.protection.${o}`) }))}
        />
      )}
      {(step === 'open_investigation' || step === 'decide_not_to_investigate') && (
        <RadioGroupField
          id={id('finding')}
          label={t('casework.finding')}
          error={err('finding')}
          registration={form.register('finding')}
          options={(step === 'open_investigation' ? INVESTIGATION_FINDINGS : NO_INVESTIGATION_FINDINGS).map(
            (o) => ({ value: o, label: t(`casework.finding.${o}`) }),
          )}
        />
      )}
      {step === 'review_care' && (
        <RadioGroupField
          id={id('outcome')}
          label={t('casework.review')}
          error={err('outcome')}
          registration={form.register('outcome')}
          options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`casework.review.${o}`) }))}
        />
      )}
      {step === 'close' && (
        <RadioGroupField
          id={id('reason')}
          label={t('casework.closeReason')}
          error={err('reason')}
          registration={form.register('reason')}
          options={CLOSE_REASONS.map((o) => ({ value: o, label: t(`casework.close.${o}`) }))}
        />
      )}
      {step === 'extend_investigation' && (
        <>
          <TextField
            id={id('extendedTo')}
            type="date"
            width="short"
            label={t('casework.extendedTo')}
            error={err('extendedTo')}
            registration={form.register('extendedTo')}
          />
          <TextAreaField
            id={id('reason')}
            rows={3}
            label={t('casework.extensionReason')}
            hint={t('casework.extensionReasonHint')}
            error={err('reason')}
            registration={form.register('reason')}
          />
        </>
      )}
      {step === 'decide_interventions' && (
        <>
          <fieldset
            className="field fieldset"
            aria-describedby={err('interventions') === undefined ? undefined : `${id('interventions')}-error`}
          >
            <legend>{t('casework.interventions')}</legend>
            {err('interventions') !== undefined && (
              <p id={`${id('interventions')}-error`} className="field-error">
                {err('interventions')}
              </p>
            )}
            <div className="checks">
              {INTERVENTIONS.map((i, index) => (
                <div className="check" key={i}>
                  <input
                    id={id(`interventions-${index}`)}
                    type="checkbox"
                    value={i}
                    {...form.register('interventions')}
                  />
                  <label htmlFor={id(`interventions-${index}`)}>{t(`casework.intervention.${i}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextField
            id={id('carePlanOn')}
            type="date"
            width="short"
            label={t('casework.carePlanOn')}
            error={err('carePlanOn')}
            registration={form.register('carePlanOn')}
          />
        </>
      )}
      {step === 'start_care' && (
        <TextField
          id={id('implementationPlanOn')}
          type="date"
          width="short"
          label={t('casework.implementationPlanOn')}
          hint={t('casework.implementationPlanHint')}
          error={err('implementationPlanOn')}
          registration={form.register('implementationPlanOn')}
        />
      )}
      {DECISIONS.includes(step) && (
        <BestInterestsFieldset
          idPrefix="step"
          register={(name) => form.register(name)}
          errors={errors.bestInterests}
          notHeard={notHeard}
          childLanguages={socialCase.interpreter?.languages ?? []}
          carry={{
            childId,
            get: () => form.getValues('bestInterests'),
            set: (values) => form.setValue('bestInterests', values, { shouldDirty: true }),
          }}
        />
      )}
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('casework.step.submit')}
      </button>
    </form>
  );
}
