/**
 * The closed vocabularies of placements, school and the health examination. Codes are English/ASCII; the UI names
 * them in Swedish. Sources: ../shared/domain/reception-workflows.md §2.1 (A6, A8, A9) and §6.
 */

/** HVB, stödboende (16–20), familjehem, jourhem, and the SiS special youth homes (compulsory care under LVU). */
export const PLACEMENT_FORMS = ['hvb', 'stodboende', 'familjehem', 'jourhem', 'sis'] as const;
export type PlacementForm = (typeof PLACEMENT_FORMS)[number];

/** Target groups a provider takes (MEKS: Flickor, Yngre, Speciella behov). */
export const TARGET_GROUPS = ['girls', 'younger', 'special_needs'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Why a placement ended (MEKS: Avvek, Avisad, 18 år …); absconding, leaving Sweden and reunification are reported. */
export const PLACEMENT_END_REASONS = [
  'moved',
  'turned_18',
  'absconded',
  'left_sweden',
  'reunited',
  'age_changed',
] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** SoL: voluntary care; LVU: compulsory care (incl. immediate custody under 6 § LVU). */
export const LEGAL_BASES = ['SoL', 'LVU'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The day socialtjänstlagen (2025:400) replaced socialtjänstlagen (2001:453). */
export const SOL_2025_IN_FORCE_FROM = '2025-07-01';

/** The provisions a voluntary placement rests on: the act in force when it was decided. */
export type SocialServicesActProvision = 'sol_2025' | 'sol_2001';

/**
 * The provisions of the Social Services Act a placement under SoL was decided on. A decision stands on the law in
 * force the day it was made, so a placement decided before 1 July 2025 keeps citing the repealed act (4 kap. 1 § and
 * 6 kap. 1 § SoL 2001:453) while one decided since cites the new (11 kap. 1 § and 9 kap. 1 § SoL 2025:400; mapping
 * rows 6a, 6c and 11). The care that goes on is reviewed under the new act (22 kap. 13 §) either way. The placement's
 * first day is the date of its decision in Anvisa. LVU has no SoL provision: null.
 */
export function placementProvision(
  legalBasis: LegalBasis,
  decidedOn: string,
): SocialServicesActProvision | null {
  if (legalBasis !== 'SoL') return null;
  return decidedOn < SOL_2025_IN_FORCE_FROM ? 'sol_2001' : 'sol_2025';
}

/**
 * School forms and programmes an unaccompanied child is enrolled in. The introduction programmes and the national
 * programmes are upper secondary (gymnasieskola), open only to those who start before they turn 18.
 */
export const SCHOOL_PROGRAMMES = [
  'forskoleklass',
  'grundskola',
  'anpassad_grundskola',
  'sprakintroduktion',
  'yrkesintroduktion',
  'individuellt_alternativ',
  'programinriktat_val',
  'nationellt_program',
  'anpassad_gymnasieskola',
] as const;
export type SchoolProgramme = (typeof SCHOOL_PROGRAMMES)[number];

export const UPPER_SECONDARY: ReadonlySet<SchoolProgramme> = new Set([
  'sprakintroduktion',
  'yrkesintroduktion',
  'individuellt_alternativ',
  'programinriktat_val',
  'nationellt_program',
  'anpassad_gymnasieskola',
]);

/**
 * Where the health examination referred the child — never why. A closed list, so that no free text can carry a
 * diagnosis (health data is a special category, GDPR art. 9).
 */
export const REFERRAL_DESTINATIONS = [
  'primary_care',
  'dental_care',
  'child_psychiatry',
  'paediatrics',
  'specialist_care',
  'youth_clinic',
  'other',
] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];
