/**
 * The child's page: the placement. The current placement (an on-call placement with the day it is valid to), the
 * placements before it, the placement days per municipality; for social services the decisions the state allows —
 * place, place on call, move, end — each with the best-interests record.
 */
import { useState } from 'react';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { offered } from '../../../api/case-steps.ts';
import { usePlacements } from '../../../api/placement-queries.ts';
import type { PlacementAction, PlacementRecord, PlacementView } from '../../../api/placement-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { StepActions } from '../../../components/StepActions.tsx';
import { Announce, LoadError, Loading, Success } from '../../../components/Status.tsx';
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
  const [action, setAction] = useState<PlacementAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setAction(null);
    setDone(message);
  };
  // After an on-call placement the ordinary decision follows it.
  const followUp = view.data?.state === 'on_call_placed';
  return (
    <section aria-labelledby="placement-title" className="section placement-section">
      <h2 id="placement-title">{t('placement.title')}</h2>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      <Announce>
        {done !== null && (
          <Success>
            <p>{done}</p>
          </Success>
        )}
      </Announce>
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
            <>
              <StepActions
                steps={view.data.steps}
                open={action}
                onToggle={(a) => {
                  setDone(null);
                  setAction(a);
                }}
                label={t('placement.actions')}
                controls="placement-action"
                text={(a) =>
                  followUp && a === 'place' ? t('placement.action.followUp') : t(`placement.action.${a}`)
                }
                secondary={(a) => a === 'end'}
              />
              <div id="placement-action">
                <StepPanel childId={child.id} view={view.data} action={action} onDone={finish} />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The form of the open step, while the view offers it. */
function StepPanel({
  childId,
  view,
  action,
  onDone,
}: {
  readonly childId: string;
  readonly view: PlacementView;
  readonly action: PlacementAction | null;
  readonly onDone: (message: string) => void;
}) {
  const step = offered(view.steps, action);
  if (step === null) return null;
  return (
    <div className="card placement-action">
      {step.action === 'end' ? (
        <EndPlacementForm childId={childId} view={view} step={step} onDone={onDone} />
      ) : (
        <PlacementDecisionForm
          key={step.action}
          childId={childId}
          view={view}
          step={{ ...step, action: step.action }}
          onDone={onDone}
        />
      )}
    </div>
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
