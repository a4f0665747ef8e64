/**
 * The finance officer's claims (issue 14 point 4, ADR 0034): the municipality's claims with their status, and a new
 * claim for one quarter or two that follow each other. The draft opens on its own page, where the lines are picked.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { quarterAfter } from '../../../domain/compensation/claim-rules.ts';
import { ApiError, apiPost } from '../../api/client.ts';
import { CLAIMS_KEY, useOwnClaims } from '../../api/claims-queries.ts';
import type { Claim, OwnClaimList } from '../../api/claims-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, SelectField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { ClaimsTable } from './ClaimParts.tsx';

const NewClaimForm = z.object({ quarter: z.string().min(1, 'required'), twoQuarters: z.boolean() });
type NewClaimInput = z.infer<typeof NewClaimForm>;
const FIELDS: readonly SummaryField[] = [
  { name: 'quarter', id: 'claim-quarter', label: 'claims.new.quarter' },
  { name: 'twoQuarters', id: 'claim-two', label: 'claims.new.two' },
];

/** The server names the quarter and its last day in its message: both go to the field's text. */
function deadlineArgument(error: ApiError): string {
  const message = error.fields[0]?.message ?? '';
  const quarter = /\d{4}-Q[1-4]/.exec(message)?.[0] ?? '';
  const date = /\d{4}-\d{2}-\d{2}/.exec(message)?.[0] ?? '';
  return `claim_deadline_passed:${quarter}|${date}`;
}

/** The quarters offered, as the server says: each with its last day, the passed ones marked. */
function NewClaim({ choices }: { readonly choices: OwnClaimList['quarters'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NewClaimInput>({
    resolver: zodResolver(NewClaimForm),
    shouldFocusError: false,
    defaultValues: { quarter: choices[0]?.quarter ?? '', twoQuarters: false },
  });
  const feedback = useFormFeedback(form.setError, ['quarter', 'twoQuarters'], (name) =>
    name.startsWith('quarters') ? 'quarter' : name,
  );
  const create = useMutation({
    mutationFn: (v: NewClaimInput) =>
      apiPost<Claim>('/api/compensation/claims', {
        quarters: v.twoQuarters ? [v.quarter, quarterAfter(v.quarter)] : [v.quarter],
      }),
    onSuccess: async (claim) => {
      await queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
      await navigate({ to: '/ersattning/ansokningar/$claimId', params: { claimId: claim.id } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'claim_deadline_passed') {
        form.setError('quarter', { type: 'claim_deadline_passed', message: deadlineArgument(error) });
        feedback.onInvalid();
      } else feedback.onServerError(error);
    },
  });
  return (
    <section aria-labelledby="claim-new" className="section">
      <h2 id="claim-new">{t('claims.new')}</h2>
      <p>{t('claims.new.intro')}</p>
      <form
        noValidate
        className="form"
        aria-labelledby="claim-new"
        onSubmit={form.handleSubmit((v) => {
          feedback.clear();
          create.mutate(v);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={form.formState.errors}
          fields={FIELDS}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <SelectField
          id="claim-quarter"
          label={t('claims.new.quarter')}
          error={fieldErrorText(t, form.formState.errors.quarter)}
          registration={form.register('quarter')}
        >
          {choices.map((q) => (
            <option key={q.quarter} value={q.quarter}>
              {t(q.passed ? 'claims.new.quarterPassed' : 'claims.new.quarterOpen', {
                quarter: q.quarter,
                date: q.lastDay,
              })}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          id="claim-two"
          label={t('claims.new.two')}
          hint={t('claims.new.twoHint')}
          error={fieldErrorText(t, form.formState.errors.twoQuarters)}
          registration={form.register('twoQuarters')}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('form.sending') : t('claims.new.create')}
        </button>
      </form>
    </section>
  );
}

export function ClaimsPage() {
  const { t } = useI18n();
  const claims = useOwnClaims();
  return (
    <Page title={t('claims.title')}>
      <p>{t('claims.intro')}</p>
      <p>
        <Link to="/ersattning">{t('claims.toView')}</Link>
      </p>
      {claims.data !== undefined && <NewClaim choices={claims.data.quarters} />}
      <section aria-labelledby="claims-list" className="section">
        <h2 id="claims-list">{t('claims.list')}</h2>
        {claims.isPending ? (
          <Loading />
        ) : claims.isError ? (
          <LoadError error={claims.error} />
        ) : claims.data.claims.length === 0 ? (
          <p>{t('claims.none')}</p>
        ) : (
          <ClaimsTable list={claims.data} party="municipality" caption={t('claims.list.caption')} />
        )}
      </section>
    </Page>
  );
}
