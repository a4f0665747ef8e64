/**
 * Placement providers and free places ("Utförare och lediga platser"): the capacity per municipality and form
 * (places minus the children placed there today), then every provider with its target groups, languages and IVO
 * permit. A municipality sees its own register; the county coordinator sees the county's. Unit managers register and
 * change providers.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useSession } from '../../api/queries.ts';
import { useProviders } from '../../api/placement-queries.ts';
import {
  PLACEMENT_FORMS,
  type CapacityRow,
  type PlacementForm,
  type Provider,
} from '../../api/placement-types.ts';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';

export function ProvidersPage({ saved }: { readonly saved?: 'created' | 'changed' | undefined }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const [form, setForm] = useState<PlacementForm | ''>('');
  const providers = useProviders({ form: form === '' ? undefined : form });
  const manage = can(role, 'providers:manage');
  return (
    <Page title={t('providers.title')}>
      <p className="lead">{t('providers.intro')}</p>
      <Announce>
        {saved !== undefined && (
          <Success>
            <p>{t(`providers.saved.${saved}`)}</p>
          </Success>
        )}
      </Announce>
      {manage && (
        <p>
          <Link to="/placeringar/utforare/ny" className="button button--primary">
            {t('providers.new')}
          </Link>
        </p>
      )}
      <div className="filters">
        <div className="field">
          <label htmlFor="providers-form">{t('providers.filterForm')}</label>
          <select
            id="providers-form"
            className="input select"
            value={form}
            onChange={(e) => setForm(e.target.value as PlacementForm | '')}
          >
            <option value="">{t('providers.allForms')}</option>
            {PLACEMENT_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`placement.form.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {providers.isPending && <Loading />}
      {providers.isError && <LoadError error={providers.error} />}
      {providers.data !== undefined && (
        <>
          <Capacity rows={providers.data.capacity} />
          <ProviderTable providers={providers.data.providers} manage={manage} />
        </>
      )}
    </Page>
  );
}

function Capacity({ rows }: { readonly rows: readonly CapacityRow[] }) {
  const { t, number } = useI18n();
  const name = useMunicipalityName();
  if (rows.length === 0) return <p>{t('providers.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('providers.capacity')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('providers.col.municipality')}</th>
            <th scope="col">{t('providers.field.form')}</th>
            <th scope="col" className="num">
              {t('providers.col.providers')}
            </th>
            <th scope="col" className="num">
              {t('providers.field.places')}
            </th>
            <th scope="col" className="num">
              {t('providers.col.occupied')}
            </th>
            <th scope="col" className="num">
              {t('providers.col.free')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.municipalityCode}-${r.form}`}>
              <th scope="row">{name(r.municipalityCode)}</th>
              <td>{t(`placement.form.${r.form}`)}</td>
              <td className="num">{number(r.providers)}</td>
              <td className="num">{number(r.places)}</td>
              <td className="num">{number(r.occupied)}</td>
              <td className="num">
                <Free free={r.free} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Free({ free }: { readonly free: number }) {
  const { t, number } = useI18n();
  if (free < 0)
    return <span className="tag tag--danger">{t('providers.overOccupied', { count: number(-free) })}</span>;
  if (free === 0) return <span className="tag tag--warning">{t('providers.full')}</span>;
  return <>{number(free)}</>;
}

function ProviderTable({
  providers,
  manage,
}: {
  readonly providers: readonly Provider[];
  readonly manage: boolean;
}) {
  const { t, number } = useI18n();
  if (providers.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('providers.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('providers.field.name')}</th>
            <th scope="col">{t('providers.field.form')}</th>
            <th scope="col">{t('providers.col.municipality')}</th>
            <th scope="col" className="num">
              {t('providers.col.free')}
            </th>
            <th scope="col">{t('providers.field.targetGroups')}</th>
            <th scope="col">{t('providers.field.languages')}</th>
            <th scope="col">{t('providers.field.permitReference')}</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {manage ? (
                  <Link to="/placeringar/utforare/$providerId" params={{ providerId: p.id }}>
                    {p.name}
                  </Link>
                ) : (
                  p.name
                )}
                {!p.active && <span className="tag">{t('providers.inactive')}</span>}
              </th>
              <td>{t(`placement.form.${p.form}`)}</td>
              <td>{p.municipality.name}</td>
              <td className="num nowrap">
                {t('providers.freeOf', { free: number(p.free), places: number(p.places) })}
              </td>
              <td>
                {p.targetGroups.length === 0
                  ? '–'
                  : p.targetGroups.map((g) => t(`providers.targetGroup.${g}`)).join(', ')}
              </td>
              <td>{p.languages.length === 0 ? '–' : p.languages.join(', ')}</td>
              <td className="nowrap">{p.permitReference ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
