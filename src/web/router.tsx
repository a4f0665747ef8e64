/**
 * The route table (TanStack Router, code-based). URLs are Swedish. Pages under the pathless `app` route need a
 * login and an active role; each page also states the permission it needs, and without it shows "not found".
 */
import { createRoute, createRouter, useParams, useSearch } from '@tanstack/react-router';
import { AUDIT_EVENT_KINDS } from '../domain/audit/events.ts';
import { RequirePermission } from './components/guards.tsx';
import { appRoute, rootRoute } from './route-base.tsx';
import { caseRoutes } from './routes-case.tsx';
import { AccessLogPage } from './pages/AccessLogPage.tsx';
import { AdminPage } from './pages/admin/AdminPage.tsx';
import { AuditEventsPage, type AuditFilters } from './pages/audit/AuditEventsPage.tsx';
import type { LogPlace } from './pages/audit/LogPager.tsx';
import { EmergencyGrantsPage } from './pages/audit/EmergencyGrantsPage.tsx';
import { UserReportPage } from './pages/audit/UserReportPage.tsx';
import { ChildPage } from './pages/child/ChildPage.tsx';
import { CHILD_VIEWS, type ChildView } from './pages/child/views.ts';
import { ChildrenListPage } from './pages/ChildrenListPage.tsx';
import { ChooseRolePage } from './pages/ChooseRolePage.tsx';
import { EmergencyAccessPage } from './pages/EmergencyAccessPage.tsx';
import { LOGIN_REASONS, LoginPage, OIDC_LOGIN_ERRORS, type LoginSearch } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { StatisticsPage } from './pages/StatisticsPage.tsx';
import { RegisterArrivalPage } from './pages/allocation/RegisterArrivalPage.tsx';
import { WaitingPage } from './pages/allocation/WaitingPage.tsx';
import { MapPage } from './pages/map/MapPage.tsx';
import { IncomingPage } from './pages/municipality/IncomingPage.tsx';
import { RelativeAssessmentsPage } from './pages/municipality/RelativeAssessmentsPage.tsx';
import { ImportSharesPage } from './pages/shares/ImportSharesPage.tsx';
import { ProposeSharesPage } from './pages/shares/ProposeSharesPage.tsx';
import { SharesPage } from './pages/shares/SharesPage.tsx';
import {
  decisionSearch,
  DecisionDocumentRoute,
  DecisionHistoryRoute,
  DecisionRoute,
  queueSearch,
  QueueRoute,
  ShareVersionRoute,
} from './routes-allocation.tsx';

type Search = Record<string, unknown>;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DOSSIER = /^[0-9]{4,12}$/;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function loginSearch(search: Search): LoginSearch {
  const reason = LOGIN_REASONS.find((r) => r === search.reason);
  const error = OIDC_LOGIN_ERRORS.find((e) => e === search.error);
  return { ...(reason === undefined ? {} : { reason }), ...(error === undefined ? {} : { error }) };
}

function childrenSearch(search: Search): { q?: string; page?: number } {
  const q = text(search.q)?.slice(0, 100);
  const page = Number(search.page);
  return { ...(q === undefined ? {} : { q }), ...(Number.isInteger(page) && page > 1 ? { page } : {}) };
}

/** The part of the child's page (`?del=placering`); an unknown one is dropped. */
function childSearch(search: Search): { del?: ChildView } {
  const del = CHILD_VIEWS.find((v) => v === search.del);
  return del === undefined ? {} : { del };
}

/** A log's place: a cursor from the server, a positive whole number. */
function logPlace(search: Search): LogPlace {
  const cursor = (value: unknown) => {
    const n = Number(value);
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
  };
  const aldre = cursor(search.aldre);
  const nyare = aldre === undefined ? cursor(search.nyare) : undefined;
  return { ...(aldre === undefined ? {} : { aldre }), ...(nyare === undefined ? {} : { nyare }) };
}

function auditSearch(search: Search): AuditFilters & LogPlace {
  const kind = AUDIT_EVENT_KINDS.find((k) => k === search.kind);
  const outcome = search.outcome === 'allowed' || search.outcome === 'denied' ? search.outcome : undefined;
  const date = (value: unknown) => (typeof value === 'string' && ISO_DATE.test(value) ? value : undefined);
  const from = date(search.from);
  const to = date(search.to);
  // The router reads `?dossier=20000102` as a number (a leading zero keeps it a string): take either.
  const rawDossier = typeof search.dossier === 'number' ? String(search.dossier) : search.dossier;
  const dossier = typeof rawDossier === 'string' && DOSSIER.test(rawDossier) ? rawDossier : undefined;
  return {
    ...(kind === undefined ? {} : { kind }),
    ...(outcome === undefined ? {} : { outcome }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(dossier === undefined ? {} : { dossier }),
    ...logPlace(search),
  };
}

// Thin wrappers: read the URL, hand plain props to the page.
function LoginRoute() {
  const { reason, error } = useSearch({ strict: false });
  return <LoginPage reason={reason} error={error} />;
}
function ChildrenRoute() {
  const { q, page } = useSearch({ strict: false });
  return <ChildrenListPage q={q ?? ''} page={page ?? 1} />;
}
function ChildRoute() {
  const { childId = '' } = useParams({ strict: false });
  const { del } = useSearch({ strict: false });
  return <ChildPage key={childId} childId={childId} view={del} />;
}
function AccessLogRoute() {
  const { childId = '' } = useParams({ strict: false });
  const { aldre, nyare } = useSearch({ strict: false });
  return <AccessLogPage key={childId} childId={childId} place={logPlace({ aldre, nyare })} />;
}
function AuditRoute() {
  const { kind, outcome, from, to, dossier, aldre, nyare } = useSearch({ strict: false });
  return (
    <AuditEventsPage
      filters={auditSearch({ kind, outcome, from, to, dossier })}
      place={logPlace({ aldre, nyare })}
    />
  );
}
function UserReportRoute() {
  const { userId = '' } = useParams({ strict: false });
  return <UserReportPage key={userId} userId={userId} />;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: loginSearch,
  component: LoginRoute,
});
const chooseRoleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/valj-roll',
  component: ChooseRolePage,
});

const parent = () => appRoute;
const startRoute = createRoute({ getParentRoute: parent, path: '/', component: StartPage });
const childrenRoute = createRoute({
  getParentRoute: parent,
  path: '/barn',
  validateSearch: childrenSearch,
  component: () => <RequirePermission permission="child:list">{<ChildrenRoute />}</RequirePermission>,
});
const childRoute = createRoute({
  getParentRoute: parent,
  path: '/barn/$childId',
  validateSearch: childSearch,
  component: () => <RequirePermission permission="child:read">{<ChildRoute />}</RequirePermission>,
});
const accessLogRoute = createRoute({
  getParentRoute: parent,
  path: '/barn/$childId/atkomstlogg',
  validateSearch: logPlace,
  component: () => <RequirePermission permission="child:access-log">{<AccessLogRoute />}</RequirePermission>,
});
const waitingRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning',
  component: () => <RequirePermission permission="allocation:decide">{<WaitingPage />}</RequirePermission>,
});
const arrivalRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/ankomst',
  component: () => (
    <RequirePermission permission="allocation:decide">{<RegisterArrivalPage />}</RequirePermission>
  ),
});
const decideRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/barn/$childId',
  component: () => <RequirePermission permission="allocation:decide">{<DecisionRoute />}</RequirePermission>,
});
const decisionsRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/beslut',
  validateSearch: decisionSearch,
  component: () => (
    <RequirePermission permission="allocation:decide">{<DecisionHistoryRoute />}</RequirePermission>
  ),
});
const decisionRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/beslut/$decisionId',
  component: () => (
    <RequirePermission permission="allocation:decide">{<DecisionDocumentRoute />}</RequirePermission>
  ),
});
const queueRoute = createRoute({
  getParentRoute: parent,
  path: '/ko',
  validateSearch: queueSearch,
  component: () => <RequirePermission permission="allocation:read">{<QueueRoute />}</RequirePermission>,
});
const mapRoute = createRoute({
  getParentRoute: parent,
  path: '/karta',
  component: () => <RequirePermission permission="allocation:read">{<MapPage />}</RequirePermission>,
});
const sharesRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar',
  component: () => <RequirePermission permission="allocation:read">{<SharesPage />}</RequirePermission>,
});
const sharesImportRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/importera',
  component: () => <RequirePermission permission="shares:manage">{<ImportSharesPage />}</RequirePermission>,
});
const sharesProposalRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/forslag',
  component: () => <RequirePermission permission="shares:manage">{<ProposeSharesPage />}</RequirePermission>,
});
const shareVersionRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/$versionId',
  component: () => (
    <RequirePermission permission="allocation:read">{<ShareVersionRoute />}</RequirePermission>
  ),
});
const incomingRoute = createRoute({
  getParentRoute: parent,
  path: '/inkommande',
  component: () => <RequirePermission permission="allocation:incoming">{<IncomingPage />}</RequirePermission>,
});
const assessmentsRoute = createRoute({
  getParentRoute: parent,
  path: '/anhorigbedomningar',
  component: () => (
    <RequirePermission permission="allocation:incoming">{<RelativeAssessmentsPage />}</RequirePermission>
  ),
});
const emergencyRoute = createRoute({
  getParentRoute: parent,
  path: '/nodatkomst',
  component: () => (
    <RequirePermission permission="emergency-access:request">{<EmergencyAccessPage />}</RequirePermission>
  ),
});
const statisticsRoute = createRoute({
  getParentRoute: parent,
  path: '/statistik',
  component: () => <RequirePermission permission="statistics:read">{<StatisticsPage />}</RequirePermission>,
});
const auditRoute = createRoute({
  getParentRoute: parent,
  path: '/logg',
  validateSearch: auditSearch,
  component: () => <RequirePermission permission="audit:read">{<AuditRoute />}</RequirePermission>,
});
const auditEmergencyRoute = createRoute({
  getParentRoute: parent,
  path: '/logg/nodatkomst',
  component: () => <RequirePermission permission="audit:read">{<EmergencyGrantsPage />}</RequirePermission>,
});
const userReportRoute = createRoute({
  getParentRoute: parent,
  path: '/logg/anvandare/$userId',
  component: () => <RequirePermission permission="audit:read">{<UserReportRoute />}</RequirePermission>,
});
const adminRoute = createRoute({
  getParentRoute: parent,
  path: '/administration',
  component: () => <RequirePermission permission="users:manage">{<AdminPage />}</RequirePermission>,
});
const unknownRoute = createRoute({ getParentRoute: parent, path: '$', component: NotFoundPage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  chooseRoleRoute,
  appRoute.addChildren([
    startRoute,
    childrenRoute,
    childRoute,
    accessLogRoute,
    waitingRoute,
    arrivalRoute,
    decideRoute,
    decisionsRoute,
    decisionRoute,
    queueRoute,
    mapRoute,
    sharesRoute,
    sharesImportRoute,
    sharesProposalRoute,
    shareVersionRoute,
    incomingRoute,
    assessmentsRoute,
    emergencyRoute,
    statisticsRoute,
    auditRoute,
    auditEmergencyRoute,
    userReportRoute,
    adminRoute,
    ...caseRoutes,
    unknownRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  scrollRestoration: true,
  defaultNotFoundComponent: NotFoundPage,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
