/** The §37a grant pages (under the app route): the applicant's, the county's and the national. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const ApplicantGrantsPage = lazyRouteComponent(
  () => import('./pages/grants/ApplicantGrantsPage.tsx'),
  'ApplicantGrantsPage',
);
const CountyGrantsPage = lazyRouteComponent(
  () => import('./pages/grants/CountyGrantsPage.tsx'),
  'CountyGrantsPage',
);
const NationalGrantsPage = lazyRouteComponent(
  () => import('./pages/grants/NationalGrantsPage.tsx'),
  'NationalGrantsPage',
);

const applicantRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bidrag',
  component: guarded('grants:apply', ApplicantGrantsPage),
});
const countyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bidrag/lan',
  component: guarded('grants:decide', CountyGrantsPage),
});
const nationalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bidrag/nationellt',
  component: guarded('grants:decide', NationalGrantsPage),
});

export const grantRoutes = [applicantRoute, countyRoute, nationalRoute] as const;
