/**
 * The Swedish wording of an anvisningsbeslut and of the considerations the decision page suggests. A decision is a
 * Swedish public document whatever language the officer reads the UI in, so these texts are not in the dictionaries.
 */
import { formatDecimal } from '../../i18n.ts';
import type {
  DecisionBasis,
  DecisionKind,
  Figures,
  Proposal,
  RelativeAssessmentStatus,
} from '../../api/allocation-types.ts';
import type { ChildSummary } from '../../api/types.ts';

export const LEGAL_BASIS = '3 § andra stycket lagen (1994:137) om mottagande av asylsökande m.fl. (LMA)';
export const NO_APPEAL = 'Beslutet kan inte överklagas.';

export const KIND_SV: Readonly<Record<DecisionKind, string>> = {
  utjamnande: 'Utjämnande anvisning',
  anknytning: 'Anknytningsanvisning',
  deviation: 'Avvikelse med skäl',
  correction: 'Rättelse',
};

const OUTCOME_SV = { suitable: 'lämplig', unsuitable: 'inte lämplig' } as const;

const decimal = (value: string) => formatDecimal('sv', value);

function childLabel(child: ChildSummary): string {
  const name = [child.firstName, child.lastName].filter((p) => p !== null && p !== '').join(' ');
  return child.identityMasked || name === ''
    ? `aktnummer ${child.dossierNumber}`
    : `${name} (aktnummer ${child.dossierNumber})`;
}

/** The municipality's figures when the decision was proposed, as one sentence. */
export function figuresSentence(f: Figures): string {
  const deficit = Number(f.deficit);
  const standing =
    deficit >= 0
      ? `${decimal(f.deficit)} barn under kvoten`
      : `${decimal(String(-deficit))} barn över kvoten`;
  return (
    `${f.name} har andelen ${f.share} promille och hade tagit emot ${f.received} barn mot en exakt kvot på ` +
    `${decimal(f.quota)} barn (${standing}).`
  );
}

function relativeText(
  r: Pick<RelativeAssessmentStatus, 'municipalityCode' | 'relation' | 'outcome'>,
  name: (code: string) => string,
): string {
  const outcome = r.outcome === null ? 'ännu inte bedömd' : `bedömd som ${OUTCOME_SV[r.outcome]}`;
  return `${r.relation} i ${name(r.municipalityCode)} (${outcome} av socialtjänsten)`;
}

/** Why the decision goes to its municipality: the rule's figures, a relative, a sibling, or the officer's reason. */
export function reasonsOf(
  kind: DecisionKind,
  basis: DecisionBasis | null,
  reason: string | null,
  name: (code: string) => string,
): string[] {
  const reasons: string[] = [];
  if (basis !== null) {
    if (basis.basis === 'rule') {
      reasons.push(
        `Kommunen står på tur enligt fördelningsregeln, som väljer den kommun som ligger längst efter sin exakta kvot med hänsyn till kommunens andel.`,
      );
    } else if (basis.basis === 'relative') {
      const relatives = basis.relatives.filter((r) => r.outcome !== 'unsuitable');
      reasons.push(
        `Barnet har anknytning till kommunen genom en anhörig: ${relatives.map((r) => relativeText(r, name)).join('; ') || 'anhörig i kommunen'}.`,
      );
    } else {
      reasons.push(
        'Ett syskon till barnet har tidigare anvisats till kommunen. Syskon anvisas till samma kommun.',
      );
    }
    reasons.push(figuresSentence(basis.municipality));
  }
  if (kind === 'deviation') {
    const proposed = basis === null ? '' : ` (${basis.municipality.name})`;
    reasons.push(`Beslutet avviker från förslaget${proposed}. Skäl: ${reason ?? ''}`);
  }
  if (kind === 'correction') reasons.push(`Beslutet rättar ett tidigare beslut. Skäl: ${reason ?? ''}`);
  return reasons;
}

/** What the decision page suggests for the best-interests considerations, from what is known about the group. */
export function suggestedConsiderations(proposal: Proposal, name: (code: string) => string) {
  const intake = proposal.intake ?? [];
  const joined = (pick: (i: (typeof intake)[number]) => string | null) =>
    intake
      .map(pick)
      .filter((v) => v !== null && v !== '')
      .join(' ');
  let siblingsText = 'Inga syskon är registrerade.';
  if (proposal.group.length > 1) {
    siblingsText = `Syskonen anvisas tillsammans: ${proposal.group.map(childLabel).join(', ')}.`;
  } else if (proposal.basis === 'sibling') {
    siblingsText = `Ett syskon har tidigare anvisats till ${proposal.municipality.name}.`;
  }
  return {
    relatives:
      proposal.relativeAssessments.length === 0
        ? 'Barnet har inte uppgett någon anhörig i Sverige.'
        : `Anhörig: ${proposal.relativeAssessments.map((r) => relativeText(r, name)).join('; ')}.`,
    siblings: siblingsText,
    specialNeeds: joined((i) => i.specialNeeds),
    childsWishes: joined((i) => i.wishes),
  };
}
