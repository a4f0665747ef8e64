/** The authorization matrix's hand-written cases for the placement routes (see src/test-support/matrix.ts). */
import type { MatrixModule } from '../test-support/matrix.ts';

export const placementMatrix: MatrixModule = { cases: [] };
