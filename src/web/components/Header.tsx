/** The site header: product name, who is logged in and in which role, unread notifications, language toggle and logout. */
import { Link } from '@tanstack/react-router';
import type { Assignment, Session } from '../api/types.ts';
import { useNotificationCount } from '../api/worklist-queries.ts';
import { useI18n } from '../language.tsx';
import { can } from '../permissions.ts';
import { SessionActions } from './SessionActions.tsx';

/** The link to the notifications with the number of unread ones (polled; the number is the user's own). */
function NotificationsLink({ enabled }: { readonly enabled: boolean }) {
  const { t, tn } = useI18n();
  const count = useNotificationCount(enabled);
  if (!enabled) return null;
  const unread = count.data?.unread ?? 0;
  return (
    <Link to="/notiser" className="button button--header notifications-link" data-testid="notification-count">
      {unread === 0 ? t('worklist.notifications.headerNone') : tn('worklist.notifications.header', unread)}
    </Link>
  );
}

function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button button--header" lang={other} onClick={() => setLang(other)}>
      {t('shell.langToggle')}
    </button>
  );
}

export function Header({
  session,
  active,
}: {
  readonly session: Session | null;
  readonly active: Assignment | null;
}) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <div className="brand">
          <Link to="/" className="brand__name">
            {t('app.name')}
          </Link>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="site-header__tools">
          {session !== null && (
            <dl className="who">
              <div>
                <dt>{t('shell.loggedInAs')}</dt>
                <dd>{session.user.displayName}</dd>
              </div>
              {active !== null && (
                <div>
                  <dt>{t('shell.activeRole')}</dt>
                  <dd data-testid="active-role">
                    {t('shell.roleAt', {
                      role: t(`role.${active.role}`),
                      organisation: active.organisationName,
                    })}
                  </dd>
                </div>
              )}
            </dl>
          )}
          <div className="site-header__buttons">
            <NotificationsLink enabled={session !== null && can(active?.role, 'worklist:read')} />
            {session !== null && session.assignments.length > 1 && (
              <Link to="/valj-roll" className="button button--header">
                {t('shell.switchRole')}
              </Link>
            )}
            <LanguageToggle />
            {session !== null && <SessionActions />}
          </div>
        </div>
      </div>
    </header>
  );
}
