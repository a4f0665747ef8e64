/**
 * The municipality's reports of a missing schablon (anmälan om utebliven schablonersättning; ADR 0035): the finance
 * officer chooses a child and a paid quarter where Anvisa computes more than the Migration Agency paid, says why,
 * and follows the Agency's answer. The form's own schema: one choice stands for the quarter and the child.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiPost } from '../../api/client.ts';
import { PAYOUT_KEY, useMunicipalityReports } from '../../api/payout-queries.ts';
import type { MissingSchablonReport, MunicipalityReports } from '../../api/payout-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { childText } from './PayoutSections.tsx';

const ReportForm = z.object({
  choice: z.string().min(1, 'choice_required'),
  explanation: z.string().trim().min(10, 'explanation_short').max(2000, 'too_big'),
});
type ReportInput = z.input<typeof ReportForm>;
type ReportOutput = z.output<typeof ReportForm>;

const FIELDS: readonly SummaryField[] = [
  { name: 'choice', id: 'missing-choice', label: 'missingSchablon.choice' },
  { name: 'explanation', id: 'missing-explanation', label: 'missingSchablon.explanation' },
];

function ReportFormSection({ candidates }: { readonly candidates: MunicipalityReports['candidates'] }) {
  const { t, number } = useI18n();
  const queryClient = useQueryClient();
  // The button is disabled while sending (the form may go with the last choice): the confirmation takes focus.
  const [sent, setSent] = useState<Confirmed | null>(null);
  const form = useForm<ReportInput, unknown, ReportOutput>({
    resolver: zodResolver(ReportForm),
    shouldFocusError: false,
    defaultValues: { choice: '', explanation: '' },
  });
  // The quarter and the child are one choice on the form.
  const feedback = useFormFeedback(form.setError, ['choice', 'explanation'], (name) =>
    name === 'quarter' || name === 'childId' ? 'choice' : name,
  );
  const send = useMutation({
    mutationFn: (values: ReportOutput) => {
      const [quarter = '', childId = ''] = values.choice.split('|');
      return apiPost<MissingSchablonReport>('/api/compensation/missing-schablon', {
        quarter,
        childId,
        explanation: values.explanation,
      });
    },
    onSuccess: async () => {
      setSent({ text: t('missingSchablon.sent'), focus: true });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEY });
    },
    onError: feedback.onServerError,
  });
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  return (
    <section aria-labelledby="missing-new" className="section">
      <h2 id="missing-new">{t('missingSchablon.new')}</h2>
      <Confirmation confirmed={sent} />
      {candidates.length === 0 ? (
        <p>{t('missingSchablon.noCandidates')}</p>
      ) : (
        <form
          noValidate
          className="form"
          aria-labelledby="missing-new"
          onSubmit={form.handleSubmit((values) => {
            feedback.clear();
            setSent(null);
            send.mutate(values);
          }, feedback.onInvalid)}
        >
          <ErrorSummary
            errors={form.formState.errors}
            fields={FIELDS}
            general={feedback.general}
            attempt={feedback.attempt}
          />
          <SelectField
            id="missing-choice"
            label={t('missingSchablon.choice')}
            hint={t('missingSchablon.choiceHint')}
            error={fieldErrorText(t, form.formState.errors.choice)}
            registration={form.register('choice')}
          >
            <option value="">{t('missingSchablon.choose')}</option>
            {candidates.map((c) => (
              <option key={`${c.quarter}|${c.childId}`} value={`${c.quarter}|${c.childId}`}>
                {t('missingSchablon.candidate', {
                  quarter: c.quarter,
                  child: childText(t, c),
                  computed: kr(c.computed),
                  paid: kr(c.paid),
                })}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="missing-explanation"
            label={t('missingSchablon.explanation')}
            hint={t('missingSchablon.explanationHint')}
            error={fieldErrorText(t, form.formState.errors.explanation)}
            registration={form.register('explanation')}
            rows={4}
          />
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {send.isPending ? t('form.sending') : t('missingSchablon.send')}
          </button>
        </form>
      )}
    </section>
  );
}

/** A report's answer in words: waiting, accepted with its supplementary payout, or rejected with the reason. */
export function AnswerText({ report }: { readonly report: MissingSchablonReport }) {
  const { t, number } = useI18n();
  if (report.status === 'open') return <>{t('missingSchablon.status.open')}</>;
  if (report.status === 'accepted')
    return (
      <>
        {t('missingSchablon.accepted', {
          date: report.answeredOn ?? '',
          amount: t('compensation.kr', { amount: number(report.payout?.total ?? 0) }),
          paidOn: report.payout?.paidOn ?? '',
        })}{' '}
        {report.answerText}
      </>
    );
  return (
    <>
      {t('missingSchablon.rejected', {
        date: report.answeredOn ?? '',
        reason: t(`missingSchablon.reason.${report.rejectionReason ?? 'other'}`),
      })}{' '}
      {report.answerText}
    </>
  );
}

function ReportsTable({ reports }: { readonly reports: readonly MissingSchablonReport[] }) {
  const { t } = useI18n();
  if (reports.length === 0) return <p>{t('missingSchablon.none')}</p>;
  return (
    <table className="table">
      <caption>{t('missingSchablon.ownCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('missingSchablon.reportedOn')}</th>
          <th scope="col">{t('compensation.quarter')}</th>
          <th scope="col">{t('compensation.child')}</th>
          <th scope="col">{t('missingSchablon.explanation')}</th>
          <th scope="col">{t('missingSchablon.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.id}>
            <td>{r.reportedOn}</td>
            <td>{r.quarter}</td>
            <td>{childText(t, r)}</td>
            <td>{r.explanation}</td>
            <td>
              <AnswerText report={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MissingSchablonPage() {
  const { t } = useI18n();
  const reports = useMunicipalityReports();
  return (
    <Page title={t('missingSchablon.title')}>
      <p>{t('missingSchablon.intro')}</p>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadError error={reports.error} />
      ) : (
        <>
          <ReportFormSection candidates={reports.data.candidates} />
          <section aria-labelledby="missing-own" className="section">
            <h2 id="missing-own">{t('missingSchablon.own')}</h2>
            <ReportsTable reports={reports.data.reports} />
          </section>
        </>
      )}
    </Page>
  );
}
