/**
 * "På sidan": the child's page in parts, one shown at a time. Plain links (the URL keeps the part, so back and a
 * shared link work; a screen reader lists them like any navigation); the current one is marked aria-current. Beside
 * each part, where its sub-process stands now, and on "Att göra" how many open deadlines are the role's own.
 */
import { Link } from '@tanstack/react-router';
import type { Overview } from '../../api/worklist-types.ts';
import { useI18n } from '../../language.tsx';
import { stateLabel } from '../worklist/labels.ts';
import { FIRST_VIEW, type ChildView, type ViewDef } from './views.ts';

export function ChildNav({
  childId,
  views,
  current,
  overview,
}: {
  readonly childId: string;
  readonly views: readonly ViewDef[];
  readonly current: ChildView;
  readonly overview: Overview | undefined;
}) {
  const { t } = useI18n();
  const state = (machine: string | undefined) => {
    const m = machine === undefined ? undefined : overview?.machines.find((x) => x.machine === machine);
    return m === undefined ? null : stateLabel(t, m.machine, m.state);
  };
  const yours = overview?.deadlines.filter((d) => d.yours).length ?? 0;
  return (
    <nav aria-labelledby="child-nav-title" className="child-nav">
      <h2 id="child-nav-title" className="child-nav__title">
        {t('child.nav.title')}
      </h2>
      <ul className="child-nav__list">
        {views.map((v) => {
          const now = state(v.machine);
          return (
            <li key={v.view}>
              <Link
                to="/barn/$childId"
                params={{ childId }}
                search={v.view === FIRST_VIEW ? {} : { del: v.view }}
                aria-current={v.view === current ? 'page' : undefined}
                className={
                  v.view === current ? 'child-nav__link child-nav__link--current' : 'child-nav__link'
                }
                data-view={v.view}
              >
                <span className="child-nav__label">{t(v.label)}</span>
                {now !== null && <span className="child-nav__state">{now}</span>}
                {v.view === FIRST_VIEW && yours > 0 && (
                  <span className="child-nav__state">{t('child.nav.todoCount', { count: yours })}</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
