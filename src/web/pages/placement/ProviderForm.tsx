/**
 * Registers or changes a placement provider: name, form, places, target groups, languages, the IVO permit reference,
 * whether it takes children. A change carries the version the editor saw; if someone else changed the provider
 * meanwhile the server answers 409 with the provider as it is now, shown next to what the editor typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, apiGet, apiPost } from '../../api/client.ts';
import { PLACEMENT_FORMS, TARGET_GROUPS, type Provider } from '../../api/placement-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  ProviderFormSchema,
  type ProviderFormInput,
  type ProviderFormOutput,
} from '../../schemas-placement.ts';

const id = (name: string) => `provider-${name}`;
const FIELDS = [
  { name: 'name', id: id('name'), label: 'providers.field.name' },
  { name: 'form', id: id('form'), label: 'providers.field.form' },
  { name: 'places', id: id('places'), label: 'providers.field.places' },
  { name: 'targetGroups', id: id('targetGroups-0'), label: 'providers.field.targetGroups' },
  { name: 'languages', id: id('languages'), label: 'providers.field.languages' },
  { name: 'permitReference', id: id('permitReference'), label: 'providers.field.permitReference' },
] as const;

function defaults(provider: Provider | null): ProviderFormInput {
  return {
    name: provider?.name ?? '',
    form: provider?.form ?? 'hvb',
    places: String(provider?.places ?? ''),
    targetGroups: [...(provider?.targetGroups ?? [])],
    languages: provider?.languages.join(', ') ?? '',
    permitReference: provider?.permitReference ?? '',
    active: provider?.active ?? true,
  };
}

export function ProviderForm({ provider }: { readonly provider: Provider | null }) {
  const { t, tn } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [current, setCurrent] = useState<Provider | null>(null);
  const form = useForm<ProviderFormInput, unknown, ProviderFormOutput>({
    resolver: zodResolver(ProviderFormSchema),
    shouldFocusError: false,
    defaultValues: defaults(provider),
  });
  const feedback = useFormFeedback(form.setError, [
    'name',
    'form',
    'places',
    'targetGroups',
    'languages',
    'permitReference',
  ]);
  const version = current?.version ?? provider?.version;
  const send = useMutation({
    mutationFn: (values: ProviderFormOutput) =>
      apiPost<Provider>(
        provider === null ? '/api/providers' : `/api/providers/${encodeURIComponent(provider.id)}`,
        provider === null ? values : { ...values, version },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['providers'] });
      await navigate({
        to: '/placeringar/utforare',
        search: { saved: provider === null ? 'created' : 'changed' },
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'stale') {
        void queryClient.invalidateQueries({ queryKey: ['providers'] });
        void fetchCurrent(provider?.id).then(setCurrent);
      }
      feedback.onServerError(
        error instanceof ApiError && error.code === 'stale'
          ? new ApiError(409, 'placement_stale', error.message)
          : error,
      );
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      {current !== null && (
        <div className="notice notice--warning">
          <p>
            {tn('providers.staleNow', current.places, {
              name: current.name,
              form: t(`placement.form.${current.form}`),
              active: current.active ? t('common.yes') : t('common.no'),
            })}
          </p>
        </div>
      )}
      <TextField
        id={FIELDS[0].id}
        label={t('providers.field.name')}
        error={fieldErrorText(t, errors.name)}
        registration={form.register('name')}
      />
      <SelectField
        id={FIELDS[1].id}
        label={t('providers.field.form')}
        hint={t('providers.field.formHint')}
        error={fieldErrorText(t, errors.form)}
        registration={form.register('form')}
      >
        {PLACEMENT_FORMS.map((f) => (
          <option key={f} value={f}>
            {t(`placement.form.${f}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={FIELDS[2].id}
        width="short"
        inputMode="numeric"
        label={t('providers.field.places')}
        error={fieldErrorText(t, errors.places)}
        registration={form.register('places')}
      />
      <fieldset className="field fieldset">
        <legend>{t('providers.field.targetGroups')}</legend>
        <div className="checks">
          {TARGET_GROUPS.map((g, index) => (
            <div className="check" key={g}>
              <input
                id={id(`targetGroups-${index}`)}
                type="checkbox"
                value={g}
                {...form.register('targetGroups')}
              />
              <label htmlFor={id(`targetGroups-${index}`)}>{t(`providers.targetGroup.${g}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextField
        id={FIELDS[4].id}
        label={t('providers.field.languages')}
        hint={t('providers.field.languagesHint')}
        error={fieldErrorText(t, errors.languages)}
        registration={form.register('languages')}
      />
      <TextField
        id={FIELDS[5].id}
        width="medium"
        label={t('providers.field.permitReference')}
        hint={t('providers.field.permitReferenceHint')}
        error={fieldErrorText(t, errors.permitReference)}
        registration={form.register('permitReference')}
      />
      <CheckboxField
        id={id('active')}
        label={t('providers.field.active')}
        registration={form.register('active')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending
          ? t('form.sending')
          : t(provider === null ? 'providers.submit.create' : 'providers.submit.change')}
      </button>
    </form>
  );
}

/** The provider as it is now, after a stale change (from the register the editor may see). */
async function fetchCurrent(providerId: string | undefined): Promise<Provider | null> {
  if (providerId === undefined) return null;
  const list = await apiGet<{ providers: Provider[] }>('/api/providers');
  return list.providers.find((p) => p.id === providerId) ?? null;
}
