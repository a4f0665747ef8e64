/**
 * The Agency's review of the municipalities' claims (issue 14 point 5, ADR 0034), the compensation officer's: the
 * queue of claims to decide and to pay, and one claim — each line granted, reduced or rejected with a reason from the
 * closed list (the claim is decided with its last line), then the payment of what was granted.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isIsoDate } from '../../../domain/time.ts';
import { apiPost } from '../../api/client.ts';
import { CLAIMS_KEY, useClaim, useClaims } from '../../api/claims-queries.ts';
import type { Claim } from '../../api/claims-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { todayInSweden } from '../../dates.ts';
import { useI18n } from '../../language.tsx';
import { LineDecision } from './ClaimLineDecision.tsx';
import {
  ClaimFacts,
  claimReference,
  ClaimsTable,
  DecisionAndPayment,
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
    defaultValues: { paidOn: todayInSweden(), reference: '' },
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
  const [saved, setSaved] = useState<Confirmed | null>(null);
  // The line whose heading takes focus once the lines are drawn anew for the claim's new version.
  const [focusLine, setFocusLine] = useState<string | null>(null);
  // Loading and an unknown claim are shown inside the page, under its heading (one h1 on every page).
  if (claim.data === undefined)
    return (
      <Page title={t('review.title')}>{claim.isError ? <LoadError error={claim.error} /> : <Loading />}</Page>
    );
  const c = claim.data;
  const update = async (next: Claim, text: string, lineToFocus: string | null) => {
    setFocusLine(lineToFocus);
    setSaved({ text, focus: lineToFocus === null });
    queryClient.setQueryData([...CLAIMS_KEY, 'agency', next.id], next);
    await queryClient.invalidateQueries({ queryKey: [...CLAIMS_KEY, 'agency', 'list'] });
  };
  // A line decided: on to the next line not yet decided (after it, else before it); with the last, the claim is
  // decided and the confirmation takes focus above its decision.
  const lineDone = (lineId: string) => (next: Claim) => {
    const at = next.lines.findIndex((l) => l.id === lineId);
    const open = (l: Claim['lines'][number]) => l.outcome === null;
    const following = next.lines.slice(at + 1).find(open) ?? next.lines.slice(0, at).find(open);
    const stillDeciding = next.steps.includes('decide') && following !== undefined;
    return update(next, t('review.decided'), stillDeciding ? following.id : null);
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
      <Confirmation confirmed={saved} />
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
                focus={focusLine === line.id}
                onDone={lineDone(line.id)}
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
      {c.steps.includes('pay') && (
        <Payment claim={c} onDone={(next) => update(next, t('review.paidSaved'), null)} />
      )}
      <Versions claim={c} party="agency" />
    </Page>
  );
}
