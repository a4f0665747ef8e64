/** Pages of the worklist capability, under the app route (login and an active role required). */
export const worklistRoutes = [] as const;
