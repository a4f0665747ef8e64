/** The county board's pages and the municipality's capacity report (under the app route). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { guarded } from './lazy-route.tsx';
import { appRoute } from './route-base.tsx';

const CapacityReportPage = lazyRouteComponent(
  () => import('./pages/county/CapacityReportPage.tsx'),
  'CapacityReportPage',
);
const CountyCapacityPage = lazyRouteComponent(
  () => import('./pages/county/CountyCapacityPage.tsx'),
  'CountyCapacityPage',
);
const CountyPeriodPage = lazyRouteComponent(
  () => import('./pages/county/CountyPeriodPage.tsx'),
  'CountyPeriodPage',
);
const RedistributionPage = lazyRouteComponent(
  () => import('./pages/county/RedistributionPage.tsx'),
  'RedistributionPage',
);

const NetworksPage = lazyRouteComponent(() => import('./pages/county/NetworksPage.tsx'), 'NetworksPage');
const NetworkPage = lazyRouteComponent(() => import('./pages/county/NetworkPage.tsx'), 'NetworkPage');
const ProgrammePage = lazyRouteComponent(() => import('./pages/county/ProgrammePage.tsx'), 'ProgrammePage');
const AgreementsPage = lazyRouteComponent(
  () => import('./pages/county/AgreementsPage.tsx'),
  'AgreementsPage',
);

const capacityReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lagesbild',
  component: guarded('capacity:report', CapacityReportPage),
});
const countyCapacityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/lagesbild',
  component: guarded('capacity:follow-up', CountyCapacityPage),
});
const countyPeriodRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/lagesbild/$periodId',
  component: guarded('capacity:follow-up', CountyPeriodPage),
});
const redistributionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/omfordelning',
  component: guarded('shares:redistribute', RedistributionPage),
});

const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/utvecklingsprogram',
  component: guarded('programme:manage', ProgrammePage),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/overenskommelser',
  component: guarded('agreements:record', AgreementsPage),
});
const networksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/natverk',
  component: guarded('network:manage', NetworksPage),
});
const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lan/natverk/$networkId',
  component: guarded('network:manage', NetworkPage),
});

export const countyRoutes = [
  programmeRoute,
  agreementsRoute,
  networksRoute,
  networkRoute,
  capacityReportRoute,
  countyCapacityRoute,
  countyPeriodRoute,
  redistributionRoute,
] as const;
