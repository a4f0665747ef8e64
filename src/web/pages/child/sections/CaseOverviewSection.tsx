/**
 * The overview on the child's first view: who is responsible and the people around the child, where each sub-process
 * stands, interpreter need and languages, coming meetings — each part only as the active role may read it (the
 * server filters). The open deadlines are in "Att göra" (TodoSection) beside it.
 */
import type { Overview } from '../../../api/worklist-types.ts';
import { useI18n } from '../../../language.tsx';
import { machineLabel, stateLabel } from '../../worklist/labels.ts';

function People({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  const { responsible, people, interpreter } = overview;
  return (
    <dl className="facts">
      {responsible !== null && (
        <div>
          <dt>{t('worklist.overview.responsible')}</dt>
          <dd>
            {t('worklist.overview.responsibleSince', {
              name: responsible.municipality.name,
              date: responsible.from,
            })}
          </dd>
        </div>
      )}
      {people.socialWorkers !== null && (
        <div>
          <dt>{t('worklist.overview.socialWorkers')}</dt>
          <dd>
            {people.socialWorkers.length === 0
              ? t('worklist.overview.noWorkers')
              : people.socialWorkers
                  .map(
                    (w) =>
                      `${w.name} (${w.role === 'primary' || w.role === 'secondary' ? t(`worklist.worker.${w.role}`) : w.role})`,
                  )
                  .join(', ')}
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
                  .map(
                    (g) =>
                      `${g.name} (${g.kind === 'god_man' || g.kind === 'special_custodian' ? t(`worklist.guardian.${g.kind}`) : g.kind})`,
                  )
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
            {t(
              interpreter.needed ? 'worklist.overview.interpreterNeeded' : 'worklist.overview.noInterpreter',
            )}
            {interpreter.languages.length > 0 &&
              `. ${t('worklist.overview.languages', { languages: interpreter.languages.join(', ') })}`}
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

function Meetings({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  if (overview.meetings.length === 0) return null;
  return (
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
  );
}

/** "Översikt": the people around the child, where each part of the case stands, the coming meetings. */
export function CaseOverviewSection({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="overview-title" className="section overview">
      <h2 id="overview-title">{t('worklist.overview.title')}</h2>
      <People overview={overview} />
      <States overview={overview} />
      <Meetings overview={overview} />
    </section>
  );
}
