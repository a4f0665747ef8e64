/** The proposed shares, each row expandable to its explanation: the inputs and every intermediate figure. */
import { Fragment, useState } from 'react';
import type { ProposedShare, SharesProposal } from '../../api/allocation-types.ts';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

const ADJUSTMENTS: Readonly<Record<string, MessageKey>> = {
  'raised to 1': 'propose.adjustment.raised',
  'plus 1 (largest remainder)': 'propose.adjustment.plus',
  'minus 1 (overshoot)': 'propose.adjustment.minus',
  none: 'propose.adjustment.none',
};

function Explanation({ share }: { readonly share: ProposedShare }) {
  const { t, number, decimal } = useI18n();
  const e = share.explanation;
  const adjustment = ADJUSTMENTS[e.adjustment];
  const items: readonly [MessageKey, string][] = [
    ['propose.explain.population', number(e.inputs.population)],
    ['propose.explain.newlyArrived', number(e.inputs.newlyArrived)],
    ['propose.explain.unaccompanied', number(e.inputs.unaccompanied)],
    ['propose.explain.asylumDays', number(e.inputs.asylumDays)],
    ['propose.explain.arrivalDays', number(e.inputs.arrivalDays)],
    ['propose.explain.priorReception', decimal(e.priorReception, { digits: 4 })],
    ['propose.explain.populationShare', decimal(e.populationShare, { digits: 6 })],
    ['propose.explain.raw', decimal(e.raw, { digits: 4 })],
    ['propose.explain.scaled', decimal(e.scaled, { digits: 4 })],
    ['propose.explain.floor', number(e.floor)],
    ['propose.explain.adjustment', adjustment === undefined ? e.adjustment : t(adjustment)],
  ];
  return (
    <dl className="explanation">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProposalResult({ proposal }: { readonly proposal: SharesProposal }) {
  const { t, tn, decimal } = useI18n();
  const name = useMunicipalityName();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const sum = proposal.shares.reduce((total, s) => total + s.share, 0);
  return (
    <section aria-labelledby="result-title" className="section">
      <h2 id="result-title">{t('propose.resultTitle')}</h2>
      <p>{t('propose.total', { total: decimal(proposal.total, { digits: 4 }) })}</p>
      <div className="table-wrap">
        <table className="table table--narrow table--compact">
          <caption>{tn('propose.resultCaption', proposal.shares.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shares.col.code')}</th>
              <th scope="col">{t('figures.municipality')}</th>
              <th scope="col" className="num">
                {t('shares.col.promille')}
              </th>
              <th scope="col">{t('propose.col.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.shares.map((share) => {
              const expanded = open.has(share.code);
              const rowId = `explain-${share.code}`;
              return (
                <Fragment key={share.code}>
                  <tr>
                    <td>{share.code}</td>
                    <th scope="row">{name(share.code)}</th>
                    <td className="num">{share.share}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-expanded={expanded}
                        aria-controls={rowId}
                        onClick={() => toggle(share.code)}
                      >
                        {t(expanded ? 'propose.hide' : 'propose.show')}
                        <span className="visually-hidden"> – {name(share.code)}</span>
                      </button>
                    </td>
                  </tr>
                  <tr id={rowId} hidden={!expanded} className="explanation-row">
                    <td colSpan={4}>{expanded && <Explanation share={share} />}</td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('shares.sumAll')}
              </th>
              <td className="num">{sum}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
