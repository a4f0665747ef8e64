/** The child's page: the Responsibility section. Owned by its capability; renders nothing until built. */
import type { ChildDetail } from '../../../api/types.ts';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';

export function ResponsibilitySection(_props: { readonly child: ChildDetail; readonly access?: SectionAccess; readonly asylum?: SectionAccess; readonly age?: SectionAccess }) {
  return null;
}
