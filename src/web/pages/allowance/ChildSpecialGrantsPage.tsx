/**
 * The god man's special grant page for a ward (issue 14 point 7, ADR 0033, 0036), reached from the child's page and
 * from "Mina uppdrag": the child's applications with their status, the Migration Agency's decision as it was written
 * and the payment; the form to apply (as a draft, then submitted) for the god man appointed today. Outside the
 * god man's wards the server answers 404: the not-found page.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { SPECIAL_GRANTS_KEY, useChildSpecialGrants } from '../../api/allowance-queries.ts';
import type { ChildSpecialGrants, SpecialGrant } from '../../api/allowance-types.ts';
import { ApiError, apiPost } from '../../api/client.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { ApplyFormSchema, type ApplyFormInput, type ApplyFormOutput } from '../../schemas-allowance.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { DecisionDocument, SpecialGrantFacts, StatusTag, useCeilingText, useKronor } from './shared.tsx';
import { SpecialGrantSteps } from './SpecialGrantSteps.tsx';

export function ChildSpecialGrantsPage({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const view = useChildSpecialGrants(childId);
  if (view.error instanceof ApiError && view.error.status === 404) return <NotFoundPage />;
  if (view.data === undefined)
    return (
      <Page title={t('allowance.nav')}>{view.isError ? <LoadError error={view.error} /> : <Loading />}</Page>
    );
  return (
    <Page title={t('allowance.child.title', { child: view.data.child })}>
      <ChildSpecialGrants view={view.data} />
    </Page>
  );
}

function ChildSpecialGrants({ view }: { readonly view: ChildSpecialGrants }) {
  const { t } = useI18n();
  // The application a step or the form just changed: its heading takes focus, and what happened is announced.
  const [changed, setChanged] = useState<{ id: string; message: string } | null>(null);
  const done = (next: SpecialGrant, message: string) => setChanged({ id: next.id, message });
  return (
    <>
      <p>
        <Link to="/barn/$childId" params={{ childId: view.childId }}>
          {t('allowance.child.back')}
        </Link>
      </p>
      <p className="lead">{t('allowance.child.intro')}</p>
      <Announce>{changed !== null && <p>{changed.message}</p>}</Announce>
      <section aria-labelledby="special-grant-list" className="section">
        <h2 id="special-grant-list">{t('allowance.child.applications')}</h2>
        {view.applications.length === 0 ? (
          <p>{t('allowance.child.none')}</p>
        ) : (
          [...view.applications]
            .reverse()
            .map((a) => (
              <ApplicationCard
                key={a.id}
                application={a}
                focus={changed?.id === a.id}
                onDone={(next) => done(next, t('allowance.submitted'))}
              />
            ))
        )}
      </section>
      <section aria-labelledby="special-grant-apply" className="section">
        <h2 id="special-grant-apply">{t('allowance.apply')}</h2>
        {view.mayApply ? (
          <ApplyForm view={view} onCreated={(a) => done(a, t('allowance.apply.saved'))} />
        ) : (
          <p>{t('allowance.child.notAppointed')}</p>
        )}
      </section>
    </>
  );
}

function ApplicationCard({
  application,
  focus,
  onDone,
}: {
  readonly application: SpecialGrant;
  readonly focus: boolean;
  readonly onDone: (next: SpecialGrant) => void;
}) {
  const { t } = useI18n();
  const kr = useKronor();
  const a = application;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, a.version]);
  return (
    <article className="card special-grant" aria-labelledby={`special-grant-${a.id}`}>
      <h3 id={`special-grant-${a.id}`} ref={heading} tabIndex={-1}>
        {t('allowance.child.card', {
          need: t(`allowance.need.${a.need}`),
          amount: kr(a.appliedAmount),
        })}{' '}
        <StatusTag application={a} />
      </h3>
      <SpecialGrantFacts application={a} />
      {a.status === 'submitted' && <p>{t('allowance.waiting')}</p>}
      {(a.status === 'granted' || a.status === 'partly_granted') && <p>{t('allowance.toPay')}</p>}
      <DecisionDocument application={a} />
      <SpecialGrantSteps application={a} onDone={onDone} />
    </article>
  );
}

const FIELDS: readonly SummaryField[] = [
  { name: 'need', id: 'special-grant-need', label: 'allowance.field.need' },
  { name: 'description', id: 'special-grant-description', label: 'allowance.field.description' },
  { name: 'amount', id: 'special-grant-amount', label: 'allowance.field.amount' },
];

function ApplyForm({
  view,
  onCreated,
}: {
  readonly view: ChildSpecialGrants;
  readonly onCreated: (application: SpecialGrant) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<ApplyFormInput, unknown, ApplyFormOutput>({
    resolver: zodResolver(ApplyFormSchema),
    shouldFocusError: false,
    defaultValues: { description: '', amount: '' },
  });
  const need = useWatch({ control: form.control, name: 'need' });
  const ceiling = useCeilingText(view.needs);
  const feedback = useFormFeedback(form.setError, ['need', 'description', 'amount']);
  const send = useMutation({
    mutationFn: (values: ApplyFormOutput) =>
      apiPost<SpecialGrant>(`/api/children/${encodeURIComponent(view.childId)}/special-grants`, values),
    onSuccess: async (created) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: SPECIAL_GRANTS_KEY });
      onCreated(created);
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  return (
    <form
      noValidate
      className="form"
      aria-labelledby="special-grant-apply"
      onSubmit={form.handleSubmit((values) => {
        feedback.clear();
        send.mutate(values);
      }, feedback.onInvalid)}
    >
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <p className="hint">{t('allowance.apply.hint')}</p>
      <SelectField
        id="special-grant-need"
        label={t('allowance.field.need')}
        error={fieldErrorText(t, errors.need)}
        registration={form.register('need')}
      >
        <option value="">{t('allowance.field.chooseNeed')}</option>
        {view.needs.map((n) => (
          <option key={n.need} value={n.need}>
            {t(`allowance.need.${n.need}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="special-grant-description"
        label={t('allowance.field.description')}
        hint={t('allowance.field.descriptionHint')}
        error={fieldErrorText(t, errors.description)}
        registration={form.register('description')}
      />
      <TextField
        id="special-grant-amount"
        label={t('allowance.field.amount')}
        hint={need === undefined ? undefined : ceiling(need)}
        inputMode="numeric"
        width="short"
        error={fieldErrorText(t, errors.amount)}
        registration={form.register('amount')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('allowance.apply.save')}
      </button>
    </form>
  );
}
