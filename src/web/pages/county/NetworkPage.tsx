/**
 * One network (issue 13 point 6, ADR 0029): its counties and purpose, its members (the contact list, each with
 * consent and an owner; one not confirmed for twelve months needs review), its competence events, and participation by
 * county, role and gender as tables; forms to add or change a contact, withdraw consent, confirm a contact is current
 * and record an event with its participants.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { apiPost, apiPut } from '../../api/client.ts';
import { useNetwork } from '../../api/county-queries.ts';
import type { Network, NetworkMember, ParticipationReport } from '../../api/county-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { apiErrorText, fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { CONSENT_WAYS, NETWORK_ROLES, PARTICIPANT_GENDERS } from '../../../domain/county/networks.ts';
import {
  ContactForm,
  EventForm,
  type ContactFormInput,
  type ContactFormOutput,
  type EventFormInput,
  type EventFormOutput,
} from '../../schemas-networks.ts';

function countyName(network: Network, code: string): string {
  return network.counties.find((c) => c.code === code)?.name ?? code;
}

function ReportTables({
  network,
  report,
  id,
  suffix,
}: {
  readonly network: Network;
  readonly report: ParticipationReport;
  readonly id: string;
  readonly suffix: string;
}) {
  const { t } = useI18n();
  const shown = (n: number | null) => (n === null ? t('networks.withheld') : String(n));
  const table = (
    caption: string,
    heading: string,
    rows: readonly { key: string; label: string; n: number | null }[],
  ) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              {t('networks.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{shown(r.n)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('networks.total')}</th>
            <td className="num">{report.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
  return (
    <div id={id}>
      {table(
        t('networks.byCounty', { suffix }),
        t('networks.county'),
        report.byCounty.map((c) => ({ key: c.key, label: countyName(network, c.key), n: c.n })),
      )}
      {table(
        t('networks.byRole', { suffix }),
        t('networks.role'),
        report.byRole.map((c) => ({ key: c.key, label: t(`networks.role.${c.key}`), n: c.n })),
      )}
      {table(
        t('networks.byGender', { suffix }),
        t('networks.gender'),
        report.byGender.map((c) => ({ key: c.key, label: t(`networks.gender.${c.key}`), n: c.n })),
      )}
    </div>
  );
}

const CONTACT_FIELDS = [
  'name',
  'email',
  'phone',
  'countyCode',
  'role',
  'organisation',
  'gender',
  'consentOn',
  'consentHow',
  'ownerId',
] as const;
const CONTACT_LABELS: Record<(typeof CONTACT_FIELDS)[number], SummaryField['label']> = {
  name: 'networks.person',
  email: 'networks.email',
  phone: 'networks.phone',
  countyCode: 'networks.county',
  role: 'networks.role',
  organisation: 'networks.organisation',
  gender: 'networks.gender',
  consentOn: 'networks.consentOn',
  consentHow: 'networks.consentHow',
  ownerId: 'networks.owner',
};

function emptyContact(network: Network, ownerId: string): ContactFormInput {
  return {
    name: '',
    email: '',
    phone: '',
    countyCode: network.counties[0]?.code ?? '',
    role: '' as ContactFormInput['role'],
    organisation: '',
    gender: '' as ContactFormInput['gender'],
    consentOn: '',
    consentHow: '' as ContactFormInput['consentHow'],
    ownerId,
  };
}

function ContactSection({
  network,
  editing,
  onDone,
}: {
  readonly network: Network;
  readonly editing: NetworkMember | null;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const ownerDefault = network.owners[0]?.id ?? '';
  const form = useForm<ContactFormInput, unknown, ContactFormOutput>({
    resolver: zodResolver(ContactForm),
    shouldFocusError: false,
    defaultValues:
      editing === null
        ? emptyContact(network, ownerDefault)
        : {
            name: editing.name,
            email: editing.email ?? '',
            phone: editing.phone ?? '',
            countyCode: editing.countyCode,
            role: editing.role,
            organisation: editing.organisation,
            gender: editing.gender,
            consentOn: editing.consentOn,
            consentHow: editing.consentHow,
            ownerId: editing.owner.id,
          },
  });
  const feedback = useFormFeedback(form.setError, [...CONTACT_FIELDS]);
  const save = useMutation({
    mutationFn: (values: ContactFormOutput) =>
      editing === null
        ? apiPost<Network>(`/api/county/networks/${encodeURIComponent(network.id)}/contacts`, values)
        : apiPut<Network>(
            `/api/county/networks/${encodeURIComponent(network.id)}/contacts/${encodeURIComponent(editing.id)}`,
            values,
          ),
    onSuccess: (next) => {
      queryClient.setQueryData(['networks', network.id], next);
      setSaved(true);
      form.reset(emptyContact(next, ownerDefault));
      onDone();
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const err = (name: (typeof CONTACT_FIELDS)[number]) => fieldErrorText(t, errors[name]);
  const title =
    editing === null ? t('networks.addContact') : t('networks.editContact', { name: editing.name });
  return (
    <section aria-labelledby="contact-title" className="section">
      <h2 id="contact-title">{title}</h2>
      {saved && <Success>{t('networks.contactSaved')}</Success>}
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(false);
          save.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={errors}
          fields={CONTACT_FIELDS.map((name) => ({
            name,
            id: `contact-${name}`,
            label: CONTACT_LABELS[name],
          }))}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="contact-name"
          label={t('networks.person')}
          error={err('name')}
          registration={form.register('name')}
        />
        <SelectField
          id="contact-role"
          label={t('networks.role')}
          error={err('role')}
          registration={form.register('role')}
        >
          <option value="">{t('networks.choose')}</option>
          {NETWORK_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`networks.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="contact-organisation"
          label={t('networks.organisation')}
          error={err('organisation')}
          registration={form.register('organisation')}
        />
        <SelectField
          id="contact-countyCode"
          label={t('networks.county')}
          error={err('countyCode')}
          registration={form.register('countyCode')}
        >
          {network.counties.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="contact-email"
          type="email"
          label={t('networks.email')}
          error={err('email')}
          registration={form.register('email')}
        />
        <TextField
          id="contact-phone"
          type="tel"
          width="medium"
          label={t('networks.phone')}
          error={err('phone')}
          registration={form.register('phone')}
        />
        <SelectField
          id="contact-gender"
          label={t('networks.gender')}
          hint={t('networks.genderHint')}
          error={err('gender')}
          registration={form.register('gender')}
        >
          <option value="">{t('networks.choose')}</option>
          {PARTICIPANT_GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`networks.gender.${g}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="contact-consentOn"
          type="date"
          width="medium"
          label={t('networks.consentOn')}
          error={err('consentOn')}
          registration={form.register('consentOn')}
        />
        <SelectField
          id="contact-consentHow"
          label={t('networks.consentHow')}
          error={err('consentHow')}
          registration={form.register('consentHow')}
        >
          <option value="">{t('networks.choose')}</option>
          {CONSENT_WAYS.map((w) => (
            <option key={w} value={w}>
              {t(`networks.consentHow.${w}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="contact-ownerId"
          label={t('networks.owner')}
          hint={t('networks.ownerHint')}
          error={err('ownerId')}
          registration={form.register('ownerId')}
        >
          {network.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({countyName(network, o.countyCode)})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('networks.saveContact')}
        </button>{' '}
        {editing !== null && (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('networks.cancelEdit')}
          </button>
        )}
      </form>
    </section>
  );
}

function MemberActions({
  network,
  member,
  onEdit,
  onDone,
}: {
  readonly network: Network;
  readonly member: NetworkMember;
  readonly onEdit: () => void;
  readonly onDone: (message: { readonly text: string; readonly failed: boolean }) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // Withdrawal cannot be undone: the first press asks, the second (or "Avbryt") answers.
  const [asking, setAsking] = useState(false);
  const act = useMutation({
    mutationFn: (what: 'confirmation' | 'withdrawal') =>
      apiPost<Network>(
        `/api/county/networks/${encodeURIComponent(network.id)}/contacts/${encodeURIComponent(member.id)}/${what}`,
      ),
    onSuccess: (next, what) => {
      queryClient.setQueryData(['networks', network.id], next);
      onDone({
        text: t(what === 'confirmation' ? 'networks.confirmed' : 'networks.withdrawnDone'),
        failed: false,
      });
    },
    onError: (error) => onDone({ text: apiErrorText(t, error), failed: true }),
  });
  if (asking)
    return (
      <span className="actions" role="group" aria-label={t('networks.withdrawAsk', { name: member.name })}>
        <span>{t('networks.withdrawAsk', { name: member.name })}</span>{' '}
        <button
          type="button"
          className="button button--small"
          disabled={act.isPending}
          onClick={() => act.mutate('withdrawal')}
        >
          {t('networks.withdrawYes')}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setAsking(false)}
        >
          {t('networks.withdrawNo')}
        </button>
      </span>
    );
  return (
    <span className="actions">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('networks.confirm', { name: member.name })}
        disabled={act.isPending}
        onClick={() => act.mutate('confirmation')}
      >
        {t('networks.confirmShort')}
      </button>{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('networks.edit', { name: member.name })}
        onClick={onEdit}
      >
        {t('networks.editShort')}
      </button>{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('networks.withdraw', { name: member.name })}
        disabled={act.isPending}
        onClick={() => setAsking(true)}
      >
        {t('networks.withdrawShort')}
      </button>
    </span>
  );
}

const EVENT_FIELDS: readonly SummaryField[] = [
  { name: 'theme', id: 'event-theme', label: 'networks.theme' },
  { name: 'firstDay', id: 'event-firstDay', label: 'networks.firstDay' },
  { name: 'lastDay', id: 'event-lastDay', label: 'networks.lastDay' },
  { name: 'place', id: 'event-place', label: 'networks.place' },
  { name: 'speakers', id: 'event-speakers', label: 'networks.speakers' },
  { name: 'contactIds', id: 'event-contactIds', label: 'networks.contactParticipants' },
];
const EVENT_NAMES = ['theme', 'firstDay', 'lastDay', 'place', 'speakers', 'contactIds'] as const;

function EventSection({ network }: { readonly network: Network }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const today = todayInSweden();
  const empty: EventFormInput = {
    theme: '',
    firstDay: today,
    lastDay: today,
    place: '',
    online: false,
    speakers: '',
    contactIds: [],
    counts: [],
  };
  const form = useForm<EventFormInput, unknown, EventFormOutput>({
    resolver: zodResolver(EventForm),
    shouldFocusError: false,
    defaultValues: empty,
  });
  const counts = useFieldArray({ control: form.control, name: 'counts' });
  // The server names a count row's field (`counts.0.countyCode`) and a member by its place (`contactIds.1`).
  const rowFields = counts.fields.flatMap(
    (_, i) =>
      [`counts.${i}.countyCode`, `counts.${i}.role`, `counts.${i}.gender`, `counts.${i}.count`] as const,
  );
  const feedback = useFormFeedback(form.setError, [...EVENT_NAMES, ...rowFields], (name) =>
    name.startsWith('contactIds.') ? 'contactIds' : name,
  );
  const save = useMutation({
    mutationFn: (values: EventFormOutput) =>
      apiPost<Network>(`/api/county/networks/${encodeURIComponent(network.id)}/events`, values),
    onSuccess: (next) => {
      queryClient.setQueryData(['networks', network.id], next);
      setSaved(true);
      form.reset(empty);
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const err = (name: (typeof EVENT_NAMES)[number]) => fieldErrorText(t, errors[name]);
  const rowError = (i: number, f: 'countyCode' | 'role' | 'gender' | 'count') =>
    fieldErrorText(t, errors.counts?.[i]?.[f]);
  return (
    <section aria-labelledby="event-title" className="section">
      <h2 id="event-title">{t('networks.addEvent')}</h2>
      {saved && <Success>{t('networks.eventSaved')}</Success>}
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(false);
          save.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={errors}
          fields={[
            ...EVENT_FIELDS.filter((f) => f.name !== 'contactIds' || network.members.length > 0),
            ...counts.fields.flatMap((_, i) =>
              (['countyCode', 'role', 'gender', 'count'] as const).map((f) => ({
                name: `counts.${i}.${f}`,
                id: `count-${i}-${f}`,
                label: `networks.countRowField.${f}` as const,
                labelParams: { n: i + 1 },
              })),
            ),
            ...(network.members.length > 0
              ? []
              : [
                  {
                    name: 'contactIds',
                    id: 'event-countRows',
                    label: 'networks.contactParticipants' as const,
                  },
                ]),
          ]}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="event-theme"
          label={t('networks.theme')}
          error={err('theme')}
          registration={form.register('theme')}
        />
        <TextField
          id="event-firstDay"
          type="date"
          width="medium"
          label={t('networks.firstDay')}
          error={err('firstDay')}
          registration={form.register('firstDay')}
        />
        <TextField
          id="event-lastDay"
          type="date"
          width="medium"
          label={t('networks.lastDay')}
          error={err('lastDay')}
          registration={form.register('lastDay')}
        />
        <TextField
          id="event-place"
          label={t('networks.place')}
          error={err('place')}
          registration={form.register('place')}
        />
        <CheckboxField
          id="event-online"
          label={t('networks.onlineLabel')}
          registration={form.register('online')}
        />
        <TextAreaField
          id="event-speakers"
          label={t('networks.speakers')}
          error={err('speakers')}
          registration={form.register('speakers')}
        />
        {network.members.length > 0 && (
          <fieldset
            className={errors.contactIds === undefined ? 'fieldset' : 'fieldset field--error'}
            id="event-contactIds"
            aria-describedby={errors.contactIds === undefined ? undefined : 'event-contactIds-error'}
          >
            <legend>{t('networks.contactParticipants')}</legend>
            {errors.contactIds !== undefined && (
              <p id="event-contactIds-error" className="field-error">
                {err('contactIds')}
              </p>
            )}
            <div className="checks checks--columns">
              {network.members.map((m) => (
                <div className="check" key={m.id}>
                  <input
                    id={`participant-${m.id}`}
                    type="checkbox"
                    value={m.id}
                    {...form.register('contactIds')}
                  />
                  <label htmlFor={`participant-${m.id}`}>
                    {m.name} ({t(`networks.role.${m.role}`)})
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        <h3 id="event-countRows" tabIndex={-1}>
          {t('networks.countRows')}
        </h3>
        {counts.fields.map((row, i) => (
          <fieldset key={row.id} className="fieldset">
            <legend>{t('networks.countRowN', { n: i + 1 })}</legend>
            <SelectField
              id={`count-${i}-countyCode`}
              label={t('networks.county')}
              error={rowError(i, 'countyCode')}
              registration={form.register(`counts.${i}.countyCode`)}
            >
              {network.counties.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`count-${i}-role`}
              label={t('networks.role')}
              error={rowError(i, 'role')}
              registration={form.register(`counts.${i}.role`)}
            >
              {NETWORK_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`networks.role.${r}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`count-${i}-gender`}
              label={t('networks.gender')}
              error={rowError(i, 'gender')}
              registration={form.register(`counts.${i}.gender`)}
            >
              {PARTICIPANT_GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`networks.gender.${g}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`count-${i}-count`}
              label={t('networks.count')}
              inputMode="numeric"
              width="short"
              error={rowError(i, 'count')}
              registration={form.register(`counts.${i}.count`)}
            />
            <button type="button" className="button button--secondary" onClick={() => counts.remove(i)}>
              {t('networks.removeCountRow', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              counts.append({
                countyCode: network.counties[0]?.code ?? '',
                role: 'other',
                gender: 'female',
                count: '',
              })
            }
          >
            {t('networks.addCountRow')}
          </button>
        </p>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('networks.submitEvent')}
        </button>
      </form>
    </section>
  );
}

export function NetworkPage() {
  const { t, tn } = useI18n();
  const { networkId } = useParams({ from: '/app/lan/natverk/$networkId' });
  const query = useNetwork(networkId);
  const [editing, setEditing] = useState<NetworkMember | null>(null);
  const [message, setMessage] = useState<{ readonly text: string; readonly failed: boolean } | null>(null);
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (query.isPending || query.isError)
    return (
      <Page title={t('networks.title')}>
        {query.isError ? <LoadError error={query.error} /> : <Loading />}
      </Page>
    );
  const network = query.data;
  return (
    <Page title={network.name}>
      <p>
        <Link to="/lan/natverk">{t('networks.back')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('networks.counties')}</dt>
        <dd>{network.counties.map((c) => c.name).join(', ')}</dd>
        <dt>{t('networks.purpose')}</dt>
        <dd>{network.purpose}</dd>
        <dt>{t('networks.meets')}</dt>
        <dd>{network.meets}</dd>
        <dt>{t('networks.years')}</dt>
        <dd>
          {network.toYear === null
            ? t('networks.yearsFrom', { from: network.fromYear })
            : `${network.fromYear}–${network.toYear}`}
        </dd>
      </dl>

      <section aria-labelledby="members-title" className="section">
        <h2 id="members-title">{t('networks.members')}</h2>
        <p>{t('networks.membersIntro')}</p>
        {message !== null &&
          (message.failed ? (
            <p className="field-error" role="alert">
              {message.text}
            </p>
          ) : (
            <Success>{message.text}</Success>
          ))}
        {network.members.length === 0 ? (
          <p>{t('networks.noMembers')}</p>
        ) : (
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('networks.membersCaption', { network: network.name })}
          >
            <table className="table">
              <caption>{t('networks.membersCaption', { network: network.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('networks.person')}</th>
                  <th scope="col">{t('networks.role')}</th>
                  <th scope="col">{t('networks.organisation')}</th>
                  <th scope="col">{t('networks.county')}</th>
                  <th scope="col">{t('networks.email')}</th>
                  <th scope="col">{t('networks.phone')}</th>
                  <th scope="col">{t('networks.consent')}</th>
                  <th scope="col">{t('networks.owner')}</th>
                  <th scope="col">{t('networks.confirmedOn')}</th>
                  <th scope="col">{t('networks.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {network.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{t(`networks.role.${m.role}`)}</td>
                    <td>{m.organisation}</td>
                    <td>{countyName(network, m.countyCode)}</td>
                    <td>{m.email === null ? '–' : <a href={`mailto:${m.email}`}>{m.email}</a>}</td>
                    <td>{m.phone ?? '–'}</td>
                    <td>
                      {t('networks.consentGiven', {
                        date: m.consentOn,
                        how: t(`networks.consentHow.${m.consentHow}`),
                      })}
                    </td>
                    <td>{m.owner.name}</td>
                    <td>
                      {m.confirmedOn}{' '}
                      <span className={m.needsReview ? 'tag tag--warning' : 'tag tag--ok'}>
                        {m.needsReview ? t('networks.needsReview') : t('networks.current')}
                      </span>
                    </td>
                    <td>
                      <MemberActions
                        network={network}
                        member={m}
                        onEdit={() => {
                          setMessage(null);
                          setEditing(m);
                        }}
                        onDone={(done) => {
                          setEditing(null);
                          setMessage(done);
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {network.withdrawn > 0 && <p>{tn('networks.withdrawn', network.withdrawn)}</p>}
      </section>

      <section aria-labelledby="events-title" className="section">
        <h2 id="events-title">{t('networks.events')}</h2>
        <p>{t('networks.eventsIntro')}</p>
        {network.events.length === 0 && <p>{t('networks.noEvents')}</p>}
        {network.events.map((e) => (
          <article key={e.id} className="card" aria-labelledby={`event-${e.id}`}>
            <h3 id={`event-${e.id}`}>{e.theme}</h3>
            <dl className="facts">
              <dt>{t('networks.date')}</dt>
              <dd>
                {e.firstDay === e.lastDay
                  ? e.firstDay
                  : t('networks.eventDays', { first: e.firstDay, last: e.lastDay })}
              </dd>
              <dt>{t('networks.place')}</dt>
              <dd>
                {[e.place, e.online ? t('networks.online') : ''].filter((x) => x !== '').join(', ') || '–'}
              </dd>
              <dt>{t('networks.speakers')}</dt>
              <dd>{e.speakers === '' ? '–' : e.speakers}</dd>
              <dt>{t('networks.namedParticipants')}</dt>
              <dd>{e.contacts.length === 0 ? '–' : e.contacts.map((c) => c.name).join(', ')}</dd>
            </dl>
            <p>{tn('networks.participants', e.report.total)}</p>
            <ReportTables
              network={network}
              report={e.report}
              id={`report-${e.id}`}
              suffix={t('networks.eventSuffix', { theme: e.theme, date: e.firstDay })}
            />
          </article>
        ))}
      </section>

      <section aria-labelledby="report-title" className="section">
        <h2 id="report-title">{t('networks.report')}</h2>
        <p>{t('networks.reportIntro')}</p>
        <ReportTables network={network} report={network.report} id="report-all" suffix="" />
      </section>

      <EventSection network={network} />
      <ContactSection
        key={editing?.id ?? 'new'}
        network={network}
        editing={editing}
        onDone={() => setEditing(null)}
      />
    </Page>
  );
}
