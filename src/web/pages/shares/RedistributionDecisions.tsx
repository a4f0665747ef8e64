/**
 * The counties' redistribution proposals as the Migration Agency sees them (issue 13 point 2): each with its
 * transfers and the county's dialogue; one awaiting the Agency can be fixed — a new share version — or returned,
 * with reasons either way.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPost } from '../../api/client.ts';
import { useRedistributions } from '../../api/county-queries.ts';
import type { Redistribution } from '../../api/county-types.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { apiErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { useSession } from '../../api/queries.ts';
import { activeAssignment, can } from '../../permissions.ts';
import { ProposalList } from '../county/RedistributionPage.tsx';

function Decide({ proposal }: { readonly proposal: Redistribution }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'fix' | 'return') =>
      apiPost<Redistribution>(`/api/allocation/redistributions/${encodeURIComponent(proposal.id)}/decision`, {
        decision,
        note,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['redistributions'] });
      await queryClient.invalidateQueries({ queryKey: ['share-versions'] });
    },
  });
  const id = `decide-${proposal.id}`;
  const send = (decision: 'fix' | 'return') => {
    if (note.trim().length < 10) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    decide.mutate(decision);
  };
  return (
    <div className="form">
      <div className={tooShort ? 'field field--error' : 'field'}>
        <label htmlFor={id}>{t('redistribution.agency.note')}</label>
        {tooShort && (
          <p id={`${id}-error`} className="field-error">
            {t('error.reason_short')}
          </p>
        )}
        <textarea
          id={id}
          className="input"
          value={note}
          aria-invalid={tooShort ? true : undefined}
          aria-describedby={tooShort ? `${id}-error` : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {decide.isError && <p className="field-error">{apiErrorText(t, decide.error)}</p>}
      <button
        type="button"
        className="button button--primary"
        disabled={decide.isPending}
        onClick={() => send('fix')}
      >
        {t('redistribution.agency.fix')}
      </button>{' '}
      <button type="button" className="button" disabled={decide.isPending} onClick={() => send('return')}>
        {t('redistribution.agency.return')}
      </button>
    </div>
  );
}

/** Shown to those who manage shares (the Agency); the page's other readers do not decide proposals. */
export function RedistributionDecisions() {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const proposals = useRedistributions(can(role, 'shares:manage'));
  if (!can(role, 'shares:manage')) return null;
  return (
    <section aria-labelledby="redistributions-title" className="section">
      <h2 id="redistributions-title">{t('redistribution.agency.title')}</h2>
      {proposals.isPending && <Loading />}
      {proposals.isError && <LoadError error={proposals.error} />}
      {proposals.data?.length === 0 && <p>{t('redistribution.agency.none')}</p>}
      {proposals.data !== undefined &&
        proposals.data.map((p) => (
          <article key={p.id} aria-labelledby={`proposal-${p.id}-title`}>
            <ProposalList proposals={[p]} />
            {p.mayDecide && <Decide proposal={p} />}
          </article>
        ))}
    </section>
  );
}
