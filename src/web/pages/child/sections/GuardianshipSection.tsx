/**
 * The child's page: god man and special custodian (SFV). The current god man or SFV (with contact details for those
 * who work with them), the open request, the child's languages and interpreter need, the steps the server says the
 * active role may take now, and the history with every end record.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { offered } from '../../../api/case-steps.ts';
import type { GuardianshipAction, GuardianshipView } from '../../../api/guardianship-types.ts';
import { guardianshipKey, useGuardianship } from '../../../api/guardianship-queries.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { StepForm } from '../../../components/form/StepForm.tsx';
import { StepActions } from '../../../components/StepActions.tsx';
import { Announce, LoadError, Loading, Success } from '../../../components/Status.tsx';
import { isMessageKey, type MessageKey } from '../../../i18n.ts';
import { useI18n } from '../../../language.tsx';
import { EndForm } from '../../guardianship/EndForm.tsx';
import { SfvApplyForm, SfvDecisionForm, SfvNotApplyingForm } from '../../guardianship/SfvForms.tsx';

function useLabel() {
  const { t } = useI18n();
  return (prefix: string, code: string | null) => {
    if (code === null) return '';
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
}

function Current({ view }: { readonly view: GuardianshipView }) {
  const { t } = useI18n();
  const label = useLabel();
  const hidden = t('guardianship.hidden');
  return (
    <dl className="facts">
      <div>
        <dt>{t('guardianship.status')}</dt>
        <dd data-testid="guardianship-state">{t(`guardianship.state.${view.state}` as MessageKey)}</dd>
      </div>
      {view.godMan !== null && (
        <>
          <div>
            <dt>{t('guardianship.godMan')}</dt>
            <dd>{view.godMan.name ?? hidden}</dd>
          </div>
          <div>
            <dt>{t('guardianship.since')}</dt>
            <dd>{view.godMan.from}</dd>
          </div>
          {view.godMan.phone !== null && (
            <div>
              <dt>{t('guardianship.phone')}</dt>
              <dd>
                <a href={`tel:${view.godMan.phone.replace(/[^0-9+]/g, '')}`}>{view.godMan.phone}</a>
              </dd>
            </div>
          )}
          {view.godMan.email !== null && (
            <div>
              <dt>{t('guardianship.email')}</dt>
              <dd>
                <a href={`mailto:${view.godMan.email}`}>{view.godMan.email}</a>
              </dd>
            </div>
          )}
        </>
      )}
      {view.specialCustodian !== null && (
        <div>
          <dt>{t('guardianship.sfv')}</dt>
          <dd>
            {view.specialCustodian.name ?? hidden}
            {', '}
            {t('guardianship.sfvDetails', {
              decided: view.specialCustodian.decidedOn ?? '',
              final: view.specialCustodian.finalOn ?? '',
            })}
            {view.specialCustodian.court !== null && `, ${view.specialCustodian.court}`}
          </dd>
        </div>
      )}
      {view.openRequest !== null && (
        <div>
          <dt>{t('guardianship.appoint.request')}</dt>
          <dd>
            {t('guardianship.openRequest', {
              date: view.openRequest.requestedOn,
              by: view.openRequest.requestedBy,
            })}{' '}
            {label('guardianship.reason', view.openRequest.reason)}.{' '}
            {view.openRequest.dueOn !== null &&
              t('guardianship.openRequestDue', { due: view.openRequest.dueOn })}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('guardianship.languages')}</dt>
        <dd>{view.languages.length > 0 ? view.languages.join(', ') : t('guardianship.unknown')}</dd>
      </div>
      <div>
        <dt>{t('guardianship.interpreter')}</dt>
        <dd>
          {view.interpreterNeeded === null
            ? t('guardianship.unknown')
            : view.interpreterNeeded
              ? t('guardianship.yes')
              : t('guardianship.no')}
        </dd>
      </div>
    </dl>
  );
}

function History({ view }: { readonly view: GuardianshipView }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <>
      {view.history.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('guardianship.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guardianship.col.name')}</th>
                <th scope="col">{t('guardianship.col.kind')}</th>
                <th scope="col">{t('guardianship.col.from')}</th>
                <th scope="col">{t('guardianship.col.to')}</th>
                <th scope="col">{t('guardianship.col.heard')}</th>
                <th scope="col">{t('guardianship.col.end')}</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h) => (
                <tr key={h.guardianshipId}>
                  <th scope="row">{h.name ?? t('guardianship.hidden')}</th>
                  <td>{label('guardianship.kind', h.kind)}</td>
                  <td className="nowrap">{h.from}</td>
                  <td className="nowrap">{h.to ?? t('guardianship.ongoing')}</td>
                  <td>
                    {h.childHeard === null
                      ? t('guardianship.unknown')
                      : h.childHeard
                        ? t('guardianship.yes')
                        : t('guardianship.no')}
                  </td>
                  <td>
                    {h.endReason === null
                      ? ''
                      : `${label('guardianship.end', h.endReason)} (${h.endByLaw === true ? t('guardianship.endByLaw') : t('guardianship.endByDecision')})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.requests.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('guardianship.requests')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guardianship.col.date')}</th>
                <th scope="col">{t('guardianship.col.reason')}</th>
                <th scope="col">{t('guardianship.col.by')}</th>
                <th scope="col">{t('guardianship.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="nowrap">
                    {r.requestedOn}
                  </th>
                  <td>{label('guardianship.reason', r.reason)}</td>
                  <td>{r.requestedBy}</td>
                  <td>{label('guardianship.requestStatus', r.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.sfvCases.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('guardianship.sfvCases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guardianship.col.status')}</th>
                <th scope="col">{t('guardianship.col.applied')}</th>
                <th scope="col">{t('guardianship.col.court')}</th>
                <th scope="col">{t('guardianship.col.decided')}</th>
                <th scope="col">{t('guardianship.col.final')}</th>
                <th scope="col">{t('guardianship.col.custodian')}</th>
                <th scope="col">{t('guardianship.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {view.sfvCases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{label('guardianship.sfvStatus', c.status)}</th>
                  <td className="nowrap">{c.appliedOn ?? ''}</td>
                  <td>{c.court ?? ''}</td>
                  <td className="nowrap">{c.decidedOn ?? ''}</td>
                  <td className="nowrap">{c.finalOn ?? ''}</td>
                  <td>{c.custodianName ?? ''}</td>
                  <td>
                    {label('guardianship.notApplying', c.notApplyingReason)}
                    {c.notApplyingNote !== null && `: ${c.notApplyingNote}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The steps the view offers (the server decides, the UI reflects); the appointment has its own page. */
function Steps({
  childId,
  view,
  onDone,
}: {
  readonly childId: string;
  readonly view: GuardianshipView;
  readonly onDone: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const [action, setAction] = useState<GuardianshipAction | null>(null);
  // The SFV steps follow a residence permit: without one recorded, the section says so instead.
  const sfv = (a: GuardianshipAction) => a === 'apply_for_sfv' || a === 'record_sfv_not_applying';
  const here = view.steps.filter(
    (s) => s.action !== 'appoint_god_man' && (view.permitHolder || !sfv(s.action)),
  );
  return (
    <div className="guardianship-steps">
      {offered(view.steps, 'appoint_god_man') !== null && (
        <p>
          <Link to="/godman/begaran/$childId" params={{ childId }} className="button button--primary">
            {t('guardianship.appointLink')}
          </Link>
        </p>
      )}
      {!view.permitHolder && view.steps.some((s) => sfv(s.action)) && (
        <p className="notice notice--warning">{t('guardianship.sfvApply.noPermit')}</p>
      )}
      <StepActions
        steps={here}
        open={action}
        onToggle={(a) => {
          onDone(null);
          setAction(a);
        }}
        label={t('guardianship.actions')}
        controls="guardianship-action"
        text={(a) => t(`guardianship.action.${a}`)}
        secondary={(a) => a === 'withdraw_request' || a === 'end_by_decision' || a === 'end_by_law'}
      />
      <div id="guardianship-action">
        <StepPanel childId={childId} view={view} action={action} onDone={onDone} />
      </div>
    </div>
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
  readonly view: GuardianshipView;
  readonly action: GuardianshipAction | null;
  readonly onDone: (message: string) => void;
}) {
  const step = offered(view.steps, action);
  if (step === null) return null;
  const common = { childId, step, version: view.version, onDone };
  switch (step.action) {
    case 'end_by_decision':
    case 'end_by_law':
      return <EndForm {...common} view={view} />;
    case 'apply_for_sfv':
      return <SfvApplyForm {...common} />;
    case 'record_sfv_not_applying':
      return <SfvNotApplyingForm {...common} />;
    case 'sfv_appointed':
    case 'sfv_refused':
      return <SfvDecisionForm {...common} />;
    case 'appoint_god_man':
      return null;
    default:
      return (
        <div className="card guardianship-step">
          <StepForm
            idPrefix={`gs-${step.action}`}
            childId={childId}
            step={step}
            version={view.version}
            queryKey={guardianshipKey(childId)}
            section="guardianship"
            answersView={false}
            title={`guardianship.step.${step.action}.title`}
            intro={`guardianship.step.${step.action}.intro`}
            label={`guardianship.step.${step.action}.date`}
            submit={`guardianship.step.${step.action}.submit`}
            done={`guardianship.step.${step.action}.done`}
            onDone={onDone}
          />
        </div>
      );
  }
}

export function GuardianshipSection({
  child,
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const guardianship = useGuardianship(child.id);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="guardianship-title" className="section">
      <h2 id="guardianship-title">{t('guardianship.title')}</h2>
      <Announce>
        {message !== null && (
          <Success>
            <p>{message}</p>
          </Success>
        )}
      </Announce>
      {guardianship.isPending && <Loading />}
      {guardianship.isError && <LoadError error={guardianship.error} />}
      {guardianship.data !== undefined && (
        <>
          <Current view={guardianship.data} />
          <Steps
            key={guardianship.data.version}
            childId={child.id}
            view={guardianship.data}
            onDone={setMessage}
          />
          <History view={guardianship.data} />
        </>
      )}
    </section>
  );
}
