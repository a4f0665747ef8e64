/**
 * The child's page: responsibility. Who is responsible (periods with kind, reasons and dates), the hand-over from the
 * arrival municipality with its days of care and any on-call placements, transfers between municipalities, turning
 * 18, and the changes to report to the Migration Agency — with the steps the server says the active role may take.
 */
import { useState } from 'react';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { useResponsibility } from '../../../api/responsibility-queries.ts';
import type { ResponsibilityView } from '../../../api/responsibility-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { Announce, LoadError, Loading, Success } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { ResponsibilityTable } from '../ChildFacts.tsx';
import {
  ChangeReportsPart,
  HandoverPart,
  TransfersPart,
  Turning18Part,
} from '../../responsibility/SectionParts.tsx';
import { codeText } from '../../responsibility/form-kit.ts';
import { ResponsibilitySteps } from '../../responsibility/ResponsibilitySteps.tsx';

function Overview({ view }: { readonly view: ResponsibilityView }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {view.responsible !== null && (
        <div>
          <dt>{t('responsibility.responsible')}</dt>
          <dd>{view.responsible.name}</dd>
        </div>
      )}
      <div>
        <dt>{t('responsibility.status')}</dt>
        <dd data-testid="responsibility-state">
          {codeText(t, 'responsibility.state', view.responsibility.state)}
        </dd>
      </div>
      <div>
        <dt>{t('responsibility.transferStatus')}</dt>
        <dd>{codeText(t, 'responsibility.transferState', view.transfer.state)}</dd>
      </div>
    </dl>
  );
}

function Periods({ view }: { readonly view: ResponsibilityView }) {
  const { t } = useI18n();
  if (view.periods === null || view.periods.length === 0) return null;
  const explained = view.periods.filter((p) => p.reason !== null || p.endReason !== null);
  return (
    <>
      <ResponsibilityTable periods={view.periods} />
      {explained.length > 0 && (
        <ul className="period-reasons" aria-label={t('responsibility.reasons')}>
          {explained.map((p) => (
            <li key={p.id}>
              {t('responsibility.periodReason', {
                municipality: p.municipality.name,
                kind: t(`responsibility.${p.kind}`),
                from: p.from,
              })}
              {p.reason !== null &&
                ` ${t('responsibility.began', { reason: codeText(t, 'responsibility.reason', p.reason) })}`}
              {p.endReason !== null &&
                ` ${t('responsibility.ended', { reason: codeText(t, 'responsibility.endReason', p.endReason), to: p.to ?? '' })}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ResponsibilitySection({
  child,
  access,
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = useResponsibility(child.id);
  const [message, setMessage] = useState<string | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  return (
    <section aria-labelledby="responsibility-title" className="section responsibility">
      <h2 id="responsibility-title">{t('responsibility.title')}</h2>
      <Announce>
        {message !== null && (
          <Success>
            <p>{message}</p>
          </Success>
        )}
      </Announce>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      {view.data !== undefined && (
        <>
          <Overview view={view.data} />
          <ResponsibilitySteps
            key={`${view.data.responsibility.version}-${view.data.transfer.version}`}
            childId={child.id}
            view={view.data}
            onDone={setMessage}
            onRequested={setRequested}
          />
          <Periods view={view.data} />
          <HandoverPart view={view.data} />
          <TransfersPart view={view.data} requested={requested} />
          {view.data.turning18 !== null && (
            <Turning18Part childId={child.id} view={view.data} turning18={view.data.turning18} />
          )}
          <ChangeReportsPart view={view.data} />
          {access === 'read' && view.data.access === 'read' && (
            <p className="hint">{t('responsibility.readOnly')}</p>
          )}
        </>
      )}
    </section>
  );
}
