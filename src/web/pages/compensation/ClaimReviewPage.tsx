/**
 * The Agency's review of the municipalities' claims (issue 14 point 5, ADR 0034), the compensation officer's: the
 * queue of claims to decide and to pay, and one claim — each line granted, reduced or rejected with a reason from the
 * closed list (the claim is decided with its last line), then the payment of what was granted.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { LINE_OUTCOMES, REVIEW_REASONS } from '../../../domain/compensation/claim-review.ts';
import { isIsoDate } from '../../../domain/time.ts';
import { apiPost } from '../../api/client.ts';
import { CLAIMS_KEY, useClaim, useClaims } from '../../api/claims-queries.ts';
import type { Claim, ClaimLine } from '../../api/claims-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  ClaimFacts,
  claimReference,
  ClaimsTable,
  DecisionAndPayment,
  lineLabel,
  LineOutcome,
  SubmittedLines,
  useKronor,
  Versions,
} from './ClaimParts.tsx';

export function ClaimReviewQueuePage() {
  const { t } = useI18n();
  const queue = useClaims('agency');
  return (
    <Page title={t('review.title')}>
      <p>{t('review.intro')}</p>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError error={queue.error} />
      ) : queue.data.claims.length === 0 ? (
        <p>{t('review.none')}</p>
      ) : (
        <ClaimsTable list={queue.data} party="agency" caption={t('review.caption')} />
      )}
    </Page>
  );
}

const DecisionForm = z
  .object({
    outcome: z.enum(LINE_OUTCOMES, 'invalid_outcome'),
    grantedAmount: z.string().trim(),
    reason: z.string(),
    reasonText: z.string().max(1000, 'too_big'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'reduced' && !/^[0-9]+$/.test(v.grantedAmount))
      ctx.addIssue({ code: 'custom', path: ['grantedAmount'], message: 'whole_kronor' });
    if (v.outcome !== 'granted' && v.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
    if (v.outcome !== 'granted' && v.reason === 'other' && v.reasonText.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'reason_text_required' });
  });
type DecisionInput = z.infer<typeof DecisionForm>;

function LineDecision({
  claim,
  line,
  onDone,
}: {
  readonly claim: Claim;
  readonly line: ClaimLine;
  readonly onDone: (next: Claim) => Promise<void>;
}) {
  const { t, tn } = useI18n();
  const kr = useKronor();
  const id = `decide-${line.id}`;
  const fields: readonly SummaryField[] = [
    { name: 'outcome', id: `${id}-outcome`, label: 'review.outcome' },
    { name: 'grantedAmount', id: `${id}-amount`, label: 'review.amount' },
    { name: 'reason', id: `${id}-reason`, label: 'review.reason' },
    { name: 'reasonText', id: `${id}-text`, label: 'review.reasonText' },
  ];
  const form = useForm<DecisionInput>({
    resolver: zodResolver(DecisionForm),
    shouldFocusError: false,
    defaultValues: {
      outcome: line.outcome ?? 'granted',
      grantedAmount: line.outcome === 'reduced' ? String(line.grantedAmount ?? '') : '',
      reason: line.reason ?? '',
      reasonText: line.reasonText ?? '',
    },
  });
  const feedback = useFormFeedback(form.setError, ['outcome', 'grantedAmount', 'reason', 'reasonText']);
  const decide = useMutation({
    mutationFn: (v: DecisionInput) =>
      apiPost<Claim>(
        `/api/compensation/review/${encodeURIComponent(claim.id)}/lines/${encodeURIComponent(line.id)}/decision`,
        {
          outcome: v.outcome,
          grantedAmount: v.outcome === 'reduced' ? Number(v.grantedAmount) : null,
          reason: v.outcome === 'granted' || v.reason === '' ? null : v.reason,
          reasonText: v.outcome !== 'granted' && v.reason === 'other' ? v.reasonText : '',
          expectedVersion: claim.version,
        },
      ),
    onSuccess: onDone,
    onError: feedback.onServerError,
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const reason = useWatch({ control: form.control, name: 'reason' });
  const title = `${lineLabel(t, line)}, ${t(`compensation.code.${line.code}`)}, ${line.quarter}`;
  return (
    <li>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>
        {t('review.claimedLine', { amount: kr(line.amount), days: tn('compensation.days', line.count) })}{' '}
        {line.firstClaimedOn !== null && t('review.firstClaimed', { date: line.firstClaimedOn })}
      </p>
      {line.outcome !== null && (
        <p>
          {t('review.current')} <LineOutcome line={line} />
        </p>
      )}
      <form
        noValidate
        className="form"
        aria-labelledby={`${id}-title`}
        onSubmit={form.handleSubmit((v) => {
          feedback.clear();
          decide.mutate(v);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <RadioGroupField
          id={`${id}-outcome`}
          label={t('review.outcome')}
          error={fieldErrorText(t, form.formState.errors.outcome)}
          registration={form.register('outcome')}
          options={LINE_OUTCOMES.map((o) => ({ value: o, label: t(`review.outcome.${o}`) }))}
        />
        {outcome === 'reduced' && (
          <TextField
            id={`${id}-amount`}
            label={t('review.amount')}
            inputMode="numeric"
            width="short"
            error={fieldErrorText(t, form.formState.errors.grantedAmount)}
            registration={form.register('grantedAmount')}
          />
        )}
        {outcome !== 'granted' && (
          <SelectField
            id={`${id}-reason`}
            label={t('review.reason')}
            error={fieldErrorText(t, form.formState.errors.reason)}
            registration={form.register('reason')}
          >
            <option value="">{t('review.reason.choose')}</option>
            {REVIEW_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`claims.reason.${r}`)}
              </option>
            ))}
          </SelectField>
        )}
        {outcome !== 'granted' && reason === 'other' && (
          <TextAreaField
            id={`${id}-text`}
            label={t('review.reasonText')}
            rows={3}
            error={fieldErrorText(t, form.formState.errors.reasonText)}
            registration={form.register('reasonText')}
          />
        )}
        <button type="submit" className="button" disabled={decide.isPending}>
          {decide.isPending ? t('form.sending') : t('review.decide')}
        </button>
      </form>
    </li>
  );
}

const PaymentForm = z.object({
  paidOn: z.string().refine(isIsoDate, 'invalid_date'),
  reference: z.string().trim().min(1, 'required').max(50, 'too_big'),
});
type PaymentInput = z.infer<typeof PaymentForm>;
const PAYMENT_FIELDS: readonly SummaryField[] = [
  { name: 'paidOn', id: 'payment-date', label: 'review.paidOn' },
  { name: 'reference', id: 'payment-reference', label: 'review.reference' },
];

function Payment({
  claim,
  onDone,
}: {
  readonly claim: Claim;
  readonly onDone: (next: Claim) => Promise<void>;
}) {
  const { t } = useI18n();
  const kr = useKronor();
  const form = useForm<PaymentInput>({
    resolver: zodResolver(PaymentForm),
    shouldFocusError: false,
    defaultValues: { paidOn: new Date().toISOString().slice(0, 10), reference: '' },
  });
  const feedback = useFormFeedback(form.setError, ['paidOn', 'reference']);
  const pay = useMutation({
    mutationFn: (v: PaymentInput) =>
      apiPost<Claim>(`/api/compensation/review/${encodeURIComponent(claim.id)}/payment`, {
        ...v,
        expectedVersion: claim.version,
      }),
    onSuccess: onDone,
    onError: feedback.onServerError,
  });
  return (
    <section aria-labelledby="claim-pay" className="section">
      <h2 id="claim-pay">{t('review.pay.title')}</h2>
      <p>{t('review.pay.intro', { amount: kr(claim.granted ?? 0) })}</p>
      <form
        noValidate
        className="form"
        aria-labelledby="claim-pay"
        onSubmit={form.handleSubmit((v) => {
          feedback.clear();
          pay.mutate(v);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={form.formState.errors}
          fields={PAYMENT_FIELDS}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="payment-date"
          type="date"
          label={t('review.paidOn')}
          width="medium"
          error={fieldErrorText(t, form.formState.errors.paidOn)}
          registration={form.register('paidOn')}
        />
        <TextField
          id="payment-reference"
          label={t('review.reference')}
          width="medium"
          error={fieldErrorText(t, form.formState.errors.reference)}
          registration={form.register('reference')}
        />
        <button type="submit" className="button" disabled={pay.isPending}>
          {pay.isPending ? t('form.sending') : t('review.pay')}
        </button>
      </form>
    </section>
  );
}

export function ClaimReviewPage() {
  const { claimId } = useParams({ from: '/app/ersattning/granskning/$claimId' });
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const claim = useClaim('agency', claimId);
  const [saved, setSaved] = useState<string | null>(null);
  if (claim.isPending) return <Loading />;
  if (claim.isError) return <LoadError error={claim.error} />;
  const c = claim.data;
  const done = (message: string) => async (next: Claim) => {
    setSaved(message);
    queryClient.setQueryData([...CLAIMS_KEY, 'agency', next.id], next);
    await queryClient.invalidateQueries({ queryKey: [...CLAIMS_KEY, 'agency', 'list'] });
  };
  return (
    <Page
      title={t('review.claimTitle', {
        reference: claimReference(c),
        version: c.versionNo,
        municipality: c.municipalityName,
      })}
    >
      <p>
        <Link to="/ersattning/granskning">{t('review.back')}</Link>
      </p>
      {saved !== null && <Success>{saved}</Success>}
      <ClaimFacts claim={c} />
      {c.steps.includes('decide') ? (
        <section aria-labelledby="claim-decide" className="section">
          <h2 id="claim-decide">{t('review.lines')}</h2>
          <p className="hint">{t('review.linesHint')}</p>
          <ul className="plain-list">
            {c.lines.map((line) => (
              <LineDecision
                key={`${line.id}-${String(c.version)}`}
                claim={c}
                line={line}
                onDone={done(t('review.decided'))}
              />
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="claim-lines" className="section">
          <h2 id="claim-lines">{t('claims.lines')}</h2>
          <SubmittedLines claim={c} party="agency" />
        </section>
      )}
      <DecisionAndPayment claim={c} />
      {c.steps.includes('pay') && <Payment claim={c} onDone={done(t('review.paidSaved'))} />}
      <Versions claim={c} party="agency" />
    </Page>
  );
}
