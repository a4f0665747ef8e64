/**
 * The child's page: the region's health examination — offered, done or declined with the dates, and the referrals
 * made (where to and when, never why). Seen only by the region's health staff, who record it, and the child's
 * assigned social workers. The child's languages and interpreter need come first: someone is about to meet the child.
 */
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { healthKey, useHealth } from '../../../api/placement-queries.ts';
import type { HealthAction, HealthView } from '../../../api/placement-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { StepForm } from '../../../components/form/StepForm.tsx';
import { SectionSteps, StepDone, useSectionSteps } from '../../../components/SectionSteps.tsx';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { ReferralForm } from '../../placement/ReferralForm.tsx';
import { MeetingNotice } from '../../placement/shared.tsx';

export function HealthSection({
  child,
  access = 'read',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = useHealth(child.id);
  const steps = useSectionSteps<HealthAction>();
  return (
    <section aria-labelledby="health-title" className="section health-section">
      <h2 id="health-title">{t('health.title')}</h2>
      <p className="hint">{t('health.intro')}</p>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      <StepDone message={steps.done} />
      {view.data !== undefined && (
        <>
          <MeetingNotice facts={view.data.child} context="health" />
          <p>
            <strong>{t('health.status')}:</strong> {t(`health.state.${view.data.state}`)}
          </p>
          <Examinations view={view.data} />
          {access === 'write' && (
            <SectionSteps
              steps={view.data.steps}
              state={steps}
              id="health-action"
              label={t('health.actions')}
              text={(a) => t(`health.action.${a}`)}
              secondary={(a) => a === 'declined'}
              form={(step, onDone) =>
                step.action === 'referral' ? (
                  <ReferralForm childId={child.id} view={view.data} step={step} onDone={onDone} />
                ) : (
                  <StepForm
                    idPrefix={`health-${step.action}`}
                    childId={child.id}
                    step={step}
                    version={view.data.version}
                    queryKey={healthKey(child.id)}
                    title={`health.action.${step.action}`}
                    label={`health.field.${step.action}`}
                    submit={`health.submit.${step.action}`}
                    done={`health.done.${step.action}`}
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

function Examinations({ view }: { readonly view: HealthView }) {
  const { t } = useI18n();
  if (view.examinations.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{t('health.examinations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('health.col.offered')}</th>
            <th scope="col">{t('health.col.done')}</th>
            <th scope="col">{t('health.col.declined')}</th>
            <th scope="col">{t('health.referrals')}</th>
          </tr>
        </thead>
        <tbody>
          {view.examinations.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="nowrap">
                {e.offeredOn}
              </th>
              <td className="nowrap">{e.doneOn ?? '–'}</td>
              <td className="nowrap">{e.declinedOn ?? '–'}</td>
              <td>
                {e.referrals.length === 0 ? (
                  '–'
                ) : (
                  <ul className="plain-list">
                    {e.referrals.map((r) => (
                      <li key={`${r.to}-${r.on}`}>
                        {t('health.referralItem', { to: t(`health.referral.${r.to}`), on: r.on })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
