/**
 * The county's historic agreements (överenskommelser, issue 13 point 2), kept for the record: each agreement as the
 * document it was — parties, registration number, validity, places agreed, the earlier agreement it renegotiated,
 * every signature with the signatory, title, place and day — a form to register one from its paper, and a way to
 * void a registration made in error (with a reason; it stays on the list, marked void).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useAgreements } from '../../api/county-queries.ts';
import type { Agreement, Agreements } from '../../api/county-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { SIGNATORY_PARTIES } from '../../../domain/county/agreements.ts';
import {
  AgreementForm,
  VoidAgreementForm,
  type AgreementFormInput,
  type AgreementFormOutput,
  type VoidAgreementFormInput,
  type VoidAgreementFormOutput,
} from '../../schemas-county.ts';

type Signature = Agreement['signatures'][number];

function partyName(
  t: ReturnType<typeof useI18n>['t'],
  view: Agreements,
  s: Pick<Signature, 'party' | 'municipalityCode'>,
) {
  if (s.party === 'migrationsverket') return t('agreements.party.migrationsverket');
  if (s.party === 'county_board') return t('agreements.party.countyBoard', { county: view.county.name });
  return view.municipalities.find((m) => m.code === s.municipalityCode)?.name ?? s.municipalityCode ?? '';
}

/** "Lund och Staffanstorp" / "Lund and Staffanstorp": the parties as the language lists them. */
function partyList(lang: string, names: readonly string[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
}

function VoidForm({ agreement }: { readonly agreement: Agreement }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<VoidAgreementFormInput, unknown, VoidAgreementFormOutput>({
    resolver: zodResolver(VoidAgreementForm),
    shouldFocusError: false,
    defaultValues: { reason: '' },
  });
  const feedback = useFormFeedback(form.setError, ['reason']);
  const save = useMutation({
    mutationFn: (values: VoidAgreementFormOutput) =>
      apiPost<Agreements>(`/api/county/agreements/${encodeURIComponent(agreement.id)}/void`, values),
    onSuccess: (next) => queryClient.setQueryData(['agreements'], next),
    onError: feedback.onServerError,
  });
  const id = `void-${agreement.id}`;
  return (
    <details>
      <summary>{t('agreements.void')}</summary>
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          save.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={form.formState.errors}
          fields={[{ name: 'reason', id: `${id}-reason`, label: 'agreements.voidReason' }]}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextAreaField
          id={`${id}-reason`}
          label={t('agreements.voidReason')}
          hint={t('agreements.voidHint')}
          error={fieldErrorText(t, form.formState.errors.reason)}
          registration={form.register('reason')}
        />
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('agreements.voidSubmit')}
        </button>
      </form>
    </details>
  );
}

function AgreementView({ view, agreement }: { readonly view: Agreements; readonly agreement: Agreement }) {
  const { t, tn, dateTime, lang } = useI18n();
  const parties = partyList(
    lang,
    agreement.municipalities.map((m) => m.name),
  );
  const headingId = `agreement-${agreement.id}`;
  const heading =
    t('agreements.heading', { parties, date: agreement.concludedOn }) +
    (agreement.voided === null ? '' : ` – ${t('agreements.voided')}`);
  // The county board is a party where it signed: the agreements before 2011 were the Agency's and the municipality's.
  const boardSigned = agreement.signatures.some((s) => s.party === 'county_board');
  return (
    <article aria-labelledby={headingId} className="card" id={`overenskommelse-${agreement.id}`}>
      <h3 id={headingId}>{heading}</h3>
      {agreement.voided !== null && (
        <p className="notice">
          {t('agreements.voidedBy', {
            name: agreement.voided.by,
            when: dateTime(agreement.voided.at),
            reason: agreement.voided.reason,
          })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('agreements.registrationNumber')}</dt>
        <dd>{agreement.registrationNumber ?? t('agreements.noRegistrationNumber')}</dd>
        <dt>{t('agreements.parties')}</dt>
        <dd>
          {boardSigned
            ? t('agreements.partiesWithBoard', {
                municipalities: parties,
                county: t('agreements.party.countyBoard', { county: view.county.name }),
                agency: t('agreements.party.migrationsverket'),
              })
            : t('agreements.partiesText', {
                municipalities: parties,
                agency: t('agreements.party.migrationsverket'),
              })}
        </dd>
        <dt>{t('agreements.validity')}</dt>
        <dd>
          {agreement.validTo === null
            ? t('agreements.validOpen', { from: agreement.validFrom })
            : t('agreements.validRange', { from: agreement.validFrom, to: agreement.validTo })}
        </dd>
        <dt>{t('agreements.places')}</dt>
        <dd>
          {tn('agreements.asylumPlacesN', agreement.asylumPlaces)};{' '}
          {tn('agreements.permitPlacesN', agreement.permitPlaces)}
        </dd>
        {agreement.replaces !== null && (
          <>
            <dt>{t('agreements.replaces')}</dt>
            <dd>
              <a href={`#overenskommelse-${agreement.replaces.id}`}>
                {t('agreements.agreementOf', { date: agreement.replaces.concludedOn })}
              </a>
            </dd>
          </>
        )}
        {agreement.replacedBy.length > 0 && (
          <>
            <dt>{t('agreements.replacedBy')}</dt>
            <dd>
              {agreement.replacedBy.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ', '}
                  <a href={`#overenskommelse-${r.id}`}>
                    {t('agreements.agreementOf', { date: r.concludedOn })}
                  </a>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${headingId}-signatures`}>
        <table className="table">
          <caption id={`${headingId}-signatures`}>
            {t('agreements.signaturesOf', { agreement: heading })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.party')}</th>
              <th scope="col">{t('agreements.signatory')}</th>
              <th scope="col">{t('agreements.title')}</th>
              <th scope="col">{t('agreements.placeAndDate')}</th>
            </tr>
          </thead>
          <tbody>
            {agreement.signatures.map((s) => (
              <tr key={`${s.party}-${s.municipalityCode ?? ''}`}>
                <th scope="row">{partyName(t, view, s)}</th>
                <td>{s.signatory}</td>
                <td>{s.title}</td>
                <td>
                  {s.place}, {s.signedOn}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {agreement.note !== '' && <p>{agreement.note}</p>}
      <p className="hint">
        {t('agreements.recordedBy', { name: agreement.recordedBy, when: dateTime(agreement.recordedAt) })}
      </p>
      {agreement.voided === null && <VoidForm agreement={agreement} />}
    </article>
  );
}

const EMPTY_SIGNATURE = {
  party: 'municipality',
  municipalityCode: '',
  signatory: '',
  title: '',
  place: '',
  signedOn: '',
} as const;

const SIGNATURE_FIELDS = ['party', 'municipalityCode', 'signatory', 'title', 'place', 'signedOn'] as const;

function RecordForm({ view }: { readonly view: Agreements }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<AgreementFormInput, unknown, AgreementFormOutput>({
    resolver: zodResolver(AgreementForm),
    shouldFocusError: false,
    defaultValues: {
      registrationNumber: '',
      municipalities: [],
      validFrom: '',
      validTo: '',
      asylumPlaces: '',
      permitPlaces: '0',
      replacesId: '',
      signatures: [{ ...EMPTY_SIGNATURE }, { ...EMPTY_SIGNATURE, party: 'migrationsverket' }],
      note: '',
    },
  });
  const signatures = useFieldArray({ control: form.control, name: 'signatures' });
  const parties = useWatch({ control: form.control, name: 'signatures' });
  const names = [
    'registrationNumber',
    'municipalities',
    'validFrom',
    'validTo',
    'asylumPlaces',
    'permitPlaces',
    'replacesId',
    'note',
    ...signatures.fields.flatMap((_, i) => SIGNATURE_FIELDS.map((f) => `signatures.${i}.${f}` as const)),
  ] as const;
  // A problem with the signatures as a whole (one missing) goes to the list's root, beside each row's own problems.
  const feedback = useFormFeedback(
    form.setError,
    [...names, 'signatures.root' as (typeof names)[number]],
    (name) => (name === 'signatures' ? 'signatures.root' : name),
  );
  const record = useMutation({
    mutationFn: (values: AgreementFormOutput) => apiPost<Agreements>('/api/county/agreements', values),
    onSuccess: (next) => {
      queryClient.setQueryData(['agreements'], next);
      setSaved(true);
      form.reset();
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const signatureError = (i: number, f: (typeof SIGNATURE_FIELDS)[number]) =>
    fieldErrorText(t, errors.signatures?.[i]?.[f]);
  const signaturesError = fieldErrorText(t, errors.signatures?.root);
  const summary: SummaryField[] = [
    {
      name: 'registrationNumber',
      id: 'agreement-registrationNumber',
      label: 'agreements.registrationNumber',
    },
    { name: 'municipalities', id: 'agreement-municipalities', label: 'agreements.municipalities' },
    { name: 'validFrom', id: 'agreement-validFrom', label: 'agreements.validFrom' },
    { name: 'validTo', id: 'agreement-validTo', label: 'agreements.validTo' },
    { name: 'asylumPlaces', id: 'agreement-asylumPlaces', label: 'agreements.asylumPlaces' },
    { name: 'permitPlaces', id: 'agreement-permitPlaces', label: 'agreements.permitPlaces' },
    { name: 'replacesId', id: 'agreement-replacesId', label: 'agreements.replaces' },
    { name: 'signatures.root', id: 'agreement-signatures', label: 'agreements.signatures' },
    ...signatures.fields.flatMap((_, i) =>
      SIGNATURE_FIELDS.map((f) => ({
        name: `signatures.${i}.${f}`,
        id: `signature-${i}-${f}`,
        label: `agreements.summary.${f}` as const,
        labelParams: { n: i + 1 },
      })),
    ),
    { name: 'note', id: 'agreement-note', label: 'agreements.note' },
  ];
  const replaceable = view.agreements.filter((a) => a.voided === null);
  return (
    <section aria-labelledby="record-title" className="section">
      <h2 id="record-title">{t('agreements.record')}</h2>
      <p>{t('agreements.recordIntro')}</p>
      {saved && <Success>{t('agreements.recorded')}</Success>}
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(false);
          record.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={errors}
          fields={summary}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="agreement-registrationNumber"
          label={t('agreements.registrationNumber')}
          hint={t('agreements.registrationNumberHint')}
          width="medium"
          error={fieldErrorText(t, errors.registrationNumber)}
          registration={form.register('registrationNumber')}
        />
        <fieldset
          className={errors.municipalities === undefined ? 'fieldset' : 'fieldset field--error'}
          id="agreement-municipalities"
          aria-describedby={
            errors.municipalities === undefined ? undefined : 'agreement-municipalities-error'
          }
        >
          <legend>{t('agreements.municipalities')}</legend>
          {errors.municipalities !== undefined && (
            <p id="agreement-municipalities-error" className="field-error">
              {fieldErrorText(t, errors.municipalities)}
            </p>
          )}
          <div className="checks checks--columns">
            {view.municipalities.map((m) => (
              <div className="check" key={m.code}>
                <input
                  id={`party-${m.code}`}
                  type="checkbox"
                  value={m.code}
                  {...form.register('municipalities')}
                />
                <label htmlFor={`party-${m.code}`}>{m.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          id="agreement-validFrom"
          type="date"
          width="medium"
          label={t('agreements.validFrom')}
          error={fieldErrorText(t, errors.validFrom)}
          registration={form.register('validFrom')}
        />
        <TextField
          id="agreement-validTo"
          type="date"
          width="medium"
          label={t('agreements.validTo')}
          hint={t('agreements.validToHint')}
          error={fieldErrorText(t, errors.validTo)}
          registration={form.register('validTo')}
        />
        <TextField
          id="agreement-asylumPlaces"
          label={t('agreements.asylumPlaces')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.asylumPlaces)}
          registration={form.register('asylumPlaces')}
        />
        <TextField
          id="agreement-permitPlaces"
          label={t('agreements.permitPlaces')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.permitPlaces)}
          registration={form.register('permitPlaces')}
        />
        <SelectField
          id="agreement-replacesId"
          label={t('agreements.replaces')}
          hint={t('agreements.replacesHint')}
          error={fieldErrorText(t, errors.replacesId)}
          registration={form.register('replacesId')}
        >
          <option value="">{t('agreements.replacesNone')}</option>
          {replaceable.map((a) => (
            <option key={a.id} value={a.id}>
              {t('agreements.heading', {
                parties: partyList(
                  lang,
                  a.municipalities.map((m) => m.name),
                ),
                date: a.concludedOn,
              })}
            </option>
          ))}
        </SelectField>
        <fieldset
          className={signaturesError === undefined ? 'fieldset' : 'fieldset field--error'}
          id="agreement-signatures"
          aria-describedby={signaturesError === undefined ? undefined : 'agreement-signatures-error'}
        >
          <legend>{t('agreements.signatures')}</legend>
          <p className="hint">{t('agreements.signaturesHint')}</p>
          {signaturesError !== undefined && (
            <p id="agreement-signatures-error" className="field-error">
              {signaturesError}
            </p>
          )}
          {signatures.fields.map((s, i) => (
            <fieldset key={s.id} className="fieldset">
              <legend>{t('agreements.signatureN', { n: i + 1 })}</legend>
              <SelectField
                id={`signature-${i}-party`}
                label={t('agreements.signatureField.party')}
                error={signatureError(i, 'party')}
                registration={form.register(`signatures.${i}.party`)}
              >
                {SIGNATORY_PARTIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`agreements.partyKind.${p}`)}
                  </option>
                ))}
              </SelectField>
              {parties[i]?.party === 'municipality' && (
                <SelectField
                  id={`signature-${i}-municipalityCode`}
                  label={t('agreements.signatureField.municipalityCode')}
                  error={signatureError(i, 'municipalityCode')}
                  registration={form.register(`signatures.${i}.municipalityCode`)}
                >
                  <option value="">{t('agreements.chooseMunicipality')}</option>
                  {view.municipalities.map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name}
                    </option>
                  ))}
                </SelectField>
              )}
              <TextField
                id={`signature-${i}-signatory`}
                label={t('agreements.signatureField.signatory')}
                error={signatureError(i, 'signatory')}
                registration={form.register(`signatures.${i}.signatory`)}
              />
              <TextField
                id={`signature-${i}-title`}
                label={t('agreements.signatureField.title')}
                error={signatureError(i, 'title')}
                registration={form.register(`signatures.${i}.title`)}
              />
              <TextField
                id={`signature-${i}-place`}
                label={t('agreements.signatureField.place')}
                width="medium"
                error={signatureError(i, 'place')}
                registration={form.register(`signatures.${i}.place`)}
              />
              <TextField
                id={`signature-${i}-signedOn`}
                type="date"
                width="medium"
                label={t('agreements.signatureField.signedOn')}
                error={signatureError(i, 'signedOn')}
                registration={form.register(`signatures.${i}.signedOn`)}
              />
              {signatures.fields.length > 1 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => signatures.remove(i)}
                >
                  {t('agreements.removeSignature', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => signatures.append({ ...EMPTY_SIGNATURE })}
            >
              {t('agreements.addSignature')}
            </button>
          </p>
        </fieldset>
        <TextAreaField
          id="agreement-note"
          label={t('agreements.note')}
          hint={t('agreements.noteHint')}
          error={fieldErrorText(t, errors.note)}
          registration={form.register('note')}
        />
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {record.isPending ? t('form.sending') : t('agreements.submit')}
        </button>
      </form>
    </section>
  );
}

export function AgreementsPage() {
  const { t, tn } = useI18n();
  const agreements = useAgreements();
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (agreements.isPending || agreements.isError)
    return (
      <Page title={t('agreements.pageTitle')}>
        {agreements.isError ? <LoadError error={agreements.error} /> : <Loading />}
      </Page>
    );
  const view = agreements.data;
  const valid = view.agreements.filter((a) => a.voided === null);
  return (
    <Page title={t('agreements.pageTitle')}>
      <p>{t('agreements.intro', { county: view.county.name })}</p>
      <section aria-labelledby="agreements-list" className="section">
        <h2 id="agreements-list">{t('agreements.listTitle')}</h2>
        {view.agreements.length === 0 ? (
          <p>{t('agreements.none')}</p>
        ) : (
          <p>
            {tn('agreements.count', valid.length)}
            {valid.length < view.agreements.length &&
              ` ${tn('agreements.voidedCount', view.agreements.length - valid.length)}`}
          </p>
        )}
        {view.agreements.map((a) => (
          <AgreementView key={a.id} view={view} agreement={a} />
        ))}
      </section>
      <RecordForm view={view} />
    </Page>
  );
}
