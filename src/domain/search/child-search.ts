/**
 * Which children a search finds, and which existing records may be the same child as one about to be registered.
 * Pure: the database narrows the candidates (src/children/search.ts) with the same rules; this decides for each one.
 * A masked identity is never found by name — only by a number (dossier, personnummer, samordningsnummer).
 */
import { parseIdentityNumber } from './identity-number.ts';
import { sanitiseSearch } from './name-pattern.ts';
import { matchingKeys, nameKeys, nameSearchMatches } from './names.ts';
import { hasAnyLetter } from './search-term.ts';

export interface ChildSearch {
  /** Free text: a dossier number (or part of one), a birth date, a personnummer or samordningsnummer, or a name. */
  readonly text: string;
  readonly dossier?: string | undefined;
  readonly name?: string | undefined;
  readonly birthDate?: string | undefined;
  /** Normalised (12 digits). */
  readonly identityNumber?: string | undefined;
}

/**
 * A search over every child (the Migration Agency's) counts its matches up to this many; one that finds more says so
 * and is to be narrowed, not paged through.
 */
export const SEARCH_COUNT_LIMIT = 1000;

/** Dossier numbers are digits only: a search text with anything else is never part of one. */
export function mayBeInDossierNumber(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

export interface SearchableChild {
  /** The record's own dossier number and every further one. */
  readonly dossierNumbers: readonly string[];
  /** Normalised personnummer and samordningsnummer. */
  readonly identityNumbers: readonly string[];
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly statedBirthDate: string | null;
}

export function isEmptySearch(search: ChildSearch): boolean {
  return (
    search.text.trim() === '' &&
    search.dossier === undefined &&
    search.name === undefined &&
    search.birthDate === undefined &&
    search.identityNumber === undefined
  );
}

function bornOn(child: SearchableChild, date: string): boolean {
  return child.birthDate === date || child.statedBirthDate === date;
}

/** The free text as the database matches it: lower case, no name separator. */
export function normalisedText(text: string): string {
  return sanitiseSearch(text).toLocaleLowerCase('sv');
}

function matchesText(child: SearchableChild, text: string, identityVisible: boolean): boolean {
  const q = normalisedText(text);
  if (q === '') return true;
  if (child.dossierNumbers.some((d) => d.includes(q))) return true;
  if (bornOn(child, q)) return true;
  const number = parseIdentityNumber(q);
  if (number !== null && child.identityNumbers.includes(number.value)) return true;
  // A number or a date is never a name.
  return identityVisible && hasAnyLetter(q) && nameSearchMatches(q, child.firstName, child.lastName);
}

export function childMatchesSearch(
  child: SearchableChild,
  search: ChildSearch,
  identityVisible: boolean,
): boolean {
  if (!matchesText(child, search.text, identityVisible)) return false;
  if (search.dossier !== undefined && !child.dossierNumbers.some((d) => d.includes(search.dossier ?? '')))
    return false;
  if (search.birthDate !== undefined && !bornOn(child, search.birthDate)) return false;
  if (search.identityNumber !== undefined && !child.identityNumbers.includes(search.identityNumber))
    return false;
  if (
    search.name !== undefined &&
    !(
      identityVisible &&
      hasAnyLetter(search.name) &&
      nameSearchMatches(sanitiseSearch(search.name), child.firstName, child.lastName)
    )
  ) {
    return false;
  }
  return true;
}

// ── Possible duplicates (search before create) ────────────────────────────────

export const DUPLICATE_REASONS = [
  'same_dossier_number',
  'same_identity_number',
  'same_birth_date_and_similar_name',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateProbe {
  readonly dossierNumber?: string | undefined;
  /** Normalised (12 digits). */
  readonly identityNumber?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly birthDate?: string | undefined;
}

/** Names that share a transliteration key: one of the given or family names, or one of their words. */
export function similarNames(a: readonly string[], b: readonly string[]): boolean {
  const keys = nameKeys(a.filter((n) => n.trim() !== ''));
  for (const key of nameKeys(b.filter((n) => n.trim() !== ''))) {
    // A key without consonants (a name of vowels only, or nothing) says nothing.
    if (!key.endsWith('|') && matchingKeys(key).some((k) => keys.has(k))) return true;
  }
  return false;
}

/** Why an existing record may be the same child as the one described; empty when it probably is not. */
export function duplicateReasons(
  child: SearchableChild & { readonly nameVariants: readonly string[] },
  probe: DuplicateProbe,
  identityVisible: boolean,
): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (probe.dossierNumber !== undefined && child.dossierNumbers.includes(probe.dossierNumber))
    reasons.push('same_dossier_number');
  if (probe.identityNumber !== undefined && child.identityNumbers.includes(probe.identityNumber))
    reasons.push('same_identity_number');
  const names = [probe.firstName ?? '', probe.lastName ?? ''];
  if (
    identityVisible &&
    probe.birthDate !== undefined &&
    bornOn(child, probe.birthDate) &&
    similarNames(names, [child.firstName, child.lastName, ...child.nameVariants])
  ) {
    reasons.push('same_birth_date_and_similar_name');
  }
  return reasons;
}
