/**
 * A god man in the authority's registry: contact, languages, the authority's municipalities they take assignments
 * in, and whether they take new ones. For a new god man also the name and login id. A concurrent change answers 409.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Registry, RegistryEntry } from '../../api/guardianship-types.ts';
import { useRegistryChange } from '../../api/guardianship-queries.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../components/form/fields.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { NewGodManSchema, type NewGodManInput, type NewGodManOutput } from '../../schemas-guardianship.ts';
import { useStepFeedback } from './form-kit.ts';

export function ProfileForm({
  entry,
  served,
  onSaved,
  onCancel,
}: {
  /** The god man to change; undefined for a new one. */
  readonly entry: RegistryEntry | undefined;
  readonly served: Registry['served'];
  readonly onSaved: (message: string) => void;
  readonly onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = entry === undefined ? 'gm-new' : `gm-${entry.userId}`;
  const isNew = entry === undefined;
  const servedCodes = served.map((m) => m.code);
  const form = useForm<NewGodManInput, unknown, NewGodManOutput>({
    // An existing god man keeps name and login id; the schema still wants them, so they are filled in.
    resolver: zodResolver(NewGodManSchema),
    shouldFocusError: false,
    defaultValues: {
      subject: isNew ? '' : 'existing',
      name: entry?.name ?? '',
      email: entry?.email ?? '',
      phone: entry?.phone ?? '',
      languages: entry?.languages.join(', ') ?? '',
      municipalityCodes: entry?.municipalityCodes.filter((c) => servedCodes.includes(c)) ?? [],
      available: entry?.inRegistry === true ? entry.available : true,
    },
  });
  const names = ['subject', 'name', 'email', 'phone', 'languages', 'municipalityCodes', 'available'] as const;
  const feedback = useStepFeedback(form.setError, names);
  const save = useRegistryChange(
    isNew ? '/api/god-men' : `/api/god-men/${encodeURIComponent(entry.userId)}/profile`,
    () => onSaved(t(isNew ? 'guardianship.registry.created' : 'guardianship.registry.saved')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    const profile = {
      email: values.email,
      phone: values.phone,
      languages: values.languages,
      municipalityCodes: values.municipalityCodes,
      available: values.available,
    };
    save.mutate(
      isNew
        ? { subject: values.subject, name: values.name, ...profile }
        : { ...profile, expectedVersion: entry.version },
    );
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields: readonly SummaryField[] = [
    ...(isNew
      ? [
          { name: 'subject', id: `${id}-subject`, label: 'guardianship.registry.subject' as const },
          { name: 'name', id: `${id}-name`, label: 'guardianship.registry.name' as const },
        ]
      : []),
    { name: 'email', id: `${id}-email`, label: 'guardianship.registry.email' },
    { name: 'phone', id: `${id}-phone`, label: 'guardianship.registry.phone' },
    { name: 'languages', id: `${id}-languages`, label: 'guardianship.registry.languages' },
    {
      name: 'municipalityCodes',
      id: `${id}-municipalities-0`,
      label: 'guardianship.registry.municipalities',
    },
  ];
  const err = (name: (typeof names)[number]) => fieldErrorText(t, errors[name]);
  return (
    <section aria-labelledby={`${id}-title`} className="section card">
      <h2 id={`${id}-title`}>
        {isNew
          ? t('guardianship.registry.newTitle')
          : t('guardianship.registry.editTitle', { name: entry.name })}
      </h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        {isNew && (
          <>
            <TextField
              id={`${id}-subject`}
              label={t('guardianship.registry.subject')}
              hint={t('guardianship.registry.subjectHint')}
              error={err('subject')}
              registration={form.register('subject')}
            />
            <TextField
              id={`${id}-name`}
              label={t('guardianship.registry.name')}
              error={err('name')}
              registration={form.register('name')}
            />
          </>
        )}
        <TextField
          id={`${id}-email`}
          type="email"
          label={t('guardianship.registry.email')}
          error={err('email')}
          registration={form.register('email')}
        />
        <TextField
          id={`${id}-phone`}
          label={t('guardianship.registry.phone')}
          error={err('phone')}
          registration={form.register('phone')}
          width="medium"
        />
        <TextField
          id={`${id}-languages`}
          label={t('guardianship.registry.languages')}
          hint={t('guardianship.registry.languagesHint')}
          error={err('languages')}
          registration={form.register('languages')}
        />
        <fieldset
          className="field fieldset"
          aria-describedby={err('municipalityCodes') === undefined ? undefined : `${id}-municipalities-error`}
        >
          <legend>{t('guardianship.registry.municipalities')}</legend>
          {err('municipalityCodes') !== undefined && (
            <p id={`${id}-municipalities-error`} className="field-error">
              {err('municipalityCodes')}
            </p>
          )}
          <div className="checks checks--columns">
            {served.map((m, index) => (
              <div className="check" key={m.code}>
                <input
                  id={`${id}-municipalities-${index}`}
                  type="checkbox"
                  value={m.code}
                  {...form.register('municipalityCodes')}
                />
                <label htmlFor={`${id}-municipalities-${index}`}>{m.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <CheckboxField
          id={`${id}-available`}
          label={t('guardianship.registry.available')}
          error={err('available')}
          registration={form.register('available')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending
              ? t('form.sending')
              : t(isNew ? 'guardianship.registry.create' : 'guardianship.registry.save')}
          </button>
          {onCancel !== undefined && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('guardianship.registry.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
