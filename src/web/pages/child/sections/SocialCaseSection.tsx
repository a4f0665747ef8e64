/**
 * The child's page: social services' case. The current state, the dates of each step (with the reason when the
 * investigation was extended), the open deadlines with their rule and legal source, the assigned social workers and
 * who covers for them, the step forms the role may use now, and the case's events.
 */
import type { SocialCaseStep } from '../../../../domain/social-case/codes.ts';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { useSocialCase } from '../../../api/casework-queries.ts';
import type { SocialCase } from '../../../api/casework-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { LoadError, Loading } from '../../../components/Status.tsx';
import type { MessageKey } from '../../../i18n.ts';
import { useI18n } from '../../../language.tsx';
import { AssignWorkersForm } from '../../casework/AssignWorkersForm.tsx';
import { StepForm } from '../../casework/StepForm.tsx';
import { deadlineSource, deadlineTitle, stepFindingText } from '../../worklist/labels.ts';

const STEP_DATES = [
  'reportReceivedOn',
  'protectionAssessedOn',
  'preliminaryDecidedOn',
  'investigationOpenedOn',
  'investigationExtendedTo',
  'interventionsDecidedOn',
  'carePlanOn',
  'implementationPlanOn',
  'lastReviewOn',
  'closedOn',
] as const;

export function SocialCaseSection({
  child,
  access,
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const query = useSocialCase(child.id);
  return (
    <section aria-labelledby="social-case-title" className="section">
      <h2 id="social-case-title">{t('casework.title')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} />}
      {query.data !== undefined && (
        <SocialCaseView childId={child.id} data={query.data} mayWrite={access === 'write'} />
      )}
    </section>
  );
}

function SocialCaseView({
  childId,
  data,
  mayWrite,
}: {
  readonly childId: string;
  readonly data: SocialCase;
  readonly mayWrite: boolean;
}) {
  const { t } = useI18n();
  const dates = STEP_DATES.filter((key) => data[key] !== null);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('casework.status')}</dt>
          <dd>
            <span className={data.open ? 'tag tag--kind' : 'tag'}>{t(`casework.state.${data.state}`)}</span>
          </dd>
        </div>
        {data.municipality !== null && (
          <div>
            <dt>{t('casework.municipality')}</dt>
            <dd>{data.municipality.name}</dd>
          </div>
        )}
        {data.protectionOutcome !== null && (
          <div>
            <dt>{t('casework.field.protectionOutcome')}</dt>
            <dd>{t(`casework.protection.${data.protectionOutcome as 'no_immediate_need'}`)}</dd>
          </div>
        )}
      </dl>
      {data.state === 'none' && <p>{t('casework.noCase')}</p>}
      {data.interpreter !== null && data.interpreter.languages.length > 0 && (
        <p className="notice notice--info">
          {t(data.interpreter.needed ? 'casework.interpreter' : 'casework.interpreterNotNeeded', {
            languages: data.interpreter.languages.join(', '),
          })}
        </p>
      )}
      {dates.length > 0 && (
        <>
          <h3>{t('casework.steps')}</h3>
          <dl className="facts">
            {dates.map((key) => (
              <div key={key}>
                <dt>{t(`casework.field.${key}`)}</dt>
                <dd>{data[key]}</dd>
              </div>
            ))}
            {data.investigationExtensionReason !== null && (
              <div>
                <dt>{t('casework.field.investigationExtensionReason')}</dt>
                <dd>{data.investigationExtensionReason}</dd>
              </div>
            )}
          </dl>
        </>
      )}
      <Deadlines data={data} />
      <Workers data={data} />
      {mayWrite && data.mayAssign && (
        <AssignWorkersForm key={data.version} childId={childId} socialCase={data} />
      )}
      {mayWrite && data.steps.length > 0 && <StepForm childId={childId} socialCase={data} />}
      <History data={data} />
    </>
  );
}

function Deadlines({ data }: { readonly data: SocialCase }) {
  const { t } = useI18n();
  if (!data.open) return null;
  return (
    <>
      <h3>{t('casework.deadlines')}</h3>
      {data.deadlines.length === 0 ? (
        <p>{t('casework.deadlines.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('casework.deadlines.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.deadlines.rule')}</th>
                <th scope="col">{t('casework.deadlines.due')}</th>
                <th scope="col">{t('casework.deadlines.source')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deadlines.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {deadlineTitle(t, d.rule)}
                    {d.extendedReason !== null && (
                      <p className="hint">{t('casework.deadlines.extended', { reason: d.extendedReason })}</p>
                    )}
                  </th>
                  <td className="nowrap">
                    {d.dueOn}{' '}
                    {d.overdue && <span className="tag tag--danger">{t('casework.deadlines.overdue')}</span>}
                  </td>
                  <td>{deadlineSource(t, d.rule)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Workers({ data }: { readonly data: SocialCase }) {
  const { t } = useI18n();
  if (data.state === 'none') return null;
  return (
    <>
      <h3>{t('casework.workers')}</h3>
      {data.workers.length === 0 ? (
        <p>{t('casework.workers.none')}</p>
      ) : (
        <ul className="plain-list">
          {data.workers.map((w) => (
            <li key={w.id}>
              {t('casework.workers.since', {
                name: w.name,
                role: t(`casework.workers.role.${w.role}`),
                date: w.fromDate,
              })}
              {w.substitute !== null && (
                <p className="hint">
                  {t('casework.workers.substitute', { name: w.substitute.name, date: w.substitute.toDate })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function History({ data }: { readonly data: SocialCase }) {
  const { t } = useI18n();
  if (data.history.length === 0) return null;
  return (
    <>
      <h3>{t('casework.history')}</h3>
      <ol className="journal">
        {data.history.map((e) => (
          <li key={e.id} className="journal__entry">
            <p className="journal__meta">
              {t('casework.history.by', {
                date: e.occurredOn,
                actor: e.actor ?? t('casework.history.system'),
              })}
            </p>
            <p className="journal__body">
              {[
                t(`casework.step.${e.event as SocialCaseStep | 'hand_over_case'}` as MessageKey),
                stepFindingText(t, 'social_case', e.event, e.details),
              ]
                .filter((x) => x !== null)
                .join(' – ')}
              {e.bestInterestsId !== null && (
                <span className="tag tag--ok"> {t('casework.history.bestInterests')}</span>
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
