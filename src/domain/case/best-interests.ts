/**
 * The best-interests record (barnets bästa, CRC art. 3 and 12; SOSFS 2014:5 "Dokumentation av barnets bästa och rätt
 * att vara delaktig") carried by every decision about a child. Its parts are separate required fields: a decision
 * cannot be finalised without them, unless an explicit reason for not hearing the child is recorded — then the
 * child's views and the feedback to the child may be absent, the rest may not.
 */

export interface BestInterestsRecord {
  /** The rights of the child concerned (e.g. "art. 3 barnets bästa", "art. 28 utbildning"). */
  readonly rightsConcerned: readonly string[];
  readonly whatIsKnown: string | null;
  /** The child's own views, in the child's words where given. */
  readonly childsViews: string | null;
  readonly childsViewsLanguage: string | null;
  readonly howWeighed: string | null;
  readonly feedbackToChild: string | null;
  readonly feedbackGivenOn: string | null;
  /** Why the child was not heard (age and maturity, urgency, the child declined …). */
  readonly notHeardReason: string | null;
}

export type BestInterestsField = keyof BestInterestsRecord;

const filled = (value: string | null): boolean => value !== null && value.trim().length > 0;

/** The fields missing for finalising a decision; empty when the record is complete. */
export function missingBestInterestsFields(record: BestInterestsRecord): BestInterestsField[] {
  const missing: BestInterestsField[] = [];
  if (record.rightsConcerned.filter((r) => r.trim() !== '').length === 0) missing.push('rightsConcerned');
  if (!filled(record.whatIsKnown)) missing.push('whatIsKnown');
  if (!filled(record.howWeighed)) missing.push('howWeighed');
  if (filled(record.notHeardReason)) return missing;
  if (!filled(record.childsViews)) missing.push('childsViews');
  if (!filled(record.feedbackToChild)) missing.push('feedbackToChild');
  if (!filled(record.feedbackGivenOn)) missing.push('feedbackGivenOn');
  return missing;
}
