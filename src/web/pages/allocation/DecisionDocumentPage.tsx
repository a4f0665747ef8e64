/** One decision as a printable anvisningsbeslut, with a print button and (on screen only) the correction form. */
import { Link } from '@tanstack/react-router';
import { useDecision } from '../../api/allocation-queries.ts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { useMunicipalityOfficialName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { DecisionDocument } from './DecisionDocument.tsx';

export function DecisionDocumentPage({ decisionId }: { readonly decisionId: string }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const decision = useDecision(decisionId);
  // The document names municipalities by their formal names: it waits for the reference list rather than guess one.
  const officialName = useMunicipalityOfficialName();
  if (decision.error instanceof ApiError && decision.error.status === 404) return <NotFoundPage />;
  const data = decision.data;
  return (
    <Page title="Anvisningsbeslut" heading={<span lang="sv">Anvisningsbeslut</span>}>
      <p className="actions no-print">
        <Link to="/anvisning/beslut">{t('document.toHistory')}</Link>
        {data !== undefined && (
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('document.print')}
          </button>
        )}
      </p>
      {(decision.isPending || officialName === null) && <Loading />}
      {decision.isError && <LoadError error={decision.error} />}
      {data !== undefined && officialName !== null && (
        <>
          <DecisionDocument decision={data} name={officialName} />
          {can(role, 'allocation:decide') && (
            <CorrectionForm key={data.id} decisionId={data.id} currentCode={data.municipality.code} />
          )}
        </>
      )}
    </Page>
  );
}
