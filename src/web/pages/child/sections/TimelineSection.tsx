/**
 * The child's timeline: every event of the case the role may see — arrival, the anvisning, each sub-process's steps,
 * journal entries as "written" (never their text), changes of the record, merges — newest first, more on request.
 */
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import type { ChildDetail } from '../../../api/types.ts';
import type { TimelineEvent } from '../../../api/worklist-types.ts';
import { useTimeline } from '../../../api/worklist-queries.ts';
import { FIRST_VIEW_TIMELINE_PAGE_SIZE } from '../../../../domain/worklist/first-view.ts';
import { LoadError, Loading } from '../../../components/Status.tsx';
import type { Translate } from '../../../i18n.ts';
import { useI18n } from '../../../language.tsx';
import {
  eventLabel,
  fieldLabel,
  machineLabel,
  roleLabel,
  stateLabel,
  stepFindingText,
} from '../../worklist/labels.ts';
import { useState } from 'react';

/** The first page is the one the child's page's first view brought. */
const STEP = FIRST_VIEW_TIMELINE_PAGE_SIZE;

function what(t: Translate, e: TimelineEvent): string {
  switch (e.kind) {
    case 'arrival':
      return e.municipality === null
        ? t('worklist.timeline.arrival')
        : t('worklist.timeline.arrivalIn', { name: e.municipality.name });
    case 'anvisning': {
      const title =
        e.details.correction === true ? t('worklist.timeline.correction') : t('worklist.timeline.anvisning');
      return e.municipality === null
        ? title
        : `${title}: ${t('worklist.timeline.anvisningTo', { name: e.municipality.name })}`;
    }
    case 'transition': {
      const machine = e.machine ?? '';
      const finding = stepFindingText(t, machine, e.event, e.details);
      const step = `${machineLabel(t, machine)}: ${eventLabel(t, machine, e.event ?? '')}${finding === null ? '' : ` – ${finding}`}`;
      // The provider placed with, the god man appointed.
      const name = e.details.providerName ?? e.details.guardianName;
      return typeof name === 'string' ? `${step} (${name})` : step;
    }
    case 'note':
      return t(
        e.details.noteKind === 'correspondence'
          ? 'worklist.timeline.correspondence'
          : 'worklist.timeline.note',
      );
    case 'record_edited': {
      const fields = typeof e.details.fields === 'string' ? e.details.fields.split(',') : [];
      return t('worklist.timeline.record_edited', {
        fields: fields.map((f) => fieldLabel(t, f).toLocaleLowerCase()).join(', '),
      });
    }
    case 'merged':
    case 'unmerged':
      return t(`worklist.timeline.${e.kind}`);
  }
}

function Event({ event }: { readonly event: TimelineEvent }) {
  const { t } = useI18n();
  const machine = event.machine ?? '';
  const change =
    event.kind === 'transition' &&
    event.fromState !== null &&
    event.toState !== null &&
    event.fromState !== event.toState
      ? t('worklist.timeline.stateChange', {
          from: stateLabel(t, machine, event.fromState),
          to: stateLabel(t, machine, event.toState),
        })
      : null;
  const by =
    event.actorRole === null
      ? null
      : event.actorRole === 'system'
        ? t('worklist.timeline.system')
        : t('worklist.timeline.by', { role: roleLabel(t, event.actorRole).toLocaleLowerCase() });
  return (
    <li className={`timeline__event timeline__event--${event.kind}`}>
      <time dateTime={event.on} className="timeline__date">
        {event.on}
      </time>
      <span className="timeline__what">{what(t, event)}</span>
      {(change !== null || by !== null) && (
        <span className="hint timeline__meta">{[change, by].filter((x) => x !== null).join(' · ')}</span>
      )}
    </li>
  );
}

export function TimelineSection({
  child,
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
  readonly asylum?: SectionAccess;
  readonly age?: SectionAccess;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(STEP);
  const timeline = useTimeline(child.id, 1, shown);
  return (
    <section aria-labelledby="timeline-title" className="section timeline">
      <h2 id="timeline-title">{t('worklist.timeline.title')}</h2>
      <p>{t('worklist.timeline.intro')}</p>
      {timeline.isPending && <Loading />}
      {timeline.isError && <LoadError error={timeline.error} />}
      {timeline.data !== undefined &&
        (timeline.data.items.length === 0 ? (
          <p>{t('worklist.timeline.empty')}</p>
        ) : (
          <ol className="timeline__list">
            {timeline.data.items.map((e) => (
              <Event key={e.id} event={e} />
            ))}
          </ol>
        ))}
      {timeline.data !== undefined && timeline.data.total > timeline.data.items.length && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setShown((n) => Math.min(n + STEP, 200))}
          disabled={timeline.isFetching}
        >
          {t('worklist.timeline.more')}
        </button>
      )}
    </section>
  );
}
