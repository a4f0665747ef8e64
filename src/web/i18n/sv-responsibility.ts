/** Swedish texts of the responsibility capability; merged into sv.ts. Keys are prefixed with the capability's area. */
export const svResponsibility = {} as const;
