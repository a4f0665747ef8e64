/**
 * The child's page: the child's missing episodes, newest first — what was reported and when, the police report, the
 * routine that sets the clocks, each notification with its time limit and acknowledgement, the LVU assessment, when
 * and where the child was found, the return talk and how the episode ended. The server says which steps the caller
 * may take; the page offers exactly those.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SectionAccess } from '../../../domain/access/case-sections.ts';
import type { CaseStep } from '../../api/case-steps.ts';
import { useMissing } from '../../api/missing-queries.ts';
import type { Episode, EpisodeNotification, MissingAction, MissingView } from '../../api/missing-types.ts';
import type { ChildDetail } from '../../api/types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { SectionSteps, StepDone, useSectionSteps } from '../../components/SectionSteps.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import {
  AcknowledgeFormSchema,
  instantOf,
  type AcknowledgeFormOutput,
  type AcknowledgeFormValues,
} from '../../schemas-missing.ts';
import { stockholmLocal } from '../../../domain/stockholm-time.ts';
import { MeetingNotice } from '../placement/shared.tsx';
import {
  CloseForm,
  CompleteForm,
  EmergencyCareForm,
  FoundForm,
  LvuForm,
  MomentFields,
  MomentStepForm,
  PoliceReportForm,
  ReportForm,
  ReturnTalkForm,
  StrategyMeetingForm,
  useMissingPost,
} from './EpisodeForms.tsx';

const ENDING: readonly MissingAction[] = ['close_not_found', 'close_aged_out', 'close_left_country'];

export function MissingSection({
  child,
  access = 'read',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = useMissing(child.id);
  const steps = useSectionSteps<MissingAction>();
  return (
    <section aria-labelledby="missing-title" className="section missing-section">
      <h2 id="missing-title">{t('missing.title')}</h2>
      <p className="hint">{t('missing.intro')}</p>
      {view.isPending && <Loading />}
      {view.isError && <LoadError error={view.error} />}
      <StepDone message={steps.done} />
      {view.data !== undefined && (
        <>
          <MeetingNotice facts={view.data.child} context="missing" />
          {access === 'write' && view.data.steps.length > 0 && (
            <SectionSteps
              steps={view.data.steps as CaseStep<MissingAction>[]}
              state={steps}
              id="missing-report"
              label={t('missing.actions')}
              text={(a) => t(`missing.action.${a}`)}
              secondary={() => false}
              form={(step, onDone) => <ReportForm childId={child.id} step={step} onDone={onDone} />}
            />
          )}
          {view.data.episodes.length === 0 && <p>{t('missing.none')}</p>}
          {view.data.episodes.map((episode) => (
            <EpisodeView key={episode.id} childId={child.id} view={view.data} episode={episode} />
          ))}
        </>
      )}
    </section>
  );
}

function EpisodeView({
  childId,
  view,
  episode,
}: {
  readonly childId: string;
  readonly view: MissingView;
  readonly episode: Episode;
}) {
  const { t, dateTime } = useI18n();
  const steps = useSectionSteps<MissingAction>();
  const titleId = `missing-episode-${episode.id}`;
  return (
    <article className="card missing-episode" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('missing.episode', { date: dateTime(episode.reportedAt) })}</h3>
      <StepDone message={steps.done} />
      <dl className="facts">
        <div>
          <dt>{t('missing.state')}</dt>
          <dd>
            <strong>{t(`missing.state.${episode.state}` as MessageKey)}</strong>
            {episode.linkedToId !== null && <> ({t('missing.episodeLinked')})</>}
          </dd>
        </div>
        <div>
          <dt>{t('missing.field.kind')}</dt>
          <dd>{t(`missing.kind.${episode.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('missing.lastSeen')}</dt>
          <dd>
            {t('missing.lastSeenValue', {
              at: dateTime(episode.lastSeenAt),
              place: episode.lastSeenPlace ?? t('missing.placeHidden'),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('missing.municipality')}</dt>
          <dd>{episode.municipality.name}</dd>
        </div>
        {episode.policeReference !== null && episode.policeReportedAt !== null && (
          <>
            <div>
              <dt>{t('missing.police')}</dt>
              <dd>
                {t('missing.policeValue', {
                  reference: episode.policeReference,
                  at: dateTime(episode.policeReportedAt),
                })}
              </dd>
            </div>
          </>
        )}
        {episode.earliestClosureOn !== null && episode.closedOn === null && (
          <>
            <div>
              <dt>{t('missing.earliestClosure')}</dt>
              <dd>{episode.earliestClosureOn}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('missing.routine')}</dt>
          <dd>
            {episode.routine.reference === '' ? t('missing.routine.default') : episode.routine.reference}
            {episode.routine.policyReference !== null && (
              <> {t('missing.routine.policy', { reference: episode.routine.policyReference })}</>
            )}
          </dd>
        </div>
        {episode.lvuAssessment !== null && (
          <>
            <div>
              <dt>{t('missing.lvu')}</dt>
              <dd>
                {t(`missing.lvu.outcome.${episode.lvuAssessment.outcome}`)}
                {episode.lvuAssessment.grounds.length > 0 && (
                  <> – {episode.lvuAssessment.grounds.map((g) => t(`missing.lvu.ground.${g}`)).join(', ')}</>
                )}
                <br />
                {episode.lvuAssessment.concreteFacts}
              </dd>
            </div>
          </>
        )}
        {episode.foundAt !== null && episode.found !== null && (
          <>
            <div>
              <dt>{t('missing.found')}</dt>
              <dd>
                {t('missing.foundValue', {
                  at: dateTime(episode.foundAt),
                  place: episode.found.place ?? t('missing.placeHidden'),
                  by: episode.found.foundBy,
                })}
                . {t(`missing.condition.${episode.found.condition}`)}
                {episode.found.harm !== null && <>: {episode.found.harm}</>}
                {episode.found.crimeSuspected && episode.found.crimeReportReference !== null && (
                  <>
                    <br />
                    {t('missing.crimeSuspected', { reference: episode.found.crimeReportReference })}
                  </>
                )}
              </dd>
            </div>
          </>
        )}
        {episode.returnTalkDueAt !== null && episode.returnTalk === null && (
          <>
            <div>
              <dt>{t('missing.returnTalkDue')}</dt>
              <dd>{dateTime(episode.returnTalkDueAt)}</dd>
            </div>
          </>
        )}
        {episode.returnTalk !== null && (
          <>
            <div>
              <dt>{t('missing.returnTalk')}</dt>
              <dd>
                {t(`missing.talk.${episode.returnTalk.outcome}`)}, {dateTime(episode.returnTalk.at)}
                {episode.returnTalk.participants.length > 0 && (
                  <> – {episode.returnTalk.participants.join(', ')}</>
                )}
                {episode.returnTalk.childsAccount !== null && (
                  <>
                    <br />
                    {t('missing.field.childsAccount')}: {episode.returnTalk.childsAccount}
                  </>
                )}
                {episode.returnTalk.childsViews !== null && (
                  <>
                    <br />
                    {t('missing.field.childsViews')}: {episode.returnTalk.childsViews}
                  </>
                )}
                {episode.returnTalk.actions !== null && (
                  <>
                    <br />
                    {t('missing.field.actions')}: {episode.returnTalk.actions}
                  </>
                )}
                {episode.returnTalk.notHeldReason !== null && (
                  <>
                    <br />
                    {episode.returnTalk.notHeldReason}
                  </>
                )}
              </dd>
            </div>
          </>
        )}
        {episode.completion !== null && (
          <>
            <div>
              <dt>{t('missing.field.placementReview')}</dt>
              <dd>
                {t(`missing.review.${episode.completion.placementReview}`)}
                {episode.completion.note !== null && <>: {episode.completion.note}</>}
              </dd>
            </div>
          </>
        )}
        {episode.closedOn !== null && episode.closureReason !== null && (
          <>
            <div>
              <dt>{t('missing.closure')}</dt>
              <dd>
                {episode.closedOn}: {episode.closureReason}
              </dd>
            </div>
          </>
        )}
      </dl>
      {episode.strategyMeetingDue && <StrategyMeeting episode={episode} />}
      {episode.emergencyCare.map((care) => (
        <EmergencyCareView key={care.id} care={care} />
      ))}
      {episode.notifications.length > 0 && (
        <Notifications childId={childId} episode={episode} onDone={steps.finish} />
      )}
      {episode.steps.length > 0 && (
        <SectionSteps
          steps={episode.steps as CaseStep<MissingAction>[]}
          state={steps}
          id={`missing-steps-${episode.id}`}
          label={t('missing.actions')}
          text={(a) => t(`missing.action.${a}`)}
          secondary={(a) => ENDING.includes(a)}
          form={(step, onDone) => {
            const props = { childId, step, episode, onDone };
            switch (step.action) {
              case 'police_report':
                return <PoliceReportForm {...props} />;
              case 'lvu':
                return <LvuForm {...props} />;
              case 'found':
              case 'found_after_closure':
                return <FoundForm {...props} />;
              case 'return_talk':
                return <ReturnTalkForm {...props} languages={view.child.languages} />;
              case 'complete':
                return <CompleteForm {...props} />;
              case 'close_not_found':
              case 'close_aged_out':
              case 'close_left_country':
                return <CloseForm {...props} languages={view.child.languages} />;
              case 'emergency_care':
                return <EmergencyCareForm {...props} />;
              case 'strategy_meeting':
                return <StrategyMeetingForm {...props} />;
              case 'return':
              case 'follow_up':
              case 'review':
              case 'report':
                return <MomentStepForm {...props} />;
            }
          }}
        />
      )}
      {episode.events.length > 0 && (
        <details className="missing-history">
          <summary>{t('missing.history')}</summary>
          <ol className="plain-list">
            {episode.events.map((e) => (
              <li key={`${e.event}-${e.occurredAt}`}>
                {dateTime(e.occurredAt)}: {t(`missing.event.${e.event}` as MessageKey)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

/** D13: the strategy meeting the repeat rule called — due on the worklist until it is recorded, then what was decided. */
function StrategyMeeting({ episode }: { readonly episode: Episode }) {
  const { t } = useI18n();
  const meeting = episode.strategyMeeting;
  if (meeting === null)
    return (
      <div className="notice notice--warning">
        <p>
          {t('missing.strategyMeeting')}{' '}
          {episode.strategyMeetingDueOn !== null &&
            t('missing.strategyMeetingDue', { date: episode.strategyMeetingDueOn })}
        </p>
      </div>
    );
  const titleId = `missing-meeting-${episode.id}`;
  return (
    <section className="missing-strategy-meeting" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('missing.strategyMeetingHeld', { date: meeting.heldOn })}</h4>
      <dl className="facts">
        <div>
          <dt>{t('missing.meeting.participants')}</dt>
          <dd>{meeting.participants.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('missing.field.decisions')}</dt>
          <dd>{meeting.decisions}</dd>
        </div>
        <div>
          <dt>{t('missing.field.carePlanReviewed')}</dt>
          <dd>{t(meeting.carePlanReviewed ? 'common.yes' : 'common.no')}</dd>
        </div>
      </dl>
    </section>
  );
}

/** D-R1: the emergency care another municipality gives the child, with whom to call there. */
function EmergencyCareView({ care }: { readonly care: Episode['emergencyCare'][number] }) {
  const { t, dateTime } = useI18n();
  const titleId = `missing-care-${care.id}`;
  return (
    <section className="missing-emergency-care" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('missing.emergencyCare.title', { municipality: care.municipality.name })}</h4>
      <dl className="facts">
        <div>
          <dt>{t('missing.emergencyCare.period')}</dt>
          <dd>
            {care.endedAt === null
              ? t('missing.emergencyCare.since', { from: dateTime(care.startedAt) })
              : t('missing.emergencyCare.between', {
                  from: dateTime(care.startedAt),
                  to: dateTime(care.endedAt),
                })}
          </dd>
        </div>
        <div>
          <dt>{t('missing.field.carePlace')}</dt>
          <dd>{care.place ?? t('missing.placeHidden')}</dd>
        </div>
        <div>
          <dt>{t('missing.field.care')}</dt>
          <dd>
            {t(`missing.care.${care.care}`)}
            <br />
            {care.description}
          </dd>
        </div>
        <div>
          <dt>{t('missing.emergencyCare.contact')}</dt>
          <dd>
            {care.contactName}, {care.contactPhone}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Notifications({
  childId,
  episode,
  onDone,
}: {
  readonly childId: string;
  readonly episode: Episode;
  readonly onDone: (message: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const [open, setOpen] = useState<{ id: string; kind: 'sent' | 'acknowledged' } | null>(null);
  const current = episode.notifications.find((n) => n.id === open?.id);
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('missing.notifications')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('missing.col.recipient')}</th>
              <th scope="col">{t('missing.col.due')}</th>
              <th scope="col">{t('missing.col.sent')}</th>
              <th scope="col">{t('missing.col.acknowledged')}</th>
              <th scope="col">{t('missing.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {episode.notifications.map((n) => (
              <tr key={n.id}>
                <th scope="row">{t(`missing.recipient.${n.recipient}`)}</th>
                {n.notApplicable !== null ? (
                  <td colSpan={3}>{t(`missing.notApplicable.${n.notApplicable}`)}</td>
                ) : (
                  <>
                    <td className="nowrap">{dateTime(n.dueAt)}</td>
                    <td>
                      {n.sentAt === null ? (
                        <span className={n.overdue ? 'tag tag--danger' : 'tag'}>
                          {n.overdue ? t('missing.overdue') : t('missing.notSent')}
                        </span>
                      ) : (
                        dateTime(n.sentAt)
                      )}
                    </td>
                    <td>
                      {n.acknowledgedAt === null ? (
                        n.escalated ? (
                          <span className="tag tag--danger">{t('missing.escalated')}</span>
                        ) : (
                          '–'
                        )
                      ) : (
                        <>
                          {dateTime(n.acknowledgedAt)}
                          {n.acknowledgedBy !== null && <> ({n.acknowledgedBy})</>}
                        </>
                      )}
                    </td>
                  </>
                )}
                <td>
                  <NotificationButtons
                    n={n}
                    open={open}
                    controls={`missing-notification-${episode.id}`}
                    onToggle={setOpen}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={`missing-notification-${episode.id}`}>
        {current !== undefined && open !== null && (
          <NotificationForm
            key={`${current.id}-${open.kind}`}
            childId={childId}
            episode={episode}
            notification={current}
            kind={open.kind}
            onDone={(message) => {
              setOpen(null);
              onDone(message);
            }}
          />
        )}
      </div>
    </>
  );
}

function NotificationButtons({
  n,
  open,
  controls,
  onToggle,
}: {
  readonly n: EpisodeNotification;
  readonly open: { id: string; kind: 'sent' | 'acknowledged' } | null;
  readonly controls: string;
  readonly onToggle: (next: { id: string; kind: 'sent' | 'acknowledged' } | null) => void;
}) {
  const { t } = useI18n();
  const recipient = t(`missing.recipient.${n.recipient}`);
  const button = (kind: 'sent' | 'acknowledged', label: string) => {
    const expanded = open?.id === n.id && open.kind === kind;
    return (
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={expanded}
        aria-controls={controls}
        aria-label={`${label}: ${recipient}`}
        onClick={() => onToggle(expanded ? null : { id: n.id, kind })}
      >
        {label}
      </button>
    );
  };
  return (
    <div className="actions">
      {n.maySend && button('sent', t('missing.markSent'))}
      {n.mayAcknowledge &&
        button(
          'acknowledged',
          n.ownAcknowledgement ? t('missing.acknowledgeOwn') : t('missing.markAcknowledged'),
        )}
    </div>
  );
}

function NotificationForm({
  childId,
  episode,
  notification,
  kind,
  onDone,
}: {
  readonly childId: string;
  readonly episode: Episode;
  readonly notification: EpisodeNotification;
  readonly kind: 'sent' | 'acknowledged';
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const local = stockholmLocal(new Date());
  const askWho = kind === 'acknowledged' && !notification.ownAcknowledgement;
  const form = useForm<AcknowledgeFormValues, unknown, AcknowledgeFormOutput>({
    resolver: zodResolver(AcknowledgeFormSchema),
    shouldFocusError: false,
    defaultValues: { date: local.slice(0, 10), time: local.slice(11, 16), by: '' },
  });
  const feedback = useFormFeedback(form.setError, ['date', 'time', 'by'], (name) =>
    name === 'sentAt' || name === 'acknowledgedAt' ? 'date' : name,
  );
  const send = useMissingPost(
    childId,
    () => onDone(t(kind === 'sent' ? 'missing.done.sent' : 'missing.done.acknowledged')),
    feedback.onServerError,
  );
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    if (askWho && v.by.trim() === '') {
      form.setError('by', { type: 'required', message: 'required' });
      feedback.onInvalid();
      return;
    }
    const at = instantOf(v.date, v.time);
    send.mutate({
      path: `/api/children/${encodeURIComponent(childId)}/missing/${episode.id}/notifications/${notification.id}/${kind}`,
      body: kind === 'sent' ? { sentAt: at } : { acknowledgedAt: at, by: v.by },
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const titleId = `missing-notification-title-${notification.id}`;
  const label: MessageKey = kind === 'sent' ? 'missing.field.sentAt' : 'missing.field.acknowledgedAt';
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {kind === 'sent' ? t('missing.markSent') : t('missing.markAcknowledged')}:{' '}
        {t(`missing.recipient.${notification.recipient}`)}
      </h4>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'date', id: 'missing-notification-date', label },
          { name: 'time', id: 'missing-notification-time', label },
          { name: 'by', id: 'missing-notification-by', label: 'missing.field.acknowledgedBy' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      <MomentFields
        idPrefix="missing-notification"
        label={label}
        date={{ registration: form.register('date'), error: errors.date }}
        time={{ registration: form.register('time'), error: errors.time }}
      />
      {askWho && (
        <TextField
          id="missing-notification-by"
          label={t('missing.field.acknowledgedBy')}
          error={fieldErrorText(t, errors.by)}
          registration={form.register('by')}
        />
      )}
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('missing.submit')}
      </button>
    </form>
  );
}
