/**
 * Log review for the data protection officer: the organisation's users' accesses and refused attempts, one entry per
 * page view, paged by cursor, filtered by kind, outcome, dates and a child's dossier number.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AUDIT_EVENT_KINDS, type AuditEventKind } from '../../../domain/audit/events.ts';
import { useAuditEvents } from '../../api/queries.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { kindText } from '../../components/labels.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { AuditFilterSchema, type AuditFilterInput } from '../../schemas.ts';
import { AuditEntriesTable } from './AuditEntriesTable.tsx';
import { AuditTabs } from './AuditTabs.tsx';
import { LogPager, type LogPlace } from './LogPager.tsx';

export interface AuditFilters {
  readonly kind?: AuditEventKind;
  readonly outcome?: 'allowed' | 'denied';
  readonly from?: string;
  readonly to?: string;
  /** A child's dossier number: the events about that child. */
  readonly dossier?: string;
}

const PAGE_SIZE = 50;
const NAMES = ['kind', 'outcome', 'from', 'to', 'dossier'] as const;
const FIELDS = [
  { name: 'kind', id: 'audit-kind', label: 'audit.kind' },
  { name: 'outcome', id: 'audit-outcome', label: 'audit.outcome' },
  { name: 'from', id: 'audit-from', label: 'audit.from' },
  { name: 'to', id: 'audit-to', label: 'audit.to' },
  { name: 'dossier', id: 'audit-dossier', label: 'audit.dossier' },
] as const;

function FilterForm({ filters }: { readonly filters: AuditFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const values: AuditFilterInput = {
    kind: filters.kind ?? '',
    outcome: filters.outcome ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
    dossier: filters.dossier ?? '',
  };
  const form = useForm<AuditFilterInput, unknown, z.output<typeof AuditFilterSchema>>({
    resolver: zodResolver(AuditFilterSchema),
    shouldFocusError: false,
    values,
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const submit = form.handleSubmit((v) => {
    const search = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== '')) as AuditFilters;
    return navigate({ to: '/logg', search });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('audit.filters')}</h2>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <div className="filters__row">
        <SelectField
          id="audit-kind"
          label={t('audit.kind')}
          error={fieldErrorText(t, errors.kind)}
          registration={form.register('kind')}
        >
          <option value="">{t('audit.anyKind')}</option>
          {AUDIT_EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindText(t, kind)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="audit-outcome"
          label={t('audit.outcome')}
          error={fieldErrorText(t, errors.outcome)}
          registration={form.register('outcome')}
        >
          <option value="">{t('audit.anyOutcome')}</option>
          <option value="allowed">{t('outcome.allowed')}</option>
          <option value="denied">{t('outcome.denied')}</option>
        </SelectField>
        <TextField
          id="audit-from"
          type="date"
          width="medium"
          label={t('audit.from')}
          error={fieldErrorText(t, errors.from)}
          registration={form.register('from')}
        />
        <TextField
          id="audit-to"
          type="date"
          width="medium"
          label={t('audit.to')}
          error={fieldErrorText(t, errors.to)}
          registration={form.register('to')}
        />
        <TextField
          id="audit-dossier"
          inputMode="numeric"
          width="medium"
          label={t('audit.dossier')}
          hint={t('audit.dossierHint')}
          error={fieldErrorText(t, errors.dossier)}
          registration={form.register('dossier')}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
        <Link to="/logg" className="button button--secondary">
          {t('audit.reset')}
        </Link>
      </p>
    </form>
  );
}

export function AuditEventsPage({
  filters,
  place,
}: {
  readonly filters: AuditFilters;
  readonly place: LogPlace;
}) {
  const { t, tn } = useI18n();
  const events = useAuditEvents({ ...filters, before: place.aldre, after: place.nyare, limit: PAGE_SIZE });
  const page = events.data;
  return (
    <Page title={t('audit.title')}>
      <p className="lead">{t('audit.intro')}</p>
      <AuditTabs />
      <FilterForm filters={filters} />
      <p className="hint">{t('audit.entryHint')}</p>
      <Announce>
        {page !== undefined && <p className="result-count">{tn('audit.count', page.entries.length)}</p>}
      </Announce>
      {events.isPending && <Loading />}
      {events.isError && <LoadError error={events.error} />}
      {page?.entries.length === 0 && (
        <p>
          {place.aldre === undefined && place.nyare === undefined ? t('audit.empty') : t('audit.pageEmpty')}
        </p>
      )}
      {page !== undefined && page.entries.length > 0 && (
        <AuditEntriesTable
          entries={page.entries}
          caption={t('audit.caption')}
          linkUsers
          showChildren
          focusKey={`${place.aldre ?? ''}-${place.nyare ?? ''}`}
        />
      )}
      {page !== undefined && (
        <LogPager
          page={page}
          place={place}
          renderLink={(target, label, rel) => (
            <Link
              to="/logg"
              search={{ ...filters, ...target }}
              rel={rel}
              className="button button--secondary"
            >
              {label}
            </Link>
          )}
        />
      )}
    </Page>
  );
}
