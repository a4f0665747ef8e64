/**
 * The Agency's decision on one line of a claim (ADR 0034): what the line claims, its attachment (the LVU decision) to
 * read before deciding, whether it is decided yet, and the form. No outcome is chosen beforehand.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { LINE_OUTCOMES, REVIEW_REASONS } from '../../../domain/compensation/claim-review.ts';
import { apiPost } from '../../api/client.ts';
import type { Claim, ClaimLine } from '../../api/claims-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useCountLabel } from './counts.ts';
import { parseKronor } from '../../form-kronor.ts';
import { useI18n } from '../../language.tsx';
import { attachmentHref, lineLabel, LineOutcome, useKronor } from './ClaimParts.tsx';

/** No outcome is chosen beforehand: a line is decided only by the officer's explicit choice. */
const DecisionForm = z
  .object({
    outcome: z
      .union([z.literal(''), z.enum(LINE_OUTCOMES)])
      .pipe(z.enum(LINE_OUTCOMES, 'line_outcome_required')),
    grantedAmount: z.string().trim(),
    reason: z.string(),
    reasonText: z.string().max(1000, 'too_big'),
  })
  .superRefine((v, ctx) => {
    // The amount only when reduced: the field is hidden otherwise, and what was typed there counts for nothing.
    const amount = parseKronor(v.grantedAmount);
    if (v.outcome === 'reduced' && amount.kind !== 'kronor')
      ctx.addIssue({
        code: 'custom',
        path: ['grantedAmount'],
        message: amount.kind === 'problem' ? amount.problem : 'whole_kronor',
      });
    if (v.outcome !== 'granted' && v.reason === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
    if (v.outcome !== 'granted' && v.reason === 'other' && v.reasonText.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'reason_text_required' });
  })
  .transform((v) => {
    const amount = parseKronor(v.grantedAmount);
    return {
      ...v,
      grantedAmount: v.outcome === 'reduced' && amount.kind === 'kronor' ? amount.kronor : null,
    };
  });
type DecisionInput = z.input<typeof DecisionForm>;
type DecisionOutput = z.output<typeof DecisionForm>;

export function LineDecision({
  claim,
  line,
  focus,
  onDone,
}: {
  readonly claim: Claim;
  readonly line: ClaimLine;
  /** The line to decide next: its heading takes focus (the form last sent was drawn anew, its button gone). */
  readonly focus: boolean;
  readonly onDone: (next: Claim) => Promise<void>;
}) {
  const { t } = useI18n();
  const countLabel = useCountLabel();
  const kr = useKronor();
  const id = `decide-${line.id}`;
  const fields: readonly SummaryField[] = [
    { name: 'outcome', id: `${id}-outcome`, label: 'review.outcome' },
    { name: 'grantedAmount', id: `${id}-amount`, label: 'review.amount' },
    { name: 'reason', id: `${id}-reason`, label: 'review.reason' },
    { name: 'reasonText', id: `${id}-text`, label: 'review.reasonText' },
  ];
  const form = useForm<DecisionInput, unknown, DecisionOutput>({
    resolver: zodResolver(DecisionForm),
    shouldFocusError: false,
    defaultValues: {
      outcome: line.outcome ?? '',
      grantedAmount: line.outcome === 'reduced' ? String(line.grantedAmount ?? '') : '',
      reason: line.reason ?? '',
      reasonText: line.reasonText ?? '',
    },
  });
  const feedback = useFormFeedback(form.setError, ['outcome', 'grantedAmount', 'reason', 'reasonText']);
  const decide = useMutation({
    mutationFn: (v: DecisionOutput) =>
      apiPost<Claim>(
        `/api/compensation/review/${encodeURIComponent(claim.id)}/lines/${encodeURIComponent(line.id)}/decision`,
        {
          outcome: v.outcome,
          grantedAmount: v.grantedAmount,
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
  const withReason = outcome === 'reduced' || outcome === 'rejected';
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const title = `${lineLabel(t, line)}, ${t(`compensation.code.${line.code}`)}, ${line.quarter}`;
  return (
    <li>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>
        {t('review.claimedLine', { amount: kr(line.amount), days: countLabel(line.code, line.count) })}{' '}
        {line.amountStated && `${t('review.statedAmount')} `}
        {line.firstClaimedOn !== null && t('review.firstClaimed', { date: line.firstClaimedOn })}
      </p>
      {line.attachment !== null ? (
        <p>
          {t('claims.attachment')}:{' '}
          <a href={attachmentHref('agency', line.attachment.id)} download={line.attachment.fileName}>
            {line.attachment.fileName}
          </a>
        </p>
      ) : (
        line.attachmentKind !== null && <p>{t(`claims.attachment.missing.${line.attachmentKind}`)}</p>
      )}
      <p>
        {t('review.current')}{' '}
        {line.outcome === null ? (
          <span className="tag tag--warning">{t('claims.outcome.none')}</span>
        ) : (
          <LineOutcome line={line} />
        )}
      </p>
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
        {withReason && (
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
        {withReason && reason === 'other' && (
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
