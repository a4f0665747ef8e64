/** The frame around every page: skip link, header, the role's navigation, main and footer landmarks. */
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import type { Role } from '../../domain/access/roles.ts';
import { useSession } from '../api/queries.ts';
import { useI18n } from '../language.tsx';
import { activeAssignment, currentTaskPath, tasksFor } from '../permissions.ts';
import { Header } from './Header.tsx';

function MainNav({ role }: { readonly role: Role }) {
  const { t } = useI18n();
  const pathname = useLocation({ select: (location) => location.pathname });
  const tasks = tasksFor(role);
  // Only one entry is the current page: the one with the longest path the page lies under. The others are active
  // only on their exact path, which never happens while a longer one matches.
  const current = currentTaskPath(tasks, pathname);
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="container main-nav__list">
        <li>
          <Link to="/" className="main-nav__link" activeOptions={{ exact: true }}>
            {t('nav.start')}
          </Link>
        </li>
        {tasks.map((task) => (
          <li key={task.to}>
            <Link to={task.to} className="main-nav__link" activeOptions={{ exact: task.to !== current }}>
              {t(task.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Shell() {
  const { t } = useI18n();
  const session = useSession();
  const current = session.data ?? null;
  const active = activeAssignment(current);
  // Nothing until the session is known (one request): the header's "logged in as" and the role's navigation would
  // otherwise appear above a page already drawn and push it down (layout shift, issue 11).
  if (session.isPending) return null;
  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skip')}
      </a>
      <Header session={current} active={active} />
      {active !== null && <MainNav role={active.role} />}
      <main id="main" tabIndex={-1} className="main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <p>{t('footer.notice')}</p>
          <p>
            <a href="/api/docs">{t('footer.api')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
