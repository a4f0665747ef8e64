/** The authorization matrix's hand-written cases for the responsibility routes (see src/test-support/matrix.ts). */
import type { MatrixModule } from '../test-support/matrix.ts';

export const responsibilityMatrix: MatrixModule = { cases: [] };
