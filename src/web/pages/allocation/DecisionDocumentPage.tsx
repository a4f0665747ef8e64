/** One decision as a printable anvisningsbeslut, with a print button and (on screen only) the correction form. */
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useDecision } from '../../api/allocation-queries.ts';
import type { DecisionBasis } from '../../api/allocation-types.ts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { basisKey } from './DecideForm.tsx';
import { DecisionDocument } from './DecisionDocument.tsx';

export function DecisionDocumentPage({ decisionId }: { readonly decisionId: string }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const queryClient = useQueryClient();
  const decision = useDecision(decisionId);
  if (decision.error instanceof ApiError && decision.error.status === 404) return <NotFoundPage />;
  const data = decision.data;
  const basis = data?.proposal ?? queryClient.getQueryData<DecisionBasis>(basisKey(decisionId)) ?? null;
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
      {decision.isPending && <Loading />}
      {decision.isError && <LoadError error={decision.error} />}
      {data !== undefined && (
        <>
          <DecisionDocument decision={data} basis={basis} />
          {can(role, 'allocation:decide') && (
            <CorrectionForm key={data.id} decisionId={data.id} currentCode={data.municipality.code} />
          )}
        </>
      )}
    </Page>
  );
}
