/** Swedish texts of the casework capability; merged into sv.ts. Keys are prefixed with the capability's area. */
export const svCasework = {} as const;
