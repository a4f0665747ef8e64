/**
 * The anvisningsbeslut as a printable Swedish document: the decision, the children, the type, the reasons with
 * their figures, the best-interests considerations, the legal basis, that it cannot be appealed, who decided and
 * the record's hash.
 */
import type { Considerations, DecisionDetail } from '../../api/allocation-types.ts';
import {
  decisionReasons,
  KIND_SV,
  LEGAL_BASIS,
  NO_APPEAL,
  RULE_SV,
  type OfficialName,
} from './decision-text.ts';

const CONSIDERATIONS: readonly { key: keyof Considerations; label: string }[] = [
  { key: 'relatives', label: 'Anhöriga' },
  { key: 'siblings', label: 'Syskon' },
  { key: 'specialNeeds', label: 'Särskilda behov' },
  { key: 'childsWishes', label: 'Barnets egna önskemål' },
];

function ChildrenTable({ decision }: { readonly decision: DecisionDetail }) {
  return (
    <table className="table table--document">
      <caption>
        {decision.children.length > 1 ? 'Barnen som beslutet gäller' : 'Barnet som beslutet gäller'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">Aktnummer</th>
          <th scope="col">Födelsedatum</th>
        </tr>
      </thead>
      <tbody>
        {decision.children.map((child) => (
          <tr key={child.id}>
            <th scope="row">
              {child.identityMasked
                ? 'Skyddad identitet'
                : [child.firstName, child.lastName].filter((p) => p !== null).join(' ')}
            </th>
            <td>{child.dossierNumber}</td>
            <td>{child.birthDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DecisionDocument({
  decision,
  name,
}: {
  readonly decision: DecisionDetail;
  /** Formal municipality names ("Stockholms kommun") from the reference data. */
  readonly name: OfficialName;
}) {
  const many = decision.children.length > 1;
  const rule = decision.rule === 'lowest-attainment' ? 'lowest-attainment' : 'quota';
  const reasons = decisionReasons(
    {
      kind: decision.kind,
      rule,
      decidedCode: decision.municipality.code,
      childCount: decision.children.length,
      basis: decision.proposal,
      reason: decision.reason,
      superseded: decision.superseded,
    },
    name,
  );
  return (
    <article className="decision-doc" lang="sv" aria-label="Anvisningsbeslut" data-testid="decision-document">
      <dl className="decision-doc__meta">
        <div>
          <dt>Myndighet</dt>
          <dd>Migrationsverket</dd>
        </div>
        <div>
          <dt>Beslutsnummer</dt>
          <dd data-testid="decision-seq">{decision.seq}</dd>
        </div>
        <div>
          <dt>Beslutsdatum</dt>
          <dd>{decision.decidedOn}</dd>
        </div>
      </dl>

      <h2>Beslut</h2>
      <p className="decision-doc__decision">
        Migrationsverket anvisar <strong>{name(decision.municipality.code)}</strong> att ordna boende för{' '}
        {many ? 'barnen' : 'barnet'} nedan.
      </p>
      <ChildrenTable decision={decision} />

      <h2>Typ av anvisning</h2>
      <p data-testid="decision-kind">{KIND_SV[decision.kind]}</p>

      <h2>Skäl för beslutet</h2>
      <ul className="decision-doc__reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>

      <h2>Barnets bästa</h2>
      <p>Vid beslutet har följande hänsyn till barnets bästa tagits:</p>
      <dl className="decision-doc__considerations">
        {CONSIDERATIONS.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{decision.considerations[key] ?? 'Inget har antecknats.'}</dd>
          </div>
        ))}
      </dl>

      <h2>Tillämpliga bestämmelser</h2>
      <p>Beslutet har fattats med stöd av {LEGAL_BASIS}.</p>

      <h2>Upplysning</h2>
      <p>
        <strong>{NO_APPEAL}</strong>
      </p>

      <p className="decision-doc__signature">
        Beslutet har fattats av {decision.decidedBy}, Migrationsverket, den {decision.decidedOn}.
      </p>

      <dl className="decision-doc__record">
        <div>
          <dt>Fördelningsregel</dt>
          <dd>
            {RULE_SV[rule]} ({decision.ruleVersion})
          </dd>
        </div>
        {decision.supersedesId !== null && (
          <div>
            <dt>Ersätter beslut</dt>
            <dd className="mono">{decision.supersedesId}</dd>
          </div>
        )}
        <div>
          <dt>Beslutets kontrollsumma</dt>
          <dd className="mono" data-testid="record-hash">
            {decision.recordHash}
          </dd>
        </div>
        <div>
          <dt>Fördelningslägets kontrollsumma</dt>
          <dd className="mono">{decision.stateHash}</dd>
        </div>
      </dl>
    </article>
  );
}
