/**
 * One child, as much as the active role may see. Outside the scope the server answers 404: the not-found page.
 * The child's basic facts stay on top; below them the case in parts (views.ts), one at a time, chosen in the
 * "På sidan" navigation and kept in the URL. The first part, "Att göra", shows what needs doing. Only the chosen part
 * is rendered, so only its data is fetched; the overview (states and deadlines) serves the navigation and "Att göra".
 * Choosing another part moves focus to its heading.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import type { ChildDetail } from '../../api/types.ts';
import { useChildPage, useOverview } from '../../api/worklist-queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RecordPanel } from '../worklist/RecordPanel.tsx';
import { ChildFacts } from './ChildFacts.tsx';
import { ChildNav } from './ChildNav.tsx';
import { CaseOverviewSection } from './sections/CaseOverviewSection.tsx';
import { GuardianshipSection } from './sections/GuardianshipSection.tsx';
import { HealthSection } from './sections/HealthSection.tsx';
import { MissingSection } from '../missing/MissingSection.tsx';
import { MigrationSection } from './sections/MigrationSection.tsx';
import { MissingProfileSection, RiskMoments } from './sections/MissingProfileSection.tsx';
import { PersonaktSection } from './sections/PersonaktSection.tsx';
import { PlacementSection } from './sections/PlacementSection.tsx';
import { ResponsibilitySection } from './sections/ResponsibilitySection.tsx';
import { SchoolSection } from './sections/SchoolSection.tsx';
import { SocialCaseSection } from './sections/SocialCaseSection.tsx';
import { TimelineSection } from './sections/TimelineSection.tsx';
import { TodoSection } from './sections/TodoSection.tsx';
import { availableViews, chosenView, type ChildView } from './views.ts';

export function ChildPage({
  childId,
  view,
}: {
  readonly childId: string;
  readonly view?: string | undefined;
}) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const child = useChildPage(childId);
  if (child.error instanceof ApiError && child.error.status === 404) return <NotFoundPage />;
  if (child.isPending || child.isError) {
    return (
      <Page title={t('children.title')}>
        {child.isError ? <LoadError error={child.error} /> : <Loading />}
      </Page>
    );
  }
  const data = child.data;
  return (
    <Page title={t('child.title', { dossier: data.dossierNumber })}>
      {data.emergencyAccess && (
        <div className="notice notice--warning">
          <p>{t('child.emergencyBanner')}</p>
        </div>
      )}
      <MergedNotice child={data} />
      <ChildFacts child={data} />
      {can(role, 'child:access-log') && data.accessLog && (
        <p>
          <Link to="/barn/$childId/atkomstlogg" params={{ childId }}>
            {t('child.accessLogLink')}
          </Link>
        </p>
      )}
      {can(role, 'allowance:apply') && (
        <p>
          <Link to="/barn/$childId/sarskilt-bidrag" params={{ childId: data.id }}>
            {t('allowance.childLink')}
          </Link>
        </p>
      )}
      <ChildParts
        child={data}
        requested={view}
        readsCase={can(role, 'case:read')}
        mayEdit={can(role, 'child:edit')}
      />
    </Page>
  );
}

/** Opened under an old (merged) record's id: the page shows the record it was merged into. */
function MergedNotice({ child }: { readonly child: ChildDetail }) {
  const { t } = useI18n();
  const { childId = child.id } = useParams({ strict: false });
  if (childId === child.id) return null;
  return (
    <div className="notice notice--warning">
      <p>{t('worklist.merged.notice')}</p>
    </div>
  );
}

function ChildParts({
  child,
  requested,
  readsCase,
  mayEdit,
}: {
  readonly child: ChildDetail;
  readonly requested: string | undefined;
  readonly readsCase: boolean;
  readonly mayEdit: boolean;
}) {
  const views = availableViews(child, mayEdit);
  const current = chosenView(requested, views);
  const overview = useOverview(child.id, readsCase);
  const part = useRef<HTMLDivElement>(null);
  const shown = useRef<ChildView>(current);
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    // Another part was chosen: its heading takes focus, so keyboard and screen reader users land where it begins.
    const heading = part.current?.querySelector('h2');
    if (heading === null || heading === undefined) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [current]);
  return (
    <div className="child-layout">
      <ChildNav childId={child.id} views={views} current={current} overview={overview.data} />
      <div className="child-layout__part" ref={part} data-testid="child-part">
        <Part view={current} child={child} readsCase={readsCase} overview={overview} />
      </div>
    </div>
  );
}

function Part({
  view,
  child,
  readsCase,
  overview,
}: {
  readonly view: ChildView;
  readonly child: ChildDetail;
  readonly readsCase: boolean;
  readonly overview: ReturnType<typeof useOverview>;
}) {
  const { t } = useI18n();
  const s = child.sections;
  switch (view) {
    case 'att-gora':
      if (!readsCase) {
        return (
          <section aria-labelledby="todo-title" className="section todo">
            <h2 id="todo-title">{t('child.nav.todo')}</h2>
            <p>{t('child.todo.noCase')}</p>
          </section>
        );
      }
      if (overview.data === undefined) {
        return (
          <section aria-labelledby="todo-title" className="section todo">
            <h2 id="todo-title">{t('child.nav.todo')}</h2>
            {overview.isError ? <LoadError error={overview.error} /> : <Loading />}
          </section>
        );
      }
      return (
        <>
          <TodoSection
            childId={child.id}
            overview={overview.data}
            sections={s}
            first={<RiskMoments overview={overview.data} />}
          />
          <CaseOverviewSection overview={overview.data} />
        </>
      );
    case 'ratta':
      return <RecordPanel child={child} />;
    case 'ansvar':
      return <ResponsibilitySection child={child} access={s.responsibility} />;
    case 'arende':
      return <SocialCaseSection child={child} access={s.social_case} />;
    case 'placering':
      return <PlacementSection child={child} access={s.placement} />;
    case 'skola':
      return <SchoolSection child={child} access={s.school} />;
    case 'halsa':
      return <HealthSection child={child} access={s.health} />;
    case 'god-man':
      return <GuardianshipSection child={child} access={s.guardianship} />;
    case 'asyl':
      return <MigrationSection child={child} asylum={s.asylum} age={s.age} />;
    case 'avvikande':
      return <MissingSection child={child} access={s.missing} />;
    case 'forebyggande':
      return <MissingProfileSection child={child} />;
    case 'personakt':
      return <PersonaktSection child={child} access={s.personakt} />;
    case 'tidslinje':
      return <TimelineSection child={child} />;
  }
}
