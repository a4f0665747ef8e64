/** Swedish texts of the child's page (navigation, "Att göra") and the carried-over best interests; merged into sv.ts. */
export const svChild = {
  'bestInterests.carried': 'Från senaste bedömningen ({date}, {name})',
  'bestInterests.carriedIntro':
    'Delarna är ifyllda från senaste bedömningen ({date}, {name}). Läs igenom varje del och ändra det som inte gäller det här beslutet. Återkopplingen gäller det här beslutet.',
  'bestInterests.carriedClear': 'Töm delarna och börja om',
  'guardianship.appoint.optionOverLimit': ' – förordnandet passerar gränsen',
  'casework.assign.absentOption': '{name} (frånvarande t.o.m. {date}, ersättare {substitute})',
  'bestInterests.feedbackOnThisDecision': 'Dagen då barnet fick återkoppling om det här beslutet.',
};
