/** A placement's legal basis in words, with the provisions of the act in force when it was decided. */
import { placementProvision, type LegalBasis } from '../../../domain/placement/vocabulary.ts';
import type { Translate } from '../../i18n.ts';

export function legalBasisText(
  t: Translate,
  placement: { readonly legalBasis: LegalBasis; readonly fromDate: string },
): string {
  const basis = t(`placement.legalBasis.${placement.legalBasis}`);
  const provision = placementProvision(placement.legalBasis, placement.fromDate);
  return provision === null ? basis : `${basis}, ${t(`placement.provision.${provision}`)}`;
}
