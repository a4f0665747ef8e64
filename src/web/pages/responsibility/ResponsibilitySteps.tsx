/** The steps of the child's responsibility section: the buttons the view's steps give, and the open step's form. */
import { useState } from 'react';
import { offered } from '../../api/case-steps.ts';
import { responsibilityKey } from '../../api/responsibility-queries.ts';
import type { ResponsibilityAction, ResponsibilityView } from '../../api/responsibility-types.ts';
import { StepForm } from '../../components/form/StepForm.tsx';
import { StepActions } from '../../components/StepActions.tsx';
import { useI18n } from '../../language.tsx';
import { HandOverForm } from './TransferForms.tsx';
import { Turning18Form } from './Turning18Form.tsx';

/** The steps the view offers (the server decides, the UI reflects), as buttons that open their form. */
export function ResponsibilitySteps({
  childId,
  view,
  onDone,
  onRequested,
}: {
  readonly childId: string;
  readonly view: ResponsibilityView;
  readonly onDone: (message: string | null) => void;
  readonly onRequested: (transferId: string) => void;
}) {
  const { t } = useI18n();
  const [action, setAction] = useState<ResponsibilityAction | null>(null);
  const steps = view.steps;
  return (
    <>
      <StepActions
        steps={steps}
        open={action}
        onToggle={(a) => {
          onDone(null);
          setAction(a);
        }}
        label={t('responsibility.actions')}
        controls="responsibility-action"
        text={(a) => t(`responsibility.action.${a}`)}
        secondary={(a) => a === 'end_responsibility' || a === 'end_aftercare' || a === 'request_transfer'}
      />
      <div id="responsibility-action">
        <StepPanel
          childId={childId}
          view={view}
          action={action}
          onDone={onDone}
          onRequested={onRequested}
          onCancel={() => setAction(null)}
        />
      </div>
    </>
  );
}

/** The form of the open step, while the view offers it. */
function StepPanel({
  childId,
  view,
  action,
  onDone,
  onRequested,
  onCancel,
}: {
  readonly childId: string;
  readonly view: ResponsibilityView;
  readonly action: ResponsibilityAction | null;
  readonly onDone: (message: string) => void;
  readonly onRequested: (transferId: string) => void;
  readonly onCancel: () => void;
}) {
  const step = offered(view.steps, action);
  if (step === null) return null;
  // Each step is sent with the version of the machine it moves.
  const version = step.machine === 'transfer' ? view.transfer.version : view.responsibility.version;
  switch (step.action) {
    case 'request_transfer':
      return (
        <HandOverForm
          childId={childId}
          step={step}
          responsibleCode={view.responsible?.code ?? null}
          version={version}
          onRequested={onRequested}
          onCancel={onCancel}
        />
      );
    case 'decide_continued':
    case 'end_responsibility':
      return view.turning18 === null ? null : (
        <Turning18Form
          childId={childId}
          step={step}
          turning18={view.turning18}
          version={version}
          languages={view.interpreter?.languages ?? []}
          onDone={onDone}
        />
      );
    default:
      return (
        <div className="card responsibility-step">
          <StepForm
            idPrefix={`resp-${step.action}`}
            childId={childId}
            step={step}
            version={version}
            queryKey={responsibilityKey(childId)}
            section="responsibility"
            answersView={false}
            title={`responsibility.step.${step.action}.title`}
            intro={`responsibility.step.${step.action}.intro`}
            label={`responsibility.step.${step.action}.date`}
            submit={`responsibility.step.${step.action}.submit`}
            done={`responsibility.step.${step.action}.done`}
            onDone={onDone}
          />
        </div>
      );
  }
}
