/** HTTP routes of the placement capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import type { RouteSpec } from '../platform/http/route.ts';

export const placementRoutes: readonly RouteSpec[] = [];
