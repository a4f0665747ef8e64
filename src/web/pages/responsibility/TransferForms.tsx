/**
 * Transfers between municipalities: the responsible municipality asks another to take the child over; the other
 * answers — confirming is a decision about the child with its best-interests record, declining needs the reason —
 * and the asking one may withdraw.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { useResponsibilityRecord } from '../../api/responsibility-queries.ts';
import type { ChildTransfer, ResponsibilityAction } from '../../api/responsibility-types.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { Announce, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  AnswerSchema,
  HandOverSchema,
  type AnswerInput,
  type AnswerOutput,
  type HandOverInput,
  type HandOverOutput,
} from '../../schemas-responsibility.ts';
import {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
  responsibilityStep,
  useStepFeedback,
} from './form-kit.ts';

export function HandOverForm({
  childId,
  step,
  responsibleCode,
  version,
  onRequested,
  onCancel,
}: {
  readonly childId: string;
  /** The request as the view offers it: the route the form sends to. */
  readonly step: CaseStep<ResponsibilityAction>;
  readonly responsibleCode: string | null;
  readonly version: number;
  /** The request is sent: the section shows (and focuses) the confirmation beside the new row. */
  readonly onRequested: (transferId: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = 'resp-handover';
  const form = useForm<HandOverInput, unknown, HandOverOutput>({
    resolver: zodResolver(HandOverSchema),
    shouldFocusError: false,
    defaultValues: { municipalityCode: '', reason: '', proposedFrom: todayInSweden() },
  });
  const feedback = useStepFeedback(form.setError, ['municipalityCode', 'reason', 'proposedFrom']);
  const send = useCaseStep<{ id: string }>({
    childId,
    step,
    version,
    ...responsibilityStep(childId),
    onDone: (answer) => onRequested(answer.id),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'municipalityCode', id: `${id}-municipality`, label: 'responsibility.transfer.to' },
    { name: 'reason', id: `${id}-reason`, label: 'responsibility.transfer.reason' },
    { name: 'proposedFrom', id: `${id}-from`, label: 'responsibility.transfer.proposedFrom' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="card responsibility-step" id={`${id}-form`}>
      <h4 id={`${id}-title`}>{t('responsibility.transfer.requestTitle')}</h4>
      <p className="hint">{t('responsibility.transfer.requestIntro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary
          errors={errors}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
          level={5}
        />
        <SelectField
          id={fields[0].id}
          label={t(fields[0].label)}
          error={fieldErrorText(t, errors.municipalityCode)}
          registration={form.register('municipalityCode')}
        >
          <option value="">{t('register.chooseMunicipality')}</option>
          <MunicipalityOptions {...(responsibleCode === null ? {} : { exclude: responsibleCode })} />
        </SelectField>
        <TextAreaField
          id={fields[1].id}
          rows={3}
          label={t(fields[1].label)}
          hint={t('responsibility.transfer.reasonHint')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
        />
        <TextField
          id={fields[2].id}
          type="date"
          width="medium"
          label={t(fields[2].label)}
          error={fieldErrorText(t, errors.proposedFrom)}
          registration={form.register('proposedFrom')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {send.isPending ? t('form.sending') : t('responsibility.transfer.requestSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function AnswerForm({
  transfer,
  version,
  languages,
}: {
  readonly transfer: ChildTransfer;
  readonly version: number;
  readonly languages: readonly string[];
}) {
  const { t } = useI18n();
  const id = `resp-answer-${transfer.id.slice(0, 8)}`;
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<AnswerInput, unknown, AnswerOutput>({
    resolver: zodResolver(AnswerSchema),
    shouldFocusError: false,
    defaultValues: { transferredOn: todayInSweden(), answerNote: '', bestInterests: EMPTY_BEST_INTERESTS },
  });
  const feedback = useStepFeedback(
    form.setError,
    ['answer', 'transferredOn', 'answerNote', ...BEST_INTERESTS_PATHS],
    { occurredOn: 'transferredOn' },
  );
  const answer = useWatch({ control: form.control, name: 'answer' });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const confirm = useResponsibilityRecord(
    `/api/transfers/${encodeURIComponent(transfer.id)}/confirm`,
    () => setDone(t('responsibility.transfer.confirmed')),
    feedback.onServerError,
  );
  const decline = useResponsibilityRecord(
    `/api/transfers/${encodeURIComponent(transfer.id)}/decline`,
    () => setDone(t('responsibility.transfer.declined')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((values) => {
    setDone(null);
    feedback.clear();
    if (values.answer === 'confirm') {
      confirm.mutate({
        transferredOn: values.transferredOn,
        answerNote: values.answerNote,
        bestInterests: toBestInterestsBody(values.bestInterests),
        expectedVersion: version,
      });
    } else {
      decline.mutate({ answerNote: values.answerNote, expectedVersion: version });
    }
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'answer', id: `${id}-answer`, label: 'responsibility.transfer.answer' },
    { name: 'transferredOn', id: `${id}-on`, label: 'responsibility.transfer.transferredOn' },
    { name: 'answerNote', id: `${id}-note`, label: 'responsibility.transfer.answerNote' },
    ...(answer === 'confirm' ? bestInterestsSummary(id) : []),
  ] as const;
  const pending = confirm.isPending || decline.isPending;
  return (
    <section aria-labelledby={`${id}-title`} className="card responsibility-step">
      <h4 id={`${id}-title`}>{t('responsibility.transfer.answerTitle')}</h4>
      <p className="hint">{t('responsibility.transfer.answerIntro')}</p>
      <form onSubmit={submit} noValidate className="form form--wide">
        <ErrorSummary
          errors={flatErrors(errors)}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
          level={5}
        />
        <Announce>
          {done !== null && (
            <Success>
              <p>{done}</p>
            </Success>
          )}
        </Announce>
        <RadioGroupField
          id={fields[0].id}
          label={t(fields[0].label)}
          error={fieldErrorText(t, errors.answer)}
          registration={form.register('answer')}
          options={[
            { value: 'confirm', label: t('responsibility.transfer.confirm') },
            { value: 'decline', label: t('responsibility.transfer.decline') },
          ]}
        />
        {answer === 'confirm' && (
          <TextField
            id={fields[1].id}
            type="date"
            width="medium"
            label={t(fields[1].label)}
            hint={t('responsibility.transfer.transferredOnHint')}
            error={fieldErrorText(t, errors.transferredOn)}
            registration={form.register('transferredOn')}
          />
        )}
        <TextAreaField
          id={fields[2].id}
          rows={2}
          label={t(
            answer === 'decline'
              ? 'responsibility.transfer.declineReason'
              : 'responsibility.transfer.answerNote',
          )}
          error={fieldErrorText(t, errors.answerNote)}
          registration={form.register('answerNote')}
        />
        {answer === 'confirm' && (
          <BestInterestsFieldset
            idPrefix={id}
            register={(name) => form.register(name)}
            errors={errors.bestInterests}
            notHeard={notHeard}
            childLanguages={languages}
          />
        )}
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('form.sending') : t('responsibility.transfer.answerSubmit')}
        </button>
      </form>
    </section>
  );
}

export function WithdrawButton({
  transferId,
  version,
}: {
  readonly transferId: string;
  readonly version: number;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const send = useResponsibilityRecord(
    `/api/transfers/${encodeURIComponent(transferId)}/withdraw`,
    () => setError(null),
    setError,
  );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={send.isPending}
        onClick={() => send.mutate({ expectedVersion: version })}
      >
        {send.isPending ? t('form.sending') : t('responsibility.transfer.withdraw')}
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          {t('responsibility.transfer.withdrawFailed')}
        </p>
      )}
    </>
  );
}
