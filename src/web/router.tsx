/**
 * The route table (TanStack Router, code-based). URLs are Swedish. Pages under the pathless `app` route need a
 * login and an active role; each page also states the permission it needs, and without it shows "not found".
 */
import { createRoute, createRouter, lazyRouteComponent, useParams, useSearch } from '@tanstack/react-router';
import { AUDIT_EVENT_KINDS } from '../domain/audit/events.ts';
import { guarded, loads } from './lazy-route.tsx';
import { allMessages, appRoute, rootRoute } from './route-base.tsx';
import { caseRoutes } from './routes-case.tsx';
import { countyRoutes } from './routes-county.tsx';
import type { AuditFilters } from './pages/audit/AuditEventsPage.tsx';
import type { LogPlace } from './pages/audit/LogPager.tsx';
import { CHILD_VIEWS, type ChildView } from './pages/child/views.ts';
import { ChooseRolePage } from './pages/ChooseRolePage.tsx';
import { LOGIN_REASONS, LoginPage, OIDC_LOGIN_ERRORS, type LoginSearch } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import {
  decisionSearch,
  DecisionDocumentRoute,
  DecisionHistoryRoute,
  DecisionRoute,
  queueSearch,
  QueueRoute,
  ShareVersionRoute,
} from './routes-allocation.tsx';

// The login, the choice of role and the start page are in the entry; every other page is a chunk of its own.
const AccessLogPage = lazyRouteComponent(() => import('./pages/AccessLogPage.tsx'), 'AccessLogPage');
const AdminPage = lazyRouteComponent(() => import('./pages/admin/AdminPage.tsx'), 'AdminPage');
const AuditEventsPage = lazyRouteComponent(
  () => import('./pages/audit/AuditEventsPage.tsx'),
  'AuditEventsPage',
);
const EmergencyGrantsPage = lazyRouteComponent(
  () => import('./pages/audit/EmergencyGrantsPage.tsx'),
  'EmergencyGrantsPage',
);
const UserReportPage = lazyRouteComponent(() => import('./pages/audit/UserReportPage.tsx'), 'UserReportPage');
const ChildPage = lazyRouteComponent(() => import('./pages/child/ChildPage.tsx'), 'ChildPage');
const ChildrenListPage = lazyRouteComponent(() => import('./pages/ChildrenListPage.tsx'), 'ChildrenListPage');
const EmergencyAccessPage = lazyRouteComponent(
  () => import('./pages/EmergencyAccessPage.tsx'),
  'EmergencyAccessPage',
);
const StatisticsPage = lazyRouteComponent(
  () => import('./pages/statistics/StatisticsDashboard.tsx'),
  'StatisticsDashboard',
);
const PolicePage = lazyRouteComponent(() => import('./pages/missing/PolicePage.tsx'), 'PolicePage');
const ReviewPage = lazyRouteComponent(() => import('./pages/missing/ReviewPage.tsx'), 'ReviewPage');
const SupervisionPlanPage = lazyRouteComponent(() => import('./pages/supervision/PlanPage.tsx'), 'PlanPage');
const InspectionPage = lazyRouteComponent(
  () => import('./pages/supervision/InspectionPage.tsx'),
  'InspectionPage',
);
const SupervisionReportsPage = lazyRouteComponent(
  () => import('./pages/supervision/ReportsPage.tsx'),
  'ReportsPage',
);
const SupervisionReportPage = lazyRouteComponent(
  () => import('./pages/supervision/ReportsPage.tsx'),
  'ReportPage',
);
const RegisterArrivalPage = lazyRouteComponent(
  () => import('./pages/allocation/RegisterArrivalPage.tsx'),
  'RegisterArrivalPage',
);
const WaitingPage = lazyRouteComponent(() => import('./pages/allocation/WaitingPage.tsx'), 'WaitingPage');
const MapPage = lazyRouteComponent(() => import('./pages/map/MapPage.tsx'), 'MapPage');
const IncomingPage = lazyRouteComponent(
  () => import('./pages/municipality/IncomingPage.tsx'),
  'IncomingPage',
);
const RelativeAssessmentsPage = lazyRouteComponent(
  () => import('./pages/municipality/RelativeAssessmentsPage.tsx'),
  'RelativeAssessmentsPage',
);
const ImportSharesPage = lazyRouteComponent(
  () => import('./pages/shares/ImportSharesPage.tsx'),
  'ImportSharesPage',
);
const ProposeSharesPage = lazyRouteComponent(
  () => import('./pages/shares/ProposeSharesPage.tsx'),
  'ProposeSharesPage',
);
const SharesPage = lazyRouteComponent(() => import('./pages/shares/SharesPage.tsx'), 'SharesPage');

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
function InspectionRoute() {
  const { inspectionId = '' } = useParams({ strict: false });
  return <InspectionPage key={inspectionId} inspectionId={inspectionId} />;
}

function SupervisionReportRoute() {
  const { inspectionId = '' } = useParams({ strict: false });
  return <SupervisionReportPage key={inspectionId} inspectionId={inspectionId} />;
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
  component: loads(function ChooseRole() {
    return <ChooseRolePage />;
  }, allMessages),
});

const parent = () => appRoute;
const startRoute = createRoute({ getParentRoute: parent, path: '/', component: StartPage });
const childrenRoute = createRoute({
  getParentRoute: parent,
  path: '/barn',
  validateSearch: childrenSearch,
  component: guarded('child:list', ChildrenRoute, ChildrenListPage),
});
const childRoute = createRoute({
  getParentRoute: parent,
  path: '/barn/$childId',
  validateSearch: childSearch,
  component: guarded('child:read', ChildRoute, ChildPage),
});
const accessLogRoute = createRoute({
  getParentRoute: parent,
  path: '/barn/$childId/atkomstlogg',
  validateSearch: logPlace,
  component: guarded('child:access-log', AccessLogRoute, AccessLogPage),
});
const waitingRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning',
  component: guarded('allocation:decide', WaitingPage),
});
const arrivalRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/ankomst',
  component: guarded('allocation:decide', RegisterArrivalPage),
});
const decideRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/barn/$childId',
  component: guarded('allocation:decide', DecisionRoute),
});
const decisionsRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/beslut',
  validateSearch: decisionSearch,
  component: guarded('allocation:decide', DecisionHistoryRoute),
});
const decisionRoute = createRoute({
  getParentRoute: parent,
  path: '/anvisning/beslut/$decisionId',
  component: guarded('allocation:decide', DecisionDocumentRoute),
});
const queueRoute = createRoute({
  getParentRoute: parent,
  path: '/ko',
  validateSearch: queueSearch,
  component: guarded('allocation:read', QueueRoute),
});
const mapRoute = createRoute({
  getParentRoute: parent,
  path: '/karta',
  component: guarded('allocation:read', MapPage),
});
const sharesRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar',
  component: guarded('allocation:read', SharesPage),
});
const sharesImportRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/importera',
  component: guarded('shares:manage', ImportSharesPage),
});
const sharesProposalRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/forslag',
  component: guarded('shares:manage', ProposeSharesPage),
});
const shareVersionRoute = createRoute({
  getParentRoute: parent,
  path: '/andelar/$versionId',
  component: guarded('allocation:read', ShareVersionRoute),
});
const incomingRoute = createRoute({
  getParentRoute: parent,
  path: '/inkommande',
  component: guarded('allocation:incoming', IncomingPage),
});
const assessmentsRoute = createRoute({
  getParentRoute: parent,
  path: '/anhorigbedomningar',
  component: guarded('allocation:incoming', RelativeAssessmentsPage),
});
const emergencyRoute = createRoute({
  getParentRoute: parent,
  path: '/nodatkomst',
  component: guarded('emergency-access:request', EmergencyAccessPage),
});
const statisticsRoute = createRoute({
  getParentRoute: parent,
  path: '/statistik',
  component: guarded('statistics:read', StatisticsPage),
});
const policeRoute = createRoute({
  getParentRoute: parent,
  path: '/polis',
  component: guarded('missing:police', PolicePage),
});
const missingReviewRoute = createRoute({
  getParentRoute: parent,
  path: '/avvikna',
  component: guarded('missing:report', ReviewPage),
});
const supervisionRoute = createRoute({
  getParentRoute: parent,
  path: '/tillsyn',
  component: guarded('supervision:inspect', SupervisionPlanPage),
});
const inspectionRoute = createRoute({
  getParentRoute: parent,
  path: '/tillsyn/$inspectionId',
  component: guarded('supervision:inspect', InspectionRoute, InspectionPage),
});
const supervisionReportsRoute = createRoute({
  getParentRoute: parent,
  path: '/tillsyn/rapporter',
  component: guarded('supervision:respond', SupervisionReportsPage),
});
const supervisionReportRoute = createRoute({
  getParentRoute: parent,
  path: '/tillsyn/rapporter/$inspectionId',
  component: guarded('supervision:respond', SupervisionReportRoute, SupervisionReportPage),
});
const auditRoute = createRoute({
  getParentRoute: parent,
  path: '/logg',
  validateSearch: auditSearch,
  component: guarded('audit:read', AuditRoute, AuditEventsPage),
});
const auditEmergencyRoute = createRoute({
  getParentRoute: parent,
  path: '/logg/nodatkomst',
  component: guarded('audit:read', EmergencyGrantsPage),
});
const userReportRoute = createRoute({
  getParentRoute: parent,
  path: '/logg/anvandare/$userId',
  component: guarded('audit:read', UserReportRoute, UserReportPage),
});
const adminRoute = createRoute({
  getParentRoute: parent,
  path: '/administration',
  component: guarded('users:manage', AdminPage),
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
    policeRoute,
    missingReviewRoute,
    supervisionRoute,
    inspectionRoute,
    supervisionReportsRoute,
    supervisionReportRoute,
    auditRoute,
    auditEmergencyRoute,
    userReportRoute,
    adminRoute,
    ...caseRoutes,
    ...countyRoutes,
    unknownRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  scrollRestoration: true,
  // A page's code (lazy-route.tsx) starts loading when the pointer rests on a link to it.
  defaultPreload: 'intent',
  defaultNotFoundComponent: NotFoundPage,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
