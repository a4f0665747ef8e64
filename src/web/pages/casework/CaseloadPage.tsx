/**
 * The unit manager's caseload ("Ärendefördelning"): per social worker the open cases (responsible and co-worker),
 * overdue deadlines, the next deadline and any absence; the unit's open cases (unassigned first) with links to the
 * child's page, where the case is assigned; and the substitutes during absence.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useCaseload } from '../../api/casework-queries.ts';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { CaseTable } from './CaseTable.tsx';
import { SubstitutesPanel } from './SubstitutesPanel.tsx';

export function CaseloadPage() {
  const { t, tn } = useI18n();
  const [worker, setWorker] = useState('unassigned');
  const [page, setPage] = useState(1);
  const load = useCaseload(worker, page);
  const data = load.data;
  return (
    <Page title={t('caseload.title')}>
      <p className="lead">{t('caseload.intro')}</p>
      {load.isPending && <Loading />}
      {load.isError && <LoadError error={load.error} />}
      {data !== undefined && (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption>{t('caseload.workers.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('caseload.col.worker')}</th>
                  <th scope="col" className="num">
                    {t('caseload.col.primary')}
                  </th>
                  <th scope="col" className="num">
                    {t('caseload.col.secondary')}
                  </th>
                  <th scope="col" className="num">
                    {t('caseload.col.overdue')}
                  </th>
                  <th scope="col">{t('caseload.col.nextDue')}</th>
                  <th scope="col">{t('caseload.col.absence')}</th>
                </tr>
              </thead>
              <tbody>
                {data.workers.map((w) => (
                  <tr key={w.userId}>
                    <th scope="row">{w.name}</th>
                    <td className="num">{w.primaryCases}</td>
                    <td className="num">{w.secondaryCases}</td>
                    <td className="num">
                      {w.overdue > 0 ? <span className="tag tag--danger">{w.overdue}</span> : 0}
                    </td>
                    <td className="nowrap">{w.nextDue ?? t('caseload.noOne')}</td>
                    <td>
                      {w.absentUntil !== null && w.substitute !== null
                        ? t('caseload.absent', { date: w.absentUntil, name: w.substitute.name })
                        : t('caseload.noOne')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="field">
            <label htmlFor="caseload-show">{t('caseload.show')}</label>
            <select
              id="caseload-show"
              className="input select"
              value={worker}
              onChange={(e) => {
                setWorker(e.target.value);
                setPage(1);
              }}
            >
              <option value="unassigned">{t('caseload.unassigned', { count: data.unassigned })}</option>
              <option value="all">{t('caseload.all')}</option>
              {data.workers.map((w) => (
                <option key={w.userId} value={w.userId}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <Announce>
            <p className="result-count">{tn('caseload.cases.count', data.total)}</p>
          </Announce>
          {data.items.length === 0 ? (
            <p>{t('caseload.cases.none')}</p>
          ) : (
            <CaseTable
              caption={t('caseload.cases.caption')}
              items={data.items}
              link={(id, dossier) => (
                <Link to="/barn/$childId" params={{ childId: id }}>
                  {dossier}
                </Link>
              )}
            />
          )}
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(data.total / 50))}
            renderLink={(target, label, rel) => (
              <button
                key={rel}
                type="button"
                className="button button--secondary button--small"
                onClick={() => setPage(target)}
              >
                {label}
              </button>
            )}
          />
          <SubstitutesPanel workers={data.workers} />
        </>
      )}
    </Page>
  );
}
