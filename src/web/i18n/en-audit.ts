import type { svAudit } from './sv-audit.ts';

/** English texts of the audit logs' paging, page-view entries and dossier search; merged into en.ts. */
export const enAudit: Record<keyof typeof svAudit, string> = {
  'auditSection.child': 'The child’s basic data',
  'auditSection.first_view':
    'The child’s page: basic data, and the overview and timeline as far as the role may see them',
  'auditSection.record': 'Details of the child',
  'auditSection.overview': 'Overview',
  'auditSection.responsibility': 'Responsibility',
  'auditSection.social_case': 'Social services’ case',
  'auditSection.placement': 'Placement',
  'auditSection.school': 'School',
  'auditSection.health': 'Health examination',
  'auditSection.guardianship': 'God man',
  'auditSection.migration': 'Asylum and age',
  'auditSection.personakt': 'Personal file',
  'auditSection.document': 'Document',
  'auditSection.journal': 'Journal',
  'auditSection.timeline': 'Timeline',
  'auditSection.history': 'Change history',
  'auditSection.access_log': 'Who has seen this child',
  'audit.col.parts': 'What',
  'outcome.partly_denied': 'Partly refused',
  'audit.partTimes.one': '{count} time',
  'audit.partTimes.other': '{count} times',
  'audit.entryHint': 'A page view is shown as one entry with the parts it loaded. Refused parts are marked.',
  'audit.dossier': 'Dossier number',
  'audit.dossierHint':
    'Show only events about the child with this dossier number, refused attempts included.',
  'audit.childLogLink': 'Events about the child with dossier number {dossier}',
  'audit.paging': 'Browse the log',
  'audit.older': 'Show older',
  'audit.newer': 'Show newer',
  'audit.newest': 'To the latest',
  'audit.pageEmpty': 'There are no more entries in that direction.',
};
