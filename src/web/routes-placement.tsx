/** Pages of the placement capability, under the app route (login and an active role required). */
export const placementRoutes = [] as const;
