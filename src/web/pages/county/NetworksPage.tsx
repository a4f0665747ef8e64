/**
 * The county coordinator's networks (issue 13 point 6, ADR 0029): every network the county takes part in, with its
 * counties, how often it meets, its members and events, and how many contacts need review; a form to create one.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useNetworks } from '../../api/county-queries.ts';
import type { Network, Networks } from '../../api/county-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { NetworkForm, type NetworkFormInput, type NetworkFormOutput } from '../../schemas-networks.ts';

const FIELDS: readonly SummaryField[] = [
  { name: 'name', id: 'network-name', label: 'networks.name' },
  { name: 'counties', id: 'network-counties', label: 'networks.counties' },
  { name: 'purpose', id: 'network-purpose', label: 'networks.purpose' },
  { name: 'meets', id: 'network-meets', label: 'networks.meets' },
  { name: 'fromYear', id: 'network-fromYear', label: 'networks.fromYear' },
  { name: 'toYear', id: 'network-toYear', label: 'networks.toYear' },
];
const NAMES = ['name', 'counties', 'purpose', 'meets', 'fromYear', 'toYear'] as const;

function NewNetwork({ view }: { readonly view: Networks }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<NetworkFormInput, unknown, NetworkFormOutput>({
    resolver: zodResolver(NetworkForm),
    shouldFocusError: false,
    defaultValues: {
      name: '',
      counties: [view.county.code],
      purpose: '',
      meets: '',
      fromYear: todayInSweden().slice(0, 4),
      toYear: '',
    },
  });
  const feedback = useFormFeedback(form.setError, [...NAMES]);
  const create = useMutation({
    mutationFn: (values: NetworkFormOutput) => apiPost<Network>('/api/county/networks', values),
    onSuccess: async (network) => {
      queryClient.setQueryData(['networks', network.id], network);
      await queryClient.invalidateQueries({ queryKey: ['networks'], exact: true });
      await navigate({ to: '/lan/natverk/$networkId', params: { networkId: network.id } });
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);
  return (
    <section aria-labelledby="new-network-title" className="section">
      <h2 id="new-network-title">{t('networks.create')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          create.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id="network-name"
          label={t('networks.name')}
          error={err('name')}
          registration={form.register('name')}
        />
        <fieldset
          className={errors.counties === undefined ? 'fieldset' : 'fieldset field--error'}
          id="network-counties"
          aria-describedby={errors.counties === undefined ? undefined : 'network-counties-error'}
        >
          <legend>{t('networks.counties')}</legend>
          {errors.counties !== undefined && (
            <p id="network-counties-error" className="field-error">
              {err('counties')}
            </p>
          )}
          <div className="checks checks--columns">
            {view.counties.map((c) => (
              <div className="check" key={c.code}>
                <input
                  id={`county-${c.code}`}
                  type="checkbox"
                  value={c.code}
                  {...form.register('counties')}
                />
                <label htmlFor={`county-${c.code}`}>{c.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id="network-purpose"
          label={t('networks.purpose')}
          error={err('purpose')}
          registration={form.register('purpose')}
        />
        <TextField
          id="network-meets"
          label={t('networks.meets')}
          hint={t('networks.meetsHint')}
          error={err('meets')}
          registration={form.register('meets')}
        />
        <TextField
          id="network-fromYear"
          label={t('networks.fromYear')}
          inputMode="numeric"
          width="short"
          error={err('fromYear')}
          registration={form.register('fromYear')}
        />
        <TextField
          id="network-toYear"
          label={t('networks.toYear')}
          hint={t('networks.toYearHint')}
          inputMode="numeric"
          width="short"
          error={err('toYear')}
          registration={form.register('toYear')}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('form.sending') : t('networks.submitNetwork')}
        </button>
      </form>
    </section>
  );
}

export function NetworksPage() {
  const { t } = useI18n();
  const networks = useNetworks();
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (networks.isPending || networks.isError)
    return (
      <Page title={t('networks.title')}>
        {networks.isError ? <LoadError error={networks.error} /> : <Loading />}
      </Page>
    );
  const view = networks.data;
  return (
    <Page title={t('networks.title')}>
      <p>{t('networks.intro', { county: view.county.name })}</p>
      {view.networks.length === 0 ? (
        <p>{t('networks.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('networks.listCaption')}>
          <table className="table">
            <caption>{t('networks.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.name')}</th>
                <th scope="col">{t('networks.counties')}</th>
                <th scope="col">{t('networks.meets')}</th>
                <th scope="col">{t('networks.years')}</th>
                <th scope="col" className="num">
                  {t('networks.members')}
                </th>
                <th scope="col" className="num">
                  {t('networks.events')}
                </th>
                <th scope="col" className="num">
                  {t('networks.needsReview')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.networks.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to="/lan/natverk/$networkId" params={{ networkId: n.id }}>
                      {n.name}
                    </Link>
                  </th>
                  <td>{n.counties.map((c) => c.name).join(', ')}</td>
                  <td>{n.meets}</td>
                  <td>
                    {n.toYear === null
                      ? t('networks.yearsFrom', { from: n.fromYear })
                      : n.toYear === n.fromYear
                        ? n.fromYear
                        : `${n.fromYear}–${n.toYear}`}
                  </td>
                  <td className="num">{n.members}</td>
                  <td className="num">{n.events}</td>
                  <td className="num">{n.needsReview}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewNetwork view={view} />
    </Page>
  );
}
