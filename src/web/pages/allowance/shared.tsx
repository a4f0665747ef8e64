/**
 * What the special grant's pages share: an application's facts (amounts, dates, the payment), the ceiling of a need as
 * the data states it — marked "ej verifierat belopp" where no source verifies it —, and the decision as the legal
 * document it is: its paragraphs come from the server's domain function, in Swedish, and are never rebuilt here.
 */
import { useId } from 'react';
import type { SpecialGrant, SpecialGrantNeedRow } from '../../api/allowance-types.ts';
import { formatKronor } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

export function useKronor(): (amount: number) => string {
  const { lang } = useI18n();
  return (amount) => formatKronor(lang, amount);
}

/** The need's highest amount, or that none is verified; the data's sources and notes are never shown. */
export function useCeilingText(needs: readonly SpecialGrantNeedRow[]): (need: string) => string | undefined {
  const { t } = useI18n();
  const kr = useKronor();
  return (need) => {
    const row = needs.find((n) => n.need === need);
    if (row === undefined) return undefined;
    if (row.ceiling === null) return t('allowance.ceiling.none');
    return t(row.verified ? 'allowance.ceiling.verified' : 'allowance.ceiling.unverified', {
      amount: kr(row.ceiling),
    });
  };
}

/** The application's facts as the caller may see them; the payment once it is made. */
export function SpecialGrantFacts({ application }: { readonly application: SpecialGrant }) {
  const { t } = useI18n();
  const kr = useKronor();
  const a = application;
  const rows: [label: Parameters<typeof t>[0], value: string | null][] = [
    ['allowance.field.description', a.description],
    ['allowance.field.applied', kr(a.appliedAmount)],
    ['allowance.field.appliedOn', a.appliedOn],
    ['allowance.field.submittedOn', a.submittedOn],
    ['allowance.field.granted', a.grantedAmount === null ? null : kr(a.grantedAmount)],
    [
      'allowance.field.paid',
      a.paidOn === null || a.grantedAmount === null
        ? null
        : t('allowance.paidLine', { amount: kr(a.grantedAmount), date: a.paidOn }),
    ],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) =>
        value === null || value === '' ? null : (
          <div key={label} className={label === 'allowance.field.description' ? 'facts__wide' : undefined}>
            <dt>{t(label)}</dt>
            <dd data-testid={label === 'allowance.field.paid' ? 'special-grant-paid' : undefined}>{value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

export function StatusTag({ application }: { readonly application: SpecialGrant }) {
  const { t } = useI18n();
  const tone =
    application.status === 'refused'
      ? ' tag--danger'
      : application.status === 'paid' || application.status === 'granted'
        ? ' tag--ok'
        : application.status === 'partly_granted'
          ? ' tag--warning'
          : '';
  return (
    <span className={`tag${tone}`} data-testid="special-grant-status">
      {t(`allowance.status.${application.status}`)}
    </span>
  );
}

/**
 * The decision in Swedish as the server wrote it: the legal document the child and the god man receive. Its heading
 * is one level below the heading it sits under (`level`, by default under an h3).
 */
export function DecisionDocument({
  application,
  level = 4,
}: {
  readonly application: SpecialGrant;
  readonly level?: 3 | 4;
}) {
  const { t } = useI18n();
  const id = useId();
  if (application.decision === null) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article className="decision-doc" aria-labelledby={id} data-testid="special-grant-decision">
      <Heading id={id}>{t('allowance.decision')}</Heading>
      <div lang="sv">
        <p className="decision-doc__authority">Migrationsverket</p>
        {application.decision.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}
