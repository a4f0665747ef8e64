/**
 * The historic agreements (överenskommelser) on the reception of unaccompanied children, kept for the record (issue 13
 * point 2; research: reception-workflows §4.3, allocation-and-compensation §1.1). From 1 July 2006 the Migration
 * Agency assigned children to municipalities that had agreed to a number of places; from 1 January 2011 the county
 * boards negotiated new and renegotiated agreements with municipalities and associations of municipalities, prepared
 * the basis, and the Agency signed. The share model replaced them: the first shares applied from 1 April 2016. An
 * agreement is registered afterwards from its paper, so these rules check that the registration describes a
 * document that can have existed: its parties, its dates, its places and its signatures. Pure.
 */

/** The municipalities took over the reception of asylum-seeking unaccompanied children on this day (prop. 2005/06:46). */
export const AGREEMENTS_FROM = '2006-07-01';
/** The first shares applied from this day (the new allocation model); no agreement was signed on or after it. */
export const SHARE_MODEL_FROM = '2016-04-01';
/** No signature is older than the year the reform was decided (prop. 2005/06:46, in force 1 July 2006). */
const SIGNED_FROM = '2006-01-01';

/** Who signs: each municipality that is a party, the Migration Agency (always), the county board (where it did). */
export const SIGNATORY_PARTIES = ['municipality', 'migrationsverket', 'county_board'] as const;
export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];

export interface AgreementSignature {
  readonly party: SignatoryParty;
  /** The municipality's code when the party is a municipality; null otherwise. */
  readonly municipalityCode: string | null;
  readonly signedOn: string;
}

export interface AgreementDraft {
  readonly municipalities: readonly string[];
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly asylumPlaces: number;
  readonly permitPlaces: number;
  readonly replacesId: string | null;
  readonly signatures: readonly AgreementSignature[];
}

/** An agreement already registered, as far as a renegotiation needs to know it. */
export interface RegisteredAgreement {
  readonly id: string;
  readonly municipalities: readonly string[];
  readonly validFrom: string;
  readonly voided: boolean;
}

export type AgreementProblemCode =
  | 'before_agreements'
  | 'signed_before_reform'
  | 'before_start'
  | 'party_other_county'
  | 'duplicate_party'
  | 'signed_twice'
  | 'no_places'
  | 'not_a_party'
  | 'future'
  | 'after_share_model'
  | 'missing_signature_agency'
  | 'missing_signature'
  | 'replaces_unknown'
  | 'replaces_other_parties'
  | 'replaces_later';

export interface AgreementProblem {
  /** The field in the request body: `validTo`, `signatures.2.signedOn` … */
  readonly field: string;
  readonly code: AgreementProblemCode;
  /** The municipality whose signature is missing (its code), for `missing_signature`. */
  readonly value?: string;
}

/**
 * What is wrong with a registration, field by field (empty when nothing is):
 * - valid from 1 July 2006 and before 1 April 2016, and to no earlier than from;
 * - parties: municipalities of the county, each once; the places agreed are more than none;
 * - signatures: each by a party, once each, dated no later than today and before the share model (1 April 2016);
 *   every municipality that is a party and the Migration Agency have signed; none before 2006;
 * - a renegotiation replaces an agreement of the county, not voided, with a municipality in common, valid from
 *   earlier.
 */
export function agreementProblems(
  draft: AgreementDraft,
  countyMunicipalities: readonly string[],
  existing: readonly RegisteredAgreement[],
  today: string,
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (draft.validFrom < AGREEMENTS_FROM) problems.push({ field: 'validFrom', code: 'before_agreements' });
  else if (draft.validFrom >= SHARE_MODEL_FROM)
    problems.push({ field: 'validFrom', code: 'after_share_model' });
  if (draft.validTo !== null && draft.validTo < draft.validFrom)
    problems.push({ field: 'validTo', code: 'before_start' });

  const county = new Set(countyMunicipalities);
  const parties = new Set(draft.municipalities);
  if (draft.municipalities.some((code) => !county.has(code)))
    problems.push({ field: 'municipalities', code: 'party_other_county' });
  else if (parties.size !== draft.municipalities.length)
    problems.push({ field: 'municipalities', code: 'duplicate_party' });
  if (draft.asylumPlaces + draft.permitPlaces <= 0)
    problems.push({ field: 'asylumPlaces', code: 'no_places' });

  const seen = new Set<string>();
  for (const [i, s] of draft.signatures.entries()) {
    const key = s.party === 'municipality' ? `municipality:${s.municipalityCode ?? ''}` : s.party;
    if (s.party === 'municipality' && (s.municipalityCode === null || !parties.has(s.municipalityCode)))
      problems.push({ field: `signatures.${i}.municipalityCode`, code: 'not_a_party' });
    else if (seen.has(key)) problems.push({ field: `signatures.${i}.party`, code: 'signed_twice' });
    seen.add(key);
    if (s.signedOn > today) problems.push({ field: `signatures.${i}.signedOn`, code: 'future' });
    else if (s.signedOn < SIGNED_FROM)
      problems.push({ field: `signatures.${i}.signedOn`, code: 'signed_before_reform' });
    else if (s.signedOn >= SHARE_MODEL_FROM)
      problems.push({ field: `signatures.${i}.signedOn`, code: 'after_share_model' });
  }
  if (!seen.has('migrationsverket')) problems.push({ field: 'signatures', code: 'missing_signature_agency' });
  for (const code of parties)
    if (county.has(code) && !seen.has(`municipality:${code}`))
      problems.push({ field: 'signatures', code: 'missing_signature', value: code });

  if (draft.replacesId !== null) {
    const replaced = existing.find((a) => a.id === draft.replacesId && !a.voided);
    if (replaced === undefined) problems.push({ field: 'replacesId', code: 'replaces_unknown' });
    else if (!replaced.municipalities.some((code) => parties.has(code)))
      problems.push({ field: 'replacesId', code: 'replaces_other_parties' });
    else if (replaced.validFrom >= draft.validFrom)
      problems.push({ field: 'replacesId', code: 'replaces_later' });
  }
  return problems;
}

/** The document's date: the day the last party signed (the agreement was concluded then). */
export function concludedOn(signatures: readonly Pick<AgreementSignature, 'signedOn'>[]): string | null {
  return signatures.reduce<string | null>(
    (last, s) => (last === null || s.signedOn > last ? s.signedOn : last),
    null,
  );
}
