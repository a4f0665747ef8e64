/**
 * The arrival registration: identity with name variants, languages, arrival, a sibling already registered (decided
 * together), a close relative (opens an assessment for that municipality's social services), needs and wishes.
 */
import type { ArrivalRegistered } from '../../api/allocation-types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, type DefaultValues } from 'react-hook-form';
import { useWaiting, WAITING_KEY } from '../../api/allocation-queries.ts';
import { apiPost, ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import {
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { DuplicateWarning } from '../worklist/DuplicateWarning.tsx';
import {
  arrivalBody,
  ArrivalSchema,
  type ArrivalInput,
  type ArrivalOutput,
} from '../../schemas-allocation.ts';

const NAMES = [
  'dossierNumber',
  'firstName',
  'lastName',
  'nameVariants',
  'birthDate',
  'ageInDoubt',
  'gender',
  'citizenship',
  'languages',
  'interpreterNeeded',
  'protectedIdentity',
  'whereabouts',
  'arrivalMunicipalityCode',
  'arrivalDate',
  'siblingOfChildId',
  'relativeMunicipalityCode',
  'relativeRelation',
  'relativeName',
  'relativeAddress',
  'relativePhone',
  'specialNeeds',
  'wishes',
] as const;
type Name = (typeof NAMES)[number];
const LABELS: Readonly<Record<Name, MessageKey>> = {
  dossierNumber: 'register.dossierNumber',
  firstName: 'register.firstName',
  lastName: 'register.lastName',
  nameVariants: 'arrival.nameVariants',
  birthDate: 'register.birthDate',
  ageInDoubt: 'arrival.ageInDoubt',
  gender: 'register.gender',
  citizenship: 'arrival.citizenship',
  languages: 'arrival.languages',
  interpreterNeeded: 'arrival.interpreterNeeded',
  protectedIdentity: 'register.protectedIdentity',
  whereabouts: 'register.whereabouts',
  arrivalMunicipalityCode: 'register.arrivalMunicipality',
  arrivalDate: 'register.arrivalDate',
  siblingOfChildId: 'arrival.sibling',
  relativeMunicipalityCode: 'arrival.relativeMunicipality',
  relativeRelation: 'arrival.relation',
  relativeName: 'arrival.relativeName',
  relativeAddress: 'arrival.relativeAddress',
  relativePhone: 'arrival.relativePhone',
  specialNeeds: 'arrival.specialNeeds',
  wishes: 'arrival.wishes',
};
const id = (name: Name) => `arrival-${name}`;
const FIELDS = NAMES.map((name) => ({ name, id: id(name), label: LABELS[name] }));
/** The API's nested fields (`relative.municipalityCode`, `nameVariants.0`) on the form's flat ones. */
const rename = (field: string) =>
  field
    .replace(/^relative\.municipalityCode$/, 'relativeMunicipalityCode')
    .replace(/^relative\.relation$/, 'relativeRelation')
    .replace(/^relative\.name$/, 'relativeName')
    .replace(/^relative\.address$/, 'relativeAddress')
    .replace(/^relative\.phone$/, 'relativePhone')
    .replace(/^(nameVariants|languages)\.\d+$/, '$1');

export const EMPTY_ARRIVAL: DefaultValues<ArrivalInput> = {
  dossierNumber: '',
  firstName: '',
  lastName: '',
  nameVariants: '',
  birthDate: '',
  ageInDoubt: false,
  citizenship: '',
  languages: '',
  interpreterNeeded: false,
  protectedIdentity: false,
  whereabouts: '',
  arrivalMunicipalityCode: '',
  arrivalDate: '',
  siblingOfChildId: '',
  relativeMunicipalityCode: '',
  relativeRelation: '',
  relativeName: '',
  relativeAddress: '',
  relativePhone: '',
  specialNeeds: '',
  wishes: '',
};

export interface Registered {
  readonly id: string;
  readonly dossier: string;
  readonly relativeAssessmentId: string | null;
  readonly values: ArrivalInput;
}

/** The id of the child already holding a dossier number, from the server's duplicate problem. */
function existingChildId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'duplicate_dossier_number') return null;
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(
    error.fields.map((f) => f.message).join(' '),
  );
  return match?.[0] ?? null;
}

export function ArrivalForm({
  initial,
  onRegistered,
}: {
  readonly initial: DefaultValues<ArrivalInput>;
  readonly onRegistered: (registered: Registered) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const waiting = useWaiting();
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const form = useForm<ArrivalInput, unknown, ArrivalOutput>({
    resolver: zodResolver(ArrivalSchema),
    shouldFocusError: false,
    defaultValues: initial,
  });
  const feedback = useFormFeedback(form.setError, NAMES, rename);
  const register = useMutation({
    mutationFn: (values: ArrivalOutput) =>
      apiPost<ArrivalRegistered>('/api/allocation/arrivals', arrivalBody(values)),
    onSuccess: async (created, values) => {
      await queryClient.invalidateQueries({ queryKey: WAITING_KEY });
      onRegistered({ ...created, dossier: values.dossierNumber, values: form.getValues() });
    },
    onError: (error) => {
      setDuplicateOf(existingChildId(error));
      feedback.onServerError(error);
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setDuplicateOf(null);
    register.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: Name) => fieldErrorText(t, errors[name]);
  const text = (name: Name, props: { hint?: string; type?: 'date' | 'tel'; width?: 'medium' } = {}) => (
    <TextField
      id={id(name)}
      label={t(LABELS[name])}
      hint={props.hint}
      {...(props.type === undefined ? {} : { type: props.type })}
      {...(props.width === undefined ? {} : { width: props.width })}
      error={err(name)}
      registration={form.register(name)}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      {duplicateOf !== null && (
        <div className="notice notice--error">
          <p>
            <Link to="/barn/$childId" params={{ childId: duplicateOf }}>
              {t('arrival.openExisting')}
            </Link>
          </p>
        </div>
      )}
      <fieldset className="fieldset group">
        <legend>{t('arrival.identity')}</legend>
        <TextField
          id={id('dossierNumber')}
          label={t('register.dossierNumber')}
          hint={t('register.dossierHint')}
          inputMode="numeric"
          width="medium"
          error={err('dossierNumber')}
          registration={form.register('dossierNumber')}
        />
        {text('firstName')}
        {text('lastName')}
        {text('nameVariants', { hint: t('arrival.nameVariantsHint') })}
        {text('birthDate', { type: 'date', width: 'medium', hint: t('arrival.birthDateHint') })}
        <CheckboxField
          id={id('ageInDoubt')}
          label={t('arrival.ageInDoubt')}
          hint={t('arrival.ageInDoubtHint')}
          error={err('ageInDoubt')}
          registration={form.register('ageInDoubt')}
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
        {text('citizenship', { hint: t('arrival.optional') })}
        {text('languages', { hint: t('arrival.languagesHint') })}
        <CheckboxField
          id={id('interpreterNeeded')}
          label={t('arrival.interpreterNeeded')}
          error={err('interpreterNeeded')}
          registration={form.register('interpreterNeeded')}
        />
        <DuplicateWarning control={form.control} />
        <CheckboxField
          id={id('protectedIdentity')}
          label={t('register.protectedIdentity')}
          hint={t('register.protectedHint')}
          error={err('protectedIdentity')}
          registration={form.register('protectedIdentity')}
        />
      </fieldset>
      <fieldset className="fieldset group">
        <legend>{t('arrival.arrival')}</legend>
        <SelectField
          id={id('arrivalMunicipalityCode')}
          label={t('register.arrivalMunicipality')}
          error={err('arrivalMunicipalityCode')}
          registration={form.register('arrivalMunicipalityCode')}
        >
          <option value="">{t('register.chooseMunicipality')}</option>
          <MunicipalityOptions />
        </SelectField>
        {text('arrivalDate', { type: 'date', width: 'medium' })}
        {text('whereabouts')}
      </fieldset>
      <fieldset className="fieldset group">
        <legend>{t('arrival.family')}</legend>
        <SelectField
          id={id('siblingOfChildId')}
          label={t('arrival.sibling')}
          hint={t('arrival.siblingHint')}
          error={err('siblingOfChildId')}
          registration={form.register('siblingOfChildId')}
        >
          <option value="">{t('arrival.noSibling')}</option>
          {waiting.data?.map((child) => (
            <option key={child.id} value={child.id}>
              {child.identityMasked
                ? child.dossierNumber
                : `${child.dossierNumber} – ${child.firstName ?? ''} ${child.lastName ?? ''}`}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id('relativeMunicipalityCode')}
          label={t('arrival.relativeMunicipality')}
          hint={t('arrival.relativeHint')}
          error={err('relativeMunicipalityCode')}
          registration={form.register('relativeMunicipalityCode')}
        >
          <option value="">{t('arrival.noRelative')}</option>
          <MunicipalityOptions />
        </SelectField>
        {text('relativeRelation', { hint: t('arrival.relationHint') })}
        {text('relativeName', { hint: t('arrival.relativeNameHint') })}
        {text('relativeAddress', { hint: t('arrival.relativeAddressHint') })}
        {text('relativePhone', { hint: t('arrival.relativePhoneHint'), type: 'tel', width: 'medium' })}
      </fieldset>
      <fieldset className="fieldset group">
        <legend>{t('arrival.needs')}</legend>
        <TextAreaField
          id={id('specialNeeds')}
          rows={3}
          label={t('arrival.specialNeeds')}
          hint={t('arrival.optional')}
          error={err('specialNeeds')}
          registration={form.register('specialNeeds')}
        />
        <TextAreaField
          id={id('wishes')}
          rows={3}
          label={t('arrival.wishes')}
          hint={t('arrival.wishesHint')}
          error={err('wishes')}
          registration={form.register('wishes')}
        />
      </fieldset>
      <button type="submit" className="button button--primary" disabled={register.isPending}>
        {register.isPending ? t('form.sending') : t('arrival.submit')}
      </button>
    </form>
  );
}
