/** The child's page: the School section. Owned by its capability; renders nothing until built. */
import type { ChildDetail } from '../../../api/types.ts';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';

export function SchoolSection(_props: { readonly child: ChildDetail; readonly access?: SectionAccess; readonly asylum?: SectionAccess; readonly age?: SectionAccess }) {
  return null;
}
