/**
 * The forms of a missing episode's steps, one per step the server offers (src/missing/use-cases.ts decides which).
 * Each answer is the child's episodes as they are now; a refusal puts each field's reason on its field.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  useForm,
  useWatch,
  type FieldValues,
  type Path,
  type UseFormRegisterReturn,
  type UseFormSetError,
} from 'react-hook-form';
import type { CaseStep } from '../../api/case-steps.ts';
import { apiPost, ApiError } from '../../api/client.ts';
import { missingKey } from '../../api/missing-queries.ts';
import type { Episode, MissingAction, MissingView } from '../../api/missing-types.ts';
import { afterCaseChange } from '../../api/placement-queries.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
} from '../../components/form/best-interests-summary.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, RadioGroupField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { fieldErrorText, type FieldErrorLike } from '../../form-errors.ts';
import type { MessageKey, TranslateCount } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import {
  CloseFormSchema,
  CompleteFormSchema,
  StrategyMeetingFormSchema,
  EmergencyCareFormSchema,
  FoundFormSchema,
  instantOf,
  LvuFormSchema,
  MomentFormSchema,
  PoliceReportFormSchema,
  ReportFormSchema,
  ReturnTalkFormSchema,
  type CloseFormValues,
  type CloseFormOutput,
  type CompleteFormValues,
  type CompleteFormOutput,
  type StrategyMeetingFormValues,
  type StrategyMeetingFormOutput,
  type EmergencyCareFormValues,
  type EmergencyCareFormOutput,
  type FoundFormValues,
  type FoundFormOutput,
  type LvuFormValues,
  type LvuFormOutput,
  type MomentFormValues,
  type MomentFormOutput,
  type PoliceReportFormValues,
  type PoliceReportFormOutput,
  type ReportFormValues,
  type ReportFormOutput,
  type ReturnTalkFormValues,
  type ReturnTalkFormOutput,
} from '../../schemas-missing.ts';
import { stockholmLocal } from '../../../domain/stockholm-time.ts';
import {
  ABSENCE_KINDS,
  FOUND_CONDITIONS,
  LVU_GROUNDS,
  LVU_OUTCOMES,
  PLACEMENT_REVIEW_OUTCOMES,
  RETURN_TALK_OUTCOMES,
} from '../../../domain/missing/records.ts';
import { EMERGENCY_CARE_KINDS } from '../../../domain/missing/emergency-care.ts';

/** Now, in Swedish time: the default date and time of a form. */
function nowParts(): { date: string; time: string } {
  const local = stockholmLocal(new Date());
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** Sends a body to a step's route; the answer (the child's episodes now) goes into the section's query. */
export function useMissingPost(childId: string, onDone: () => void, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: Readonly<Record<string, unknown>> }) =>
      apiPost<MissingView>(path, body),
    onSuccess: (view) => {
      afterCaseChange(queryClient, missingKey(childId), childId, view);
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'stale' || error.code === 'transition_not_allowed'))
        void queryClient.invalidateQueries({ queryKey: missingKey(childId) });
      onError(error);
    },
  });
}

/** The server names the instant's field (`lastSeenAt`); the form has a date and a time for it. */
const momentField =
  (map: Readonly<Record<string, string>>) =>
  (name: string): string =>
    map[name] ?? name;

function useFeedback<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  map: Readonly<Record<string, string>> = {},
) {
  return useFormFeedback(setError, fields, momentField(map));
}

interface FormProps {
  readonly childId: string;
  readonly step: CaseStep<MissingAction>;
  readonly onDone: (message: string) => void;
}

function Submit({ pending, label, warning }: { pending: boolean; label: string; warning?: boolean }) {
  const { t } = useI18n();
  return (
    <button
      type="submit"
      className={warning === true ? 'button button--warning' : 'button button--primary'}
      disabled={pending}
    >
      {pending ? t('form.sending') : label}
    </button>
  );
}

/** A date (ÅÅÅÅ-MM-DD) and a time (TT:MM) side by side, for one moment. */
export function MomentFields({
  idPrefix,
  label,
  date,
  time,
}: {
  readonly idPrefix: string;
  readonly label: MessageKey;
  readonly date: { readonly registration: UseFormRegisterReturn; readonly error: FieldErrorLike | undefined };
  readonly time: { readonly registration: UseFormRegisterReturn; readonly error: FieldErrorLike | undefined };
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset moment">
      <legend>{t(label)}</legend>
      <div className="moment__parts">
        <TextField
          id={`${idPrefix}-date`}
          type="date"
          width="short"
          label={t('missing.part.date')}
          error={fieldErrorText(t, date.error)}
          registration={date.registration}
        />
        <TextField
          id={`${idPrefix}-time`}
          width="short"
          label={t('missing.part.time')}
          hint={t('missing.part.timeFormat')}
          inputMode="numeric"
          error={fieldErrorText(t, time.error)}
          registration={time.registration}
        />
      </div>
    </fieldset>
  );
}

export function ReportForm({ childId, step, onDone }: FormProps) {
  const { t } = useI18n();
  const now = nowParts();
  const form = useForm<ReportFormValues, unknown, ReportFormOutput>({
    resolver: zodResolver(ReportFormSchema),
    shouldFocusError: false,
    defaultValues: {
      kind: 'missing',
      lastSeenDate: now.date,
      lastSeenTime: '',
      lastSeenPlace: '',
      policeNow: false,
      policeReference: '',
      policeDate: now.date,
      policeTime: '',
    },
  });
  const fields = [
    'kind',
    'lastSeenDate',
    'lastSeenTime',
    'lastSeenPlace',
    'policeReference',
    'policeDate',
    'policeTime',
  ] as const;
  const feedback = useFeedback(form.setError, fields, {
    lastSeenAt: 'lastSeenDate',
    policeReportedAt: 'policeDate',
  });
  const send = useMissingPost(childId, () => onDone(t('missing.done.report')), feedback.onServerError);
  const policeNow = useWatch({ control: form.control, name: 'policeNow' });
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        kind: v.kind,
        lastSeenAt: instantOf(v.lastSeenDate, v.lastSeenTime),
        lastSeenPlace: v.lastSeenPlace,
        ...(v.policeNow
          ? { policeReference: v.policeReference, policeReportedAt: instantOf(v.policeDate, v.policeTime) }
          : {}),
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-report-title">
      <h3 id="missing-report-title">{t('missing.action.report')}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'kind', id: 'missing-report-kind', label: 'missing.field.kind' },
          { name: 'lastSeenDate', id: 'missing-report-seen-date', label: 'missing.field.lastSeenAt' },
          { name: 'lastSeenTime', id: 'missing-report-seen-time', label: 'missing.field.lastSeenAt' },
          { name: 'lastSeenPlace', id: 'missing-report-place', label: 'missing.field.lastSeenPlace' },
          { name: 'policeReference', id: 'missing-report-ref', label: 'missing.field.policeReference' },
          { name: 'policeDate', id: 'missing-report-police-date', label: 'missing.field.policeReportedAt' },
          { name: 'policeTime', id: 'missing-report-police-time', label: 'missing.field.policeReportedAt' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <RadioGroupField
        id="missing-report-kind"
        label={t('missing.field.kind')}
        error={fieldErrorText(t, errors.kind)}
        registration={form.register('kind')}
        options={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`missing.kind.${k}`) }))}
      />
      <MomentFields
        idPrefix="missing-report-seen"
        label="missing.field.lastSeenAt"
        date={{ registration: form.register('lastSeenDate'), error: errors.lastSeenDate }}
        time={{ registration: form.register('lastSeenTime'), error: errors.lastSeenTime }}
      />
      <TextField
        id="missing-report-place"
        label={t('missing.field.lastSeenPlace')}
        error={fieldErrorText(t, errors.lastSeenPlace)}
        registration={form.register('lastSeenPlace')}
      />
      <CheckboxField
        id="missing-report-police-now"
        label={t('missing.field.policeNow')}
        registration={form.register('policeNow')}
      />
      {policeNow && (
        <>
          <TextField
            id="missing-report-ref"
            width="medium"
            label={t('missing.field.policeReference')}
            error={fieldErrorText(t, errors.policeReference)}
            registration={form.register('policeReference')}
          />
          <MomentFields
            idPrefix="missing-report-police"
            label="missing.field.policeReportedAt"
            date={{ registration: form.register('policeDate'), error: errors.policeDate }}
            time={{ registration: form.register('policeTime'), error: errors.policeTime }}
          />
        </>
      )}
      <Submit pending={send.isPending} label={t('missing.action.report')} />
    </form>
  );
}

interface EpisodeFormProps extends FormProps {
  readonly episode: Episode;
}

export function PoliceReportForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const now = nowParts();
  const form = useForm<PoliceReportFormValues, unknown, PoliceReportFormOutput>({
    resolver: zodResolver(PoliceReportFormSchema),
    shouldFocusError: false,
    defaultValues: { policeReference: '', policeDate: now.date, policeTime: '' },
  });
  const feedback = useFeedback(form.setError, ['policeReference', 'policeDate', 'policeTime'], {
    policeReportedAt: 'policeDate',
  });
  const send = useMissingPost(childId, () => onDone(t('missing.done.police_report')), feedback.onServerError);
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        policeReference: v.policeReference,
        policeReportedAt: instantOf(v.policeDate, v.policeTime),
        expectedVersion: episode.version,
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-police-title">
      <h3 id="missing-police-title">{t('missing.action.police_report')}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'policeReference', id: 'missing-police-ref', label: 'missing.field.policeReference' },
          { name: 'policeDate', id: 'missing-police-at-date', label: 'missing.field.policeReportedAt' },
          { name: 'policeTime', id: 'missing-police-at-time', label: 'missing.field.policeReportedAt' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id="missing-police-ref"
        width="medium"
        label={t('missing.field.policeReference')}
        error={fieldErrorText(t, errors.policeReference)}
        registration={form.register('policeReference')}
      />
      <MomentFields
        idPrefix="missing-police-at"
        label="missing.field.policeReportedAt"
        date={{ registration: form.register('policeDate'), error: errors.policeDate }}
        time={{ registration: form.register('policeTime'), error: errors.policeTime }}
      />
      <Submit pending={send.isPending} label={t('missing.action.police_report')} />
    </form>
  );
}

/** A step with only a moment (back from an absence) or nothing at all (follow-up begun, a review). */
export function MomentStepForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const now = nowParts();
  const withMoment = step.action === 'return';
  const form = useForm<MomentFormValues, unknown, MomentFormOutput>({
    // Without a moment (follow-up, review) nothing is typed: the defaults always pass.
    resolver: zodResolver(MomentFormSchema),
    shouldFocusError: false,
    defaultValues: now,
  });
  const feedback = useFeedback(form.setError, ['date', 'time'], { returnedAt: 'date' });
  const send = useMissingPost(
    childId,
    () => onDone(t(`missing.done.${step.action}` as MessageKey)),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        expectedVersion: episode.version,
        ...(withMoment ? { returnedAt: instantOf(v.date, v.time) } : {}),
      },
    });
  }, feedback.onInvalid);
  const title = `missing-${step.action}-title`;
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={title}>
      <h3 id={title}>{t(`missing.action.${step.action}`)}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'date', id: 'missing-moment-date', label: 'missing.field.returnedAt' },
          { name: 'time', id: 'missing-moment-time', label: 'missing.field.returnedAt' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      {withMoment && (
        <MomentFields
          idPrefix="missing-moment"
          label="missing.field.returnedAt"
          date={{ registration: form.register('date'), error: errors.date }}
          time={{ registration: form.register('time'), error: errors.time }}
        />
      )}
      <Submit pending={send.isPending} label={t(`missing.action.${step.action}`)} />
    </form>
  );
}

export function LvuForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const form = useForm<LvuFormValues, unknown, LvuFormOutput>({
    resolver: zodResolver(LvuFormSchema),
    shouldFocusError: false,
    defaultValues: { grounds: [], concreteFacts: '', decisionReference: '' },
  });
  const feedback = useFeedback(form.setError, ['outcome', 'grounds', 'concreteFacts', 'decisionReference']);
  const send = useMissingPost(childId, () => onDone(t('missing.done.lvu')), feedback.onServerError);
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({ path: step.path, body: { ...v, expectedVersion: episode.version } });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-lvu-title">
      <h3 id="missing-lvu-title">{t('missing.action.lvu')}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'outcome', id: 'missing-lvu-outcome', label: 'missing.field.outcome' },
          { name: 'grounds', id: 'missing-lvu-grounds', label: 'missing.field.grounds' },
          { name: 'concreteFacts', id: 'missing-lvu-facts', label: 'missing.field.concreteFacts' },
          { name: 'decisionReference', id: 'missing-lvu-ref', label: 'missing.field.decisionReference' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <RadioGroupField
        id="missing-lvu-outcome"
        label={t('missing.field.outcome')}
        error={fieldErrorText(t, errors.outcome)}
        registration={form.register('outcome')}
        options={LVU_OUTCOMES.map((o) => ({ value: o, label: t(`missing.lvu.outcome.${o}`) }))}
      />
      <fieldset
        className={errors.grounds === undefined ? 'field fieldset' : 'field fieldset field--error'}
        aria-describedby={errors.grounds === undefined ? undefined : 'missing-lvu-grounds-error'}
      >
        <legend>{t('missing.field.grounds')}</legend>
        {errors.grounds !== undefined && (
          <p id="missing-lvu-grounds-error" className="field-error">
            {fieldErrorText(t, errors.grounds)}
          </p>
        )}
        {LVU_GROUNDS.map((g, i) => (
          <div className="check" key={g}>
            <input
              id={i === 0 ? 'missing-lvu-grounds' : `missing-lvu-grounds-${g}`}
              type="checkbox"
              value={g}
              {...form.register('grounds')}
            />
            <label htmlFor={i === 0 ? 'missing-lvu-grounds' : `missing-lvu-grounds-${g}`}>
              {t(`missing.lvu.ground.${g}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id="missing-lvu-facts"
        label={t('missing.field.concreteFacts')}
        hint={t('missing.hint.concreteFacts')}
        error={fieldErrorText(t, errors.concreteFacts)}
        registration={form.register('concreteFacts')}
      />
      <TextField
        id="missing-lvu-ref"
        width="medium"
        label={t('missing.field.decisionReference')}
        error={fieldErrorText(t, errors.decisionReference)}
        registration={form.register('decisionReference')}
      />
      <Submit pending={send.isPending} label={t('missing.action.lvu')} />
    </form>
  );
}

export function FoundForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const form = useForm<FoundFormValues, unknown, FoundFormOutput>({
    resolver: zodResolver(FoundFormSchema),
    shouldFocusError: false,
    defaultValues: {
      ...nowParts(),
      place: '',
      foundBy: '',
      crimeSuspected: false,
      crimeReportReference: '',
      harm: '',
    },
  });
  const fields = ['date', 'time', 'place', 'foundBy', 'condition', 'crimeReportReference', 'harm'] as const;
  const feedback = useFeedback(form.setError, fields, { foundAt: 'date' });
  const send = useMissingPost(
    childId,
    () => onDone(t(step.action === 'found' ? 'missing.done.found' : 'missing.done.found_after_closure')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        foundAt: instantOf(v.date, v.time),
        place: v.place,
        foundBy: v.foundBy,
        condition: v.condition,
        crimeSuspected: v.crimeSuspected,
        crimeReportReference: v.crimeReportReference,
        harm: v.harm,
        expectedVersion: episode.version,
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const crime = useWatch({ control: form.control, name: 'crimeSuspected' });
  const title = `missing-${step.action}-title`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={title}>
      <h3 id={title}>{t(`missing.action.${step.action}`)}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'date', id: 'missing-found-at-date', label: 'missing.field.foundAt' },
          { name: 'time', id: 'missing-found-at-time', label: 'missing.field.foundAt' },
          { name: 'place', id: 'missing-found-place', label: 'missing.field.place' },
          { name: 'foundBy', id: 'missing-found-by', label: 'missing.field.foundBy' },
          { name: 'condition', id: 'missing-found-condition', label: 'missing.field.condition' },
          {
            name: 'crimeReportReference',
            id: 'missing-found-crime-ref',
            label: 'missing.field.crimeReportReference',
          },
          { name: 'harm', id: 'missing-found-harm', label: 'missing.field.harm' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <MomentFields
        idPrefix="missing-found-at"
        label="missing.field.foundAt"
        date={{ registration: form.register('date'), error: errors.date }}
        time={{ registration: form.register('time'), error: errors.time }}
      />
      <TextField
        id="missing-found-place"
        label={t('missing.field.place')}
        error={fieldErrorText(t, errors.place)}
        registration={form.register('place')}
      />
      <TextField
        id="missing-found-by"
        label={t('missing.field.foundBy')}
        error={fieldErrorText(t, errors.foundBy)}
        registration={form.register('foundBy')}
      />
      <RadioGroupField
        id="missing-found-condition"
        label={t('missing.field.condition')}
        error={fieldErrorText(t, errors.condition)}
        registration={form.register('condition')}
        options={FOUND_CONDITIONS.map((c) => ({ value: c, label: t(`missing.condition.${c}`) }))}
      />
      <TextAreaField
        id="missing-found-harm"
        rows={3}
        label={t('missing.field.harm')}
        error={fieldErrorText(t, errors.harm)}
        registration={form.register('harm')}
      />
      <CheckboxField
        id="missing-found-crime"
        label={t('missing.field.crimeSuspected')}
        registration={form.register('crimeSuspected')}
      />
      {crime && (
        <TextField
          id="missing-found-crime-ref"
          width="medium"
          label={t('missing.field.crimeReportReference')}
          error={fieldErrorText(t, errors.crimeReportReference)}
          registration={form.register('crimeReportReference')}
        />
      )}
      <Submit pending={send.isPending} label={t(`missing.action.${step.action}`)} />
    </form>
  );
}

export function ReturnTalkForm({
  childId,
  step,
  episode,
  languages,
  onDone,
}: EpisodeFormProps & { readonly languages: readonly string[] }) {
  const { t } = useI18n();
  const form = useForm<ReturnTalkFormValues, unknown, ReturnTalkFormOutput>({
    resolver: zodResolver(ReturnTalkFormSchema),
    shouldFocusError: false,
    defaultValues: {
      ...nowParts(),
      participants: '',
      childsAccount: '',
      childsViews: '',
      actions: '',
      notHeldReason: '',
      bestInterests: EMPTY_BEST_INTERESTS,
    },
  });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const fields = [
    'outcome',
    'date',
    'time',
    'participants',
    'childsAccount',
    'childsViews',
    'actions',
    'notHeldReason',
  ] as const;
  const feedback = useFeedback(form.setError, [...fields, ...BEST_INTERESTS_PATHS], { at: 'date' });
  const send = useMissingPost(childId, () => onDone(t('missing.done.return_talk')), feedback.onServerError);
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        outcome: v.outcome,
        at: instantOf(v.date, v.time),
        participants: v.participants,
        childsAccount: v.childsAccount,
        childsViews: v.childsViews,
        actions: v.actions,
        notHeldReason: v.notHeldReason,
        bestInterests: toBestInterestsBody(v.bestInterests),
        expectedVersion: episode.version,
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const text = (name: 'participants' | 'childsAccount' | 'childsViews' | 'actions' | 'notHeldReason') => (
    <TextAreaField
      id={`missing-talk-${name}`}
      rows={3}
      label={t(`missing.field.${name}`)}
      error={fieldErrorText(t, errors[name])}
      registration={form.register(name)}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-talk-title">
      <h3 id="missing-talk-title">{t('missing.action.return_talk')}</h3>
      <ErrorSummary
        errors={flatErrors(errors)}
        fields={[
          { name: 'outcome', id: 'missing-talk-outcome', label: 'missing.field.talkOutcome' },
          { name: 'date', id: 'missing-talk-at-date', label: 'missing.field.at' },
          { name: 'time', id: 'missing-talk-at-time', label: 'missing.field.at' },
          { name: 'participants', id: 'missing-talk-participants', label: 'missing.field.participants' },
          { name: 'childsAccount', id: 'missing-talk-childsAccount', label: 'missing.field.childsAccount' },
          { name: 'childsViews', id: 'missing-talk-childsViews', label: 'missing.field.childsViews' },
          { name: 'actions', id: 'missing-talk-actions', label: 'missing.field.actions' },
          { name: 'notHeldReason', id: 'missing-talk-notHeldReason', label: 'missing.field.notHeldReason' },
          ...bestInterestsSummary('missing-talk'),
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <RadioGroupField
        id="missing-talk-outcome"
        label={t('missing.field.talkOutcome')}
        error={fieldErrorText(t, errors.outcome)}
        registration={form.register('outcome')}
        options={RETURN_TALK_OUTCOMES.map((o) => ({ value: o, label: t(`missing.talk.${o}`) }))}
      />
      <MomentFields
        idPrefix="missing-talk-at"
        label="missing.field.at"
        date={{ registration: form.register('date'), error: errors.date }}
        time={{ registration: form.register('time'), error: errors.time }}
      />
      {outcome === 'held' && (
        <>
          {text('participants')}
          {text('childsAccount')}
          {text('childsViews')}
          {text('actions')}
        </>
      )}
      {outcome === 'not_held' && text('notHeldReason')}
      <BestInterestsFieldset
        idPrefix="missing-talk"
        register={(name) => form.register(name)}
        errors={errors.bestInterests}
        notHeard={notHeard}
        childLanguages={languages}
        carry={{
          childId,
          get: () => form.getValues('bestInterests'),
          set: (values) => form.setValue('bestInterests', values),
        }}
      />
      <Submit pending={send.isPending} label={t('missing.action.return_talk')} />
    </form>
  );
}

export function CompleteForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const form = useForm<CompleteFormValues, unknown, CompleteFormOutput>({
    resolver: zodResolver(CompleteFormSchema),
    shouldFocusError: false,
    defaultValues: { note: '' },
  });
  const feedback = useFeedback(form.setError, ['placementReview', 'note']);
  const send = useMissingPost(childId, () => onDone(t('missing.done.complete')), feedback.onServerError);
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({ path: step.path, body: { ...v, expectedVersion: episode.version } });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-complete-title">
      <h3 id="missing-complete-title">{t('missing.action.complete')}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          {
            name: 'placementReview',
            id: 'missing-complete-review',
            label: 'missing.field.placementReview',
          },
          { name: 'note', id: 'missing-complete-note', label: 'missing.field.note' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <RadioGroupField
        id="missing-complete-review"
        label={t('missing.field.placementReview')}
        error={fieldErrorText(t, errors.placementReview)}
        registration={form.register('placementReview')}
        options={PLACEMENT_REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`missing.review.${o}`) }))}
      />
      <TextAreaField
        id="missing-complete-note"
        rows={3}
        label={t('missing.field.note')}
        error={fieldErrorText(t, errors.note)}
        registration={form.register('note')}
      />
      <Submit pending={send.isPending} label={t('missing.action.complete')} />
    </form>
  );
}

/** D13: the strategy meeting the repeat rule called — held on, who took part, what was decided. */
export function StrategyMeetingForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const form = useForm<StrategyMeetingFormValues, unknown, StrategyMeetingFormOutput>({
    resolver: zodResolver(StrategyMeetingFormSchema),
    shouldFocusError: false,
    defaultValues: { heldOn: '', participants: '', decisions: '', carePlanReviewed: false },
  });
  const feedback = useFeedback(form.setError, ['heldOn', 'participants', 'decisions']);
  const send = useMissingPost(
    childId,
    () => onDone(t('missing.done.strategy_meeting')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({ path: step.path, body: { ...v, expectedVersion: episode.version } });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="missing-meeting-title">
      <h3 id="missing-meeting-title">{t('missing.action.strategy_meeting')}</h3>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'heldOn', id: 'missing-meeting-heldOn', label: 'missing.field.heldOn' },
          { name: 'participants', id: 'missing-meeting-participants', label: 'missing.field.participants' },
          { name: 'decisions', id: 'missing-meeting-decisions', label: 'missing.field.decisions' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id="missing-meeting-heldOn"
        type="date"
        width="short"
        label={t('missing.field.heldOn')}
        error={fieldErrorText(t, errors.heldOn)}
        registration={form.register('heldOn')}
      />
      <TextAreaField
        id="missing-meeting-participants"
        rows={3}
        label={t('missing.field.participants')}
        error={fieldErrorText(t, errors.participants)}
        registration={form.register('participants')}
      />
      <TextAreaField
        id="missing-meeting-decisions"
        rows={4}
        label={t('missing.field.decisions')}
        error={fieldErrorText(t, errors.decisions)}
        registration={form.register('decisions')}
      />
      <CheckboxField
        id="missing-meeting-carePlan"
        label={t('missing.field.carePlanReviewed')}
        registration={form.register('carePlanReviewed')}
      />
      <Submit pending={send.isPending} label={t('missing.action.strategy_meeting')} />
    </form>
  );
}

const minimumText = (tn: TranslateCount, e: Episode) =>
  'months' in e.routine.closureMinimum
    ? tn('missing.minimum.months', e.routine.closureMinimum.months)
    : tn('missing.minimum.days', e.routine.closureMinimum.days);

/** A closure is a decision: its reason and the child's best-interests record (D-R3). */
export function CloseForm({
  childId,
  step,
  episode,
  languages,
  onDone,
}: EpisodeFormProps & { readonly languages: readonly string[] }) {
  const { t, tn } = useI18n();
  const form = useForm<CloseFormValues, unknown, CloseFormOutput>({
    resolver: zodResolver(CloseFormSchema),
    shouldFocusError: false,
    defaultValues: { reason: '', bestInterests: EMPTY_BEST_INTERESTS },
  });
  const feedback = useFeedback(form.setError, ['reason', ...BEST_INTERESTS_PATHS], { closure: 'reason' });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const send = useMissingPost(childId, () => onDone(t('missing.done.close')), feedback.onServerError);
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        closure: step.event,
        reason: v.reason,
        bestInterests: toBestInterestsBody(v.bestInterests),
        expectedVersion: episode.version,
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const title = `missing-${step.action}-title`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={title}>
      <h3 id={title}>{t(`missing.action.${step.action}`)}</h3>
      {step.action === 'close_not_found' && episode.earliestClosureOn !== null && (
        <p className="hint">
          {t('missing.hint.closeNotFound', {
            date: episode.earliestClosureOn,
            minimum: minimumText(tn, episode),
          })}
        </p>
      )}
      <ErrorSummary
        errors={flatErrors(errors)}
        fields={[
          { name: 'reason', id: 'missing-close-reason', label: 'missing.field.reason' },
          ...bestInterestsSummary('missing-close'),
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextAreaField
        id="missing-close-reason"
        rows={3}
        label={t('missing.field.reason')}
        error={fieldErrorText(t, errors.reason)}
        registration={form.register('reason')}
      />
      <BestInterestsFieldset
        idPrefix="missing-close"
        register={(name) => form.register(name)}
        errors={errors.bestInterests}
        notHeard={notHeard}
        childLanguages={languages}
        carry={{
          childId,
          get: () => form.getValues('bestInterests'),
          set: (values) => form.setValue('bestInterests', values),
        }}
      />
      <Submit pending={send.isPending} label={t(`missing.action.${step.action}`)} warning />
    </form>
  );
}

/**
 * D-R1: the emergency care given by a municipality where the child turned up (offered only to it, through its
 * emergency grant). The responsible municipality stays responsible and is told; this records the care, nothing else.
 */
export function EmergencyCareForm({ childId, step, episode, onDone }: EpisodeFormProps) {
  const { t } = useI18n();
  const form = useForm<EmergencyCareFormValues, unknown, EmergencyCareFormOutput>({
    resolver: zodResolver(EmergencyCareFormSchema),
    shouldFocusError: false,
    defaultValues: {
      ...nowParts(),
      endDate: '',
      endTime: '',
      place: '',
      description: '',
      contactName: '',
      contactPhone: '',
    },
  });
  const fields = [
    'date',
    'time',
    'endDate',
    'endTime',
    'place',
    'care',
    'description',
    'contactName',
    'contactPhone',
  ] as const;
  const feedback = useFeedback(form.setError, fields, { startedAt: 'date', endedAt: 'endDate' });
  const send = useMissingPost(
    childId,
    () => onDone(t('missing.done.emergency_care')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate({
      path: step.path,
      body: {
        startedAt: instantOf(v.date, v.time),
        endedAt: v.endDate === '' ? null : instantOf(v.endDate, v.endTime),
        place: v.place,
        care: v.care,
        description: v.description,
        contactName: v.contactName,
        contactPhone: v.contactPhone,
      },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const title = `missing-${step.action}-title`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={title}>
      <h3 id={title}>{t('missing.action.emergency_care')}</h3>
      <p className="hint">
        {t('missing.emergencyCare.formIntro', { municipality: episode.municipality.name })}
      </p>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'date', id: 'missing-care-from-date', label: 'missing.field.careFrom' },
          { name: 'time', id: 'missing-care-from-time', label: 'missing.field.careFrom' },
          { name: 'endDate', id: 'missing-care-to-date', label: 'missing.field.careTo' },
          { name: 'endTime', id: 'missing-care-to-time', label: 'missing.field.careTo' },
          { name: 'place', id: 'missing-care-place', label: 'missing.field.carePlace' },
          { name: 'care', id: 'missing-care-kind', label: 'missing.field.care' },
          { name: 'description', id: 'missing-care-description', label: 'missing.field.careDescription' },
          { name: 'contactName', id: 'missing-care-contact', label: 'missing.field.contactName' },
          { name: 'contactPhone', id: 'missing-care-phone', label: 'missing.field.contactPhone' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <MomentFields
        idPrefix="missing-care-from"
        label="missing.field.careFrom"
        date={{ registration: form.register('date'), error: errors.date }}
        time={{ registration: form.register('time'), error: errors.time }}
      />
      <MomentFields
        idPrefix="missing-care-to"
        label="missing.field.careTo"
        date={{ registration: form.register('endDate'), error: errors.endDate }}
        time={{ registration: form.register('endTime'), error: errors.endTime }}
      />
      <TextField
        id="missing-care-place"
        label={t('missing.field.carePlace')}
        error={fieldErrorText(t, errors.place)}
        registration={form.register('place')}
      />
      <RadioGroupField
        id="missing-care-kind"
        label={t('missing.field.care')}
        error={fieldErrorText(t, errors.care)}
        registration={form.register('care')}
        options={EMERGENCY_CARE_KINDS.map((c) => ({ value: c, label: t(`missing.care.${c}`) }))}
      />
      <TextAreaField
        id="missing-care-description"
        rows={4}
        label={t('missing.field.careDescription')}
        error={fieldErrorText(t, errors.description)}
        registration={form.register('description')}
      />
      <TextField
        id="missing-care-contact"
        label={t('missing.field.contactName')}
        error={fieldErrorText(t, errors.contactName)}
        registration={form.register('contactName')}
      />
      <TextField
        id="missing-care-phone"
        type="tel"
        width="medium"
        label={t('missing.field.contactPhone')}
        error={fieldErrorText(t, errors.contactPhone)}
        registration={form.register('contactPhone')}
      />
      <Submit pending={send.isPending} label={t('missing.action.emergency_care')} />
    </form>
  );
}
