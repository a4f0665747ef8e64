/** The shares section's own navigation: the versions, and for those who manage shares, import and proposal. */
import { Link } from '@tanstack/react-router';
import { useSession } from '../../api/queries.ts';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';

export function SharesTabs() {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  if (!can(role, 'shares:manage')) return null;
  return (
    <nav aria-label={t('shares.views')} className="tabs">
      <Link to="/andelar" className="tabs__link" activeOptions={{ exact: true }}>
        {t('shares.tab.versions')}
      </Link>
      <Link to="/andelar/importera" className="tabs__link">
        {t('shares.tab.import')}
      </Link>
      <Link to="/andelar/forslag" className="tabs__link">
        {t('shares.tab.proposal')}
      </Link>
    </nav>
  );
}
