/**
 * The asylum and age case as facts and history tables: used on the child's page and on the asylum officer's page.
 * A temporary age decision that makes the child an adult is shown as a warning.
 */
import type { ReactNode } from 'react';
import type { AgeView, AsylumView, HistoryEntry, MigrationView } from '../../api/asylum-types.ts';
import { useI18n } from '../../language.tsx';
import { actorText, ageKindText, ageStateText, asylumStateText, decisionText, eventText } from './labels.ts';

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function InterpreterNote({ interpreter }: { readonly interpreter: MigrationView['interpreter'] }) {
  const { t } = useI18n();
  if (interpreter === null) return null;
  const languages =
    interpreter.languages.length === 0 ? t('asylum.noLanguages') : interpreter.languages.join(', ');
  return (
    <p className="hint">
      {t(interpreter.needed ? 'asylum.interpreter' : 'asylum.noInterpreter', { languages })}
    </p>
  );
}

export function AsylumFacts({
  asylum,
  interpreter,
}: {
  readonly asylum: AsylumView;
  readonly interpreter: MigrationView['interpreter'];
}) {
  const { t } = useI18n();
  if (!asylum.recorded) return <p>{t('asylum.section.notRecorded')}</p>;
  const none = t('asylum.none');
  return (
    <>
      <dl className="facts">
        <Fact term={t('asylum.field.state')}>{asylumStateText(t, asylum.state)}</Fact>
        <Fact term={t('asylum.field.appliedOn')}>{asylum.appliedOn ?? none}</Fact>
        <Fact term={t('asylum.field.interviews')}>
          {asylum.interviewDates.length === 0 ? none : asylum.interviewDates.join(', ')}
        </Fact>
        <Fact term={t('asylum.field.coming')}>
          {asylum.comingInterviews.length === 0 ? (
            none
          ) : (
            <>
              <span className="tag tag--warning">{asylum.comingInterviews.join(', ')}</span>
              <InterpreterNote interpreter={interpreter} />
            </>
          )}
        </Fact>
        <Fact term={t('asylum.field.decision')}>
          {decisionText(t, asylum.decision)}
          {asylum.decidedOn !== null && ` (${asylum.decidedOn})`}
        </Fact>
        {asylum.permitEndsOn !== null && (
          <Fact term={t('asylum.field.permitEndsOn')}>{asylum.permitEndsOn}</Fact>
        )}
        <Fact term={t('asylum.field.appealedOn')}>{asylum.appealedOn ?? none}</Fact>
        <Fact term={t('asylum.field.finalOn')}>{asylum.finalOn ?? none}</Fact>
      </dl>
      <HistoryTable machine="asylum" caption={t('asylum.history')} entries={asylum.history} />
    </>
  );
}

/** The warning a decision in force gives: a temporary one making the child an adult, a final adult one, an appeal. */
function AgeWarnings({ age }: { readonly age: AgeView }) {
  const { t } = useI18n();
  const current = age.currentDecision;
  if (current === null) return null;
  const texts: string[] = [];
  if (current.adultOnDecision) {
    texts.push(
      t(current.kind === 'temporary_decision' ? 'age.warning.temporaryAdult' : 'age.warning.finalAdult', {
        date: current.decidedOn,
      }),
    );
  }
  if (current.kind === 'temporary_decision' && current.appealedOn !== null)
    texts.push(t('age.warning.appealed', { date: current.appealedOn }));
  if (texts.length === 0) return null;
  return (
    <div className="notice notice--warning">
      {texts.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}

export function AgeFacts({ age }: { readonly age: AgeView }) {
  const { t, tn } = useI18n();
  const none = t('asylum.none');
  const current = age.currentDecision;
  return (
    <>
      <AgeWarnings age={age} />
      <dl className="facts">
        <Fact term={t('age.field.stated')}>{age.statedBirthDate ?? none}</Fact>
        <Fact term={t('age.field.registered')}>{age.registeredBirthDate}</Fact>
        <Fact term={t('age.field.age')}>{tn('age.years', age.ageToday)}</Fact>
        <Fact term={t('age.field.adultFrom')}>{age.adultFrom}</Fact>
        <Fact term={t('age.field.state')}>{ageStateText(t, age.state)}</Fact>
        {age.doubtedOn !== null && <Fact term={t('age.field.doubtedOn')}>{age.doubtedOn}</Fact>}
        {age.medicalAssessment !== null && (
          <Fact term={t('age.field.medical')}>
            {t(age.medicalAssessment.consent ? 'age.medical.consent' : 'age.medical.noConsent', {
              date: age.medicalAssessment.offeredOn,
            })}
          </Fact>
        )}
        {current !== null && (
          <Fact term={t('age.field.decision')}>
            {t('age.decisionText', {
              kind: ageKindText(t, current.kind),
              date: current.decidedOn,
              birthDate: current.birthDate,
            })}
          </Fact>
        )}
      </dl>
      <div className="table-wrap">
        <table className="table table--narrow">
          <caption>{t('age.records')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('age.col.kind')}</th>
              <th scope="col">{t('age.col.birthDate')}</th>
              <th scope="col">{t('age.col.decidedOn')}</th>
              <th scope="col">{t('age.col.appealedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {age.records.map((r, i) => (
              <tr key={`${r.kind}-${r.decidedOn}-${String(i)}`}>
                <th scope="row">{ageKindText(t, r.kind)}</th>
                <td className="nowrap">
                  {r.birthDate}
                  {r.adultOnDecision && r.kind !== 'stated' && r.kind !== 'registered' && (
                    <span className="tag tag--danger">{t('asylum.detail.makesAdult')}</span>
                  )}
                </td>
                <td className="nowrap">{r.decidedOn}</td>
                <td className="nowrap">{r.appealedOn ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HistoryTable machine="age" caption={t('age.history')} entries={age.history} />
    </>
  );
}

function details(t: ReturnType<typeof useI18n>['t'], entry: HistoryEntry): string {
  const parts: string[] = [];
  if (entry.interviewOn !== null) parts.push(t('asylum.detail.interview', { date: entry.interviewOn }));
  if (entry.decision !== null && entry.event === 'become_final') parts.push(decisionText(t, entry.decision));
  if (entry.permitEndsOn !== null) parts.push(t('asylum.detail.permitEnds', { date: entry.permitEndsOn }));
  if (entry.birthDate !== null)
    parts.push(
      t('asylum.detail.birthDate', {
        date: entry.birthDate,
        previous: entry.previousBirthDate ?? t('asylum.none'),
      }),
    );
  if (entry.consent !== null)
    parts.push(t(entry.consent ? 'asylum.detail.consent' : 'asylum.detail.noConsent'));
  if (entry.makesAdult === true) parts.push(t('asylum.detail.makesAdult'));
  return parts.join(' · ');
}

export function HistoryTable({
  machine,
  caption,
  entries,
}: {
  readonly machine: 'asylum' | 'age';
  readonly caption: string;
  readonly entries: readonly HistoryEntry[];
}) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('asylum.col.date')}</th>
            <th scope="col">{t('asylum.col.event')}</th>
            <th scope="col">{t('asylum.col.details')}</th>
            <th scope="col">{t('asylum.col.by')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.recordedAt}-${e.event}`}>
              <td className="nowrap">{e.occurredOn}</td>
              <th scope="row">{eventText(t, machine, e.event)}</th>
              <td>{details(t, e)}</td>
              <td>{actorText(t, e.actorRole)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
