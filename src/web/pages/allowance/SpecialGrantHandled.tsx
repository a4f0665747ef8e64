/** The application the Agency's officer last decided or paid, on top of the queue with its decision (ADR 0036). */
import { useEffect, useRef } from 'react';
import type { SpecialGrant, SpecialGrantAction } from '../../api/allowance-types.ts';
import { Success } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { DecisionDocument, SpecialGrantFacts, StatusTag } from './shared.tsx';

export interface Handled {
  readonly application: SpecialGrant;
  readonly action: SpecialGrantAction;
}

/** What the officer just did, with the decision as written; its heading takes focus. */
export function HandledPanel({ handled }: { readonly handled: Handled }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const a = handled.application;
  return (
    <section aria-labelledby="special-grant-handled" className="section card special-grant">
      <h2 id="special-grant-handled" ref={heading} tabIndex={-1}>
        {t('allowance.queue.done', { dossier: a.dossierNumber })} <StatusTag application={a} />
      </h2>
      <Success>
        <p>{t(handled.action === 'pay' ? 'allowance.queue.paid' : 'allowance.queue.decided')}</p>
      </Success>
      <SpecialGrantFacts application={a} />
      {/* Under the panel's h2. */}
      <DecisionDocument application={a} level={3} />
    </section>
  );
}
