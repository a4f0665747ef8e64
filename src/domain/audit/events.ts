/** The closed list of audit event kinds. A route declares one of these, or `none` for routes that touch no personal data. */
export const AUDIT_EVENT_KINDS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_everywhere',
  'session.role_switch',
  'child.list',
  'child.search',
  'child.read',
  'child.register',
  'child.export',
  'child.journal.read',
  'child.journal.write',
  'child.access_log.read',
  'child.emergency_access',
  'guardianship.appoint',
  'statistics.read',
  // The statistics capability (issue 15): tables, their export, the forecast and its accuracy.
  'statistics.table.read',
  'statistics.table.export',
  'statistics.forecast.read',
  'audit.read',
  // Payloads culled under retention rules: the event (chained) names the last link whose payload may be NULL.
  'audit.cull',
  'users.read',
  'users.write',
  'roles.grant',
  'roles.revoke',
  'allocation.read',
  'allocation.propose',
  'allocation.decide',
  'allocation.correct',
  'shares.read',
  'shares.write',
  'relative_assessment.read',
  'relative_assessment.write',
  // The child's case (issue 4)
  'case.read',
  'case.timeline.read',
  'case.history.read',
  'case.transition',
  'case.assign',
  'case.substitute',
  'caseload.read',
  'personakt.read',
  'personakt.write',
  'document.read',
  'document.write',
  'responsibility.write',
  'transfer.write',
  'change_report.read',
  'change_report.write',
  'providers.read',
  'providers.write',
  'placement.write',
  'school.write',
  'health.read',
  'health.write',
  'guardianship.request',
  'guardianship.end',
  'guardianship.read',
  'guardianship.registry.read',
  'guardianship.registry.write',
  'sfv.write',
  'asylum.write',
  'age.write',
  'turning18.write',
  'worklist.read',
  'notifications.read',
  'notifications.write',
  'child.edit',
  'child.identifier.write',
  'child.merge',
  'child.unmerge',
  'child.duplicates.read',
  'key_figures.read',
  // Children who go missing (issue 12)
  'missing.read',
  'missing.write',
  'missing.police.read',
  'missing.review.read',
  'missing.statistics.read',
  'missing.emergency_care.write',
  // The county boards' supervision of the guardianship authorities (ADR 0027): the plan and inspections, the steps,
  // and a sampled file opened (each names the child).
  'supervision.read',
  'supervision.write',
  'supervision.file.read',
  // Children who go missing: prevention (issue 12)
  'missing_profile.read',
  'missing_profile.write',
  'missing_profile.photo.read',
  'missing_profile.photo.write',
  'risk_observation.write',
  // The county board's work (issue 13): figures per municipality, no child
  'capacity.read',
  'capacity.write',
  'redistribution.read',
  'redistribution.write',
  'programme.read',
  'programme.write',
  'agreements.read',
  'agreements.write',
  // Networks, competence events and contacts (ADR 0029): no child; a read of the contacts' names is a read of
  // personal data and has its own kind
  'network.read',
  'network.write',
  'network.contact.read',
  // §37a grants (issue 13 point 5): no child data; the signatory is a civil servant named to the parties
  'grants.read',
  'grants.write',
  // The child's special grant (ADR 0033): each names the child
  'special_grant.read',
  'special_grant.write',
  // The municipality's compensation view (issue 14 point 3, ADR 0032): reads name the children on the lines
  'compensation.read',
  'compensation.write',
  // The municipality's claims and the Agency's review (issue 14 points 4–5, ADR 0034): each names the children on the
  // lines it showed or changed; an attachment's read is a read of its claim
  'compensation_claim.read',
  'compensation_claim.write',
  'compensation_review.read',
  'compensation_review.write',
  // The Agency's automatic payments and the forecast (ADR 0035): a payout's reads and writes name its children
  'compensation.payout.read',
  'compensation.payout.write',
  'compensation.forecast.read',
  'compensation.forecast.write',
  // A municipality's report of a missing schablon and the Agency's answer (ADR 0035): each names the child
  'missing_schablon.read',
  'missing_schablon.write',
  // The reconciliation of a municipality's year (issue 14 point 8): the view and the CSV name the children on its rows
  'compensation.reconciliation.read',
  'compensation.reconciliation.export',
] as const;
export type AuditEventKind = (typeof AUDIT_EVENT_KINDS)[number];

/**
 * allowed: the request was carried out. denied: it was refused — outside the actor's scope or role (403/404), or
 * refused for its content (400, 409, 422) when it named a child. failed: it broke off with a server error (5xx), so
 * nothing it asked for happened, but the attempt is on record.
 */
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export function isAuditOutcome(value: string): value is AuditOutcome {
  return (AUDIT_OUTCOMES as readonly string[]).includes(value);
}

/** What is chained. Names and addresses never appear here: children are referred to by id only. */
export interface AuditEventHeader {
  readonly id: string;
  readonly occurredAt: string; // ISO 8601, UTC
  readonly requestId: string;
  readonly kind: AuditEventKind;
  readonly outcome: AuditOutcome;
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorRole: string | null;
  readonly purpose: string | null;
  readonly childIds: readonly string[];
  readonly emergency: boolean;
  readonly payloadDigest: string;
  /**
   * The page view the event belongs to. Absent on events written before views were recorded, so that their chained
   * hashes stay as they were sealed.
   */
  readonly viewId?: string;
}

export function isAuditEventKind(value: string): value is AuditEventKind {
  return (AUDIT_EVENT_KINDS as readonly string[]).includes(value);
}
