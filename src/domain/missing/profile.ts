/**
 * The prevention profile's rules that are not the shape of a field (issue 12, Philomena "Part 1"; ADR 0025): the
 * photo — JPEG or PNG recognised by its first bytes, at most 2 MB — and the dates a profile carries. Each problem names
 * the field and the reason in Swedish. Pure.
 */
import { detectMediaType } from '../social-case/document-types.ts';

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** A recent photo for a search needs no more (a phone photo saved as JPEG is well under it). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export interface ProfileProblem {
  readonly field: string;
  readonly code: 'photo_type' | 'photo_too_large' | 'required' | 'future' | 'before_birth';
  readonly message: string;
}

/** The photo's type from its bytes (the declared type is not trusted), or null when it is not a JPEG or PNG. */
export function photoType(bytes: Uint8Array): PhotoMediaType | null {
  const type = detectMediaType(bytes);
  return type === 'image/jpeg' || type === 'image/png' ? type : null;
}

/** Why a photo of this size cannot be stored (asked before its bytes are decoded). */
export function photoSizeProblems(field: string, sizeBytes: number): ProfileProblem[] {
  if (sizeBytes === 0) return [{ field, code: 'required', message: 'Fotot: filen är tom' }];
  if (sizeBytes > PHOTO_MAX_BYTES)
    return [{ field, code: 'photo_too_large', message: 'Fotot: filen får vara högst 2 MB' }];
  return [];
}

/** Why a photo cannot be stored: empty, too large, or not a JPEG or PNG. */
export function photoProblems(field: string, bytes: Uint8Array): ProfileProblem[] {
  const size = photoSizeProblems(field, bytes.length);
  if (size.length > 0) return size;
  if (photoType(bytes) === null)
    return [{ field, code: 'photo_type', message: 'Fotot: bara JPEG- eller PNG-bilder tas emot' }];
  return [];
}

/** A date of something seen or taken: not after today and not before the child was born. */
export function pastDateProblems(
  field: string,
  label: string,
  date: string,
  birthDate: string,
  today: string,
): ProfileProblem[] {
  if (date > today)
    return [{ field, code: 'future', message: `${label}: datumet kan inte ligga i framtiden` }];
  if (date < birthDate)
    return [{ field, code: 'before_birth', message: `${label}: datumet kan inte ligga före födelsedagen` }];
  return [];
}
