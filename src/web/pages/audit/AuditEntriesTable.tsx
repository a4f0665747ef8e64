/**
 * A table of audit log entries, shared by the log review, the per-user report and "who has seen this child". One
 * page view is one entry: who, when, role, organisation, the sections it loaded, and the outcome (a refused part
 * is marked on the part and in the entry's outcome).
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { AuditEntry } from '../../api/types.ts';
import { kindText, roleText } from '../../components/labels.ts';
import { useI18n } from '../../language.tsx';

type Part = AuditEntry['parts'][number];

function PartText({ part }: { readonly part: Part }) {
  const { t, tn } = useI18n();
  return (
    <>
      {part.section === null ? kindText(t, part.kind) : t(`auditSection.${part.section}`)}
      {part.count > 1 && <span className="hint"> ({tn('audit.partTimes', part.count)})</span>}
      {part.outcome === 'denied' && <span className="tag tag--danger">{t('outcome.denied')}</span>}
    </>
  );
}

const OUTCOME_TAG = {
  allowed: 'tag tag--ok',
  denied: 'tag tag--danger',
  partly_denied: 'tag tag--warning',
} as const;

/** The children an entry is about: by dossier number, each linked to the log filtered to that child. */
function Children({ entry }: { readonly entry: AuditEntry }) {
  const { t, tn } = useI18n();
  if (entry.children.length === 0) {
    return <>{entry.childCount === 0 ? '–' : tn('audit.childCount', entry.childCount)}</>;
  }
  return (
    <ul className="plain-list">
      {entry.children.map((child) => (
        <li key={child.id}>
          <Link
            to="/logg"
            search={{ dossier: child.dossierNumber }}
            aria-label={t('audit.childLogLink', { dossier: child.dossierNumber })}
            className="mono"
          >
            {child.dossierNumber}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AuditEntriesTable({
  entries,
  caption,
  linkUsers,
  showChildren,
  focusKey,
}: {
  readonly entries: readonly AuditEntry[];
  readonly caption: string;
  /** The reader may open access reports: link the entries of their own organisation's users. */
  readonly linkUsers: boolean;
  readonly showChildren: boolean;
  /** Changes when the reader pages: the table then takes focus, so reading starts at the new page. */
  readonly focusKey?: string;
}) {
  const { t, dateTime } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const firstKey = useRef(focusKey);
  useEffect(() => {
    if (focusKey !== firstKey.current) table.current?.focus();
  }, [focusKey]);
  return (
    <div className="table-wrap">
      <table className="table table--compact" ref={table} tabIndex={-1}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.user')}</th>
            <th scope="col">{t('audit.col.role')}</th>
            <th scope="col">{t('audit.col.parts')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            {showChildren && <th scope="col">{t('audit.col.children')}</th>}
            <th scope="col">{t('audit.col.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={entry.outcome === 'allowed' ? undefined : 'row--denied'}>
              <th scope="row" className="nowrap">
                {dateTime(entry.startedAt)}
              </th>
              <td>
                {linkUsers && entry.reportAvailable && entry.actorUserId !== null ? (
                  <Link
                    to="/logg/anvandare/$userId"
                    params={{ userId: entry.actorUserId }}
                    aria-label={t('audit.reportLink', { name: entry.actorName ?? entry.actorUserId })}
                  >
                    {entry.actorName ?? entry.actorUserId}
                  </Link>
                ) : (
                  (entry.actorName ?? '–')
                )}
                {entry.organisationName !== null && <div className="hint">{entry.organisationName}</div>}
              </td>
              <td>{roleText(t, entry.role)}</td>
              <td>
                <ul className="plain-list">
                  {entry.parts.map((part) => (
                    <li key={`${part.kind}-${part.section ?? ''}-${part.outcome}`}>
                      <PartText part={part} />
                    </li>
                  ))}
                </ul>
                {entry.emergency && <span className="tag tag--warning">{t('audit.emergencyMark')}</span>}
              </td>
              <td>
                <span className={OUTCOME_TAG[entry.outcome]}>{t(`outcome.${entry.outcome}`)}</span>
              </td>
              {showChildren && (
                <td>
                  <Children entry={entry} />
                </td>
              )}
              <td>{entry.purpose ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
