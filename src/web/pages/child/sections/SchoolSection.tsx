/**
 * The child's page: school. The days from arrival to the first school day against the 30-day goal (running until the
 * child starts), the one-month deadline, the enrolments; for social services the next step the state allows.
 */
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { schoolKey, useSchool } from '../../../api/placement-queries.ts';
import type { SchoolAction, SchoolView } from '../../../api/placement-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { StepForm } from '../../../components/form/StepForm.tsx';
import { SectionSteps, StepDone, useSectionSteps } from '../../../components/SectionSteps.tsx';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { EnrolForm } from '../../placement/EnrolForm.tsx';

export function SchoolSection({
  child,
  access = 'read',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = useSchool(child.id);
  const steps = useSectionSteps<SchoolAction>();
  return (
    <section aria-labelledby="school-title" className="section school-section">
      <h2 id="school-title">{t('school.title')}</h2>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      <StepDone message={steps.done} />
      {view.data !== undefined && (
        <>
          <Clock view={view.data} />
          <Enrolments view={view.data} />
          {access === 'write' && (
            <SectionSteps
              steps={view.data.steps}
              state={steps}
              id="school-action"
              label={t('school.actions')}
              text={(a) => t(`school.action.${a}`)}
              secondary={(a) => a === 'end'}
              form={(step, onDone) =>
                step.action === 'enrol' ? (
                  <EnrolForm childId={child.id} view={view.data} step={step} onDone={onDone} />
                ) : (
                  <StepForm
                    idPrefix={`school-${step.action}`}
                    childId={child.id}
                    step={step}
                    version={view.data.version}
                    queryKey={schoolKey(child.id)}
                    title={`school.action.${step.action}`}
                    label={step.action === 'start' ? 'school.field.startedOn' : 'school.field.endedOn'}
                    submit={`school.submit.${step.action}`}
                    done={`school.done.${step.action}`}
                    onDone={onDone}
                  />
                )
              }
            />
          )}
        </>
      )}
    </section>
  );
}

function Clock({ view }: { readonly view: SchoolView }) {
  const { t, tn } = useI18n();
  const status = view.started
    ? view.withinGoal
      ? 'school.clock.startedWithin'
      : 'school.clock.startedLate'
    : view.withinGoal
      ? 'school.clock.waiting'
      : 'school.clock.overdue';
  return (
    <dl className="facts">
      <div>
        <dt>{t('school.arrival')}</dt>
        <dd>{view.arrivalDate}</dd>
      </div>
      <div>
        <dt>{t('school.dueOn')}</dt>
        <dd>{view.dueOn}</dd>
      </div>
      <div>
        <dt>{t('school.daysToStart')}</dt>
        <dd>
          {tn(status, view.days, { goal: view.goalDays })}{' '}
          <span className={view.withinGoal ? 'tag tag--ok' : 'tag tag--danger'}>
            {view.withinGoal ? t('school.withinGoal') : t('school.overGoal')}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('school.status')}</dt>
        <dd>{t(`school.state.${view.state}`)}</dd>
      </div>
    </dl>
  );
}

function Enrolments({ view }: { readonly view: SchoolView }) {
  const { t } = useI18n();
  if (view.enrolments.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{t('school.enrolments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('school.field.school')}</th>
            <th scope="col">{t('school.field.programme')}</th>
            <th scope="col">{t('school.field.enrolledOn')}</th>
            <th scope="col">{t('school.field.startedOn')}</th>
            <th scope="col">{t('school.field.endedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {view.enrolments.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.school ?? t('school.schoolHidden')}</th>
              <td>{programmeText(t, e.programme)}</td>
              <td className="nowrap">{e.enrolledOn}</td>
              <td className="nowrap">{e.startedOn ?? '–'}</td>
              <td className="nowrap">{e.endedOn ?? (e.startedOn === null ? '–' : t('common.ongoing'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function programmeText(t: ReturnType<typeof useI18n>['t'], programme: string): string {
  switch (programme) {
    case 'forskoleklass':
    case 'grundskola':
    case 'anpassad_grundskola':
    case 'sprakintroduktion':
    case 'yrkesintroduktion':
    case 'individuellt_alternativ':
    case 'programinriktat_val':
    case 'nationellt_program':
    case 'anpassad_gymnasieskola':
      return t(`school.programme.${programme}`);
    default:
      return programme;
  }
}
