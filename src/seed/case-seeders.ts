/**
 * The capabilities' seeders in the order they must run for each child (src/seed/case-seeding.ts): responsibility
 * first (hand-over), then social services' case, placement/school/health, asylum and age, guardianship (SFV needs a
 * permit), and last the rules that follow from dates (turning 18).
 */
import type { Seeder } from './case-seeding.ts';

export const CASE_SEEDERS: readonly { readonly name: string; readonly seed: Seeder }[] = [];
