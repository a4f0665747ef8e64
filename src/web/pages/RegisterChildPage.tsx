/** For the Migration Agency's allocation officers: register an arriving unaccompanied child. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiPost } from '../api/client.ts';
import { ErrorSummary } from '../components/form/ErrorSummary.tsx';
import { CheckboxField, RadioGroupField, SelectField, TextField } from '../components/form/fields.tsx';
import { useFormFeedback } from '../components/form/useFormFeedback.ts';
import { MunicipalityOptions } from '../components/MunicipalityOptions.tsx';
import { Page } from '../components/Page.tsx';
import { fieldErrorText } from '../form-errors.ts';
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { RegisterChildSchema, type RegisterChildInput } from '../schemas.ts';
import { Registered } from './Registered.tsx';

type Output = z.output<typeof RegisterChildSchema>;
const NAMES = [
  'dossierNumber',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'protectedIdentity',
  'whereabouts',
  'arrivalMunicipalityCode',
  'arrivalDate',
] as const;
const LABELS: Readonly<Record<(typeof NAMES)[number], MessageKey>> = {
  dossierNumber: 'register.dossierNumber',
  firstName: 'register.firstName',
  lastName: 'register.lastName',
  birthDate: 'register.birthDate',
  gender: 'register.gender',
  protectedIdentity: 'register.protectedIdentity',
  whereabouts: 'register.whereabouts',
  arrivalMunicipalityCode: 'register.arrivalMunicipality',
  arrivalDate: 'register.arrivalDate',
};
const FIELDS = NAMES.map((name) => ({ name, id: `register-${name}`, label: LABELS[name] }));
const id = (name: (typeof NAMES)[number]) => `register-${name}`;
const EMPTY = {
  dossierNumber: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  protectedIdentity: false,
  whereabouts: '',
  arrivalMunicipalityCode: '',
  arrivalDate: '',
};

export function RegisterChildPage() {
  const { t } = useI18n();
  const form = useForm<RegisterChildInput, unknown, Output>({
    resolver: zodResolver(RegisterChildSchema),
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const register = useMutation({
    mutationFn: (values: Output) =>
      apiPost<{ id: string }>('/api/children', values).then((r) => ({ ...r, dossier: values.dossierNumber })),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    register.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);

  return (
    <Page title={t('register.title')}>
      {register.data !== undefined ? (
        <Registered
          childId={register.data.id}
          dossier={register.data.dossier}
          onAnother={() => {
            register.reset();
            form.reset(EMPTY);
          }}
        />
      ) : (
        <>
          <p className="lead">{t('register.intro')}</p>
          <form onSubmit={submit} noValidate className="form">
            <ErrorSummary
              errors={errors}
              fields={FIELDS}
              general={feedback.general}
              attempt={feedback.attempt}
            />
            <TextField
              id={id('dossierNumber')}
              label={t('register.dossierNumber')}
              hint={t('register.dossierHint')}
              inputMode="numeric"
              width="medium"
              error={err('dossierNumber')}
              registration={form.register('dossierNumber')}
            />
            <TextField
              id={id('firstName')}
              label={t('register.firstName')}
              error={err('firstName')}
              registration={form.register('firstName')}
            />
            <TextField
              id={id('lastName')}
              label={t('register.lastName')}
              error={err('lastName')}
              registration={form.register('lastName')}
            />
            <TextField
              id={id('birthDate')}
              type="date"
              width="medium"
              label={t('register.birthDate')}
              error={err('birthDate')}
              registration={form.register('birthDate')}
            />
            <RadioGroupField
              id={id('gender')}
              label={t('register.gender')}
              error={err('gender')}
              registration={form.register('gender')}
              options={(['female', 'male', 'other'] as const).map((value) => ({
                value,
                label: t(`gender.${value}`),
              }))}
            />
            <CheckboxField
              id={id('protectedIdentity')}
              label={t('register.protectedIdentity')}
              hint={t('register.protectedHint')}
              error={err('protectedIdentity')}
              registration={form.register('protectedIdentity')}
            />
            <TextField
              id={id('whereabouts')}
              label={t('register.whereabouts')}
              error={err('whereabouts')}
              registration={form.register('whereabouts')}
            />
            <SelectField
              id={id('arrivalMunicipalityCode')}
              label={t('register.arrivalMunicipality')}
              error={err('arrivalMunicipalityCode')}
              registration={form.register('arrivalMunicipalityCode')}
            >
              <option value="">{t('register.chooseMunicipality')}</option>
              <MunicipalityOptions />
            </SelectField>
            <TextField
              id={id('arrivalDate')}
              type="date"
              width="medium"
              label={t('register.arrivalDate')}
              error={err('arrivalDate')}
              registration={form.register('arrivalDate')}
            />
            <button type="submit" className="button button--primary" disabled={register.isPending}>
              {register.isPending ? t('form.sending') : t('register.submit')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
