/** Swedish texts of the worklist capability; merged into sv.ts. Keys are prefixed with the capability's area. */
export const svWorklist = {} as const;
