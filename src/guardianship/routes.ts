/** HTTP routes of the guardianship capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import type { RouteSpec } from '../platform/http/route.ts';

export const guardianshipRoutes: readonly RouteSpec[] = [];
