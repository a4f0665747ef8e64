/**
 * What the claim pages share (ADR 0034): the list of claims, a claim's facts, its lines as submitted with the Agency's
 * decision on each, the versions, the decision's text and the payment. The finance officer's and the Agency's pages
 * differ only in what they let the user do.
 */
import { Link } from '@tanstack/react-router';
import type { Claim, ClaimLine, ClaimList } from '../../api/claims-types.ts';
import { useCountLabel } from './counts.ts';
import { useI18n } from '../../language.tsx';

export type Party = 'municipality' | 'agency';

export function useKronor() {
  const { t, number } = useI18n();
  return (amount: number) => t('compensation.kr', { amount: number(amount) });
}

/** The claim's number as both parties name it: the first eight characters of its chain. */
export const claimReference = (claim: { chainId: string }) => claim.chainId.slice(0, 8).toUpperCase();

const detailPath = (party: Party) =>
  party === 'agency' ? '/ersattning/granskning/$claimId' : '/ersattning/ansokningar/$claimId';

export function ClaimsTable({
  list,
  party,
  caption,
}: {
  readonly list: ClaimList;
  readonly party: Party;
  readonly caption: string;
}) {
  const { t } = useI18n();
  const kr = useKronor();
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('claims.reference')}</th>
          {party === 'agency' && <th scope="col">{t('claims.municipality')}</th>}
          <th scope="col">{t('claims.quarters')}</th>
          <th scope="col">{t('claims.status')}</th>
          <th scope="col">{t('claims.submittedOn')}</th>
          <th scope="col" className="num">
            {t('claims.claimed')}
          </th>
          <th scope="col" className="num">
            {t('claims.granted')}
          </th>
        </tr>
      </thead>
      <tbody>
        {list.claims.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={detailPath(party)} params={{ claimId: c.id }}>
                {t('claims.referenceVersion', { reference: claimReference(c), version: c.versionNo })}
              </Link>
            </td>
            {party === 'agency' && <td>{c.municipalityName}</td>}
            <td>{c.quarters.join(', ')}</td>
            <td>{t(`claims.status.${c.status}`)}</td>
            <td>{c.submittedOn ?? '–'}</td>
            <td className="num">{kr(c.claimed)}</td>
            <td className="num">{c.granted === null ? '–' : kr(c.granted)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClaimFacts({ claim }: { readonly claim: Claim }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('claims.municipality')}</dt>
      <dd>{claim.municipalityName}</dd>
      <dt>{t('claims.quarters')}</dt>
      <dd>{claim.quarters.join(', ')}</dd>
      <dt>{t('claims.status')}</dt>
      <dd>{t(`claims.status.${claim.status}`)}</dd>
      <dt>{t('claims.lastDay')}</dt>
      <dd>{claim.lastDay}</dd>
      {claim.submittedOn !== null && (
        <>
          <dt>{t('claims.submittedOn')}</dt>
          <dd>{claim.submittedOn}</dd>
        </>
      )}
    </dl>
  );
}

export function lineLabel(
  t: ReturnType<typeof useI18n>['t'],
  line: Pick<ClaimLine, 'name' | 'dossierNumber'>,
) {
  return t('claims.lineChild', {
    name: line.name ?? t('compensation.protectedName'),
    dossier: line.dossierNumber,
  });
}

/** The decision on a line in words: the outcome, what was granted, the reason. */
export function LineOutcome({ line }: { readonly line: ClaimLine }) {
  const { t } = useI18n();
  const kr = useKronor();
  if (line.outcome === null) return <>{t('claims.outcome.none')}</>;
  const reason =
    line.reason === null
      ? ''
      : ` ${t('claims.reasonPrefix')} ${line.reason === 'other' ? (line.reasonText ?? '') : t(`claims.reason.${line.reason}`)}`;
  return (
    <>
      {t(`claims.outcome.${line.outcome}`)} {kr(line.grantedAmount ?? 0)}.{reason}
    </>
  );
}

export function attachmentHref(party: Party, id: string) {
  return party === 'agency'
    ? `/api/compensation/review/attachments/${encodeURIComponent(id)}`
    : `/api/compensation/claim-attachments/${encodeURIComponent(id)}`;
}

/** The lines as claimed, with their attachments and the Agency's decision on each. */
export function SubmittedLines({ claim, party }: { readonly claim: Claim; readonly party: Party }) {
  const { t } = useI18n();
  const countLabel = useCountLabel();
  const kr = useKronor();
  return (
    <table className="table">
      <caption>{t('claims.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compensation.child')}</th>
          <th scope="col">{t('compensation.code')}</th>
          <th scope="col">{t('claims.quarter')}</th>
          <th scope="col" className="num">
            {t('compensation.count')}
          </th>
          <th scope="col" className="num">
            {t('claims.claimed')}
          </th>
          <th scope="col">{t('claims.attachment')}</th>
          <th scope="col">{t('claims.decision')}</th>
        </tr>
      </thead>
      <tbody>
        {claim.lines.map((line) => (
          <tr key={line.id}>
            <td>{lineLabel(t, line)}</td>
            <td>{t(`compensation.code.${line.code}`)}</td>
            <td>{line.quarter}</td>
            <td className="num">{countLabel(line.code, line.count)}</td>
            <td className="num">{kr(line.amount)}</td>
            <td>
              {line.attachment === null ? (
                '–'
              ) : (
                <a href={attachmentHref(party, line.attachment.id)} download={line.attachment.fileName}>
                  {line.attachment.fileName}
                </a>
              )}
            </td>
            <td>
              <LineOutcome line={line} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Versions({ claim, party }: { readonly claim: Claim; readonly party: Party }) {
  const { t } = useI18n();
  if (claim.versions.length < 2) return null;
  return (
    <section aria-labelledby="claim-versions" className="section">
      <h2 id="claim-versions">{t('claims.versions')}</h2>
      <ul>
        {claim.versions.map((v) => (
          <li key={v.id}>
            {v.id === claim.id ? (
              <span aria-current="page">
                {t('claims.versionItem', { version: v.versionNo, status: t(`claims.status.${v.status}`) })}
              </span>
            ) : (
              <Link to={detailPath(party)} params={{ claimId: v.id }}>
                {t('claims.versionItem', { version: v.versionNo, status: t(`claims.status.${v.status}`) })}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DecisionAndPayment({ claim }: { readonly claim: Claim }) {
  const { t } = useI18n();
  const kr = useKronor();
  return (
    <>
      {claim.decision !== null && (
        <section aria-labelledby="claim-decision" className="section">
          <h2 id="claim-decision">{t('claims.decisionTitle')}</h2>
          <div className="decision-text">
            {claim.decision.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </section>
      )}
      {claim.payment !== null && (
        <section aria-labelledby="claim-payment" className="section">
          <h2 id="claim-payment">{t('claims.paymentTitle')}</h2>
          <p>
            {t('claims.paid', {
              amount: kr(claim.payment.amount),
              date: claim.payment.paidOn,
              reference: claim.payment.reference,
            })}
          </p>
        </section>
      )}
    </>
  );
}
