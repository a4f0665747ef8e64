/**
 * The Migration Agency's review of a municipality's claim (issue 14 point 5, ADR 0034): each line granted, reduced or
 * rejected; a reduced or rejected line gives a reason from a closed list — the checks research F.2 says the Agency
 * makes — and "other" says it in words; the decision's text in Swedish, which the municipality reads (a legal
 * document, so built here and tested). Money is whole kronor. Pure; the web reads the lists.
 */
import { kronorSv } from '../allowance/decision-text.ts';
import type { ClaimLineCode } from './claim-rules.ts';

export const LINE_OUTCOMES = ['granted', 'reduced', 'rejected'] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

/** Why a line is reduced or rejected: what the Agency checks (research F.2 "What MV checks"), then "other". */
export const REVIEW_REASONS = [
  'responsibility_not_registered',
  'arrival_after_take_over',
  'lvu_cost_not_above_schablon',
  'care_not_begun_before_18',
  'not_asylum_seeking',
  'not_in_education',
  'sfv_not_former_family_home',
  'cost_not_reasonable',
  'attachment_missing',
  'deadline_passed',
  'other',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** The reasons as the decision says them. */
export const REVIEW_REASON_SV: Readonly<Record<ReviewReason, string>> = {
  responsibility_not_registered: 'Ansvaret för barnet är inte registrerat på kommunen under tiden.',
  arrival_after_take_over:
    'Ersättning för ankomstdygn lämnas bara till och med dagen före den dag den anvisade kommunen tar över ansvaret.',
  lvu_cost_not_above_schablon:
    'Ersättning för vård enligt LVU lämnas bara för den del av kostnaden som överstiger schablonen, utan moms och utbildning.',
  care_not_begun_before_18:
    'Ersättning för en ung person 18–20 år lämnas bara när vården påbörjades före 18 års ålder.',
  not_asylum_seeking:
    'Ersättning för utbildning lämnas bara för ett barn som söker asyl. Barnet hade uppehållstillstånd under tiden.',
  not_in_education: 'Barnet har inte genomgått utbildning under den period som ansökan gäller.',
  sfv_not_former_family_home:
    'Ersättning lämnas bara när barnet tidigare var familjehemsplacerat hos den särskilt förordnade vårdnadshavaren.',
  cost_not_reasonable:
    'Kostnaden är inte skälig eller saknar direkt samband med barnets boende och omvårdnad hos den särskilt förordnade vårdnadshavaren.',
  attachment_missing: 'Ansökan saknar den bilaga som raden kräver.',
  deadline_passed: 'Ansökan om raden kom in efter sista dag för ansökan.',
  other: 'Annat skäl.',
};

export interface LineDecision {
  readonly outcome: LineOutcome;
  /** Granted: the claimed amount (or left out); reduced: above zero and below it; rejected: none. */
  readonly grantedAmount: number | null;
  readonly reason: ReviewReason | null;
  readonly reasonText: string;
}

export interface ReviewProblem {
  readonly field: string;
  readonly code: string;
}

/**
 * A granted line grants what was claimed and gives no reason; a reduced line grants more than zero and less than
 * claimed; a rejected line grants nothing; reduced and rejected lines give a reason, and "other" says it in words.
 */
export function lineDecisionProblems(decision: LineDecision, claimed: number): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const amount = decision.grantedAmount;
  if (decision.outcome === 'granted') {
    if (amount !== null && amount !== claimed)
      problems.push({ field: 'grantedAmount', code: 'granted_means_claimed' });
    if (decision.reason !== null) problems.push({ field: 'reason', code: 'granted_without_reason' });
    return problems;
  }
  if (decision.outcome === 'reduced') {
    if (amount === null || !Number.isInteger(amount) || amount <= 0)
      problems.push({ field: 'grantedAmount', code: 'amount_positive' });
    else if (amount >= claimed)
      problems.push({
        field: 'grantedAmount',
        code: amount > claimed ? 'amount_above_claimed' : 'reduced_means_less',
      });
  } else if (amount !== null && amount !== 0) {
    problems.push({ field: 'grantedAmount', code: 'rejection_grants_nothing' });
  }
  if (decision.reason === null) problems.push({ field: 'reason', code: 'reason_required' });
  else if (decision.reason === 'other' && decision.reasonText.trim() === '')
    problems.push({ field: 'reasonText', code: 'reason_text_required' });
  return problems;
}

/** What a decided line grants. */
export function grantedOf(outcome: LineOutcome, claimed: number, grantedAmount: number | null): number {
  if (outcome === 'granted') return claimed;
  if (outcome === 'reduced') return grantedAmount ?? 0;
  return 0;
}

export const CLAIM_LEGAL_BASIS = 'förordningen (2017:193) om statlig ersättning för asylsökande m.fl.';

/** The basis of the SFV lines (Migrationsverket: compensation for children with a residence permit). */
export const SFV_LEGAL_BASIS =
  'förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar';

const CODE_SV: Readonly<Record<ClaimLineCode, string>> = {
  ANKOMST_DYGN: 'ankomstdygn',
  LVU_TILLAGG: 'kostnad för vård enligt LVU utöver schablonen',
  UTBILDNING: 'utbildning för asylsökande barn',
  SFV_KOSTNAD: 'kostnad för barn hos särskilt förordnad vårdnadshavare',
};

/** What a line counts, in words: days, or (education) four-week periods. */
function countSv(code: string, count: number): string {
  if (code === 'UTBILDNING')
    return count === 1 ? '1 fyraveckorsperiod' : `${String(count)} fyraveckorsperioder`;
  return `${String(count)} dygn`;
}

export interface DecidedLine {
  /** Null behind a protected identity: the decision names the child by dossier number only. */
  readonly childName: string | null;
  readonly dossierNumber: string;
  readonly code: string;
  readonly quarter: string;
  readonly count: number;
  readonly claimed: number;
  readonly outcome: LineOutcome;
  readonly granted: number;
  readonly reason: ReviewReason | null;
  readonly reasonText: string | null;
}

export interface ClaimDecisionFacts {
  readonly municipalityName: string;
  /** The claim's number as both parties name it, and its version. */
  readonly reference: string;
  readonly version: number;
  readonly quarters: readonly string[];
  readonly submittedOn: string;
  readonly lines: readonly DecidedLine[];
  readonly decidedOn: string;
  readonly officerName: string;
}

const OUTCOME_SV: Readonly<Record<LineOutcome, string>> = {
  granted: 'Beviljas',
  reduced: 'Beviljas delvis',
  rejected: 'Avslås.',
};

function quartersSv(quarters: readonly string[]): string {
  return quarters.length === 2 ? `${quarters[0] ?? ''} och ${quarters[1] ?? ''}` : (quarters[0] ?? '');
}

function lineSv(line: DecidedLine): string {
  const days = countSv(line.code, line.count);
  const child =
    line.childName === null
      ? `Barn med skyddad identitet (${line.dossierNumber})`
      : `${line.childName} (${line.dossierNumber})`;
  const what = `${child}, ${CODE_SV[line.code as ClaimLineCode]}, ${line.quarter}, ${days}`;
  const amounts =
    line.outcome === 'granted'
      ? `${kronorSv(line.granted)}.`
      : line.outcome === 'reduced'
        ? `${kronorSv(line.granted)} av sökta ${kronorSv(line.claimed)}.`
        : `Sökt belopp ${kronorSv(line.claimed)}.`;
  const reason =
    line.reason === null
      ? ''
      : ` Skäl: ${line.reason === 'other' ? (line.reasonText ?? '').trim() : REVIEW_REASON_SV[line.reason]}`;
  return `${what}: ${OUTCOME_SV[line.outcome]} ${amounts}${reason}`;
}

/** The decision's paragraphs, in order: the claim, the outcome in sum, each line, the legal basis, date and officer. */
export function claimDecisionText(f: ClaimDecisionFacts): string[] {
  const claimed = f.lines.reduce((sum, l) => sum + l.claimed, 0);
  const granted = f.lines.reduce((sum, l) => sum + l.granted, 0);
  const plural = f.quarters.length === 2 ? 'kvartalen' : 'kvartalet';
  const head = `Beslut om statlig ersättning till ${f.municipalityName}. Ansökan ${f.reference}, version ${String(f.version)}, gäller ${plural} ${quartersSv(f.quarters)} och kom in till Migrationsverket ${f.submittedOn}.`;
  const sum =
    granted === 0
      ? `Migrationsverket avslår ansökan om ${kronorSv(claimed)}.`
      : granted === claimed
        ? `Migrationsverket beviljar ansökan med ${kronorSv(granted)}.`
        : `Migrationsverket beviljar ${kronorSv(granted)} av sökta ${kronorSv(claimed)} och avslår ansökan i övrigt.`;
  const sfv = f.lines.some((l) => l.code === 'SFV_KOSTNAD');
  const others = f.lines.some((l) => l.code !== 'SFV_KOSTNAD');
  const basis =
    sfv && others
      ? `${CLAIM_LEGAL_BASIS} och, för kostnaderna för barn hos särskilt förordnad vårdnadshavare, ${SFV_LEGAL_BASIS}.`
      : sfv
        ? `${SFV_LEGAL_BASIS}.`
        : CLAIM_LEGAL_BASIS;
  return [
    head,
    sum,
    'Beslutet per rad:',
    ...f.lines.map(lineSv),
    `${others ? `Enligt 19 § ${CLAIM_LEGAL_BASIS} ska en ansökan om ersättning ha kommit in` : 'En ansökan om ersättning ska ha kommit in'} till Migrationsverket inom sex månader från utgången av det första kvartal som ansökan gäller. Beslutet är fattat med stöd av ${basis}`,
    `Beslutsdatum: ${f.decidedOn}. Beslutet är fattat av ${f.officerName}, Migrationsverket.`,
  ];
}
