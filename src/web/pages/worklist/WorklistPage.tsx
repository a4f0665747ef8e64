/**
 * The role's worklist (/arbetslista): every open deadline the role must act on, overdue first then by due date, with
 * the rule that set it, its legal source and the time left (working days where the rule counts them); filters and
 * paging in the URL. A god man sees the wards' deadlines and coming meetings, read-only.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DEADLINE_RULES } from '../../../domain/deadlines/rule-table.ts';
import { useSession } from '../../api/queries.ts';
import type { Worklist, WorklistFilters } from '../../api/worklist-types.ts';
import { useWorklist } from '../../api/worklist-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment } from '../../permissions.ts';
import { deadlineSource, deadlineTitle, timeLeftText } from './labels.ts';
import { MissingBlock } from './MissingBlock.tsx';

const PAGE_SIZE = 25;
const RULE_IDS = Object.keys(DEADLINE_RULES) as (keyof typeof DEADLINE_RULES)[];

export interface WorklistSearch {
  readonly rule?: string;
  readonly overdue?: boolean;
  readonly mine?: boolean;
  readonly municipality?: string;
  readonly page?: number;
}

function Filters({
  search,
  municipalityCodes,
}: {
  readonly search: WorklistSearch;
  readonly municipalityCodes: readonly string[];
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = useMunicipalityName();
  const role = activeAssignment(useSession().data)?.role;
  const [rule, setRule] = useState(search.rule ?? '');
  const [overdue, setOverdue] = useState(search.overdue === true);
  const [mine, setMine] = useState(search.mine === true);
  const [municipality, setMunicipality] = useState(search.municipality ?? '');
  const social = role === 'social_worker' || role === 'unit_manager';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({
      to: '/arbetslista',
      search: {
        ...(rule === '' ? {} : { rule }),
        ...(overdue ? { overdue: true } : {}),
        ...(mine ? { mine: true } : {}),
        ...(municipality === '' ? {} : { municipality }),
      },
    });
  };
  return (
    <form className="form worklist-filters" onSubmit={submit} noValidate>
      <fieldset className="fieldset group">
        <legend>{t('worklist.filters')}</legend>
        <div className="field">
          <label htmlFor="worklist-rule">{t('worklist.filter.rule')}</label>
          <select
            id="worklist-rule"
            className="input select"
            value={rule}
            onChange={(e) => setRule(e.target.value)}
          >
            <option value="">{t('worklist.filter.anyRule')}</option>
            {RULE_IDS.map((id) => (
              <option key={id} value={id}>
                {deadlineTitle(t, id)}
              </option>
            ))}
          </select>
        </div>
        {municipalityCodes.length > 1 && (
          <div className="field">
            <label htmlFor="worklist-municipality">{t('worklist.filter.municipality')}</label>
            <select
              id="worklist-municipality"
              className="input select"
              value={municipality}
              onChange={(e) => setMunicipality(e.target.value)}
            >
              <option value="">{t('worklist.filter.anyMunicipality')}</option>
              {municipalityCodes.map((code) => (
                <option key={code} value={code}>
                  {name(code)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--check">
          <div className="check">
            <input
              id="worklist-overdue"
              type="checkbox"
              checked={overdue}
              onChange={(e) => setOverdue(e.target.checked)}
            />
            <label htmlFor="worklist-overdue">{t('worklist.filter.overdue')}</label>
          </div>
        </div>
        {social && (
          <div className="field field--check">
            <div className="check">
              <input
                id="worklist-mine"
                type="checkbox"
                checked={mine}
                onChange={(e) => setMine(e.target.checked)}
              />
              <label htmlFor="worklist-mine">{t('worklist.filter.mine')}</label>
            </div>
          </div>
        )}
        <p className="actions">
          <button type="submit" className="button button--primary">
            {t('worklist.filter.apply')}
          </button>
          <Link to="/arbetslista" className="button button--secondary">
            {t('worklist.filter.clear')}
          </Link>
        </p>
      </fieldset>
    </form>
  );
}

function DeadlineTable({
  list,
  page,
  pages,
}: {
  readonly list: Worklist;
  readonly page: number;
  readonly pages: number;
}) {
  const { t, tn } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table worklist">
        <caption>{t('worklist.caption', { page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('worklist.col.due')}</th>
            <th scope="col">{t('worklist.col.left')}</th>
            <th scope="col">{t('worklist.col.rule')}</th>
            <th scope="col">{t('worklist.col.child')}</th>
            <th scope="col">{t('worklist.col.municipality')}</th>
            <th scope="col">{t('worklist.col.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((item) => (
            <tr key={item.id} className={item.overdue ? 'worklist__row--overdue' : undefined}>
              <th scope="row" className="nowrap">
                {item.dueOn}
                {item.overdue && (
                  <span className="tag tag--warning worklist__tag">{t('worklist.overdueTag')}</span>
                )}
              </th>
              <td className="nowrap">{timeLeftText(t, tn, item)}</td>
              <td>
                <span className="worklist__rule">{deadlineTitle(t, item.rule)}</span>
                <span className="hint worklist__source">
                  {[deadlineSource(t, item.rule), item.statutory ? t('worklist.statutory') : '']
                    .filter((x) => x !== '')
                    .join(' · ')}
                </span>
                {item.rule === 'relative-assessment' && (
                  <Link to="/anhorigbedomningar" className="worklist__action">
                    {t('worklist.toRelativeAssessment')}
                  </Link>
                )}
              </td>
              <td>
                <Link to="/barn/$childId" params={{ childId: item.child.id }}>
                  {item.child.dossierNumber}
                </Link>{' '}
                <ChildName child={item.child} />
                {item.riskMoments.length > 0 && (
                  <p className="worklist__risk">
                    <span className="tag">
                      {t('profile.moments.marker', {
                        list: item.riskMoments.map((m) => t(`profile.momentShort.${m}`)).join(', '),
                      })}
                    </span>
                  </p>
                )}
              </td>
              <td>{item.municipality?.name ?? t('common.missing')}</td>
              <td>{item.assignee?.name ?? t('worklist.unassigned')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Meetings({ list }: { readonly list: Worklist }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="worklist-meetings" className="section">
      <h2 id="worklist-meetings">{t('worklist.meetings')}</h2>
      {list.meetings.length === 0 ? (
        <p>{t('worklist.noMeetings')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--narrow">
            <caption>{t('worklist.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.col.date')}</th>
                <th scope="col">{t('worklist.col.meeting')}</th>
                <th scope="col">{t('worklist.col.child')}</th>
              </tr>
            </thead>
            <tbody>
              {list.meetings.map((m) => (
                <tr key={`${m.kind}-${m.on}-${m.child.id}`}>
                  <th scope="row" className="nowrap">
                    {m.on}
                  </th>
                  <td>{t(`worklist.meeting.${m.kind}`)}</td>
                  <td>
                    <Link to="/barn/$childId" params={{ childId: m.child.id }}>
                      {m.child.dossierNumber}
                    </Link>{' '}
                    <ChildName child={m.child} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The municipalities to filter by: those on the list (a guardianship authority may serve several). */
function municipalitiesShown(list: Worklist | undefined, chosen: string | undefined): string[] {
  const codes = new Set(
    (list?.items ?? []).flatMap((i) => (i.municipality === null ? [] : [i.municipality.code])),
  );
  if (chosen !== undefined) codes.add(chosen);
  return [...codes].sort();
}

export function WorklistPage({ search }: { readonly search: WorklistSearch }) {
  const { t, tn } = useI18n();
  const session = useSession().data;
  const active = activeAssignment(session);
  const page = search.page ?? 1;
  const filters: WorklistFilters = {
    rule: search.rule,
    overdue: search.overdue,
    mine: search.mine,
    municipality: search.municipality,
    page,
  };
  const list = useWorklist(filters, PAGE_SIZE);
  const pages = list.data === undefined ? 1 : Math.max(1, Math.ceil(list.data.total / PAGE_SIZE));
  const godMan = active?.role === 'god_man';
  const { page: _page, ...rest } = search;
  return (
    <Page title={t('worklist.title')}>
      <p className="lead">{t(godMan ? 'worklist.introGodMan' : 'worklist.intro')}</p>
      {list.data !== undefined && <MissingBlock missing={list.data.missing} />}
      <Filters
        key={JSON.stringify(rest)}
        search={search}
        municipalityCodes={municipalitiesShown(list.data, search.municipality)}
      />
      <Announce>
        {list.data !== undefined && <p className="result-count">{tn('worklist.count', list.data.total)}</p>}
      </Announce>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data !== undefined &&
        (list.data.items.length === 0 ? (
          <p>{t('worklist.empty')}</p>
        ) : (
          <DeadlineTable list={list.data} page={page} pages={pages} />
        ))}
      <Pagination
        page={page}
        pages={pages}
        renderLink={(target, label, rel) => (
          <Link
            to="/arbetslista"
            search={{ ...rest, page: target }}
            rel={rel}
            className="button button--secondary"
          >
            {label}
          </Link>
        )}
      />
      {godMan && list.data !== undefined && <Meetings list={list.data} />}
    </Page>
  );
}
