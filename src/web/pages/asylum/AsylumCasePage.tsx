/**
 * The asylum officer's page for one child's asylum and age case: the case as it is, and a form for each step the
 * machines allow now (the server says which). A step the case no longer allows answers 409, shown in the form.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { DECISION_EVENTS } from '../../api/asylum-types.ts';
import { useMigration } from '../../api/asylum-queries.ts';
import { ApiError } from '../../api/client.ts';
import { useChild } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AgeAppealForm, AgeDecisionForm, DoubtForm, MedicalAssessmentForm } from './AgeForms.tsx';
import { AppealForm, ApplyForm, DecisionForm, FinalForm, InterviewForm } from './AsylumForms.tsx';
import { AgeFacts, AsylumFacts } from './MigrationSummary.tsx';

export function AsylumCasePage({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const child = useChild(childId);
  const migration = useMigration(childId);
  const [done, setDone] = useState(0);
  if ([child.error, migration.error].some((e) => e instanceof ApiError && e.status === 404))
    return <NotFoundPage />;
  const title = t('asylum.page.title', { dossier: child.data?.dossierNumber ?? '' });
  if (migration.isPending || migration.isError) {
    return (
      <Page title={title}>{migration.isError ? <LoadError error={migration.error} /> : <Loading />}</Page>
    );
  }
  const { asylum, age, interpreter } = migration.data;
  const onDone = () => setDone((n) => n + 1);
  const can = (steps: readonly string[] | undefined, ...events: string[]) =>
    steps !== undefined && events.some((e) => steps.includes(e));
  const asylumSteps = asylum?.nextSteps;
  const ageSteps = age?.nextSteps;
  const common = { childId, onDone };
  return (
    <Page title={title}>
      <p>
        <Link to="/barn/$childId" params={{ childId }}>
          {t('asylum.page.back')}
        </Link>
      </p>
      <Announce>
        {done > 0 && (
          <Success>
            <p>{t('asylum.form.done')}</p>
          </Success>
        )}
      </Announce>
      {asylum !== null && (
        <section aria-labelledby="asylum-case-title" className="section">
          <h2 id="asylum-case-title">{t('asylum.section.asylum')}</h2>
          <AsylumFacts asylum={asylum} interpreter={interpreter} />
          <h2>{t('asylum.page.asylumSteps')}</h2>
          {asylumSteps?.length === 0 && <p>{t('asylum.page.noSteps')}</p>}
          {can(asylumSteps, 'apply') && <ApplyForm {...common} />}
          {can(asylumSteps, 'interview', 'schedule_interview') && (
            <InterviewForm {...common} version={asylum.version} interpreter={interpreter} />
          )}
          {can(asylumSteps, ...DECISION_EVENTS) && <DecisionForm {...common} version={asylum.version} />}
          {can(asylumSteps, 'appeal') && <AppealForm {...common} version={asylum.version} />}
          {can(asylumSteps, 'become_final') && (
            <FinalForm
              {...common}
              version={asylum.version}
              appealed={asylum.state === 'appealed'}
              decision={asylum.decision}
            />
          )}
        </section>
      )}
      {age !== null && (
        <section aria-labelledby="age-case-title" className="section">
          <h2 id="age-case-title">{t('asylum.section.age')}</h2>
          <AgeFacts age={age} />
          <h2>{t('asylum.page.ageSteps')}</h2>
          {ageSteps?.length === 0 && <p>{t('asylum.page.noSteps')}</p>}
          {can(ageSteps, 'doubt') && <DoubtForm {...common} version={age.version} />}
          {can(ageSteps, 'order_medical_assessment') && (
            <MedicalAssessmentForm {...common} version={age.version} />
          )}
          {can(ageSteps, 'decide_temporarily') && (
            <AgeDecisionForm {...common} version={age.version} kind="temporary" />
          )}
          {can(ageSteps, 'appeal_age') && age.currentDecision?.appealedOn === null && (
            <AgeAppealForm {...common} version={age.version} />
          )}
          {can(ageSteps, 'decide_finally') && (
            <AgeDecisionForm {...common} version={age.version} kind="final" />
          )}
        </section>
      )}
    </Page>
  );
}
