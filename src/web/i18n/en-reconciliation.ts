/**
 * English texts of the reconciliation of a municipality's year (issue 14 point 8); merged into en.ts.
 */
import type { svReconciliation } from './sv-reconciliation.ts';

export const enReconciliation: Readonly<Record<keyof typeof svReconciliation, string>> = {
  'kind.compensation.reconciliation.read': 'Compensation reconciliation read',
  'kind.compensation.reconciliation.export': 'Compensation reconciliation exported (CSV)',
  'apiError.reconciliation_year':
    'The year cannot be reconciled: choose a year from 2017 up to the year of the last ended quarter.',
  'error.reconciliation_year': 'Choose a year from 2017 up to the year of the last ended quarter.',
  'reconciliation.nav': 'Reconciliation',
  'reconciliation.task': "Reconcile the year's compensation: computed, claimed, granted and paid per child",
  'reconciliation.agencyTask':
    "Reconcile a municipality's year: computed, claimed, granted and paid per child",
  'reconciliation.title': 'Reconciliation of state compensation',
  'reconciliation.intro':
    'What Anvisa computes the municipality is owed, compared with what it claimed, what the Migration Agency granted and what was paid, per child and compensation. Schablons and the annual compensation are paid without a claim: they should be paid as computed. What the municipality claims should be paid as granted.',
  'reconciliation.year': 'Year',
  'reconciliation.municipality': 'Municipality',
  'reconciliation.chooseMunicipality': 'Choose a municipality',
  'reconciliation.chooseMunicipalityError': 'Choose a municipality to reconcile.',
  'reconciliation.heading': '{municipality} {year}',
  'reconciliation.window':
    "The daily compensation counts from {from} up to and including {to}, the year's ended quarters. The annual compensation is the whole year's.",
  'reconciliation.totals': "The year's totals",
  'reconciliation.computed': 'Computed',
  'reconciliation.claimed': 'Claimed',
  'reconciliation.granted': 'Granted',
  'reconciliation.pending': 'Awaiting decision',
  'reconciliation.pendingText': 'Awaiting decision: {amount}',
  'reconciliation.paid': 'Paid',
  'reconciliation.expected': 'To be paid',
  'reconciliation.differing.one': '{count} row has a difference to reconcile.',
  'reconciliation.differing.other': '{count} rows have a difference to reconcile.',
  'reconciliation.onlyDiffering': 'Show only rows with a difference',
  'reconciliation.rows': 'Per child and compensation',
  'reconciliation.caption': 'Reconciliation for {municipality} {year}, per child and compensation',
  'reconciliation.child': 'Child',
  'reconciliation.code': 'Compensation',
  'reconciliation.difference': 'To reconcile',
  'reconciliation.municipalityRow': 'The municipality (annual compensation)',
  'reconciliation.dossier': 'Dossier number {dossier}',
  'reconciliation.notApplicable': 'not claimed',
  'reconciliation.unclaimed': 'Not claimed: {amount}',
  'reconciliation.overclaimed': 'Claimed above the computed: {amount}',
  'reconciliation.notGranted': 'Not granted: {amount}',
  'reconciliation.unpaid': 'Not paid: {amount}',
  'reconciliation.overpaid': 'Paid above the expected: {amount}',
  'reconciliation.matches': 'Matches',
  'reconciliation.none': 'No amounts for the year.',
  'reconciliation.noneDiffering': 'No row has a difference.',
  'reconciliation.csv': 'Download the reconciliation as a CSV file',
  'reconciliation.csvNote': 'The file has dossier numbers but no names.',
};
