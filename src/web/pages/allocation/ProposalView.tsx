/** The proposed decision with its reasons: the group, the type, the municipality's figures, relatives, next in turn. */
import type { Proposal, RelativeAssessmentStatus } from '../../api/allocation-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { RelativeContactText } from '../../components/RelativeContact.tsx';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { todayInSweden } from '../../dates.ts';
import { useI18n } from '../../language.tsx';
import { FiguresFacts, FiguresTable } from './FiguresTable.tsx';

export function AssessmentStatusTag({ assessment }: { readonly assessment: RelativeAssessmentStatus }) {
  const { t } = useI18n();
  if (assessment.outcome === 'suitable')
    return <span className="tag tag--ok">{t('assessment.suitable')}</span>;
  if (assessment.outcome === 'unsuitable') {
    return <span className="tag tag--danger">{t('assessment.unsuitable')}</span>;
  }
  return assessment.dueOn < todayInSweden() ? (
    <span className="tag tag--danger">{t('assessment.overdue')}</span>
  ) : (
    <span className="tag tag--warning">{t('assessment.open')}</span>
  );
}

function GroupTable({ group }: { readonly group: Proposal['group'] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{group.length > 1 ? t('proposal.groupSiblings') : t('proposal.groupOne')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.col.dossier')}</th>
            <th scope="col">{t('children.col.name')}</th>
            <th scope="col">{t('children.col.birthDate')}</th>
            <th scope="col">{t('children.col.gender')}</th>
          </tr>
        </thead>
        <tbody>
          {group.map((child) => (
            <tr key={child.id}>
              <th scope="row">{child.dossierNumber}</th>
              <td>
                <ChildName child={child} />
              </td>
              <td className="nowrap">{child.birthDate}</td>
              <td>{t(`gender.${child.gender}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RelativesTable({
  assessments,
  masked,
}: {
  readonly assessments: Proposal['relativeAssessments'];
  /** The child's identity is masked for the officer: the contact details are withheld too. */
  readonly masked: boolean;
}) {
  const { t, dateTime } = useI18n();
  const name = useMunicipalityName();
  if (assessments.length === 0) return <p>{t('proposal.noRelative')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('proposal.relatives')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.col.municipality')}</th>
            <th scope="col">{t('assessment.col.relation')}</th>
            <th scope="col">{t('assessment.col.relative')}</th>
            <th scope="col">{t('assessment.col.due')}</th>
            <th scope="col">{t('assessment.col.status')}</th>
            <th scope="col">{t('assessment.col.note')}</th>
            <th scope="col">{t('assessment.col.assessedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={`${a.municipalityCode}-${a.relation}-${a.dueOn}`}>
              <th scope="row">{name(a.municipalityCode)}</th>
              <td>{a.relation}</td>
              <td>
                <RelativeContactText contact={a.relative} masked={masked} />
              </td>
              <td className="nowrap">{a.dueOn}</td>
              <td>
                <AssessmentStatusTag assessment={a} />
              </td>
              <td>{a.outcomeNote ?? t('common.missing')}</td>
              <td>
                {a.assessedBy === null
                  ? t('common.missing')
                  : `${a.assessedBy}${a.assessedAt === null ? '' : `, ${dateTime(a.assessedAt)}`}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalView({ proposal }: { readonly proposal: Proposal }) {
  const { t } = useI18n();
  const m = proposal.municipality;
  return (
    <>
      <section aria-labelledby="group-title" className="section">
        <h2 id="group-title">{t('proposal.children')}</h2>
        <GroupTable group={proposal.group} />
      </section>
      <section aria-labelledby="proposal-title" className="section proposal" data-testid="proposal">
        <h2 id="proposal-title">{t('proposal.title')}</h2>
        <p className="proposal__headline">
          <span className="tag tag--kind">{t(`decisionKind.${proposal.kind}`)}</span>{' '}
          <strong>{t('proposal.to', { name: m.name })}</strong>
        </p>
        <p>
          {proposal.basis === 'rule'
            ? t(`proposal.basis.rule.${proposal.rule}`, { name: m.name })
            : t(`proposal.basis.${proposal.basis}`, { name: m.name })}
        </p>
        <FiguresFacts figures={m} />
        <p className="hint">{t('proposal.figuresHint')}</p>
      </section>
      <section aria-labelledby="relatives-title" className="section">
        <h2 id="relatives-title">{t('proposal.relativesTitle')}</h2>
        <RelativesTable
          assessments={proposal.relativeAssessments}
          masked={proposal.group.some((child) => child.identityMasked)}
        />
      </section>
      <section aria-labelledby="next-title" className="section">
        <h2 id="next-title">{t('proposal.nextTitle')}</h2>
        <p>{t('proposal.nextIntro')}</p>
        <FiguresTable
          rows={proposal.nextInTurn}
          caption={t('proposal.nextCaption')}
          firstTurn={proposal.kind === 'utjamnande' ? 2 : 1}
        />
      </section>
    </>
  );
}
