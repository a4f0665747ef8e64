/** HTTP routes of the responsibility capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import type { RouteSpec } from '../platform/http/route.ts';

export const responsibilityRoutes: readonly RouteSpec[] = [];
