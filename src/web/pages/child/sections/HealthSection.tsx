/**
 * The child's page: the region's health examination — offered, done or declined with the dates, and the referrals
 * made (where to and when, never why). Seen only by the region's health staff, who record it, and the child's
 * assigned social workers. The child's languages and interpreter need come first: someone is about to meet the child.
 */
import { useState } from 'react';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { childPath, healthKey, useHealth } from '../../../api/placement-queries.ts';
import type { HealthView } from '../../../api/placement-types.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { Announce, LoadError, Loading, Success } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { DateStepForm } from '../../placement/DateStepForm.tsx';
import { ReferralForm } from '../../placement/ReferralForm.tsx';
import { MeetingNotice } from '../../placement/shared.tsx';

type Action = 'offer' | 'done' | 'declined' | 'referral';

const ACTIONS: Readonly<Record<HealthView['state'], readonly Action[]>> = {
  not_offered: ['offer'],
  offered: ['done', 'declined'],
  done: ['referral'],
  declined: ['offer'],
};
const FIELD: Readonly<Record<Exclude<Action, 'referral'>, string>> = {
  offer: 'offeredOn',
  done: 'doneOn',
  declined: 'declinedOn',
};

export function HealthSection({
  child,
  access = 'read',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
}) {
  const { t } = useI18n();
  const view = useHealth(child.id);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setAction(null);
    setDone(message);
  };
  return (
    <section aria-labelledby="health-title" className="section health-section">
      <h2 id="health-title">{t('health.title')}</h2>
      <p className="hint">{t('health.intro')}</p>
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
          <MeetingNotice facts={view.data.child} context="health" />
          <p>
            <strong>{t('health.status')}:</strong> {t(`health.state.${view.data.state}`)}
          </p>
          <Examinations view={view.data} />
          {access === 'write' && (
            <>
              <div className="actions" role="group" aria-label={t('health.actions')}>
                {ACTIONS[view.data.state].map((a) => (
                  <button
                    key={a}
                    type="button"
                    className={a === 'declined' ? 'button button--secondary' : 'button button--primary'}
                    aria-expanded={action === a}
                    aria-controls="health-action"
                    onClick={() => {
                      setDone(null);
                      setAction(action === a ? null : a);
                    }}
                  >
                    {t(`health.action.${a}`)}
                  </button>
                ))}
              </div>
              <div id="health-action">
                {action !== null && ACTIONS[view.data.state].includes(action) && (
                  <div className="card placement-action">
                    {action === 'referral' ? (
                      <ReferralForm childId={child.id} view={view.data} onDone={finish} />
                    ) : (
                      <DateStepForm
                        idPrefix={`health-${action}`}
                        childId={child.id}
                        path={childPath(`health/${action}`, child.id)}
                        field={FIELD[action]}
                        version={view.data.version}
                        queryKey={healthKey(child.id)}
                        title={`health.action.${action}`}
                        label={`health.field.${action}`}
                        submit={`health.submit.${action}`}
                        done={`health.done.${action}`}
                        onDone={finish}
                      />
                    )}
                  </div>
                )}
              </div>
            </>
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
