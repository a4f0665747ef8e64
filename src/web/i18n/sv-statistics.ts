/** Swedish texts of the key figures page; merged into sv.ts. */
export const svStatistics = {
  'nav.figures': 'Nyckeltal',
  'task.figures': 'Skolstart, uppföljning av vården och tid till god man, efter kön och ålder.',
  'kind.key_figures.read': 'Nyckeltal lästa',
  'figures.title': 'Nyckeltal',
  'figures.intro':
    'Nyckeltalen visas alltid uppdelade på kön och åldersgrupp. Celler med färre än fem barn visas inte.',
  'figures.period': 'Period',
  'figures.from': 'Från och med',
  'figures.to': 'Till och med (tomt = i dag)',
  'figures.show': 'Visa',
  'figures.areaNation': 'Hela landet.',
  'figures.areaCounty': 'Länet ({code}).',
  'figures.areaMunicipality': 'Kommunen ({code}).',
  'figures.periodText': 'Period {from} – {to}.',
  'figures.schoolStart': 'Skolstart efter ankomst',
  'figures.schoolStartGoal':
    'Mål: skolstart inom 30 dagar från ankomsten (prop. 2000/01:115). Andel inom målet och mediantid i dagar.',
  'figures.careReviews': 'Övervägande av vården i tid',
  'figures.careReviewsGoal':
    'Vården ska övervägas minst var sjätte månad (22 kap. 13 § SoL 2025:400, tidigare 6 kap. 8 § SoL 2001:453). Andel i tid och median dagar mellan övervägandena.',
  'figures.godMan': 'Tid från ansökan till förordnad god man',
  'figures.godManGoal':
    'Så snart som möjligt (3 § lag 2005:429); praxis 2–3 dagar. Andel inom 3 dagar och mediantid i dagar.',
  'figures.gender': 'Kön',
  'figures.gender.female': 'Flickor',
  'figures.gender.male': 'Pojkar',
  'figures.gender.other': 'Annat',
  'figures.allGenders': 'Alla',
  'figures.ageBand': '{band} år',
  'figures.allAges': 'Alla åldrar',
  'figures.cell.one': '{count} barn · {share} inom målet · median {median} d',
  'figures.cell.other': '{count} barn · {share} inom målet · median {median} d',
  'figures.suppressed': 'färre än 5',
  'figures.suppressionNote':
    '"färre än 5" betyder 1–4 barn; värdena visas inte för att inget enskilt barn ska kunna pekas ut.',
} as const;
