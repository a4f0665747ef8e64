/**
 * The user's notifications (/notiser): newest first, unread marked, each with the child as the active role may see it
 * (a notification about a child another of the user's roles sees says so), and marking as read.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { apiPost } from '../../api/client.ts';
import type { NotificationItem } from '../../api/worklist-types.ts';
import { NOTIFICATION_COUNT_KEY, NOTIFICATIONS_KEY, useNotifications } from '../../api/worklist-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { deadlineTitle, notificationLabel } from './labels.ts';

const PAGE_SIZE = 25;

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      apiPost(
        id === null ? '/api/notifications/read-all' : `/api/notifications/${encodeURIComponent(id)}/read`,
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: NOTIFICATION_COUNT_KEY }),
      ]);
    },
  });
}

/** What the details say, in words: a due date and rule, a meeting date. Only ids, codes and dates ever come. */
function detailText(t: ReturnType<typeof useI18n>['t'], item: NotificationItem): string | null {
  const { rule, dueOn, on, meeting } = item.details;
  if (typeof dueOn === 'string') {
    const title = typeof rule === 'string' ? deadlineTitle(t, rule) : t('worklist.deadline.unknown');
    return `${title} – ${t('worklist.notification.due', { date: dueOn })}`;
  }
  if (typeof on === 'string') {
    const what =
      meeting === 'asylum_interview' || meeting === 'care_review'
        ? `${t(`worklist.meeting.${meeting}`)} `
        : '';
    return `${what}${t('worklist.notification.on', { date: on })}`;
  }
  return null;
}

function Item({ item }: { readonly item: NotificationItem }) {
  const { t, lang } = useI18n();
  const mark = useMarkRead();
  const detail = detailText(t, item);
  return (
    <li className={item.readAt === null ? 'notification notification--unread' : 'notification'}>
      <p className="notification__title">
        {item.readAt === null && <span className="tag tag--kind">{t('worklist.notifications.unread')}</span>}{' '}
        {notificationLabel(t, item.kind)}
      </p>
      <p className="notification__meta">
        {formatDateTime(lang, item.createdAt)}
        {detail !== null && ` · ${detail}`}
      </p>
      {item.child !== null && (
        <p>
          <Link to="/barn/$childId" params={{ childId: item.child.id }}>
            {item.child.dossierNumber}
          </Link>{' '}
          <ChildName child={item.child} />
        </p>
      )}
      {item.otherRole && <p className="hint">{t('worklist.notifications.otherRole')}</p>}
      {item.readAt === null ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => mark.mutate(item.id)}
          disabled={mark.isPending}
        >
          {t('worklist.notifications.markRead')}
        </button>
      ) : (
        <p className="hint">
          {t('worklist.notifications.read', { date: formatDateTime(lang, item.readAt) })}
        </p>
      )}
    </li>
  );
}

export function NotificationsPage({
  unreadOnly,
  page,
}: {
  readonly unreadOnly: boolean;
  readonly page: number;
}) {
  const { t, tn } = useI18n();
  const list = useNotifications(unreadOnly, page);
  const markAll = useMarkRead();
  const pages = list.data === undefined ? 1 : Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  return (
    <Page title={t('worklist.notifications.title')}>
      <p className="lead">{t('worklist.notifications.intro')}</p>
      <nav className="tabs" aria-label={t('worklist.notifications.title')}>
        <Link to="/notiser" search={{}} className="tabs__link" activeOptions={{ exact: true }}>
          {t('worklist.notifications.all')}
        </Link>
        <Link to="/notiser" search={{ unread: true }} className="tabs__link" activeOptions={{ exact: true }}>
          {t('worklist.notifications.unreadOnly')}
        </Link>
      </nav>
      <Announce>
        {list.data !== undefined && (
          <p className="result-count">
            {tn('worklist.notifications.count', list.data.unread, { total: list.data.total })}
          </p>
        )}
      </Announce>
      {list.data !== undefined && list.data.unread > 0 && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => markAll.mutate(null)}
            disabled={markAll.isPending}
          >
            {t('worklist.notifications.markAll')}
          </button>
        </p>
      )}
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined &&
        (list.data.items.length === 0 ? (
          <p>{t('worklist.notifications.empty')}</p>
        ) : (
          <ol className="notifications">
            {list.data.items.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ol>
        ))}
      <Pagination
        page={page}
        pages={pages}
        renderLink={(target, label, rel) => (
          <Link
            to="/notiser"
            search={{ ...(unreadOnly ? { unread: true } : {}), page: target }}
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
