/**
 * Deciding one waiting child: the proposal with its reasons and the decision form. When another officer decided
 * first (409 proposal_changed), the new proposal is fetched and shown with a clear message before a new attempt.
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useProposal } from '../../api/allocation-queries.ts';
import { RULES, type Rule } from '../../api/allocation-types.ts';
import { ApiError } from '../../api/client.ts';
import { useMunicipalities } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AllocationTabs } from './AllocationTabs.tsx';
import { DecideForm } from './DecideForm.tsx';
import { ProposalView } from './ProposalView.tsx';

function ChangedNotice({ name }: { readonly name: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="notice notice--warning"
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-testid="proposal-changed"
    >
      <h2 className="notice__title">{t('decide.changedTitle')}</h2>
      <p>{t('decide.changed', { name })}</p>
    </div>
  );
}

function RuleChoice({ rule, onChange }: { readonly rule: Rule; readonly onChange: (rule: Rule) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="proposal-rule">{t('queue.rule')}</label>
      <p className="hint" id="proposal-rule-hint">
        {t('decide.ruleHint')}
      </p>
      <select
        id="proposal-rule"
        className="input select"
        aria-describedby="proposal-rule-hint"
        value={rule}
        onChange={(event) => onChange(RULES.find((r) => r === event.target.value) ?? 'quota')}
      >
        {RULES.map((r) => (
          <option key={r} value={r}>
            {t(`rule.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DecisionPage({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const [rule, setRule] = useState<Rule>('quota');
  const [changed, setChanged] = useState(0);
  // After a decision by the rule only its result is shown: the proposal's figures are from before the decision.
  const [decided, setDecided] = useState(false);
  const proposal = useProposal(childId, rule);
  // The suggested considerations name the relatives' municipalities: wait for the names.
  const municipalities = useMunicipalities();
  const error = proposal.error;
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  if (error instanceof ApiError && error.code === 'already_decided') {
    return (
      <Page title={t('decide.pageTitle')}>
        <AllocationTabs />
        <div className="notice">
          <p>{t('decide.alreadyDecided')}</p>
          <p>
            <Link to="/anvisning/beslut">{t('decide.toHistory')}</Link>
          </p>
        </div>
      </Page>
    );
  }
  const data = proposal.data;
  const first = data?.group.find((c) => c.id === childId) ?? data?.group[0];
  return (
    <Page
      title={
        first === undefined
          ? t('decide.pageTitle')
          : t('decide.title.child', { dossier: first.dossierNumber })
      }
    >
      <AllocationTabs />
      {proposal.isPending && <Loading />}
      {proposal.isError && <LoadError error={proposal.error} />}
      {data !== undefined && (
        <>
          {changed > 0 && !decided && !proposal.isFetching && (
            <ChangedNotice key={changed} name={data.municipality.name} />
          )}
          {!decided && (
            <>
              <RuleChoice
                rule={rule}
                onChange={(next) => {
                  setRule(next);
                  setChanged(0);
                }}
              />
              <ProposalView proposal={data} />
            </>
          )}
          {municipalities.data !== undefined && (
            <DecideForm
              key={childId}
              childId={childId}
              proposal={data}
              rule={rule}
              onProposalChanged={() => {
                setChanged((n) => n + 1);
                void proposal.refetch();
              }}
              onDecidedByRule={() => setDecided(true)}
            />
          )}
        </>
      )}
    </Page>
  );
}
