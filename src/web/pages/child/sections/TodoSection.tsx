import type { ReactNode } from 'react';
/**
 * "Att göra", the child's first view: the open deadlines the active role's organisation must act on, soonest first,
 * each with its due date, the time left and a link to the part of the page where the step is taken; then what waits
 * on others and who holds it. Everything comes from the server's overview (which deadlines are whose is the
 * worklist's own rule, `ownedBy`): the browser computes no rule.
 */
import { Link } from '@tanstack/react-router';
import type { Overview, OverviewDeadline } from '../../../api/worklist-types.ts';
import type { Translate } from '../../../i18n.ts';
import { useI18n } from '../../../language.tsx';
import { deadlineSource, deadlineTitle, timeLeftText } from '../../worklist/labels.ts';
import { availableViews, viewOfSection, type ViewDef } from '../views.ts';

/** "Socialtjänsten i Malmö, tilldelad Sara Lind", "Migrationsverket". */
export function holderText(t: Translate, holder: OverviewDeadline['holder']): string {
  const where = holder.municipality?.name;
  const who = (() => {
    switch (holder.actor) {
      case 'social_services':
        return where === undefined
          ? t('child.todo.holder.social_services')
          : t('child.todo.holder.social_servicesIn', { municipality: where });
      case 'guardianship':
        return where === undefined
          ? t('child.todo.holder.guardianship')
          : t('child.todo.holder.guardianshipIn', { municipality: where });
      case 'migration_agency':
        return t('child.todo.holder.migration_agency');
      case 'region':
        return t('child.todo.holder.region');
      default:
        return t('child.todo.holder.other');
    }
  })();
  return holder.assignee === null
    ? who
    : t('child.todo.holder.assigned', { holder: who, name: holder.assignee });
}

function Row({
  childId,
  deadline,
  views,
  showHolder,
}: {
  readonly childId: string;
  readonly deadline: OverviewDeadline;
  readonly views: readonly ViewDef[];
  readonly showHolder: boolean;
}) {
  const { t, tn } = useI18n();
  const view = viewOfSection(deadline.section);
  const source = deadlineSource(t, deadline.rule);
  const target = views.find((v) => v.view === view);
  return (
    <li className={deadline.overdue ? 'deadline deadline--overdue' : 'deadline'}>
      <span className="deadline__title">{deadlineTitle(t, deadline.rule)}</span>{' '}
      <span className="nowrap">
        {t('child.todo.due', { date: deadline.dueOn })} – {timeLeftText(t, tn, deadline)}
      </span>
      {showHolder && <span className="deadline__holder">{holderText(t, deadline.holder)}</span>}
      {source !== '' && <span className="hint deadline__source">{source}</span>}
      {target !== undefined && (
        <Link
          to="/barn/$childId"
          params={{ childId }}
          search={{ del: target.view }}
          className="deadline__link"
        >
          {t('child.todo.goTo', { part: t(target.label) })}
        </Link>
      )}
    </li>
  );
}

export function TodoSection({
  childId,
  overview,
  sections,
  first,
}: {
  readonly childId: string;
  readonly overview: Overview;
  readonly sections: Parameters<typeof availableViews>[0]['sections'];
  /** What comes first under the heading (the risk moments). */
  readonly first?: ReactNode;
}) {
  const { t } = useI18n();
  const views = availableViews({ sections }, false);
  const yours = overview.deadlines.filter((d) => d.yours);
  const others = overview.deadlines.filter((d) => !d.yours);
  return (
    <section aria-labelledby="todo-title" className="section todo">
      <h2 id="todo-title">{t('child.nav.todo')}</h2>
      {first}
      <h3 id="todo-yours">{t('child.todo.yours')}</h3>
      {yours.length === 0 ? (
        <p>{t('child.todo.nothingYours')}</p>
      ) : (
        <ul className="deadlines" aria-labelledby="todo-yours">
          {yours.map((d) => (
            <Row
              key={d.id}
              childId={childId}
              deadline={d}
              views={views}
              showHolder={d.holder.assignee !== null}
            />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3 id="todo-others">{t('child.todo.others')}</h3>
          <ul className="deadlines" aria-labelledby="todo-others">
            {others.map((d) => (
              <Row key={d.id} childId={childId} deadline={d} views={views} showHolder />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
