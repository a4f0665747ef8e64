/**
 * The risk indicators a caseworker checks to prevent a child from going missing (issue 12;
 * ../shared/domain/reception-workflows.md §3.3, missing-county-compensation-return.md D6): a coded checklist, each
 * indicator with its source group. No single indicator equals trafficking and the sources ask for a combined
 * assessment, so the indicators are shown to the caseworker as a list and never summed or scored (D-R8). Pure.
 */

/** Where an indicator comes from: the sources as read, nothing added. */
export const RISK_SOURCE_GROUPS = ['migration_agency', 'gender_equality_agency', 'psychosocial'] as const;
export type RiskSourceGroup = (typeof RISK_SOURCE_GROUPS)[number];

export interface RiskSource {
  readonly sv: string;
  readonly en: string;
  readonly reference: string;
}

export const RISK_SOURCES: Readonly<Record<RiskSourceGroup, RiskSource>> = {
  migration_agency: {
    sv: 'Migrationsverket: tecken på människohandel för gode män',
    en: 'Migration Agency: signs of trafficking for gode män',
    reference: 'https://www.migrationsverket.se/Andra-aktorer/Gode-man/Gode-mannens-roll/Manniskohandel.html',
  },
  gender_equality_agency: {
    sv: 'Jämställdhetsmyndigheten: tecken på att någon är utsatt för människohandel',
    en: 'Swedish Gender Equality Agency: signs that someone is exposed to trafficking',
    reference:
      'https://nspm.jamstalldhetsmyndigheten.se/stod-i-ditt-arbete/tecken-pa-nagon-ar-utsatt-for-manniskohandel/',
  },
  psychosocial: {
    sv: 'Psykosociala faktorer (Länsstyrelsen Uppsala, Akademikerförbundet SSR)',
    en: 'Psychosocial factors (County Board of Uppsala, Akademikerförbundet SSR)',
    reference:
      'https://eposten.se/nyheter/uppsala/artikel/vi-vet-inte-varfor-barnen-forsvinner/jozw3wql ; https://akademssr.se/post/varfor-forsvinner-barnen',
  },
};

export interface RiskIndicator {
  readonly code: string;
  readonly group: RiskSourceGroup;
  readonly sv: string;
  readonly en: string;
}

export const RISK_INDICATORS = [
  {
    code: 'no_identity_document',
    group: 'migration_agency',
    sv: 'Saknar pass eller id-handling, eller har en falsk id-handling',
    en: 'Has no passport or ID, or a false ID',
  },
  {
    code: 'entered_illegally',
    group: 'migration_agency',
    sv: 'Har rest in i landet illegalt',
    en: 'Entered the country illegally',
  },
  {
    code: 'no_contact_details',
    group: 'migration_agency',
    sv: 'Saknar kontaktuppgifter till dem som tog emot barnet eller ansvarar för det',
    en: 'Has no contact details for the people who met the child or are responsible for it',
  },
  {
    code: 'late_contact_with_agency',
    group: 'migration_agency',
    sv: 'Var i Sverige en vecka till flera månader innan kontakten med Migrationsverket',
    en: 'Was in Sweden from a week to several months before contacting the Migration Agency',
  },
  {
    code: 'instructed_to_call',
    group: 'migration_agency',
    sv: 'Har mobiltelefon, SIM-kort eller telefonnummer och har fått instruktioner att ringa dem',
    en: 'Has a mobile phone, SIM card or numbers, and is instructed to call them',
  },
  {
    code: 'controlled_by_caller',
    group: 'gender_equality_agency',
    sv: 'Verkar kontrolleras av någon som ringer ofta',
    en: 'Seems controlled by someone who calls often',
  },
  {
    code: 'often_disappears',
    group: 'gender_equality_agency',
    sv: 'Försvinner ofta utan förklaring',
    en: 'Often disappears without explanation',
  },
  {
    code: 'unexplained_money',
    group: 'gender_equality_agency',
    sv: 'Är välklätt eller har mycket pengar som barnet inte kan förklara',
    en: 'Is well dressed or has a lot of money it cannot account for',
  },
  {
    code: 'crime_or_networks',
    group: 'gender_equality_agency',
    sv: 'Är inblandat i brott eller kriminella nätverk',
    en: 'Is involved in crime or criminal networks',
  },
  {
    code: 'substance_or_psychosocial',
    group: 'psychosocial',
    sv: 'Missbruk eller psykosociala problem',
    en: 'Substance abuse or psychosocial problems',
  },
  {
    code: 'poor_fit_with_placement',
    group: 'psychosocial',
    sv: 'Passar dåligt i HVB-hemmet eller familjehemmet',
    en: 'Poor fit with the HVB or foster-home setting',
  },
] as const satisfies readonly RiskIndicator[];

export type RiskIndicatorCode = (typeof RISK_INDICATORS)[number]['code'];
export const RISK_INDICATOR_CODES = RISK_INDICATORS.map((i) => i.code) as [
  RiskIndicatorCode,
  ...RiskIndicatorCode[],
];

export function riskIndicator(code: string): RiskIndicator | undefined {
  return RISK_INDICATORS.find((i) => i.code === code);
}

/** The longest note an observation takes: short, what was seen, not an assessment. */
export const OBSERVATION_NOTE_MAX = 500;

export interface Observation {
  readonly indicator: RiskIndicatorCode;
  readonly observed: boolean;
  readonly observedOn: string;
  readonly searchRelevant: boolean;
  readonly recordedAt: string;
}

/**
 * The latest observation of each indicator (by date, then by when it was recorded), in the checklist's order. A
 * list to read, not a score: nothing here counts or weighs the indicators.
 */
export function latestPerIndicator<T extends Observation>(observations: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const o of observations) {
    const seen = latest.get(o.indicator);
    if (
      seen === undefined ||
      o.observedOn > seen.observedOn ||
      (o.observedOn === seen.observedOn && o.recordedAt > seen.recordedAt)
    )
      latest.set(o.indicator, o);
  }
  return RISK_INDICATOR_CODES.flatMap((code) => {
    const o = latest.get(code);
    return o === undefined ? [] : [o];
  });
}

/** What the police view will show (ADR 0025 §5): only observations marked relevant to a search. */
export function forSearch<T extends Observation>(observations: readonly T[]): T[] {
  return observations.filter((o) => o.searchRelevant && o.observed);
}
