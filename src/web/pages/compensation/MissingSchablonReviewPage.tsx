/**
 * The Migration Agency's answers to the reports of a missing schablon (ADR 0035): every municipality's open reports,
 * oldest first, each with what Anvisa computes for the child's quarter now against what was paid, and a form to
 * accept it (a supplementary payout of what is owed, on a day) or reject it with a reason; below, the latest answered.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { MISSING_SCHABLON_REJECTIONS } from '../../../domain/compensation/payouts.ts';
import { apiPost } from '../../api/client.ts';
import { PAYOUT_KEY, useAgencyReports } from '../../api/payout-queries.ts';
import type { MissingSchablonReport } from '../../api/payout-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { AnswerText } from './MissingSchablonPage.tsx';
import { childText } from './PayoutSections.tsx';

/** The form's own schema: the date only when accepted, the reason only when rejected (the server checks the same). */
const AnswerForm = z.object({
  outcome: z.enum(['accepted', 'rejected'], { error: 'invalid_outcome' }),
  paidOn: z.string().trim(),
  reason: z.string(),
  text: z.string().trim().max(2000, 'too_big'),
});
type AnswerInput = z.input<typeof AnswerForm>;
type AnswerOutput = z.output<typeof AnswerForm>;

function AnswerFormFor({
  report,
  onAnswered,
}: {
  readonly report: MissingSchablonReport;
  readonly onAnswered: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const id = `answer-${report.id}`;
  const fields: readonly SummaryField[] = [
    { name: 'outcome', id: `${id}-outcome`, label: 'missingSchablon.outcome' },
    { name: 'paidOn', id: `${id}-paidOn`, label: 'payouts.paidOn' },
    { name: 'reason', id: `${id}-reason`, label: 'missingSchablon.rejectionReason' },
    { name: 'text', id: `${id}-text`, label: 'missingSchablon.answerText' },
  ];
  const form = useForm<AnswerInput, unknown, AnswerOutput>({
    resolver: zodResolver(AnswerForm),
    shouldFocusError: false,
    defaultValues: { outcome: 'accepted', paidOn: todayInSweden(), reason: '', text: '' },
  });
  const feedback = useFormFeedback(form.setError, ['outcome', 'paidOn', 'reason', 'text']);
  const answer = useMutation({
    mutationFn: (values: AnswerOutput) =>
      apiPost<MissingSchablonReport>(
        `/api/compensation/missing-schablon-reports/${encodeURIComponent(report.id)}/answer`,
        {
          outcome: values.outcome,
          paidOn: values.outcome === 'accepted' && values.paidOn !== '' ? values.paidOn : null,
          reason: values.outcome === 'rejected' && values.reason !== '' ? values.reason : null,
          text: values.text,
        },
      ),
    onSuccess: async () => {
      onAnswered();
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEY });
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const rejected = useWatch({ control: form.control, name: 'outcome' }) === 'rejected';
  return (
    <form
      noValidate
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={form.handleSubmit((values) => {
        feedback.clear();
        answer.mutate(values);
      }, feedback.onInvalid)}
    >
      <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
      <RadioGroupField
        id={`${id}-outcome`}
        label={t('missingSchablon.outcome')}
        error={fieldErrorText(t, errors.outcome)}
        registration={form.register('outcome')}
        options={[
          { value: 'accepted', label: t('missingSchablon.outcome.accepted') },
          { value: 'rejected', label: t('missingSchablon.outcome.rejected') },
        ]}
      />
      {rejected ? (
        <SelectField
          id={`${id}-reason`}
          label={t('missingSchablon.rejectionReason')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
        >
          <option value="">{t('missingSchablon.chooseReason')}</option>
          {MISSING_SCHABLON_REJECTIONS.map((r) => (
            <option key={r} value={r}>
              {t(`missingSchablon.reason.${r}`)}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          id={`${id}-paidOn`}
          type="date"
          width="short"
          label={t('payouts.paidOn')}
          hint={t('missingSchablon.paidOnHint')}
          error={fieldErrorText(t, errors.paidOn)}
          registration={form.register('paidOn')}
        />
      )}
      <TextAreaField
        id={`${id}-text`}
        label={t('missingSchablon.answerText')}
        hint={t('missingSchablon.answerTextHint')}
        error={fieldErrorText(t, errors.text)}
        registration={form.register('text')}
        rows={3}
      />
      <button type="submit" className="button button--primary" disabled={answer.isPending}>
        {answer.isPending ? t('form.sending') : t('missingSchablon.answer.send')}
      </button>
    </form>
  );
}

function ReportCard({
  report,
  onAnswered,
}: {
  readonly report: MissingSchablonReport;
  /** Given for an open report: it can be answered. */
  readonly onAnswered?: () => void;
}) {
  const { t, number } = useI18n();
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  const id = `answer-${report.id}`;
  return (
    <li className="card">
      <h3 id={`${id}-title`}>
        {t('missingSchablon.cardTitle', {
          municipality: report.municipalityName,
          child: childText(t, report),
          quarter: report.quarter,
        })}
      </h3>
      <p>{report.explanation}</p>
      <p className="hint">
        {t('missingSchablon.reportedBy', { date: report.reportedOn, name: report.reportedBy })}
      </p>
      <p>
        {t('missingSchablon.standing', {
          computed: kr(report.computed),
          paid: kr(report.paid),
          difference: kr(report.difference),
        })}
      </p>
      {onAnswered !== undefined ? (
        <AnswerFormFor report={report} onAnswered={onAnswered} />
      ) : (
        <p>
          <AnswerText report={report} />
        </p>
      )}
    </li>
  );
}

export function MissingSchablonReviewPage() {
  const { t } = useI18n();
  const reports = useAgencyReports();
  const [answered, setAnswered] = useState(false);
  return (
    <Page title={t('missingSchablon.reviewTitle')}>
      <p>{t('missingSchablon.reviewIntro')}</p>
      {answered && <Success>{t('missingSchablon.answer.sent')}</Success>}
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadError error={reports.error} />
      ) : (
        <>
          <section aria-labelledby="reports-open" className="section">
            <h2 id="reports-open">{t('missingSchablon.openTitle')}</h2>
            {reports.data.open.length === 0 ? (
              <p>{t('missingSchablon.noneOpen')}</p>
            ) : (
              <ul className="plain-list">
                {reports.data.open.map((r) => (
                  <ReportCard key={r.id} report={r} onAnswered={() => setAnswered(true)} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reports-answered" className="section">
            <h2 id="reports-answered">{t('missingSchablon.answeredTitle')}</h2>
            {reports.data.answered.length === 0 ? (
              <p>{t('missingSchablon.noneAnswered')}</p>
            ) : (
              <ul className="plain-list">
                {reports.data.answered.map((r) => (
                  <ReportCard key={r.id} report={r} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
