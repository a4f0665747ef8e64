/** The authorization matrix's hand-written cases for the asylum and age routes (see src/test-support/matrix.ts). */
import type { MatrixModule } from '../test-support/matrix.ts';

export const asylumMatrix: MatrixModule = { cases: [] };
