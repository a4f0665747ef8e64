/** Swedish texts of the county board's work (issue 13): the capacity survey (lägesbild) and the redistribution of shares. */
export const svCounty = {
  'kind.capacity.read': 'Läsning av lägesbilden',
  'kind.capacity.write': 'Ändring av lägesbilden',
  'kind.redistribution.read': 'Läsning av omfördelning av andelar',
  'kind.redistribution.write': 'Förslag eller beslut om omfördelning av andelar',
  'worklist.notification.capacity_reminder': 'Påminnelse från länsstyrelsen: lägesbilden är inte rapporterad',

  'apiError.period_not_open': 'Perioden har inte börjat än.',
  'apiError.period_closed': 'Perioden är slut. Rapporten kan inte längre lämnas eller ändras.',
  'apiError.capacity_invalid': 'Rapporten hänger inte ihop. Se fälten som är markerade.',
  'apiError.capacity_period_invalid': 'Perioden kan inte läggas upp så. Se fälten som är markerade.',
  'apiError.no_shares_for_year': 'Det finns inga andelar för året ännu.',
  'apiError.redistribution_invalid':
    'Reglerna för omfördelning tillåter inte förslaget. Se raderna som är markerade.',
  'apiError.redistribution_pending':
    'Länet har redan ett förslag för året som väntar på Migrationsverket. Vänta på beslutet innan du lämnar ett nytt.',
  'apiError.redistribution_decided': 'Förslaget är redan avgjort.',

  'error.not_a_number': 'Ange ett tal.',
  'error.not_whole': 'Ange ett heltal.',
  'error.negative': 'Talet kan inte vara negativt.',
  'error.exceeds_total_places': 'Platserna för målgruppen kan inte vara fler än kommunens platser totalt.',
  'error.due_before_start': 'Sista dag för rapporten kan inte ligga före periodens början.',
  'error.overlaps_period': 'Perioden överlappar en period som länet redan har.',
  'error.no_transfers': 'Lägg till minst en omfördelning.',
  'error.not_whole_promille': 'Ange ett helt antal promille, minst 1.',
  'error.other_county':
    'Kommunen ligger inte i länet. Omfördelning sker bara mellan kommuner i samma län och för ett år i taget.',
  'error.exceeds_share':
    'Kommunen kan som mest avstå hela sin andel, ned till 0 promille. Den har {available} promille kvar att avstå.',
  'error.unknown_municipality': 'Kommunen finns inte.',
  'error.no_shares_for_year': 'Det finns inga andelar för året ännu.',
} as const;
