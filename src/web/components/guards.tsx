/** Route guards. They only steer the UI: the server refuses every request the role may not make. */
import { Navigate, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Permission } from '../../domain/access/roles.ts';
import { useSession } from '../api/queries.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { activeAssignment, can } from '../permissions.ts';
import { LoadError, Loading } from './Status.tsx';

/** Pages of the application proper need a login and a chosen organisation and role. */
export function RequireActiveRole() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} />;
  if (session.data === null) return <Navigate to="/login" replace />;
  if (activeAssignment(session.data) === null) return <Navigate to="/valj-roll" replace />;
  return <Outlet />;
}

/** A page the active role has no permission for looks exactly like one that does not exist. */
export function RequirePermission({
  permission,
  children,
}: {
  readonly permission: Permission;
  readonly children: ReactNode;
}) {
  const role = activeAssignment(useSession().data)?.role;
  return can(role, permission) ? children : <NotFoundPage />;
}
