/** Pages of the guardianship capability, under the app route (login and an active role required). */
export const guardianshipRoutes = [] as const;
