/** The capabilities' authorization-matrix cases, gathered for test/server/authorization-matrix.int.test.ts. */
import { allowanceMatrix } from '../allowance/matrix.ts';
import { asylumMatrix } from '../asylum/matrix.ts';
import { countyMatrix } from '../county/matrix.ts';
import { compensationMatrix } from '../compensation/matrix.ts';
import { claimsMatrix } from '../compensation/claims-matrix.ts';
import { payoutsMatrix } from '../compensation/payouts-matrix.ts';
import { reconciliationMatrix } from '../compensation/reconciliation-matrix.ts';
import { socialCaseMatrix } from '../social-case/matrix.ts';
import { guardianshipMatrix } from '../guardianship/matrix.ts';
import { grantsMatrix } from '../grants/matrix.ts';
import { missingMatrix } from '../missing/matrix.ts';
import { missingProfileMatrix } from '../missing/profile-matrix.ts';
import { placementMatrix } from '../placement/matrix.ts';
import { responsibilityMatrix } from '../responsibility/matrix.ts';
import type { MatrixModule } from '../support/matrix.ts';
import { worklistMatrix } from '../worklist/matrix.ts';
import { supervisionMatrix } from '../supervision/matrix.ts';

export const MATRIX_MODULES: readonly MatrixModule[] = [
  responsibilityMatrix,
  socialCaseMatrix,
  placementMatrix,
  guardianshipMatrix,
  worklistMatrix,
  asylumMatrix,
  missingMatrix,
  missingProfileMatrix,
  countyMatrix,
  grantsMatrix,
  supervisionMatrix,
  allowanceMatrix,
  compensationMatrix,
  claimsMatrix,
  payoutsMatrix,
  reconciliationMatrix,
];
