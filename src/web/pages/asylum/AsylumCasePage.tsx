/**
 * The asylum officer's page for one child's asylum and age case: the case as it is, and the steps the view offers now
 * (the server decides, the UI reflects), a button for each form and the form of the open one. A step the case no
 * longer allows answers 409, shown in the form, and the case is reloaded.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { migrationKey, useMigration } from '../../api/asylum-queries.ts';
import type { AgeAction, AgeView, AsylumAction, AsylumView, MigrationView } from '../../api/asylum-types.ts';
import { offered, type CaseStep } from '../../api/case-steps.ts';
import { ApiError } from '../../api/client.ts';
import { useChild } from '../../api/queries.ts';
import { StepForm } from '../../components/form/StepForm.tsx';
import { Page } from '../../components/Page.tsx';
import { StepActions } from '../../components/StepActions.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AgeDecisionForm, MedicalAssessmentForm } from './AgeForms.tsx';
import { DecisionForm, FinalForm, InterviewForm } from './AsylumForms.tsx';
import { AgeFacts, AsylumFacts } from './MigrationSummary.tsx';

/** The form that takes an asylum step: the events one route takes (by its date, by the decision) share its form. */
type AsylumForm = 'apply' | 'interview' | 'decision' | 'appeal' | 'final';
function asylumForm(action: AsylumAction): AsylumForm {
  switch (action) {
    case 'apply':
      return 'apply';
    case 'schedule_interview':
    case 'interview':
      return 'interview';
    case 'grant_permanent':
    case 'grant_temporary':
    case 'refuse':
    case 'transfer_dublin':
    case 'write_off':
      return 'decision';
    case 'appeal':
      return 'appeal';
    case 'become_final':
      return 'final';
  }
}

type AgeForm = 'doubt' | 'medical' | 'temporary' | 'appeal' | 'final';
function ageForm(action: AgeAction): AgeForm {
  switch (action) {
    case 'doubt':
      return 'doubt';
    case 'order_medical_assessment':
      return 'medical';
    case 'decide_temporarily':
      return 'temporary';
    case 'appeal_age':
      return 'appeal';
    case 'decide_finally':
      return 'final';
  }
}

/** The offered steps, one for each form (the first step the view lists for it), in the view's order. */
function onePerForm<A extends string>(steps: readonly CaseStep<A>[], formOf: (action: A) => string) {
  return steps.filter(
    (step, i) => steps.findIndex((other) => formOf(other.action) === formOf(step.action)) === i,
  );
}

export function AsylumCasePage({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const child = useChild(childId);
  const migration = useMigration(childId);
  const [asylumOpen, setAsylumOpen] = useState<AsylumAction | null>(null);
  const [ageOpen, setAgeOpen] = useState<AgeAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if ([child.error, migration.error].some((e) => e instanceof ApiError && e.status === 404))
    return <NotFoundPage />;
  const title = t('asylum.page.title', { dossier: child.data?.dossierNumber ?? '' });
  if (migration.isPending || migration.isError) {
    return (
      <Page title={title}>{migration.isError ? <LoadError error={migration.error} /> : <Loading />}</Page>
    );
  }
  const { asylum, age, interpreter } = migration.data;
  const finish = (message: string) => {
    setAsylumOpen(null);
    setAgeOpen(null);
    setDone(message);
  };
  return (
    <Page title={title}>
      <p>
        <Link to="/barn/$childId" params={{ childId }}>
          {t('asylum.page.back')}
        </Link>
      </p>
      <Announce>
        {done !== null && (
          <Success>
            <p>{done}</p>
          </Success>
        )}
      </Announce>
      {asylum !== null && (
        <section aria-labelledby="asylum-case-title" className="section">
          <h2 id="asylum-case-title">{t('asylum.section.asylum')}</h2>
          <AsylumFacts asylum={asylum} interpreter={interpreter} />
          <h2>{t('asylum.page.asylumSteps')}</h2>
          {asylum.steps.length === 0 && <p>{t('asylum.page.noSteps')}</p>}
          <StepActions
            steps={onePerForm(asylum.steps, asylumForm)}
            open={asylumOpen}
            onToggle={(action) => {
              setDone(null);
              setAsylumOpen(action);
            }}
            label={t('asylum.page.asylumSteps')}
            controls="asylum-action"
            text={(action) => t(`asylum.form.${asylumForm(action)}.title`)}
            secondary={() => false}
          />
          <div id="asylum-action">
            <AsylumStepPanel
              childId={childId}
              asylum={asylum}
              interpreter={interpreter}
              action={asylumOpen}
              onDone={finish}
            />
          </div>
        </section>
      )}
      {age !== null && (
        <section aria-labelledby="age-case-title" className="section">
          <h2 id="age-case-title">{t('asylum.section.age')}</h2>
          <AgeFacts age={age} />
          <h2>{t('asylum.page.ageSteps')}</h2>
          {age.steps.length === 0 && <p>{t('asylum.page.noSteps')}</p>}
          <StepActions
            steps={onePerForm(age.steps, ageForm)}
            open={ageOpen}
            onToggle={(action) => {
              setDone(null);
              setAgeOpen(action);
            }}
            label={t('asylum.page.ageSteps')}
            controls="age-action"
            text={(action) => t(`age.form.${ageForm(action)}.title`)}
            secondary={() => false}
          />
          <div id="age-action">
            <AgeStepPanel childId={childId} age={age} action={ageOpen} onDone={finish} />
          </div>
        </section>
      )}
    </Page>
  );
}

const DATE_STEPS = {
  apply: ['asylum-apply', 'asylum.form.apply.title', 'asylum.form.appliedOn', 'asylum.form.apply.submit'],
  appeal: [
    'asylum-appeal',
    'asylum.form.appeal.title',
    'asylum.form.appealedOn',
    'asylum.form.appeal.submit',
  ],
  doubt: ['age-doubt', 'age.form.doubt.title', 'age.form.doubtedOn', 'age.form.doubt.submit'],
  ageAppeal: ['age-appeal', 'age.form.appeal.title', 'age.form.appealedOn', 'age.form.appeal.submit'],
} as const satisfies Record<string, readonly [string, MessageKey, MessageKey, MessageKey]>;

/** A step that takes only its date: the one date-step form, the case's words for a stale view. */
function DateStep({
  childId,
  step,
  version,
  texts: [idPrefix, title, label, submit],
  onDone,
}: {
  readonly childId: string;
  readonly step: CaseStep;
  readonly version: number;
  readonly texts: (typeof DATE_STEPS)[keyof typeof DATE_STEPS];
  readonly onDone: (message: string) => void;
}) {
  return (
    <StepForm<MigrationView>
      idPrefix={idPrefix}
      childId={childId}
      step={step}
      version={version}
      queryKey={migrationKey(childId)}
      section="asylum"
      title={title}
      label={label}
      submit={submit}
      done="asylum.form.done"
      onDone={onDone}
    />
  );
}

/** The form of the open asylum step, while the view offers it. */
function AsylumStepPanel({
  childId,
  asylum,
  interpreter,
  action,
  onDone,
}: {
  readonly childId: string;
  readonly asylum: AsylumView;
  readonly interpreter: MigrationView['interpreter'];
  readonly action: AsylumAction | null;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const step = offered(asylum.steps, action);
  if (step === null) return null;
  const props = { childId, step, version: asylum.version, onDone: () => onDone(t('asylum.form.done')) };
  switch (asylumForm(step.action)) {
    case 'apply':
      return <DateStep {...props} texts={DATE_STEPS.apply} onDone={onDone} />;
    case 'interview':
      return <InterviewForm {...props} interpreter={interpreter} />;
    case 'decision':
      return <DecisionForm {...props} asylum={asylum} />;
    case 'appeal':
      return <DateStep {...props} texts={DATE_STEPS.appeal} onDone={onDone} />;
    case 'final':
      return <FinalForm {...props} appealed={asylum.state === 'appealed'} decision={asylum.decision} />;
  }
}

/** The form of the open age step, while the view offers it. */
function AgeStepPanel({
  childId,
  age,
  action,
  onDone,
}: {
  readonly childId: string;
  readonly age: AgeView;
  readonly action: AgeAction | null;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const step = offered(age.steps, action);
  if (step === null) return null;
  const props = { childId, step, version: age.version, onDone: () => onDone(t('asylum.form.done')) };
  switch (ageForm(step.action)) {
    case 'doubt':
      return <DateStep {...props} texts={DATE_STEPS.doubt} onDone={onDone} />;
    case 'medical':
      return <MedicalAssessmentForm {...props} />;
    case 'temporary':
      return <AgeDecisionForm {...props} kind="temporary" />;
    case 'appeal':
      return <DateStep {...props} texts={DATE_STEPS.ageAppeal} onDone={onDone} />;
    case 'final':
      return <AgeDecisionForm {...props} kind="final" />;
  }
}
