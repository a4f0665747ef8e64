/** A social worker's own open cases, and the cases of an absent colleague they cover for today. */
import { Link } from '@tanstack/react-router';
import { useMyCases } from '../../api/casework-queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { CaseTable } from './CaseTable.tsx';

export function MyCasesPage() {
  const { t } = useI18n();
  const mine = useMyCases();
  return (
    <Page title={t('myCases.title')}>
      <p className="lead">{t('myCases.intro')}</p>
      {mine.isPending && <Loading />}
      {mine.isError && <LoadError error={mine.error} />}
      {mine.data?.length === 0 && <p>{t('myCases.none')}</p>}
      {mine.data !== undefined && mine.data.length > 0 && (
        <CaseTable
          caption={t('myCases.caption')}
          items={mine.data}
          standingIn={mine.data.some((i) => i.standingInFor !== null)}
          link={(id, dossier) => (
            <Link to="/barn/$childId" params={{ childId: id }}>
              {dossier}
            </Link>
          )}
        />
      )}
    </Page>
  );
}
