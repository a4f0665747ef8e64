/** Pages of the casework capability, under the app route (login and an active role required). */
export const casesRoutes = [] as const;
