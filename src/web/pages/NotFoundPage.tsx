/** The answer to unknown addresses and to records outside the role's scope: the same page, no hint of existence. */
import { Link } from '@tanstack/react-router';
import { useSession } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment, can } from '../permissions.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  return (
    <Page title={t('notFound.title')}>
      <div data-testid="not-found">
        <p className="lead">{t('notFound.body')}</p>
        {can(role, 'emergency-access:request') && (
          <p>
            {t('notFound.emergency')} <Link to="/nodatkomst">{t('nav.emergency')}</Link>
          </p>
        )}
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </Page>
  );
}
