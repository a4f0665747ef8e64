/**
 * The guardianship authority appoints a god man on the open request: a god man from its registry (whether they speak
 * the child's language, their wards against the authority's limit — "3 av 5 uppdrag" in the dropdown, and a warning
 * before the appointment when the server says it would pass the limit: a warning, not a rule), the date, whether the
 * child was heard and the best-interests record (starting from the child's latest one).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import type {
  AppointmentWarning,
  GuardianshipAction,
  GuardianshipView,
  Registry,
  RegistryEntry,
} from '../../api/guardianship-types.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { Announce } from '../../components/Status.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { AppointSchema, type AppointInput } from '../../schemas-guardianship.ts';
import {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
  guardianshipStep,
  useStepFeedback,
} from '../guardianship/form-kit.ts';

const ID = 'appoint';
const FIELDS = [
  { name: 'guardianUserId', id: `${ID}-guardianUserId`, label: 'guardianship.appoint.godMan' },
  { name: 'fromDate', id: `${ID}-fromDate`, label: 'guardianship.appoint.fromDate' },
  ...bestInterestsSummary(ID),
] as const;

const normalise = (l: string) => l.trim().toLocaleLowerCase('sv');

export function sharedLanguages(child: readonly string[], godMan: readonly string[]): string[] {
  const spoken = new Set(godMan.map(normalise));
  return child.filter((l) => spoken.has(normalise(l)));
}

/** Who can be chosen: in the registry and taking assignments; those speaking the child's language first, then the least loaded. */
export function candidates(registry: Registry, childLanguages: readonly string[]): RegistryEntry[] {
  return registry.items
    .filter((g) => g.inRegistry && g.available)
    .sort(
      (a, b) =>
        Number(sharedLanguages(childLanguages, b.languages).length > 0) -
          Number(sharedLanguages(childLanguages, a.languages).length > 0) ||
        a.wards - b.wards ||
        a.name.localeCompare(b.name, 'sv'),
    );
}

function Chosen({
  entry,
  view,
  limit,
}: {
  readonly entry: RegistryEntry;
  readonly view: GuardianshipView;
  readonly limit: number;
}) {
  const { t, tn } = useI18n();
  const shared = sharedLanguages(view.languages, entry.languages);
  return (
    <div className="card guardianship-chosen" aria-labelledby={`${ID}-chosen-title`} role="group">
      <h3 id={`${ID}-chosen-title`}>
        {t('guardianship.appoint.chosen')}: {entry.name}
      </h3>
      <p>
        {shared.length > 0
          ? t('guardianship.appoint.match', { languages: shared.join(', ') })
          : t('guardianship.appoint.noMatch')}
      </p>
      <p>{t('guardianship.appoint.wardsNow', { wards: entry.wards, limit })}</p>
      <Announce>
        {entry.overLimitIfAppointed && (
          <p className="notice notice--warning" data-testid="ward-limit-warning">
            {tn('guardianship.appoint.overLimit', entry.wards + 1, { limit })}
          </p>
        )}
      </Announce>
    </div>
  );
}

export function AppointGuardianForm({
  childId,
  step,
  view,
  registry,
  onAppointed,
}: {
  readonly childId: string;
  /** The appointment as the view offers it: the route the form sends to. */
  readonly step: CaseStep<GuardianshipAction>;
  readonly view: GuardianshipView;
  readonly registry: Registry;
  /** The appointment is made; the page shows it with the server's warnings (the open request is gone). */
  readonly onAppointed: (warnings: readonly AppointmentWarning[]) => void;
}) {
  const { t, tn } = useI18n();
  const form = useForm<AppointInput>({
    resolver: zodResolver(AppointSchema),
    shouldFocusError: false,
    defaultValues: { guardianUserId: '', fromDate: todayInSweden(), bestInterests: EMPTY_BEST_INTERESTS },
  });
  const feedback = useStepFeedback(form.setError, ['guardianUserId', 'fromDate', ...BEST_INTERESTS_PATHS], {
    occurredOn: 'fromDate',
  });
  const appoint = useCaseStep<{ id: string; warnings: AppointmentWarning[] }>({
    childId,
    step,
    version: view.version,
    ...guardianshipStep(childId),
    onDone: (answer) => onAppointed(answer.warnings),
    onError: feedback.onServerError,
  });
  const chosenId = useWatch({ control: form.control, name: 'guardianUserId' });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const limit = registry.policy.maxWardsPerGodMan;
  const options = candidates(registry, view.languages);
  const chosen = options.find((g) => g.userId === chosenId);
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    appoint.mutate({
      guardianUserId: values.guardianUserId,
      fromDate: values.fromDate,
      childHeard: !values.bestInterests.notHeard,
      bestInterests: toBestInterestsBody(values.bestInterests),
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <section aria-labelledby={`${ID}-title`} className="section">
      <h2 id={`${ID}-title`}>{t('guardianship.appointLink')}</h2>
      <form onSubmit={submit} noValidate className="form form--wide">
        <ErrorSummary
          errors={flatErrors(errors)}
          fields={FIELDS}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        {options.length === 0 && (
          <p className="notice notice--warning">{t('guardianship.appoint.noGodMen')}</p>
        )}
        <SelectField
          id={FIELDS[0].id}
          label={t('guardianship.appoint.godMan')}
          hint={t('guardianship.appoint.godManHint')}
          error={fieldErrorText(t, errors.guardianUserId)}
          registration={form.register('guardianUserId')}
        >
          <option value="">{t('guardianship.appoint.choose')}</option>
          {options.map((g) => (
            <option key={g.userId} value={g.userId}>
              {tn(
                sharedLanguages(view.languages, g.languages).length > 0
                  ? 'guardianship.appoint.optionMatch'
                  : 'guardianship.appoint.option',
                limit,
                {
                  name: g.name,
                  wards: g.wards,
                  languages: g.languages.join(', '),
                },
              )}
              {g.overLimitIfAppointed && t('guardianship.appoint.optionOverLimit')}
            </option>
          ))}
        </SelectField>
        {chosen !== undefined && <Chosen entry={chosen} view={view} limit={limit} />}
        <TextField
          id={FIELDS[1].id}
          type="date"
          width="medium"
          label={t('guardianship.appoint.fromDate')}
          error={fieldErrorText(t, errors.fromDate)}
          registration={form.register('fromDate')}
        />
        <p className="hint">{t('guardianship.appoint.heardHint')}</p>
        <BestInterestsFieldset
          idPrefix={ID}
          register={(name) => form.register(name)}
          errors={errors.bestInterests}
          notHeard={notHeard}
          childLanguages={view.languages}
          carry={{
            childId,
            get: () => form.getValues('bestInterests'),
            set: (values) => form.setValue('bestInterests', values, { shouldDirty: true }),
          }}
        />
        <button type="submit" className="button button--primary button--large" disabled={appoint.isPending}>
          {appoint.isPending ? t('form.sending') : t('guardianship.appoint.submit')}
        </button>
      </form>
    </section>
  );
}
