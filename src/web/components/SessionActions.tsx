/** Logout and logout everywhere. Both forget every cached answer and return to the login page with a message. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { apiPost } from '../api/client.ts';
import { resetForNewSession } from '../api/queries.ts';
import { useI18n } from '../language.tsx';

type Kind = 'logged_out' | 'logged_out_everywhere';

export function SessionActions() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: (kind: Kind) =>
      apiPost<{ ok: true }>(kind === 'logged_out' ? '/api/auth/logout' : '/api/auth/logout-everywhere').then(
        () => kind,
      ),
    onSuccess: async (kind) => {
      queryClient.clear();
      await resetForNewSession(queryClient);
      await navigate({ to: '/login', search: { reason: kind } });
    },
  });
  return (
    <div className="session-actions">
      <button
        type="button"
        className="button button--header"
        onClick={() => logout.mutate('logged_out')}
        disabled={logout.isPending}
      >
        {t('shell.logout')}
      </button>
      <button
        type="button"
        className="button button--header"
        onClick={() => logout.mutate('logged_out_everywhere')}
        disabled={logout.isPending}
      >
        {t('shell.logoutEverywhere')}
      </button>
      {logout.isError && (
        <p role="alert" className="header-error">
          {t('shell.logoutFailed')}
        </p>
      )}
    </div>
  );
}
