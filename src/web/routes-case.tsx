/**
 * The pages of the child's case (issue 4), one file per capability under pages/; each capability lists its routes
 * in its own `routes-<capability>.tsx` and they are gathered here.
 */
import { asylumRoutes } from './routes-asylum.tsx';
import { guardianshipRoutes } from './routes-guardianship.tsx';
import { placementRoutes } from './routes-placement.tsx';
import { casesRoutes } from './routes-casework.tsx';
import { responsibilityRoutes } from './routes-responsibility.tsx';
import { statisticsRoutes } from './routes-statistics.tsx';
import { grantRoutes } from './routes-grants.tsx';
import { compensationRoutes } from './routes-compensation.tsx';
import { allowanceRoutes } from './routes-allowance.tsx';
import { worklistRoutes } from './routes-worklist.tsx';

export const caseRoutes = [
  ...asylumRoutes,
  ...worklistRoutes,
  ...casesRoutes,
  ...responsibilityRoutes,
  ...placementRoutes,
  ...guardianshipRoutes,
  ...statisticsRoutes,
  ...grantRoutes,
  ...compensationRoutes,
  ...allowanceRoutes,
] as const;
