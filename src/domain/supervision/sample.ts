/**
 * The sample of files an inspection checks (T2, "stickprovsvis utvalda akter"): Anvisa proposes `size` files drawn at
 * random from the authority's god man and special custodian (SFV) files. The draw is reproducible: the same files and
 * the same seed give the same sample, whatever order the files were listed in (they are ordered by kind and id first),
 * so the recorded seed lets anyone check the draw afterwards.
 */
import { seededRandom } from '../random.ts';

export const SAMPLE_FILE_KINDS = ['god_man', 'sfv'] as const;
export type SampleFileKind = (typeof SAMPLE_FILE_KINDS)[number];

export interface SampleFile {
  readonly kind: SampleFileKind;
  readonly id: string;
  readonly childId: string;
}

export const MAX_SAMPLE_SIZE = 50;

const byKindAndId = (a: SampleFile, b: SampleFile) =>
  a.kind.localeCompare(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `size` files (all of them when there are fewer) drawn without repetition by a partial Fisher–Yates shuffle on the
 * seeded generator; the answer is in the order drawn. Duplicate files in the pool count once.
 */
export function drawSample(pool: readonly SampleFile[], size: number, seed: number): SampleFile[] {
  const seen = new Set<string>();
  const files = [...pool].sort(byKindAndId).filter((f) => {
    const key = `${f.kind}:${f.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const n = Math.max(0, Math.min(Math.floor(size), files.length));
  const random = seededRandom(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (files.length - i));
    const picked = files[j] as SampleFile;
    files[j] = files[i] as SampleFile;
    files[i] = picked;
  }
  return files.slice(0, n);
}

/** A seed from an id (its first 8 hex digits): the inspection's own, recorded with the sample. */
export function seedFromId(id: string): number {
  const hex = id.replace(/[^0-9a-f]/gi, '').slice(0, 8);
  return hex === '' ? 0 : Number.parseInt(hex, 16);
}
