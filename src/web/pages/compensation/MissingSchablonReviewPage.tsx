/**
 * The Migration Agency's answers to the reports of a missing schablon (ADR 0035): every municipality's open reports,
 * oldest first, each with what Anvisa computes for the child's quarter now against what was paid, and a form to
 * accept it (a supplementary payout of what is owed, on a day) or reject it with a reason; below, the latest answered.
 */
import { useState } from 'react';
import { useAgencyReports } from '../../api/payout-queries.ts';
import type { MissingSchablonReport } from '../../api/payout-types.ts';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { AnswerFormFor } from './MissingSchablonAnswerForm.tsx';
import { AnswerText } from './MissingSchablonPage.tsx';
import { childText } from './PayoutSections.tsx';

function ReportCard({
  report,
  onAnswered,
}: {
  readonly report: MissingSchablonReport;
  /** Given for an open report: it can be answered. */
  readonly onAnswered?: () => void;
}) {
  const { t, number } = useI18n();
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  const id = `answer-${report.id}`;
  return (
    <li className="card">
      <h3 id={`${id}-title`}>
        {t('missingSchablon.cardTitle', {
          municipality: report.municipalityName,
          child: childText(t, report),
          quarter: report.quarter,
        })}
      </h3>
      <p>{report.explanation}</p>
      <p className="hint">
        {t('missingSchablon.reportedBy', { date: report.reportedOn, name: report.reportedBy })}
      </p>
      <p>
        {t('missingSchablon.standing', {
          computed: kr(report.computed),
          paid: kr(report.paid),
          difference: kr(report.difference),
        })}
      </p>
      {onAnswered !== undefined ? (
        <AnswerFormFor report={report} onAnswered={onAnswered} />
      ) : (
        <p>
          <AnswerText report={report} />
        </p>
      )}
    </li>
  );
}

export function MissingSchablonReviewPage() {
  const { t } = useI18n();
  const reports = useAgencyReports();
  // The answered report leaves the list with its form: the confirmation takes focus.
  const [answered, setAnswered] = useState<Confirmed | null>(null);
  return (
    <Page title={t('missingSchablon.reviewTitle')}>
      <p>{t('missingSchablon.reviewIntro')}</p>
      <Confirmation confirmed={answered} />
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadError error={reports.error} />
      ) : (
        <>
          <section aria-labelledby="reports-open" className="section">
            <h2 id="reports-open">{t('missingSchablon.openTitle')}</h2>
            {reports.data.open.length === 0 ? (
              <p>{t('missingSchablon.noneOpen')}</p>
            ) : (
              <ul className="plain-list">
                {reports.data.open.map((r) => (
                  <ReportCard
                    key={r.id}
                    report={r}
                    onAnswered={() => setAnswered({ text: t('missingSchablon.answer.sent'), focus: true })}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reports-answered" className="section">
            <h2 id="reports-answered">{t('missingSchablon.answeredTitle')}</h2>
            {reports.data.answered.length === 0 ? (
              <p>{t('missingSchablon.noneAnswered')}</p>
            ) : (
              <ul className="plain-list">
                {reports.data.answered.map((r) => (
                  <ReportCard key={r.id} report={r} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
