/** After login, or from the header: choose the organisation and role to work in now. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { apiPost } from '../api/client.ts';
import { resetForNewSession, useSession } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';

export function ChooseRolePage() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const choose = useMutation({
    mutationFn: (assignmentId: string) => apiPost<{ ok: true }>('/api/session/active-role', { assignmentId }),
    onSuccess: async () => {
      await resetForNewSession(queryClient);
      await navigate({ to: '/' });
    },
  });
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (session.isPending || session.isError)
    return (
      <Page title={t('chooseRole.title')}>
        {session.isError ? <LoadError error={session.error} /> : <Loading />}
      </Page>
    );
  if (session.data === null) return <Navigate to="/login" replace />;
  const { assignments, activeAssignmentId } = session.data;
  return (
    <Page title={t('chooseRole.title')}>
      <p className="lead">{t('chooseRole.intro')}</p>
      {choose.isError && (
        <div className="notice notice--error" role="alert">
          <p>{t('chooseRole.failed')}</p>
        </div>
      )}
      {assignments.length === 0 ? (
        <p>{t('chooseRole.noRoles')}</p>
      ) : (
        <ul className="role-choices">
          {assignments.map((a) => (
            <li key={a.id} className="card role-choice">
              <p className="role-choice__org">{a.organisationName}</p>
              <p className="role-choice__role">
                {t(`role.${a.role}`)}
                {a.id === activeAssignmentId && <span className="tag">{t('chooseRole.current')}</span>}
              </p>
              {a.protectedIdentityClearance && <p className="hint">{t('chooseRole.clearance')}</p>}
              <button
                type="button"
                className="button button--primary"
                disabled={choose.isPending}
                onClick={() => choose.mutate(a.id)}
              >
                {t('chooseRole.choose', { role: t(`role.${a.role}`), organisation: a.organisationName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
