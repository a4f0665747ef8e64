/** Decision history with filters (municipality, type, dates) and paging; each row links to its decision. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useDecisions } from '../../api/allocation-queries.ts';
import { DECISION_KINDS, type DecisionKind } from '../../api/allocation-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { MunicipalityOptions, useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { DecisionFilterSchema, type DecisionFilterInput } from '../../schemas-allocation.ts';
import { AllocationTabs } from './AllocationTabs.tsx';

export interface DecisionFilters {
  readonly municipalityCode?: string;
  readonly kind?: DecisionKind;
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
}

const PAGE_SIZE = 25;
const NAMES = ['municipalityCode', 'kind', 'from', 'to'] as const;
const FIELDS = [
  { name: 'municipalityCode', id: 'history-municipalityCode', label: 'history.municipality' },
  { name: 'kind', id: 'history-kind', label: 'history.kind' },
  { name: 'from', id: 'history-from', label: 'audit.from' },
  { name: 'to', id: 'history-to', label: 'audit.to' },
] as const;

function FilterForm({ filters }: { readonly filters: DecisionFilters }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm<DecisionFilterInput, unknown, z.output<typeof DecisionFilterSchema>>({
    resolver: zodResolver(DecisionFilterSchema),
    shouldFocusError: false,
    values: {
      municipalityCode: filters.municipalityCode ?? '',
      kind: filters.kind ?? '',
      from: filters.from ?? '',
      to: filters.to ?? '',
    },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const submit = form.handleSubmit((v) => {
    const search = Object.fromEntries(
      Object.entries(v).filter(([, value]) => value !== ''),
    ) as DecisionFilters;
    return navigate({ to: '/anvisning/beslut', search });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form filters" aria-labelledby="history-filters-title">
      <h2 id="history-filters-title">{t('history.filters')}</h2>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <div className="filters__row">
        <SelectField
          id={FIELDS[0].id}
          label={t('history.municipality')}
          error={fieldErrorText(t, errors.municipalityCode)}
          registration={form.register('municipalityCode')}
        >
          <option value="">{t('history.anyMunicipality')}</option>
          <MunicipalityOptions />
        </SelectField>
        <SelectField
          id={FIELDS[1].id}
          label={t('history.kind')}
          error={fieldErrorText(t, errors.kind)}
          registration={form.register('kind')}
        >
          <option value="">{t('history.anyKind')}</option>
          {DECISION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`decisionKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELDS[2].id}
          type="date"
          width="medium"
          label={t('audit.from')}
          error={fieldErrorText(t, errors.from)}
          registration={form.register('from')}
        />
        <TextField
          id={FIELDS[3].id}
          type="date"
          width="medium"
          label={t('audit.to')}
          error={fieldErrorText(t, errors.to)}
          registration={form.register('to')}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button button--primary">
          {t('history.apply')}
        </button>
        <Link to="/anvisning/beslut" className="button button--secondary">
          {t('audit.reset')}
        </Link>
      </p>
    </form>
  );
}

export function DecisionHistoryPage({ filters }: { readonly filters: DecisionFilters }) {
  const { t, tn } = useI18n();
  const name = useMunicipalityName();
  const page = filters.page ?? 1;
  const decisions = useDecisions({ ...filters, page, pageSize: PAGE_SIZE });
  const rows = decisions.data ?? [];
  const { page: _page, ...rest } = filters;
  return (
    <Page title={t('history.title')}>
      <p className="lead">{t('history.intro')}</p>
      <AllocationTabs />
      <FilterForm filters={filters} />
      <Announce>
        {decisions.data !== undefined && (
          <p className="result-count">{tn('history.count', rows.length, { page })}</p>
        )}
      </Announce>
      {decisions.isPending && <Loading />}
      {decisions.isError && <LoadError error={decisions.error} />}
      {decisions.data?.length === 0 && <p>{t('history.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('history.caption', { page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.col.seq')}</th>
                <th scope="col">{t('history.col.date')}</th>
                <th scope="col">{t('history.col.municipality')}</th>
                <th scope="col">{t('history.col.kind')}</th>
                <th scope="col">{t('history.col.proposed')}</th>
                <th scope="col">{t('history.col.children')}</th>
                <th scope="col">{t('history.col.officer')}</th>
                <th scope="col">{t('history.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link
                      to="/anvisning/beslut/$decisionId"
                      params={{ decisionId: d.id }}
                      aria-label={t('history.open', { seq: d.seq })}
                    >
                      {d.seq}
                    </Link>
                  </th>
                  <td className="nowrap">{d.decidedOn}</td>
                  <td>{d.municipality.name}</td>
                  <td>{t(`decisionKind.${d.kind}`)}</td>
                  <td>{d.proposedCode === null ? t('common.missing') : name(d.proposedCode)}</td>
                  <td>
                    <ul className="plain-list">
                      {d.children.map((child) => (
                        <li key={child.id}>
                          <ChildName child={child} /> <span className="hint">({child.dossierNumber})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{d.decidedBy}</td>
                  <td>{d.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pages={null}
        hasNext={rows.length === PAGE_SIZE}
        renderLink={(target, label, rel) => (
          <Link
            to="/anvisning/beslut"
            search={{ ...rest, ...(target > 1 ? { page: target } : {}) }}
            rel={rel}
            className="button button--secondary"
          >
            {label}
          </Link>
        )}
      />
    </Page>
  );
}
