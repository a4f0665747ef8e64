/** HTTP routes of the casework capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import type { RouteSpec } from '../platform/http/route.ts';

export const caseworkRoutes: readonly RouteSpec[] = [];
