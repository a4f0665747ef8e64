/** Swedish texts of the child's special grant (särskilt bidrag; ADR 0033). */
export const svAllowance = {
  'kind.special_grant.read': 'Särskilt bidrag läst',
  'kind.special_grant.write': 'Särskilt bidrag ändrat',
  'apiError.special_grant_invalid': 'Ansökan eller beslutet följer inte reglerna. Se fälten.',
  'error.not_appointed_god_man': 'Bara barnets förordnade gode man kan ansöka för barnet.',
  'error.description_required': 'Beskriv behovet.',
  'error.amount_above_ceiling': 'Beloppet är högre än det högsta belopp som gäller för behovet.',
  'error.granted_means_applied': 'Beviljat betyder hela det sökta beloppet. Välj delvis beviljat för mindre.',
  'error.refusal_grants_nothing': 'Ett avslag beviljar inget belopp.',
  'error.amount_above_applied': 'Beloppet är högre än det sökta.',
  'error.reason_required': 'Ange skälet till beslutet.',
  'error.invalid_need': 'Välj ett behov.',
  'error.invalid_outcome': 'Välj ett beslut.',
} as const satisfies Readonly<Record<string, string>>;
