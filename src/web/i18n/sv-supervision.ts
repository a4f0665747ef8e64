/** Swedish texts of the county boards' supervision of the guardianship authorities (issue 13 point 4, ADR 0027). */
export const svSupervision = {
  'kind.supervision.read': 'Läsning av tillsyn över överförmyndare',
  'kind.supervision.write': 'Ändring i tillsyn över överförmyndare',
  'kind.supervision.file.read': 'Läsning av akt i tillsynens stickprov',
} as const;
