/**
 * The Migration Agency's special grant page (issue 14 point 7, ADR 0033, 0036): the applications to decide and the
 * grants to pay, oldest first, each child by dossier number only — what the decision needs (the need, the god man's
 * reasons, the amount, the ceiling as the data states it). Which form a card shows is the step the server offers.
 * The application last decided or paid stays on top with its decision, which may have left the queue.
 */
import { useState } from 'react';
import { useSpecialGrantQueue } from '../../api/allowance-queries.ts';
import type { SpecialGrant, SpecialGrantAction, SpecialGrantNeedRow } from '../../api/allowance-types.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { DecisionDocument, SpecialGrantFacts, StatusTag, useCeilingText, useKronor } from './shared.tsx';
import { type Handled, HandledPanel } from './SpecialGrantHandled.tsx';
import { SpecialGrantSteps } from './SpecialGrantSteps.tsx';

export function SpecialGrantQueuePage() {
  const { t } = useI18n();
  const queue = useSpecialGrantQueue();
  const [handled, setHandled] = useState<Handled | null>(null);
  const onDone = (application: SpecialGrant, action: SpecialGrantAction) =>
    setHandled({ application, action });
  return (
    <Page title={t('allowance.queue.title')}>
      <p className="lead">{t('allowance.queue.intro')}</p>
      {handled !== null && (
        <HandledPanel key={`${handled.application.id}-${handled.action}`} handled={handled} />
      )}
      {queue.isPending && <Loading />}
      {queue.isError && <LoadError error={queue.error} />}
      {queue.data !== undefined && (
        <>
          <QueueSection
            id="special-grant-decide"
            title={t('allowance.queue.toDecide')}
            none={t('allowance.queue.noneToDecide')}
            applications={queue.data.applications.filter((a) => a.steps.includes('decide'))}
            needs={queue.data.needs}
            onDone={onDone}
          />
          <QueueSection
            id="special-grant-pay"
            title={t('allowance.queue.toPay')}
            none={t('allowance.queue.noneToPay')}
            applications={queue.data.applications.filter((a) => a.steps.includes('pay'))}
            needs={queue.data.needs}
            onDone={onDone}
          />
        </>
      )}
    </Page>
  );
}

function QueueSection({
  id,
  title,
  none,
  applications,
  needs,
  onDone,
}: {
  readonly id: string;
  readonly title: string;
  readonly none: string;
  readonly applications: readonly SpecialGrant[];
  readonly needs: readonly SpecialGrantNeedRow[];
  readonly onDone: (application: SpecialGrant, action: SpecialGrantAction) => void;
}) {
  const { t } = useI18n();
  const kr = useKronor();
  const ceiling = useCeilingText(needs);
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      {applications.length === 0 && <p>{none}</p>}
      {applications.map((a) => (
        <article key={a.id} className="card special-grant" aria-labelledby={`special-grant-${a.id}`}>
          <h3 id={`special-grant-${a.id}`}>
            {t('allowance.queue.card', {
              dossier: a.dossierNumber,
              need: t(`allowance.need.${a.need}`),
              amount: kr(a.appliedAmount),
            })}{' '}
            <StatusTag application={a} />
          </h3>
          <SpecialGrantFacts application={a} />
          <p className="hint">{ceiling(a.need)}</p>
          <DecisionDocument application={a} />
          <SpecialGrantSteps application={a} onDone={onDone} />
        </article>
      ))}
    </section>
  );
}
