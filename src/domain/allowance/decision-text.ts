/**
 * The special grant decision's text in Swedish (ADR 0033): a decision in law is a legal document, so its words are
 * built here, pure, and tested. It cites the act the research verifies by name; the paragraph (18 § LMA per the brief)
 * is not in a stored source, so it is not cited (research gap, reference-data/README.md).
 */
import type { SpecialGrantNeed, SpecialGrantOutcome } from './rules.ts';

export const SPECIAL_GRANT_LEGAL_BASIS = 'lagen (1994:137) om mottagande av asylsökande m.fl.';

const NEED_SV: Readonly<Record<SpecialGrantNeed, string>> = {
  glasses: 'glasögon',
  winter_clothes: 'vinterkläder',
  other: 'annat behov',
};

/** Whole kronor with a space between thousands, as Swedish writes them: 12 500 kr. */
export function kronorSv(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}

export interface SpecialGrantDecisionFacts {
  /** The child's name where the reader may see it; null behind a masked identity or for the Agency's officer. */
  readonly childName: string | null;
  /** The Migration Agency's dossier number: every decision names it. */
  readonly dossierNumber: string;
  readonly need: SpecialGrantNeed;
  readonly description: string;
  readonly appliedAmount: number;
  readonly outcome: SpecialGrantOutcome;
  readonly grantedAmount: number | null;
  readonly reason: string;
  readonly decidedOn: string;
}

/** The decision's paragraphs, in order. */
export function specialGrantDecisionText(f: SpecialGrantDecisionFacts): string[] {
  const need = f.need === 'other' ? `${NEED_SV.other} (${f.description.trim()})` : NEED_SV[f.need];
  const child =
    f.childName === null
      ? `barnet med dossiernummer ${f.dossierNumber}`
      : `${f.childName}, dossiernummer ${f.dossierNumber},`;
  const applied = `Ansökan gäller särskilt bidrag till ${child} för ${need} med ${kronorSv(f.appliedAmount)}.`;
  const basis = `Beslutet är fattat med stöd av ${SPECIAL_GRANT_LEGAL_BASIS}`;
  const decided = `Beslutsdatum: ${f.decidedOn}.`;
  if (f.outcome === 'refused')
    return [applied, 'Migrationsverket avslår ansökan.', `Skäl: ${f.reason.trim()}`, basis, decided];
  const granted = kronorSv(f.grantedAmount ?? 0);
  if (f.outcome === 'partly_granted')
    return [
      applied,
      `Migrationsverket beviljar delvis ansökan med ${granted} och avslår den i övrigt.`,
      `Skäl: ${f.reason.trim()}`,
      basis,
      decided,
    ];
  return [applied, `Migrationsverket beviljar ansökan med ${granted}.`, basis, decided];
}
