/** Swedish texts of the placement capability; merged into sv.ts. Keys are prefixed with the capability's area. */
export const svPlacement = {} as const;
