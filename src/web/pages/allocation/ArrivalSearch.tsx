/** Search before create: possible matches for a dossier number or name among the children already registered. */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useChildren } from '../../api/queries.ts';
import { ChildrenTable, useChildColumns } from '../../components/ChildrenTable.tsx';
import { Announce, LoadError } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';

function Matches({ q }: { readonly q: string }) {
  const { t, tn } = useI18n();
  const matches = useChildren(q, 1, 10);
  const columns = useChildColumns();
  return (
    <>
      <Announce>
        {matches.data !== undefined &&
          (matches.data.total === 0 ? (
            <p className="result-count">{t('arrival.noMatches', { q })}</p>
          ) : (
            <p className="result-count">{tn('arrival.matches', matches.data.total, { q })}</p>
          ))}
      </Announce>
      {matches.isError && <LoadError error={matches.error} />}
      {matches.data !== undefined && matches.data.items.length > 0 && (
        <ChildrenTable
          narrow
          caption={t('arrival.matchesCaption')}
          rows={matches.data.items}
          dossierCell={(child) => (
            <Link to="/barn/$childId" params={{ childId: child.id }}>
              {child.dossierNumber}
            </Link>
          )}
          columns={[columns.municipality]}
        />
      )}
    </>
  );
}

export function ArrivalSearch({
  q,
  onSearch,
}: {
  readonly q: string;
  readonly onSearch: (q: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(q);
  return (
    <section aria-labelledby="arrival-search-title" className="section">
      <h2 id="arrival-search-title">{t('arrival.searchTitle')}</h2>
      <form
        role="search"
        className="search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim().slice(0, 100));
        }}
      >
        <label htmlFor="arrival-search">{t('arrival.searchLabel')}</label>
        <p className="hint" id="arrival-search-hint">
          {t('arrival.searchHint')}
        </p>
        <div className="search__row">
          <input
            id="arrival-search"
            className="input input--medium"
            type="search"
            autoComplete="off"
            aria-describedby="arrival-search-hint"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            {t('children.search')}
          </button>
        </div>
      </form>
      {q !== '' && <Matches q={q} />}
    </section>
  );
}
