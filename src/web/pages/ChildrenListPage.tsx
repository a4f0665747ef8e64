/**
 * The children in the active role's scope, searchable; identities masked as the server decides. One free-text field
 * (dossier number, birth date, personnummer or name — other spellings of a name are found too) in the URL, and more
 * fields (dossier number, name, birth date, personnummer or samordningsnummer) that must all hold.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSession } from '../api/queries.ts';
import { useChildSearch, type ChildSearchFields } from '../api/worklist-queries.ts';
import { ChildrenTable, useChildColumns } from '../components/ChildrenTable.tsx';
import { ErrorSummary } from '../components/form/ErrorSummary.tsx';
import { TextField } from '../components/form/fields.tsx';
import { useFormFeedback } from '../components/form/useFormFeedback.ts';
import { Page } from '../components/Page.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../components/Status.tsx';
import { fieldErrorText } from '../form-errors.ts';
import { useI18n } from '../language.tsx';
import { activeAssignment, can } from '../permissions.ts';
import { ChildSearchSchema, type ChildSearchInput } from '../schemas-worklist.ts';

const PAGE_SIZE = 25;
const MORE = ['dossier', 'name', 'birthDate', 'identityNumber'] as const;
type More = (typeof MORE)[number];
const MORE_FIELDS = MORE.map((name) => ({
  name,
  id: `child-search-${name}`,
  label: `worklist.search.${name}` as const,
}));

type Advanced = Partial<Record<More, string>>;

/** The terms of a search in one string, to tell whether the list shows the answer to it. */
const searchTerms = (q: string, advanced: Advanced) =>
  JSON.stringify([q, ...MORE.map((name) => advanced[name] ?? '')]);

function SearchForm({
  q,
  advanced,
  onAdvanced,
  onSearched,
}: {
  readonly q: string;
  readonly advanced: Advanced;
  readonly onAdvanced: (fields: Advanced) => void;
  /** A search was made for these terms (the result count takes focus once their answer is in). */
  readonly onSearched: (terms: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(Object.keys(advanced).length > 0);
  const form = useForm<ChildSearchInput>({
    resolver: zodResolver(ChildSearchSchema),
    values: {
      q,
      dossier: advanced.dossier ?? '',
      name: advanced.name ?? '',
      birthDate: advanced.birthDate ?? '',
      identityNumber: advanced.identityNumber ?? '',
    },
    shouldFocusError: false,
  });
  const feedback = useFormFeedback(form.setError, MORE);
  const search = form.handleSubmit((values) => {
    const fields = Object.fromEntries(
      MORE.flatMap((name) => (values[name].trim() === '' ? [] : [[name, values[name].trim()]])),
    );
    onAdvanced(fields);
    onSearched(searchTerms(values.q.trim(), fields));
    void navigate({ to: '/barn', search: values.q.trim() === '' ? {} : { q: values.q.trim() } });
  }, feedback.onInvalid);
  return (
    <form role="search" className="search" onSubmit={search} noValidate>
      <ErrorSummary
        errors={form.formState.errors}
        fields={MORE_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
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
        {(q !== '' || Object.keys(advanced).length > 0) && (
          <Link to="/barn" className="button button--secondary" onClick={() => onAdvanced({})}>
            {t('children.clear')}
          </Link>
        )}
      </div>
      <button
        type="button"
        className="button button--link"
        aria-expanded={open}
        aria-controls="child-search-more"
        onClick={() => setOpen((o) => !o)}
      >
        {t('worklist.search.more')}
      </button>
      <div id="child-search-more" className="search__more" hidden={!open}>
        <TextField
          id="child-search-dossier"
          width="medium"
          inputMode="numeric"
          label={t('worklist.search.dossier')}
          error={fieldErrorText(t, form.formState.errors.dossier)}
          registration={form.register('dossier')}
        />
        <TextField
          id="child-search-name"
          label={t('worklist.search.name')}
          hint={t('worklist.search.nameHint')}
          error={fieldErrorText(t, form.formState.errors.name)}
          registration={form.register('name')}
        />
        <TextField
          id="child-search-birthDate"
          type="date"
          width="medium"
          label={t('worklist.search.birthDate')}
          error={fieldErrorText(t, form.formState.errors.birthDate)}
          registration={form.register('birthDate')}
        />
        <TextField
          id="child-search-identityNumber"
          width="medium"
          label={t('worklist.search.identityNumber')}
          hint={t('worklist.search.identityNumberHint')}
          error={fieldErrorText(t, form.formState.errors.identityNumber)}
          registration={form.register('identityNumber')}
        />
        <button type="submit" className="button button--secondary">
          {t('worklist.search.submit')}
        </button>
      </div>
    </form>
  );
}

export function ChildrenListPage({ q, page }: { readonly q: string; readonly page: number }) {
  const { t, tn } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  // The structured fields live in the page (the URL keeps the free text and the page of a plain search).
  const [advanced, setAdvanced] = useState<Advanced>({});
  const [advancedPage, setAdvancedPage] = useState(1);
  const structured = Object.keys(advanced).length > 0;
  const shownPage = structured ? advancedPage : page;
  const fields: ChildSearchFields = { q, ...advanced };
  const list = useChildSearch(fields, shownPage, PAGE_SIZE);
  const columns = useChildColumns();
  const pages = list.data === undefined ? 1 : Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  const terms = [q, ...Object.values(advanced)].filter((x) => x !== undefined && x !== '').join(', ');
  // After "Sök", focus moves to the count of what was found (a screen reader reads it; Tab goes on to the table).
  const [searched, setSearched] = useState<{ readonly n: number; readonly terms: string }>({
    n: 0,
    terms: '',
  });
  const focused = useRef(0);
  const count = useRef<HTMLParagraphElement>(null);
  const answered =
    list.data !== undefined &&
    !list.isPlaceholderData &&
    !list.isFetching &&
    searched.terms === searchTerms(q, advanced);
  useEffect(() => {
    if (searched.n === focused.current || !answered) return;
    focused.current = searched.n;
    count.current?.focus();
  }, [searched.n, answered]);
  return (
    <Page title={t(role === 'provider_staff' ? 'nav.placedChildren' : 'children.title')}>
      <p className="lead">{t(role === 'provider_staff' ? 'children.placedIntro' : 'children.intro')}</p>
      <SearchForm
        q={q}
        advanced={advanced}
        onAdvanced={(f) => {
          setAdvanced(f);
          setAdvancedPage(1);
        }}
        onSearched={(terms) => setSearched((s) => ({ n: s.n + 1, terms }))}
      />
      {can(role, 'child:export') && (
        <p>
          <a href="/api/children/export.csv" download="barn.csv">
            {t('children.export')}
          </a>
        </p>
      )}
      <Announce>
        {list.data !== undefined && (
          <p className="result-count" ref={count} tabIndex={-1} data-testid="result-count">
            {list.data.capped
              ? tn('worklist.search.capped', list.data.total, { q: terms })
              : terms === ''
                ? tn('children.count', list.data.total)
                : tn('children.countSearch', list.data.total, { q: terms })}
          </p>
        )}
      </Announce>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined && list.data.items.length > 0 && (
        <ChildrenTable
          caption={t('children.caption', { page: shownPage, pages })}
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
        page={shownPage}
        pages={pages}
        renderLink={(target, label, rel) =>
          structured ? (
            <button
              type="button"
              className="button button--secondary"
              data-rel={rel}
              onClick={() => setAdvancedPage(target)}
            >
              {label}
            </button>
          ) : (
            <Link
              to="/barn"
              search={{ ...(q === '' ? {} : { q }), page: target }}
              rel={rel}
              className="button button--secondary"
            >
              {label}
            </Link>
          )
        }
      />
    </Page>
  );
}
