/** The start page of the active role: what the role does and links to its tasks. */
import { Link } from '@tanstack/react-router';
import { useSession } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment, tasksFor } from '../permissions.ts';

export function StartPage() {
  const { t } = useI18n();
  const session = useSession().data ?? null;
  const active = activeAssignment(session);
  if (session === null || active === null) return null;
  const tasks = tasksFor(active.role);
  return (
    <Page title={t('start.title')} heading={t('start.welcome', { name: session.user.displayName })}>
      <p className="lead">
        {t('start.role', {
          role: t(`role.${active.role}`).toLocaleLowerCase(),
          organisation: active.organisationName,
        })}
      </p>
      <p>{t(`roleInfo.${active.role}`)}</p>
      <h2>{t('start.tasks')}</h2>
      {tasks.length === 0 ? (
        <p>{t('start.noTasks')}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.to} className="card task">
              <Link to={task.to} className="task__link">
                {t(task.label)}
              </Link>
              <p>{t(task.description)}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
