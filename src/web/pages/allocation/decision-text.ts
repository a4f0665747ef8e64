/**
 * The Swedish wording of an anvisningsbeslut and of the considerations the decision page suggests. A decision is a
 * Swedish public document whatever language the officer reads the UI in, so these texts are not in the dictionaries.
 *
 * The reasons state the rule actually applied and the figures it was applied to (recomputed from the recorded history
 * and checked against the decision's state hash, src/allocation/views.ts): the quota rule (Tijdeman's rule, see
 * src/domain/allocation/allocator.ts) picks, among the municipalities that can take one more child and stay within
 * its bound of their exact quota, the one whose turn comes first — not the one furthest behind; the lowest-attainment
 * rule picks the lowest received/quota; a relative's or a sibling's municipality is chosen whatever its figures; a
 * deviation names the municipality decided and the proposed one, each with its own figures. Municipalities are named
 * by their formal names (reference-data), never by a name built here. Pure, so it is tested as a table.
 */
import { formatDecimal } from '../../i18n.ts';
import type {
  DecisionBasis,
  DecisionKind,
  Figures,
  Proposal,
  RelativeAssessmentStatus,
  Rule,
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

export const RULE_SV: Readonly<Record<Rule, string>> = {
  quota: 'kvotregeln',
  'lowest-attainment': 'regeln om lägsta måluppfyllelse',
};

const OUTCOME_SV = { suitable: 'lämplig', unsuitable: 'inte lämplig' } as const;

/** A municipality's formal name by its code ("Falu kommun"). */
export type OfficialName = (code: string) => string;

/** "1.080" → 1080, "-0.460" → -460: the API's three-decimal figures as whole thousandths of a child. */
function thousandthsOf(value: string): number {
  const match = /^(-?)(\d+)\.(\d{3})$/.exec(value);
  if (match === null) throw new Error(`not a three-decimal figure: ${value}`);
  const [, sign = '', whole = '0', fraction = '000'] = match;
  return (sign === '-' ? -1 : 1) * (Number(whole) * 1000 + Number(fraction));
}

const decimal = (thousandths: number) => formatDecimal('sv', thousandths / 1000);

/** Where a municipality stands against its exact quota, from (quota − received) in thousandths. */
function standing(deficitThousandths: number): string {
  if (deficitThousandths > 0) return `${decimal(deficitThousandths)} barn under kvoten`;
  if (deficitThousandths < 0) return `${decimal(-deficitThousandths)} barn över kvoten`;
  return 'precis på kvoten';
}

/** The municipality's figures just before the decision, as one sentence naming it. */
export function figuresSentence(f: Figures, name: OfficialName): string {
  return (
    `${name(f.code)} hade före beslutet andelen ${f.share} promille och hade tagit emot ${f.received} barn mot en ` +
    `exakt kvot på ${decimal(thousandthsOf(f.quota))} barn, det vill säga ${standing(thousandthsOf(f.deficit))}.`
  );
}

/** "barnet" / "barnen", and with the number where the figures depend on it ("de 2 barnen"). */
const childrenNoun = (count: number) => (count === 1 ? 'barnet' : 'barnen');
const childrenWord = (count: number) => (count === 1 ? 'barnet' : `de ${count} barnen`);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The municipality's figures with the decision's children counted: every exact quota grows by k × its share. */
function afterSentence(f: Figures, count: number, tolerance: number | null, name: OfficialName): string {
  const received = f.received + count;
  const quota = thousandthsOf(f.quota) + count * f.share;
  const over = 1000 * received - quota;
  const within =
    tolerance !== null && count === 1 && over > 0 && over <= tolerance
      ? `, inom regelns gräns på ${decimal(tolerance)} barn`
      : '';
  return (
    `Med ${childrenWord(count)} har ${name(f.code)} tagit emot ${received} barn mot en exakt kvot på ` +
    `${decimal(quota)} barn (${standing(-over)}${within}).`
  );
}

function quotaRuleSentences(
  f: Figures,
  count: number,
  toleranceText: string | null,
  name: OfficialName,
): string[] {
  const tolerance = toleranceText === null ? null : thousandthsOf(toleranceText);
  const bound = tolerance === null ? 'mindre än ett barn' : `högst ${decimal(tolerance)} barn`;
  const behind = tolerance === null ? 'ett barn eller mer' : `mer än ${decimal(tolerance)} barn`;
  return [
    `${name(f.code)} står först i tur enligt kvotregeln. Regeln håller varje kommuns mottagande nära dess exakta kvot, ` +
      `som är summan av kommunens andel vid varje anvisning hittills: bland de kommuner som kan ta emot ett barn till och ` +
      `ändå ligga ${bound} över sin exakta kvot står den kommun först i tur som annars först skulle komma att ligga ` +
      `${behind} efter sin kvot.`,
    figuresSentence(f, name),
    afterSentence(f, count, tolerance, name),
  ];
}

function lowestAttainmentSentences(f: Figures, count: number, name: OfficialName): string[] {
  const sentences = [
    `${name(f.code)} står först i tur enligt regeln om lägsta måluppfyllelse: bland kommunerna med en andel har ` +
      `${name(f.code)} tagit emot minst i förhållande till sin exakta kvot, räknat med ${childrenWord(count)} i detta beslut.`,
    figuresSentence(f, name),
  ];
  const quotaWith = thousandthsOf(f.quota) + count * f.share;
  if (quotaWith > 0) {
    const percent = formatDecimal('sv', (100_000 * f.received) / quotaWith, { digits: 1 });
    sentences.push(`Måluppfyllelsen var ${f.received} av ${decimal(quotaWith)} barn, ${percent} procent.`);
  }
  return sentences;
}

function relativeText(
  r: Pick<RelativeAssessmentStatus, 'municipalityCode' | 'relation' | 'outcome'>,
  name: OfficialName,
): string {
  const outcome = r.outcome === null ? 'ännu inte bedömd' : `bedömd som ${OUTCOME_SV[r.outcome]}`;
  return `${r.relation} i ${name(r.municipalityCode)} (${outcome} av socialtjänsten)`;
}

/** Why the proposal named its municipality: the rule with its figures, or the relative or sibling (figures aside). */
function proposalSentences(basis: DecisionBasis, rule: Rule, count: number, name: OfficialName): string[] {
  const f = basis.municipality;
  if (basis.basis === 'rule') {
    if (!basis.verified) return [`${name(f.code)} stod först i tur enligt ${RULE_SV[rule]}.`];
    return rule === 'quota'
      ? quotaRuleSentences(f, count, basis.quotaTolerance, name)
      : lowestAttainmentSentences(f, count, name);
  }
  const why =
    basis.basis === 'relative'
      ? `${capital(childrenNoun(count))} har anknytning till ${name(f.code)} genom en anhörig: ` +
        `${
          basis.relatives
            .filter((r) => r.outcome !== 'unsuitable')
            .map((r) => relativeText(r, name))
            .join('; ') || `anhörig i ${name(f.code)}`
        }. ` +
        'Barn med anhöriga i Sverige anvisas till den anhöriges kommun.'
      : `Ett syskon till ${childrenNoun(count)} har tidigare anvisats till ${name(f.code)}. Syskon anvisas till samma kommun.`;
  if (!basis.verified) return [why];
  return [
    why,
    figuresSentence(f, name),
    'En anknytningsanvisning görs oavsett hur kommunen ligger till mot sin kvot.',
  ];
}

export interface ReasonsInput {
  readonly kind: DecisionKind;
  readonly rule: Rule;
  readonly decidedCode: string;
  readonly childCount: number;
  /** The proposal and the decided municipality's figures as they stood before the decision (null for corrections). */
  readonly basis: DecisionBasis | null;
  /** The officer's reason for a deviation or a correction. */
  readonly reason: string | null;
  /** The decision a correction supersedes. */
  readonly superseded: {
    readonly seq: number;
    readonly municipalityCode: string;
    readonly decidedOn: string;
  } | null;
}

const UNVERIFIED =
  'Siffrorna som beslutet fattades på kan inte återskapas ur den registrerade fördelningshistoriken och återges därför inte.';

/** The reasons of a decision, in the order they are printed. */
export function decisionReasons(input: ReasonsInput, name: OfficialName): string[] {
  const { kind, basis } = input;
  if (kind === 'correction') {
    const old = input.superseded;
    return [
      old === null
        ? `Beslutet rättar ett tidigare beslut om anvisning.`
        : `Beslutet rättar beslut nr ${old.seq} den ${old.decidedOn} om anvisning till ${name(old.municipalityCode)}.`,
      `${capital(childrenNoun(input.childCount))} anvisas i stället till ${name(input.decidedCode)}. ` +
        'Fördelningen räknar om barnen till den nya kommunen; kommunernas exakta kvoter ändras inte.',
      `Skäl för rättelsen: ${input.reason ?? ''}`,
    ];
  }
  if (basis === null) return ['Underlaget för förslaget kan inte återges.'];
  const unverified = basis.verified ? [] : [UNVERIFIED];
  if (kind !== 'deviation')
    return [...proposalSentences(basis, input.rule, input.childCount, name), ...unverified];
  return [
    `Migrationsverket anvisar ${name(input.decidedCode)} i stället för den föreslagna kommunen ${name(basis.municipality.code)}.`,
    `Skäl för att avvika från förslaget: ${input.reason ?? ''}`,
    `Förslaget var att anvisa ${name(basis.municipality.code)}.`,
    ...proposalSentences(basis, input.rule, input.childCount, name),
    ...(basis.verified ? [figuresSentence(basis.decided, name)] : unverified),
    `I fördelningen mellan kommunerna räknas ${childrenNoun(input.childCount)} till ${name(input.decidedCode)}.`,
  ];
}

function childLabel(child: ChildSummary): string {
  const name = [child.firstName, child.lastName].filter((p) => p !== null && p !== '').join(' ');
  return child.identityMasked || name === ''
    ? `aktnummer ${child.dossierNumber}`
    : `${name} (aktnummer ${child.dossierNumber})`;
}

/** What the decision page suggests for the best-interests considerations, from what is known about the group. */
export function suggestedConsiderations(proposal: Proposal, name: OfficialName) {
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
    siblingsText = `Ett syskon har tidigare anvisats till ${name(proposal.municipality.code)}.`;
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
