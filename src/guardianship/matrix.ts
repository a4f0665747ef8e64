/** The authorization matrix's hand-written cases for the guardianship routes (see src/test-support/matrix.ts). */
import type { MatrixModule } from '../test-support/matrix.ts';

export const guardianshipMatrix: MatrixModule = { cases: [] };
