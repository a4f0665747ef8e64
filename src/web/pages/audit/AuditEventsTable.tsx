/** A table of audit events, shared by the log review, the per-user report and "who has seen this child". */
import { Link } from '@tanstack/react-router';
import type { AuditEvent } from '../../api/types.ts';
import { kindText, roleText } from '../../components/labels.ts';
import { useI18n } from '../../language.tsx';

const MAX_CHILD_LINKS = 3;

function Children({
  ids,
  linkChildren,
}: {
  readonly ids: readonly string[];
  readonly linkChildren: boolean;
}) {
  const { t, tn } = useI18n();
  if (ids.length === 0) return <>–</>;
  if (!linkChildren || ids.length > MAX_CHILD_LINKS) return <>{tn('audit.childCount', ids.length)}</>;
  return (
    <ul className="plain-list">
      {ids.map((id) => (
        <li key={id}>
          <Link
            to="/barn/$childId/atkomstlogg"
            params={{ childId: id }}
            aria-label={t('audit.childLink', { id: id.slice(0, 8) })}
            className="mono"
          >
            {id.slice(0, 8)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AuditEventsTable({
  events,
  caption,
  linkUsers,
  linkChildren,
}: {
  readonly events: readonly AuditEvent[];
  readonly caption: string;
  readonly linkUsers: boolean;
  readonly linkChildren: boolean;
}) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.kind')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.user')}</th>
            <th scope="col">{t('audit.col.role')}</th>
            <th scope="col">{t('audit.col.children')}</th>
            <th scope="col">{t('audit.col.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className={event.outcome === 'denied' ? 'row--denied' : undefined}>
              <th scope="row" className="nowrap">
                {dateTime(event.occurredAt)}
              </th>
              <td>
                {kindText(t, event.kind)}
                {event.emergency && <span className="tag tag--warning">{t('audit.emergencyMark')}</span>}
              </td>
              <td>
                <span className={event.outcome === 'denied' ? 'tag tag--danger' : 'tag tag--ok'}>
                  {t(`outcome.${event.outcome}`)}
                </span>
              </td>
              <td>
                {linkUsers && event.actorUserId !== null ? (
                  <Link
                    to="/logg/anvandare/$userId"
                    params={{ userId: event.actorUserId }}
                    aria-label={t('audit.reportLink', { name: event.actorName ?? event.actorUserId })}
                  >
                    {event.actorName ?? event.actorUserId}
                  </Link>
                ) : (
                  (event.actorName ?? '–')
                )}
                {event.organisationName !== null && <div className="hint">{event.organisationName}</div>}
              </td>
              <td>{roleText(t, event.role)}</td>
              <td>
                <Children ids={event.childIds} linkChildren={linkChildren} />
              </td>
              <td>{event.purpose ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
