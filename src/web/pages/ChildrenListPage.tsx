/** The children in the active role's scope, searchable; identities masked as the server decides. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useChildren, useSession } from '../api/queries.ts';
import { ChildrenTable, useChildColumns } from '../components/ChildrenTable.tsx';
import { Page } from '../components/Page.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment, can } from '../permissions.ts';

const PAGE_SIZE = 25;
const SearchSchema = z.object({ q: z.string().trim().max(100, 'too_big') });

function SearchForm({ q }: { readonly q: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(SearchSchema), values: { q } });
  const search = form.handleSubmit(({ q: text }) =>
    navigate({ to: '/barn', search: text === '' ? {} : { q: text } }),
  );
  return (
    <form role="search" className="search" onSubmit={search} noValidate>
      <label htmlFor="child-search">{t('children.searchLabel')}</label>
      <div className="search__row">
        <input
          id="child-search"
          className="input input--medium"
          type="search"
          autoComplete="off"
          {...form.register('q')}
        />
        <button type="submit" className="button button--primary">
          {t('children.search')}
        </button>
        {q !== '' && (
          <Link to="/barn" className="button button--secondary">
            {t('children.clear')}
          </Link>
        )}
      </div>
    </form>
  );
}

export function ChildrenListPage({ q, page }: { readonly q: string; readonly page: number }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const list = useChildren(q, page, PAGE_SIZE);
  const columns = useChildColumns();
  const pages = list.data === undefined ? 1 : Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  return (
    <Page title={t('children.title')}>
      <p className="lead">{t('children.intro')}</p>
      <SearchForm q={q} />
      {can(role, 'child:export') && (
        <p>
          <a href="/api/children/export.csv" download="barn.csv">
            {t('children.export')}
          </a>
        </p>
      )}
      <Announce>
        {list.data !== undefined && (
          <p className="result-count">
            {q === ''
              ? t('children.count', { count: list.data.total })
              : t('children.countSearch', { count: list.data.total, q })}
          </p>
        )}
      </Announce>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined && list.data.items.length > 0 && (
        <ChildrenTable
          caption={t('children.caption', { page, pages })}
          rows={list.data.items}
          dossierCell={(child) => (
            <Link to="/barn/$childId" params={{ childId: child.id }}>
              {child.dossierNumber}
            </Link>
          )}
          columns={[
            columns.gender,
            columns.municipality,
            { header: t('children.col.view'), cell: (child) => t(`view.${child.view}`) },
          ]}
        />
      )}
      <Pagination
        page={page}
        pages={pages}
        renderLink={(target, label, rel) => (
          <Link
            to="/barn"
            search={{ ...(q === '' ? {} : { q }), page: target }}
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
