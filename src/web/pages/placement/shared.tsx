/**
 * What the placement, school and health parts of the UI share: the child's languages and interpreter need (shown to
 * whoever is about to meet the child), the summary entries of the best-interests fieldset, and the answer to a form
 * sent from a stale view.
 */
import { ApiError } from '../../api/client.ts';
import type { MeetingFacts } from '../../api/placement-types.ts';
import type { SummaryField } from '../../components/form/ErrorSummary.tsx';
import { useI18n } from '../../language.tsx';

export function MeetingNotice({
  facts,
  context,
}: {
  readonly facts: MeetingFacts;
  readonly context: 'placement' | 'school' | 'health';
}) {
  const { t } = useI18n();
  const languages =
    facts.languages.length === 0 ? t('placement.meeting.noLanguages') : facts.languages.join(', ');
  return (
    <div className="notice meeting-notice">
      <p>
        <strong>{t(`placement.meeting.title.${context}`)}</strong>{' '}
        {t('placement.meeting.languages', { languages })}{' '}
        {facts.interpreterNeeded ? t('placement.meeting.interpreter') : t('placement.meeting.noInterpreter')}
      </p>
    </div>
  );
}

const PARTS = [
  ['rightsConcerned', 'rights-0', 'bestInterests.rightsConcerned'],
  ['whatIsKnown', 'known', 'bestInterests.whatIsKnown'],
  ['childsViews', 'views', 'bestInterests.childsViews'],
  ['childsViewsLanguage', 'language', 'bestInterests.childsViewsLanguage'],
  ['howWeighed', 'weighed', 'bestInterests.howWeighed'],
  ['feedbackToChild', 'feedback', 'bestInterests.feedbackToChild'],
  ['feedbackGivenOn', 'feedbackOn', 'bestInterests.feedbackGivenOn'],
  ['notHeardReason', 'notHeardReason', 'bestInterests.notHeardReason'],
] as const;

/** The error summary's entries for the best-interests fieldset rendered with `idPrefix`. */
export function bestInterestsSummaryFields(idPrefix: string): SummaryField[] {
  return PARTS.map(([part, id, label]) => ({
    name: `bestInterests.${part}`,
    id: `${idPrefix}-bi-${id}`,
    label,
  }));
}

export const BEST_INTERESTS_NAMES = PARTS.map(([part]) => `bestInterests.${part}` as const);

/**
 * Someone else changed this part of the case after the page was loaded (409 `stale`), or the step is no longer
 * possible (409 `transition_not_allowed`): the answer names it in the section's own words.
 */
export function sectionError(error: unknown): unknown {
  if (error instanceof ApiError && (error.code === 'stale' || error.code === 'transition_not_allowed')) {
    return new ApiError(error.status, `placement_${error.code}`, error.message, [], error.requestId);
  }
  return error;
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'stale' || error.code === 'transition_not_allowed');
}
