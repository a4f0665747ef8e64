/**
 * The child's page: the placement. The current placement (an on-call placement with the day it is valid to), the
 * placements before it, the placement days per municipality; for social services the decisions the state allows —
 * place, place on call, move, end — each with the best-interests record.
 */
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { usePlacements } from '../../../api/placement-queries.ts';
import type { PlacementAction, PlacementRecord, PlacementView } from '../../../api/placement-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { SectionSteps, StepDone, useSectionSteps } from '../../../components/SectionSteps.tsx';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { EndPlacementForm } from '../../placement/EndPlacementForm.tsx';
import { legalBasisText } from '../../placement/legal-basis.ts';
import { PlacementDecisionForm } from '../../placement/PlacementDecisionForm.tsx';

export function PlacementSection({
  child,
  access = 'read',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = usePlacements(child.id);
  const steps = useSectionSteps<PlacementAction>();
  // After an on-call placement the ordinary decision follows it.
  const followUp = view.data?.state === 'on_call_placed';
  return (
    <section aria-labelledby="placement-title" className="section placement-section">
      <h2 id="placement-title">{t('placement.title')}</h2>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      <StepDone message={steps.done} />
      {view.data !== undefined && (
        <>
          <Current view={view.data} />
          <History records={view.data.history} />
          {view.data.days.length > 0 && (
            <p>
              {t('placement.days', {
                days: view.data.days
                  .map((d) => t('placement.daysIn', { days: d.days, municipality: d.municipality.name }))
                  .join(', '),
              })}
            </p>
          )}
          {access === 'write' && (
            <SectionSteps
              steps={view.data.steps}
              state={steps}
              id="placement-action"
              label={t('placement.actions')}
              text={(a) =>
                followUp && a === 'place' ? t('placement.action.followUp') : t(`placement.action.${a}`)
              }
              secondary={(a) => a === 'end'}
              form={(step, onDone) =>
                step.action === 'end' ? (
                  <EndPlacementForm childId={child.id} view={view.data} step={step} onDone={onDone} />
                ) : (
                  <PlacementDecisionForm
                    key={step.action}
                    childId={child.id}
                    view={view.data}
                    step={{ ...step, action: step.action }}
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

function Current({ view }: { readonly view: PlacementView }) {
  const { t } = useI18n();
  const current = view.current;
  if (current === null) return <p>{t(`placement.state.${view.state}`)}</p>;
  return (
    <>
      {current.onCall && (
        <div className="notice notice--warning">
          <p>{t('placement.onCallNotice', { date: current.validUntil ?? '' })}</p>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>{t('placement.field.provider')}</dt>
          <dd>{current.provider?.name ?? t('placement.providerHidden')}</dd>
        </div>
        <div>
          <dt>{t('placement.field.form')}</dt>
          <dd>{t(`placement.form.${current.form}`)}</dd>
        </div>
        <div>
          <dt>{t('placement.field.legalBasis')}</dt>
          <dd>{legalBasisText(t, current)}</dd>
        </div>
        <div>
          <dt>{t('placement.field.fromDate')}</dt>
          <dd>{current.fromDate}</dd>
        </div>
        {current.specialReason !== null && (
          <div>
            <dt>{t('placement.field.specialReason')}</dt>
            <dd>{current.specialReason}</dd>
          </div>
        )}
        {current.decidedBy !== null && (
          <div>
            <dt>{t('placement.decidedBy')}</dt>
            <dd>{current.decidedBy}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

function History({ records }: { readonly records: readonly PlacementRecord[] }) {
  const { t } = useI18n();
  if (records.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{t('placement.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placement.field.provider')}</th>
            <th scope="col">{t('placement.field.form')}</th>
            <th scope="col">{t('placement.field.legalBasis')}</th>
            <th scope="col">{t('placement.col.from')}</th>
            <th scope="col">{t('placement.col.to')}</th>
            <th scope="col">{t('placement.col.endReason')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.provider?.name ?? t('placement.providerHidden')}
                {r.onCall && <span className="tag tag--warning">{t('placement.onCallTag')}</span>}
              </th>
              <td>{t(`placement.form.${r.form}`)}</td>
              <td>{legalBasisText(t, r)}</td>
              <td className="nowrap">{r.fromDate}</td>
              <td className="nowrap">{r.toDate ?? t('common.ongoing')}</td>
              <td>{r.endReason === null ? '' : endReasonText(t, r.endReason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function endReasonText(t: ReturnType<typeof useI18n>['t'], reason: string): string {
  switch (reason) {
    case 'moved':
    case 'turned_18':
    case 'absconded':
    case 'left_sweden':
    case 'reunited':
    case 'age_changed':
    case 'followed_by_decision':
      return t(`placement.endReason.${reason}`);
    default:
      return reason;
  }
}
