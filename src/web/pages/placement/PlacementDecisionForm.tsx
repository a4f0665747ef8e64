/**
 * A placement decision: an ordinary placement (also the decision after an on-call placement), an on-call placement
 * out of hours (valid to the next working day), or a move. The form first, then a provider of that form with its free
 * places and languages; for stödboende the age rule (not before 16; a special reason for 16–17-year-olds) is shown as
 * the date is typed. Every decision carries the best-interests record; the server names each missing part.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { needsSpecialReason, tooYoungForStodboende } from '../../../domain/placement/stodboende.ts';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { placementsKey, useProviders } from '../../api/placement-queries.ts';
import { LEGAL_BASES, PLACEMENT_FORMS, type PlacementView } from '../../api/placement-types.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { LoadError } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { PlacementDecisionSchema, type PlacementDecisionValues } from '../../schemas-placement.ts';
import { BEST_INTERESTS_NAMES, bestInterestsSummaryFields, MeetingNotice } from './shared.tsx';

export type DecisionMode = 'place' | 'on_call' | 'move';

const id = (name: string) => `placement-${name}`;
const OWN_FIELDS = ['form', 'providerId', 'legalBasis', 'fromDate', 'specialReason'] as const;
const FIELDS: SummaryField[] = [
  { name: 'form', id: id('form'), label: 'placement.field.form' },
  { name: 'providerId', id: id('providerId'), label: 'placement.field.provider' },
  { name: 'legalBasis', id: id('legalBasis'), label: 'placement.field.legalBasis' },
  { name: 'fromDate', id: id('fromDate'), label: 'placement.field.fromDate' },
  { name: 'specialReason', id: id('specialReason'), label: 'placement.field.specialReason' },
  ...bestInterestsSummaryFields('placement'),
];

function flatErrors(errors: FieldErrors<PlacementDecisionValues>): FieldErrors {
  const nested = (errors.bestInterests ?? {}) as Record<string, unknown>;
  return {
    ...errors,
    ...Object.fromEntries(Object.entries(nested).map(([k, v]) => [`bestInterests.${k}`, v])),
  } as FieldErrors;
}

export function PlacementDecisionForm({
  childId,
  view,
  step,
  onDone,
}: {
  readonly childId: string;
  readonly view: PlacementView;
  /** The decision as the server offers it: the route and what it needs (always a best-interests record). */
  readonly step: CaseStep<DecisionMode>;
  readonly onDone: (message: string) => void;
}) {
  const { t, tn } = useI18n();
  const mode = step.action;
  const form = useForm<PlacementDecisionValues>({
    resolver: zodResolver(PlacementDecisionSchema),
    shouldFocusError: false,
    defaultValues: {
      form: mode === 'on_call' ? 'jourhem' : (view.current?.form ?? 'hvb'),
      providerId:
        mode === 'place' && view.state === 'on_call_placed' ? (view.current?.provider?.id ?? '') : '',
      legalBasis: view.current?.legalBasis ?? 'SoL',
      fromDate: todayInSweden(),
      specialReason: '',
      bestInterests: EMPTY_BEST_INTERESTS,
    },
  });
  const feedback = useFormFeedback(form.setError, [...OWN_FIELDS, ...BEST_INTERESTS_NAMES], (name) =>
    name === 'occurredOn' ? 'fromDate' : name,
  );
  const [chosenForm, fromDate, notHeard] = useWatch({
    control: form.control,
    name: ['form', 'fromDate', 'bestInterests.notHeard'],
  });
  const providers = useProviders({ form: chosenForm });
  const specialReason = needsSpecialReason(chosenForm, view.child.birthDate, fromDate);
  const tooYoung = tooYoungForStodboende(chosenForm, view.child.birthDate, fromDate);
  const send = useCaseStep<PlacementView>({
    childId,
    step,
    version: view.version,
    queryKey: placementsKey(childId),
    onDone: (next) =>
      onDone(
        mode === 'on_call'
          ? t('placement.done.on_call', { date: next.current?.validUntil ?? '' })
          : t(`placement.done.${mode}`),
      ),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate({
      providerId: values.providerId,
      form: values.form,
      legalBasis: values.legalBasis,
      fromDate: values.fromDate,
      specialReason:
        values.form === 'stodboende' && values.specialReason.trim() !== '' ? values.specialReason : null,
      bestInterests: toBestInterestsBody(values.bestInterests),
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: (typeof OWN_FIELDS)[number]) => fieldErrorText(t, errors[name]);
  const options = (providers.data?.providers ?? []).filter(
    (p) => p.active && p.id !== (mode === 'move' ? view.current?.provider?.id : undefined),
  );

  return (
    <form onSubmit={submit} noValidate className="form form--wide" aria-labelledby={id(`${mode}-title`)}>
      <h3 id={id(`${mode}-title`)}>{t(`placement.action.${mode}`)}</h3>
      <p className="hint">{t(`placement.intro.${mode}`)}</p>
      <ErrorSummary
        errors={flatErrors(errors)}
        fields={FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <MeetingNotice facts={view.child} context="placement" />
      <SelectField
        id={id('form')}
        label={t('placement.field.form')}
        error={err('form')}
        registration={form.register('form')}
      >
        {PLACEMENT_FORMS.map((f) => (
          <option key={f} value={f}>
            {t(`placement.form.${f}`)}
          </option>
        ))}
      </SelectField>
      {tooYoung && (
        <div className="notice notice--warning">
          <p>{t('placement.stodboendeTooYoung')}</p>
        </div>
      )}
      {providers.isError && <LoadError error={providers.error} />}
      <SelectField
        id={id('providerId')}
        label={t('placement.field.provider')}
        hint={t('placement.field.providerHint')}
        error={err('providerId')}
        registration={form.register('providerId')}
      >
        <option value="">{providers.isPending ? t('common.loading') : t('placement.chooseProvider')}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {tn('placement.providerOption', p.places, {
              name: p.name,
              free: p.free,
              languages: p.languages.length === 0 ? '–' : p.languages.join(', '),
            })}
          </option>
        ))}
      </SelectField>
      {providers.data !== undefined && options.length === 0 && (
        <p className="hint">{t('placement.noProviders')}</p>
      )}
      <RadioGroupField
        id={id('legalBasis')}
        label={t('placement.field.legalBasis')}
        error={err('legalBasis')}
        registration={form.register('legalBasis')}
        options={LEGAL_BASES.map((b) => ({ value: b, label: t(`placement.legalBasis.${b}`) }))}
      />
      <TextField
        id={id('fromDate')}
        type="date"
        width="short"
        label={t('placement.field.fromDate')}
        error={err('fromDate')}
        registration={form.register('fromDate')}
      />
      {mode === 'on_call' && <p className="hint">{t('placement.onCallHint')}</p>}
      {specialReason && (
        <div className="conditional">
          <TextAreaField
            id={id('specialReason')}
            rows={3}
            label={t('placement.field.specialReason')}
            hint={t('placement.field.specialReasonHint')}
            error={err('specialReason')}
            registration={form.register('specialReason')}
          />
        </div>
      )}
      <BestInterestsFieldset
        idPrefix="placement"
        register={(name) => form.register(name)}
        errors={errors.bestInterests}
        notHeard={notHeard}
        childLanguages={view.child.languages}
        carry={{
          childId,
          get: () => form.getValues('bestInterests'),
          set: (values) => form.setValue('bestInterests', values, { shouldDirty: true }),
        }}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t(`placement.submit.${mode}`)}
      </button>
    </form>
  );
}
