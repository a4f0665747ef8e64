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
export const PLACEMENT_END_REASONS = ['moved', 'turned_18', 'absconded', 'left_sweden', 'reunited', 'age_changed'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** SoL: voluntary care; LVU: compulsory care (incl. immediate custody under 6 § LVU). */
export const LEGAL_BASES = ['SoL', 'LVU'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

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
export const REFERRAL_DESTINATIONS = ['primary_care', 'dental_care', 'child_psychiatry', 'paediatrics', 'specialist_care', 'youth_clinic', 'other'] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];
