/**
 * The guardianship authority's appointment page for one child: the child's languages and interpreter need, the open
 * request, and the appointment form. After the appointment: what was done and the server's warnings.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { offered } from '../../api/case-steps.ts';
import { ApiError } from '../../api/client.ts';
import type { AppointmentWarning } from '../../api/guardianship-types.ts';
import { useGuardianship, useRegistry } from '../../api/guardianship-queries.ts';
import { useChild } from '../../api/queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { isMessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import { AppointGuardianForm } from '../child/AppointGuardianForm.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';

export function AppointPage({ childId }: { readonly childId: string }) {
  const { t, tn } = useI18n();
  const child = useChild(childId);
  const view = useGuardianship(childId);
  const registry = useRegistry();
  const [warnings, setWarnings] = useState<readonly AppointmentWarning[] | null>(null);
  if (
    (child.error instanceof ApiError && child.error.status === 404) ||
    (view.error instanceof ApiError && view.error.status === 404)
  )
    return <NotFoundPage />;
  const title = t('guardianship.appoint.title', { dossier: child.data?.dossierNumber ?? '' });
  const failed = child.error ?? view.error ?? registry.error;
  if (child.data === undefined || view.data === undefined || registry.data === undefined) {
    return <Page title={title}>{failed !== null ? <LoadError error={failed} /> : <Loading />}</Page>;
  }
  const v = view.data;
  const appoint = offered(v.steps, 'appoint_god_man');
  const reason = v.openRequest === null ? null : `guardianship.reason.${v.openRequest.reason}`;
  return (
    <Page title={title}>
      <section aria-labelledby="appoint-child-title" className="section">
        <h2 id="appoint-child-title">{t('guardianship.appoint.child')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('child.name')}</dt>
            <dd>
              <ChildName child={child.data} />
            </dd>
          </div>
          <div>
            <dt>{t('child.birthDate')}</dt>
            <dd>{child.data.birthDate}</dd>
          </div>
          <div>
            <dt>{t('child.municipality')}</dt>
            <dd>{child.data.responsibleMunicipality?.name ?? t('common.missing')}</dd>
          </div>
          <div>
            <dt>{t('guardianship.languages')}</dt>
            <dd>{v.languages.length > 0 ? v.languages.join(', ') : t('guardianship.unknown')}</dd>
          </div>
          <div>
            <dt>{t('guardianship.interpreter')}</dt>
            <dd>
              {v.interpreterNeeded === null
                ? t('guardianship.unknown')
                : v.interpreterNeeded
                  ? t('guardianship.yes')
                  : t('guardianship.no')}
            </dd>
          </div>
          {v.openRequest !== null && (
            <div>
              <dt>{t('guardianship.appoint.request')}</dt>
              <dd>
                {t('guardianship.openRequest', {
                  date: v.openRequest.requestedOn,
                  by: v.openRequest.requestedBy,
                })}{' '}
                {reason !== null && isMessageKey(reason) ? `${t(reason)}. ` : ''}
                {v.openRequest.dueOn !== null &&
                  t('guardianship.openRequestDue', { due: v.openRequest.dueOn })}
              </dd>
            </div>
          )}
        </dl>
      </section>
      <Announce>
        {warnings !== null && (
          <>
            <Success>
              <p>
                {v.godMan === null
                  ? t('guardianship.appoint.done')
                  : t('guardianship.appoint.doneNamed', {
                      name: v.godMan.name ?? t('guardianship.hidden'),
                      date: v.godMan.from,
                    })}
              </p>
            </Success>
            {warnings.map((w) => (
              <p key={w.code} className="notice notice--warning">
                {w.code === 'ward_limit_exceeded'
                  ? tn('guardianship.appoint.warning.ward_limit_exceeded', w.wards ?? 0, {
                      limit: w.limit ?? registry.data.policy.maxWardsPerGodMan,
                    })
                  : t(`guardianship.appoint.warning.${w.code}`)}
              </p>
            ))}
          </>
        )}
      </Announce>
      {warnings === null && appoint === null && (
        <p className="notice notice--warning">{t('guardianship.appoint.noRequest')}</p>
      )}
      {warnings === null && appoint !== null && (
        <AppointGuardianForm
          childId={childId}
          step={appoint}
          view={v}
          registry={registry.data}
          onAppointed={setWarnings}
        />
      )}
      <p>
        <Link to="/godman/begaran">{t('guardianship.appoint.back')}</Link>
        {' · '}
        <Link to="/barn/$childId" params={{ childId }}>
          {t('guardianship.appoint.toChild')}
        </Link>
      </p>
    </Page>
  );
}
