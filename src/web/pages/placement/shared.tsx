/**
 * What the placement, school and health parts of the UI share: the child's languages and interpreter need (shown to
 * whoever is about to meet the child) and the summary entries of the best-interests fieldset. (A form sent from a
 * stale view: ../../api/case-steps.ts.)
 */
import type { MeetingFacts } from '../../api/placement-types.ts';
import { useI18n } from '../../language.tsx';

export function MeetingNotice({
  facts,
  context,
}: {
  readonly facts: MeetingFacts;
  readonly context: 'placement' | 'school' | 'health' | 'missing';
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

export {
  BEST_INTERESTS_PATHS as BEST_INTERESTS_NAMES,
  bestInterestsSummary as bestInterestsSummaryFields,
} from '../../components/form/best-interests-summary.ts';
