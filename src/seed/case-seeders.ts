/**
 * The capabilities' seeders in the order they must run for each child (src/seed/case-seeding.ts): the hand-over
 * first, then social services' case, placement, school and health, the asylum case, guardianship (the SFV needs a
 * permit), the turning-18 decisions, and last the age decisions that make some children adults (they end
 * responsibility, placement and the god man by rule).
 */
import { AGE_ADULT_SEEDER, ASYLUM_SEEDER } from './case-asylum.ts';
import { CASEWORK_SEEDERS } from './case-casework.ts';
import { seedGuardianship } from './case-guardianship.ts';
import { PLACEMENT_SEEDERS } from './case-placement.ts';
import { seedHandover, seedTurning18 } from './case-responsibility.ts';
import type { Seeder } from './case-seeding.ts';
import { seedWorklist } from './case-worklist.ts';
import { seedMissing } from './case-missing.ts';

export const CASE_SEEDERS: readonly { readonly name: string; readonly seed: Seeder }[] = [
  { name: 'hand-over', seed: seedHandover },
  CASEWORK_SEEDERS.socialCase,
  ...PLACEMENT_SEEDERS,
  ASYLUM_SEEDER,
  { name: 'guardianship', seed: seedGuardianship },
  { name: 'turning-18', seed: seedTurning18 },
  AGE_ADULT_SEEDER,
  // Children who go missing: around a refusal and the 18th birthday, after the decisions that make them risk moments.
  { name: 'missing', seed: seedMissing },
  // The child's record last: identifiers, corrected basic data, duplicates merged (and one merge undone).
  { name: 'record', seed: seedWorklist },
];
