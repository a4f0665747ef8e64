/** Swedish texts of the guardianship capability; merged into sv.ts. Keys are prefixed with the capability's area. */
export const svGuardianship = {} as const;
