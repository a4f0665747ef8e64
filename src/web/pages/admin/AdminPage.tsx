/**
 * Administration of the users and roles in the administrator's own organisation, and for a municipality the staff of
 * the placement providers in its register. No child data here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiDelete } from '../../api/client.ts';
import { useAdminUsers } from '../../api/queries.ts';
import type { AdminUsers } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { apiErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { GrantRoleForm } from './GrantRoleForm.tsx';

type Member = AdminUsers['users'][number];
type Held = Member['roles'][number];

function RoleItem({
  member,
  held,
  onRevoke,
  busy,
}: {
  readonly member: Member;
  readonly held: Held;
  readonly onRevoke: () => void;
  readonly busy: boolean;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const role = t(`role.${held.role}`);
  return (
    <li className="role-item">
      <span>
        {role}
        {held.protectedIdentityClearance && <span className="tag">{t('admin.clearance')}</span>}
      </span>
      {confirming ? (
        <span className="role-item__confirm">
          <button
            type="button"
            className="button button--danger button--small"
            disabled={busy}
            onClick={onRevoke}
            aria-label={t('admin.confirmRevoke', { role, name: member.displayName })}
          >
            {t('admin.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setConfirming(true)}
          aria-label={t('admin.revokeLabel', { role, name: member.displayName })}
        >
          {t('admin.revoke')}
        </button>
      )}
    </li>
  );
}

function UsersTable({
  caption,
  members,
  revoke,
}: {
  readonly caption: string;
  readonly members: readonly Member[];
  readonly revoke: { readonly isPending: boolean; readonly mutate: (assignmentId: string) => void };
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.col.name')}</th>
            <th scope="col">{t('admin.col.email')}</th>
            <th scope="col">{t('admin.col.subject')}</th>
            <th scope="col">{t('admin.col.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">{member.displayName}</th>
              <td>{member.email ?? t('common.missing')}</td>
              <td className="mono">{member.subject}</td>
              <td>
                <ul className="role-items">
                  {member.roles.map((held) => (
                    <RoleItem
                      key={held.assignmentId}
                      member={member}
                      held={held}
                      busy={revoke.isPending}
                      onRevoke={() => revoke.mutate(held.assignmentId)}
                    />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The organisation's users, then (for a municipality) the staff of each provider in its register. */
function Members({ data }: { readonly data: AdminUsers }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (assignmentId: string) =>
      apiDelete<{ ok: true }>(`/api/admin/role-assignments/${encodeURIComponent(assignmentId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin-users'] }),
  });
  return (
    <>
      <Announce>
        {revoke.isSuccess && (
          <Success>
            <p>{t('admin.revoked')}</p>
          </Success>
        )}
        {revoke.isError && (
          <div className="notice notice--error">
            <p>{apiErrorText(t, revoke.error)}</p>
          </div>
        )}
      </Announce>
      <UsersTable
        caption={t('admin.usersCaption', { organisation: data.organisation.name })}
        members={data.users}
        revoke={revoke}
      />
      {data.providers.length > 0 && (
        <section aria-labelledby="provider-staff-title" className="section">
          <h2 id="provider-staff-title">{t('admin.providerStaffTitle')}</h2>
          <p>{t('admin.providerStaffIntro')}</p>
          {data.providers.map((p) =>
            p.users.length === 0 ? (
              <p key={p.id}>{t('admin.noProviderStaff', { provider: p.name })}</p>
            ) : (
              <UsersTable
                key={p.id}
                caption={t('admin.providerCaption', { provider: p.name })}
                members={p.users}
                revoke={revoke}
              />
            ),
          )}
        </section>
      )}
    </>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  const users = useAdminUsers();
  return (
    <Page title={t('admin.title')}>
      {users.isPending && <Loading />}
      {users.isError && <LoadError error={users.error} />}
      {users.data !== undefined && (
        <>
          <p className="lead">{t('admin.intro', { organisation: users.data.organisation.name })}</p>
          <Members data={users.data} />
          <GrantRoleForm organisationType={users.data.organisation.type} providers={users.data.providers} />
        </>
      )}
    </Page>
  );
}
