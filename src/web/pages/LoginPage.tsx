/**
 * Login: the organisation's identity provider (OIDC) when configured; otherwise, in development only, a list of
 * demo users. The server decides which exists (GET /api/auth/options); the dev list is never shown with OIDC.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { ApiError, apiPost } from '../api/client.ts';
import { resetForNewSession, useAuthOptions, useDevUsers, useSession } from '../api/queries.ts';
import type { DevUser } from '../api/types.ts';
import { Page } from '../components/Page.tsx';
import { Announce, LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment } from '../permissions.ts';

export const LOGIN_REASONS = ['logged_out', 'logged_out_everywhere', 'expired'] as const;
/** Codes the server's OIDC callback sends back in `/login?error=` (src/access/oidc.ts). */
export const OIDC_LOGIN_ERRORS = [
  'invalid_state',
  'idp_error',
  'idp_unavailable',
  'exchange_failed',
  'unknown_user',
] as const;
export interface LoginSearch {
  readonly reason?: (typeof LOGIN_REASONS)[number];
  readonly error?: (typeof OIDC_LOGIN_ERRORS)[number];
}

function DevUserCard({
  user,
  onLogin,
  busy,
}: {
  readonly user: DevUser;
  readonly onLogin: (id: string) => void;
  readonly busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <li className="card dev-user">
      <button
        type="button"
        className="button button--secondary dev-user__button"
        onClick={() => onLogin(user.id)}
        disabled={busy}
      >
        {t('login.devAs', { name: user.displayName })}
      </button>
      <ul className="dev-user__roles">
        {user.roles.map((r) => (
          <li key={`${r.role}-${r.organisationName}`}>
            <strong>{t(`role.${r.role}`)}</strong>, {r.organisationName}
          </li>
        ))}
      </ul>
    </li>
  );
}

function DevLogin() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const users = useDevUsers(true);
  const login = useMutation({
    mutationFn: (userId: string) => apiPost<{ ok: true }>('/api/auth/dev-login', { userId }),
    onSuccess: () => resetForNewSession(queryClient),
  });
  const failure =
    login.error instanceof ApiError && login.error.status === 429
      ? t('login.rateLimited')
      : t('login.failed');
  return (
    <section aria-labelledby="dev-login-title" className="section">
      <h2 id="dev-login-title">{t('login.devTitle')}</h2>
      <p>{t('login.devIntro')}</p>
      {login.isError && (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {users.isPending && <Loading />}
      {users.isError && <LoadError error={users.error} />}
      {users.data !== undefined && (
        <ul className="dev-users" aria-label={t('login.devUsers')}>
          {users.data.map((user) => (
            <DevUserCard
              key={user.id}
              user={user}
              onLogin={(id) => login.mutate(id)}
              busy={login.isPending}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export function LoginPage({
  reason,
  error,
}: {
  readonly reason: LoginSearch['reason'];
  readonly error: LoginSearch['error'];
}) {
  const { t } = useI18n();
  const session = useSession();
  const options = useAuthOptions();
  if (session.data != null) {
    return <Navigate to={activeAssignment(session.data) === null ? '/valj-roll' : '/'} replace />;
  }
  return (
    <Page title={t('login.title')}>
      <Announce>
        {reason !== undefined && (
          <div className="notice notice--info">
            <p>{t(`login.${reason}`)}</p>
          </div>
        )}
      </Announce>
      {error !== undefined && (
        <div className="notice notice--error" role="alert">
          <p>{t(`login.error.${error}`)}</p>
        </div>
      )}
      <p className="lead">{t('login.intro')}</p>
      {options.isPending && <Loading />}
      {options.isError && <LoadError error={options.error} />}
      {options.data?.oidc === true && (
        <div className="section">
          <a
            className="button button--primary button--large"
            href="/api/auth/oidc/start"
            data-testid="oidc-login"
          >
            {t('login.oidc')}
          </a>
          <p className="hint">{t('login.oidcHint')}</p>
        </div>
      )}
      {options.data?.devLogin === true && options.data.oidc === false && <DevLogin />}
      {options.data?.devLogin === false && options.data.oidc === false && (
        <div className="notice notice--error" role="alert">
          <p>{t('login.none')}</p>
        </div>
      )}
    </Page>
  );
}
