/** The parts of the child's responsibility section: hand-over, transfers, turning 18, changes to report. */
import { useEffect, useRef } from 'react';
import { offered } from '../../api/case-steps.ts';
import type { ResponsibilityView, Turning18 } from '../../api/responsibility-types.ts';
import { useI18n } from '../../language.tsx';
import { codeText } from './form-kit.ts';
import { ReportedForm } from './ReportedForm.tsx';
import { AnswerForm, WithdrawButton } from './TransferForms.tsx';

export function HandoverPart({ view }: { readonly view: ResponsibilityView }) {
  const { t, tn } = useI18n();
  if (
    view.handovers.length === 0 &&
    view.onCallPlacements.length === 0 &&
    offered(view.steps, 'acknowledge_receipt') === null &&
    view.receivedOn === null
  )
    return null;
  // A receipt with no hand-over between municipalities (the child arrived in the municipality it was assigned to).
  const receiptAlone = view.receivedOn !== null && !view.handovers.some((h) => h.current);
  return (
    <div className="subsection">
      {/* A child assigned where it arrived has no hand-over, only its receipt. */}
      <h3>
        {t(
          view.handovers.length === 0 && view.onCallPlacements.length === 0
            ? 'responsibility.receipt.section'
            : 'responsibility.handover.title',
        )}
      </h3>
      {receiptAlone && (
        <dl className="facts">
          <div>
            <dt>{t('responsibility.handover.acknowledgedOn')}</dt>
            <dd data-testid="received-on">{view.receivedOn}</dd>
          </div>
        </dl>
      )}
      {view.handovers.map((h) => (
        <div key={h.id} className="handover">
          <dl className="facts">
            <div>
              <dt>{t('responsibility.handover.fromTo')}</dt>
              <dd>
                {h.to === null
                  ? h.from.name
                  : t('responsibility.handover.fromToValue', { from: h.from.name, to: h.to.name })}
              </dd>
            </div>
            <div>
              <dt>{t('responsibility.handover.movedOn')}</dt>
              <dd>{h.movedOn ?? t('responsibility.handover.notYet')}</dd>
            </div>
            <div>
              <dt>{t('responsibility.handover.acknowledgedOn')}</dt>
              <dd>{h.acknowledgedOn ?? t('responsibility.handover.notYet')}</dd>
            </div>
            <div>
              <dt>{t('responsibility.handover.daysOfCare')}</dt>
              <dd data-testid="days-of-care">
                {tn('responsibility.handover.daysValue', h.daysOfCare.days, { until: h.daysOfCare.until })}{' '}
                <span className="hint">({codeText(t, 'responsibility.daysBasis', h.daysOfCare.basis)})</span>
              </dd>
            </div>
          </dl>
        </div>
      ))}
      {view.onCallPlacements.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('responsibility.onCall.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('responsibility.col.municipality')}</th>
                <th scope="col">{t('responsibility.onCall.provider')}</th>
                <th scope="col">{t('responsibility.col.from')}</th>
                <th scope="col">{t('responsibility.onCall.validUntil')}</th>
                <th scope="col">{t('responsibility.onCall.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.onCallPlacements.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.municipality.name}</th>
                  <td>{p.provider ?? '–'}</td>
                  <td className="nowrap">{p.from}</td>
                  <td className="nowrap">{p.validUntil ?? '–'}</td>
                  <td>
                    {p.holdsToday
                      ? t('responsibility.onCall.holds')
                      : p.to !== null
                        ? t('responsibility.onCall.endedOn', { date: p.to })
                        : t('responsibility.onCall.lapsed')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function TransfersPart({
  view,
  requested,
}: {
  readonly view: ResponsibilityView;
  /** The request just sent: once its row is shown, focus moves to the confirmation (the form itself goes away). */
  readonly requested: string | null;
}) {
  const { t, dateTime } = useI18n();
  const confirmation = useRef<HTMLParagraphElement>(null);
  const rowShown = requested !== null && view.transfers.some((r) => r.id === requested);
  useEffect(() => {
    if (rowShown) confirmation.current?.focus();
  }, [rowShown]);
  if (view.transfers.length === 0) return null;
  const languages = view.interpreter?.languages ?? [];
  return (
    <div className="subsection">
      <h3>{t('responsibility.transfer.title')}</h3>
      {rowShown && (
        <div className="notice notice--success">
          <p ref={confirmation} tabIndex={-1} data-testid="transfer-requested">
            {t('responsibility.transfer.requested')}
          </p>
        </div>
      )}
      {view.transfers.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('responsibility.transfer.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('responsibility.transfer.requestedAt')}</th>
                <th scope="col">{t('responsibility.transfer.fromTo')}</th>
                <th scope="col">{t('responsibility.transfer.requestedBy')}</th>
                <th scope="col">{t('responsibility.transfer.reason')}</th>
                <th scope="col">{t('responsibility.transfer.proposedFrom')}</th>
                <th scope="col">{t('responsibility.transfer.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.transfers.map((r) => (
                <tr key={r.id} className={r.id === requested ? 'row--new' : undefined}>
                  <th scope="row" className="nowrap">
                    {dateTime(r.requestedAt)}
                  </th>
                  <td>{t('responsibility.handover.fromToValue', { from: r.from.name, to: r.to.name })}</td>
                  <td>
                    {(r.requestedBy === 'from' ? r.from : r.to).name}, {r.requestedByName}
                  </td>
                  <td>{r.reason}</td>
                  <td className="nowrap">{r.proposedFrom}</td>
                  <td>
                    {codeText(t, 'responsibility.transferStatus', r.status)}
                    {r.answerNote !== null && ` – ${r.answerNote}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.transfers
        .filter((r) => r.mayAnswer)
        .map((r) => (
          <AnswerForm key={r.id} transfer={r} version={view.transfer.version} languages={languages} />
        ))}
      {view.transfers
        .filter((r) => r.mayWithdraw)
        .map((r) => (
          <p key={r.id}>
            <WithdrawButton transferId={r.id} version={view.transfer.version} />
          </p>
        ))}
    </div>
  );
}

export function Turning18Part({
  childId,
  view,
  turning18,
}: {
  readonly childId: string;
  readonly view: ResponsibilityView;
  readonly turning18: Turning18;
}) {
  const { t } = useI18n();
  const decision = turning18.decision;
  const interpreter = view.interpreter;
  return (
    <div className="subsection">
      <h3>{t('responsibility.turning18.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('responsibility.turning18.birthday')}</dt>
          <dd>
            {t('responsibility.turning18.birthdayValue', { date: turning18.birthday18, age: turning18.age })}
          </dd>
        </div>
        <div>
          <dt>{t('responsibility.turning18.noticeDue')}</dt>
          <dd>{turning18.noticeDue}</dd>
        </div>
        <div>
          <dt>{t('responsibility.turning18.decisionMade')}</dt>
          <dd>
            {decision === null
              ? t('responsibility.turning18.none')
              : decision.decision === 'continue'
                ? t('responsibility.turning18.continuedTo', {
                    until: decision.continuedUntil ?? turning18.birthday21,
                    on: decision.decidedOn,
                  })
                : t('responsibility.turning18.endsOn', {
                    birthday: turning18.birthday18,
                    on: decision.decidedOn,
                  })}
          </dd>
        </div>
        {decision?.decision === 'continue' && (
          <div>
            <dt>{t('responsibility.turning18.reported')}</dt>
            <dd>
              {decision.reportedOn === null
                ? t('responsibility.turning18.notReported')
                : t(
                    decision.reportedInTime === true
                      ? 'responsibility.turning18.reportedInTime'
                      : 'responsibility.turning18.reportedLate',
                    { on: decision.reportedOn },
                  )}
            </dd>
          </div>
        )}
        {interpreter !== null && (
          <div>
            <dt>{t('responsibility.interpreter')}</dt>
            <dd>
              {interpreter.languages.length > 0 ? interpreter.languages.join(', ') : '–'}
              {'; '}
              {interpreter.interpreterNeeded
                ? t('responsibility.interpreterNeeded')
                : t('responsibility.interpreterNotNeeded')}
            </dd>
          </div>
        )}
      </dl>
      {turning18.mayRecordReported && (
        <ReportedForm
          id="resp-18-reported"
          path={`/api/children/${encodeURIComponent(childId)}/turning-18/reported`}
          title="responsibility.turning18.reportTitle"
          label="responsibility.turning18.reportedOn"
          submit="responsibility.turning18.reportSubmit"
          done="responsibility.turning18.reportDone"
        />
      )}
    </div>
  );
}

export function ChangeReportsPart({ view }: { readonly view: ResponsibilityView }) {
  const { t } = useI18n();
  if (view.changeReports.length === 0) return null;
  return (
    <div className="subsection">
      <h3>{t('responsibility.reports.childTitle')}</h3>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption>{t('responsibility.reports.childCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('responsibility.reports.change')}</th>
              <th scope="col">{t('responsibility.col.municipality')}</th>
              <th scope="col">{t('responsibility.reports.changedOn')}</th>
              <th scope="col">{t('responsibility.reports.dueOn')}</th>
              <th scope="col">{t('responsibility.reports.reportedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {view.changeReports.map((r) => (
              <tr key={r.id} className={r.overdue ? 'row--overdue' : undefined}>
                <th scope="row">{codeText(t, 'responsibility.change', r.change)}</th>
                <td>{r.municipality.name}</td>
                <td className="nowrap">{r.changedOn}</td>
                <td className="nowrap">
                  {r.dueOn}
                  {r.overdue && (
                    <span className="tag tag--warning">{t('responsibility.reports.overdue')}</span>
                  )}
                </td>
                <td>
                  {r.reportedOn ??
                    (r.mayMarkReported ? (
                      <ReportedForm
                        compact
                        id={`resp-report-${r.id.slice(0, 8)}`}
                        path={`/api/change-reports/${encodeURIComponent(r.id)}/reported`}
                        title="responsibility.reports.markTitle"
                        label="responsibility.reports.reportedOn"
                        submit="responsibility.reports.mark"
                        done="responsibility.reports.marked"
                      />
                    ) : (
                      t('responsibility.reports.notReported')
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
