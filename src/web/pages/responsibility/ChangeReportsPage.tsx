/**
 * The municipality's changes to report to the Migration Agency ("Anmälningar till Migrationsverket"): transfer,
 * absconding, departure, reunification, SFV and 18, each with its reporting deadline — the 7th of the month after
 * the change for asylum seekers, after the quarter for permit holders — overdue first; "reported on" records the day
 * the change was reported in the Agency's e-service.
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useChangeReports } from '../../api/responsibility-queries.ts';
import { CHANGE_KINDS, type ChangeReportRow } from '../../api/responsibility-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { codeText } from './form-kit.ts';
import { ReportedForm } from './ReportedForm.tsx';

const PAGE_SIZE = 25;
const STATUSES = ['unreported', 'reported', 'all'] as const;
type Status = (typeof STATUSES)[number];

function Row({ row }: { readonly row: ChangeReportRow }) {
  const { t } = useI18n();
  return (
    <tr className={row.overdue ? 'row--overdue' : undefined}>
      <th scope="row">
        {row.child === null ? (
          '–'
        ) : (
          <Link to="/barn/$childId" params={{ childId: row.child.id }}>
            {row.child.dossierNumber}
          </Link>
        )}
      </th>
      <td>{row.child === null ? '–' : <ChildName child={row.child} />}</td>
      <td>{codeText(t, 'responsibility.change', row.change)}</td>
      <td className="nowrap">{row.changedOn}</td>
      <td>
        {row.permitHolder
          ? t('responsibility.reports.permitHolder')
          : t('responsibility.reports.asylumSeeker')}
      </td>
      <td className="nowrap">
        {row.dueOn}
        {row.overdue && <span className="tag tag--warning">{t('responsibility.reports.overdue')}</span>}
      </td>
      <td>
        {row.reportedOn !== null ? (
          t('responsibility.reports.reportedBy', { on: row.reportedOn, by: row.reportedBy ?? '–' })
        ) : (
          <ReportedForm
            compact
            id={`cr-${row.id.slice(0, 8)}`}
            path={`/api/change-reports/${encodeURIComponent(row.id)}/reported`}
            title="responsibility.reports.markTitle"
            label="responsibility.reports.reportedOn"
            submit="responsibility.reports.mark"
            done="responsibility.reports.marked"
          />
        )}
      </td>
    </tr>
  );
}

export function ChangeReportsPage() {
  const { t, tn } = useI18n();
  const [status, setStatus] = useState<Status>('unreported');
  const [change, setChange] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const list = useChangeReports({
    status,
    change: change === '' ? undefined : change,
    overdue: overdue ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const data = list.data;
  return (
    <Page title={t('responsibility.reports.title')}>
      <p className="lead">{t('responsibility.reports.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('responsibility.reports.filters')}
      >
        <div className="filters__row">
          <div className="field">
            <label htmlFor="cr-status">{t('responsibility.reports.status')}</label>
            <select
              id="cr-status"
              className="input select"
              value={status}
              onChange={(e) => {
                setStatus(STATUSES.find((s) => s === e.target.value) ?? 'unreported');
                setPage(1);
              }}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`responsibility.reports.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cr-change">{t('responsibility.reports.change')}</label>
            <select
              id="cr-change"
              className="input select"
              value={change}
              onChange={(e) => {
                setChange(e.target.value);
                setPage(1);
              }}
            >
              <option value="">{t('responsibility.reports.anyChange')}</option>
              {CHANGE_KINDS.map((c) => (
                <option key={c} value={c}>
                  {t(`responsibility.change.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--check">
            <div className="check">
              <input
                id="cr-overdue"
                type="checkbox"
                checked={overdue}
                onChange={(e) => {
                  setOverdue(e.target.checked);
                  setPage(1);
                }}
              />
              <label htmlFor="cr-overdue">{t('responsibility.reports.onlyOverdue')}</label>
            </div>
          </div>
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {data !== undefined && (
        <>
          <Announce>
            <p className="result-count">{tn('responsibility.reports.count', data.total)}</p>
          </Announce>
          {data.items.length === 0 ? (
            <p>{t('responsibility.reports.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption>{t('responsibility.reports.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('children.col.dossier')}</th>
                    <th scope="col">{t('children.col.name')}</th>
                    <th scope="col">{t('responsibility.reports.change')}</th>
                    <th scope="col">{t('responsibility.reports.changedOn')}</th>
                    <th scope="col">{t('responsibility.reports.rule')}</th>
                    <th scope="col">{t('responsibility.reports.dueOn')}</th>
                    <th scope="col">{t('responsibility.reports.reportedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <Row key={row.id} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
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
        </>
      )}
    </Page>
  );
}
