/** Pages of the responsibility capability, under the app route (login and an active role required). */
export const responsibilityRoutes = [] as const;
