/** English twins of the supervision texts (src/web/i18n/sv-supervision.ts). */
import type { svSupervision } from './sv-supervision.ts';

export const enSupervision: Readonly<Record<keyof typeof svSupervision, string>> = {
  'kind.supervision.read': 'Read of guardianship authority supervision',
  'kind.supervision.write': 'Change in guardianship authority supervision',
  'kind.supervision.file.read': 'Read of a file in the supervision sample',
};
