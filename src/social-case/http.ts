/** What the casework routes share: the date field (src/domain/fields.ts). */
export { isoDate } from '../domain/fields.ts';
