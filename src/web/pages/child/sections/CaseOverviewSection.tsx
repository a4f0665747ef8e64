/**
 * The top of the child's page: where each sub-process stands, who is responsible and the people around the child,
 * the open deadlines with their rule and legal source, interpreter need and languages, coming meetings — each part
 * only as the active role may read it (the server filters) — and "Uppgifter om barnet" for those who may correct it.
 */
import { useParams } from '@tanstack/react-router';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { useSession } from '../../../api/queries.ts';
import type { ChildDetail } from '../../../api/types.ts';
import type { Overview } from '../../../api/worklist-types.ts';
import { useOverview } from '../../../api/worklist-queries.ts';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { activeAssignment, can } from '../../../permissions.ts';
import { deadlineSource, deadlineTitle, machineLabel, stateLabel, timeLeftText } from '../../worklist/labels.ts';
import { RecordPanel } from '../../worklist/RecordPanel.tsx';

function People({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  const { responsible, people, interpreter } = overview;
  return (
    <dl className="facts">
      {responsible !== null && (
        <div>
          <dt>{t('worklist.overview.responsible')}</dt>
          <dd>{t('worklist.overview.responsibleSince', { name: responsible.municipality.name, date: responsible.from })}</dd>
        </div>
      )}
      {people.socialWorkers !== null && (
        <div>
          <dt>{t('worklist.overview.socialWorkers')}</dt>
          <dd>
            {people.socialWorkers.length === 0
              ? t('worklist.overview.noWorkers')
              : people.socialWorkers.map((w) => `${w.name} (${w.role === 'primary' || w.role === 'secondary' ? t(`worklist.worker.${w.role}`) : w.role})`).join(', ')}
          </dd>
        </div>
      )}
      {people.guardians !== null && (
        <div>
          <dt>{t('worklist.overview.guardians')}</dt>
          <dd>
            {people.guardians.length === 0
              ? t('worklist.overview.noGuardian')
              : people.guardians
                  .map((g) => `${g.name} (${g.kind === 'god_man' || g.kind === 'special_custodian' ? t(`worklist.guardian.${g.kind}`) : g.kind})`)
                  .join(', ')}
          </dd>
        </div>
      )}
      {people.region !== null && (
        <div>
          <dt>{t('worklist.overview.region')}</dt>
          <dd>{people.region.name}</dd>
        </div>
      )}
      {interpreter !== null && (
        <div>
          <dt>{t('worklist.overview.interpreter')}</dt>
          <dd>
            {t(interpreter.needed ? 'worklist.overview.interpreterNeeded' : 'worklist.overview.noInterpreter')}
            {interpreter.languages.length > 0 && `. ${t('worklist.overview.languages', { languages: interpreter.languages.join(', ') })}`}
          </dd>
        </div>
      )}
    </dl>
  );
}

function States({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  if (overview.machines.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{t('worklist.overview.statesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('worklist.overview.process')}</th>
            <th scope="col">{t('worklist.overview.state')}</th>
            <th scope="col">{t('worklist.overview.since')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.machines.map((m) => (
            <tr key={m.machine}>
              <th scope="row">{machineLabel(t, m.machine)}</th>
              <td>{stateLabel(t, m.machine, m.state)}</td>
              <td className="nowrap">{m.since ?? t('worklist.overview.noEventYet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Deadlines({ overview }: { readonly overview: Overview }) {
  const { t, tn } = useI18n();
  return (
    <>
      <h3>{t('worklist.overview.deadlines')}</h3>
      {overview.deadlines.length === 0 ? (
        <p>{t('worklist.overview.noDeadlines')}</p>
      ) : (
        <ul className="deadlines">
          {overview.deadlines.map((d) => (
            <li key={d.id} className={d.overdue ? 'deadline deadline--overdue' : 'deadline'}>
              <span className="deadline__title">{deadlineTitle(t, d.rule)}</span>{' '}
              <span className="nowrap">
                {d.dueOn} – {timeLeftText(t, tn, d)}
              </span>
              <span className="hint deadline__source">{deadlineSource(t, d.rule)}</span>
            </li>
          ))}
        </ul>
      )}
      {overview.meetings.length > 0 && (
        <>
          <h3>{t('worklist.overview.meetings')}</h3>
          <ul className="plain-list">
            {overview.meetings.map((m) => (
              <li key={`${m.kind}-${m.on}`}>
                {m.on}: {t(`worklist.meeting.${m.kind}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function CaseOverviewSection({ child }: { readonly child: ChildDetail; readonly access?: SectionAccess; readonly asylum?: SectionAccess; readonly age?: SectionAccess }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const { childId = child.id } = useParams({ strict: false });
  const readsCase = can(role, 'case:read');
  const overview = useOverview(child.id, readsCase);
  return (
    <>
      {childId !== child.id && (
        <div className="notice notice--warning">
          <p>{t('worklist.merged.notice')}</p>
        </div>
      )}
      {readsCase && (
        <section aria-labelledby="overview-title" className="section overview">
          <h2 id="overview-title">{t('worklist.overview.title')}</h2>
          {overview.isPending && <Loading />}
          {overview.isError && <LoadError error={overview.error} />}
          {overview.data !== undefined && (
            <>
              <People overview={overview.data} />
              <States overview={overview.data} />
              <Deadlines overview={overview.data} />
            </>
          )}
        </section>
      )}
      {can(role, 'child:edit') && <RecordPanel child={child} />}
    </>
  );
}
