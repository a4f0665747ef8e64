/**
 * Who may see which child, and how much of the child. Pure: the facts about the child, the actor and the
 * date come in as arguments. Every route that shows a child asks `childAccess` for every child it shows.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD, Europe/Stockholm). A responsibility period covers `from` up to,
 * but not including, `to`; `to === null` means open-ended.
 */
import {
  MIGRATION_AGENCY_CASE_ROLES,
  MUNICIPAL_CASE_ROLES,
  type OrganisationType,
  type Role,
} from './roles.ts';

/** arrival: until the anvisning; assigned: by the anvisning; transferred: taken over from another municipality; aftercare: 18–21. */
export const RESPONSIBILITY_KINDS = ['arrival', 'assigned', 'transferred', 'aftercare'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

export interface ResponsibilityPeriod {
  readonly municipalityCode: string;
  readonly kind: ResponsibilityKind;
  readonly from: string;
  readonly to: string | null;
}

export interface GuardianLink {
  readonly userId: string;
  readonly kind: 'god_man' | 'special_custodian';
  readonly from: string;
  readonly to: string | null;
}

/** A placement of the child with a provider: from `from` up to, not including, `to` (the day it ended). */
export interface PlacementLink {
  readonly providerId: string;
  readonly from: string;
  readonly to: string | null;
}

export interface ChildFacts {
  readonly childId: string;
  readonly protectedIdentity: boolean;
  readonly responsibility: readonly ResponsibilityPeriod[];
  readonly guardians: readonly GuardianLink[];
  /** Migration Agency officers handling the child's case. */
  readonly caseOfficerUserIds: readonly string[];
  /** Municipalities asked to assess a stated relative's suitability, while the assessment is open. */
  readonly openRelativeAssessments: readonly string[];
  /**
   * Municipalities the responsible one asked to take the child over, while the request is not yet answered. A request
   * made by the municipality that would take over is not one of them: asking opens nothing (ADR 0016).
   */
  readonly openTransferRequests: readonly string[];
  /** Hand-overs after an anvisning whose physical move is not yet recorded: from the municipality the child is with. */
  readonly openHandovers: readonly { readonly fromCode: string; readonly toCode: string }[];
  /** The child's placements (current and ended) and the providers they are with. */
  readonly placements: readonly PlacementLink[];
}

export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly role: Role;
  /** Municipality: its own code. Guardianship authority: the municipalities it serves. Others: empty. */
  readonly municipalityCodes: readonly string[];
  /** Region and county board: their county code (lanskod). */
  readonly countyCode: string | null;
  /** Explicit permission to see protected identities of children the municipality is responsible for. */
  readonly protectedIdentityClearance: boolean;
  /** A provider organisation: the placement provider it is the staff of. Others: null. */
  readonly providerId: string | null;
}

export interface EmergencyGrant {
  readonly childId: string;
  readonly userId: string;
  readonly organisationId: string;
  readonly role: Role;
  readonly expiresAt: Date;
}

/** minimal ⊂ basic ⊂ full. minimal: identity, birth date, gender, responsible municipality. */
export type ChildView = 'none' | 'minimal' | 'basic' | 'full';
export const CHILD_VIEW_RANK: Readonly<Record<ChildView, number>> = {
  none: 0,
  minimal: 1,
  basic: 2,
  full: 3,
};

export type AccessBasis =
  | 'responsible_municipality'
  | 'former_municipality'
  | 'relative_assessment'
  | 'transfer_request'
  | 'guardianship_authority'
  | 'guardian'
  | 'region'
  | 'migration_agency'
  | 'placement_provider'
  | 'emergency'
  | 'none';

export interface ChildAccess {
  readonly view: ChildView;
  /** Whether the actor may see where the child is now: the responsible municipality, periods, guardians. */
  readonly whereabouts: 'visible' | 'hidden';
  readonly basis: AccessBasis;
  readonly identity: 'visible' | 'masked';
  /** Journal entries: all of them, only those the actor's organisation wrote, or none. */
  readonly journal: 'all' | 'own_organisation' | 'none';
  readonly mayWrite: boolean;
}

export const NO_ACCESS: ChildAccess = {
  view: 'none',
  basis: 'none',
  identity: 'masked',
  whereabouts: 'hidden',
  journal: 'none',
  mayWrite: false,
};

export function isActiveOn(period: { from: string; to: string | null }, date: string): boolean {
  return period.from <= date && (period.to === null || date < period.to);
}

export function currentResponsibleMunicipality(
  facts: Pick<ChildFacts, 'responsibility'>,
  date: string,
): string | null {
  const active = facts.responsibility.filter((p) => isActiveOn(p, date));
  // An assigned (or later) period takes precedence over an arrival period that has not been closed yet; of several,
  // the one that began last.
  const later = active.filter((p) => p.kind !== 'arrival').sort((a, b) => b.from.localeCompare(a.from));
  return (later[0] ?? active[0])?.municipalityCode ?? null;
}

/** Whether the child is placed with the provider on `date` (a placement that ends that day no longer counts). */
export function isPlacedWith(
  facts: Pick<ChildFacts, 'placements'>,
  providerId: string | null,
  date: string,
): boolean {
  return (
    providerId !== null && facts.placements.some((p) => p.providerId === providerId && isActiveOn(p, date))
  );
}

export function countyOf(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}

interface Scope {
  readonly view: ChildView;
  readonly basis: AccessBasis;
  readonly journal: ChildAccess['journal'];
  readonly mayWrite: boolean;
}

function scopeByRelation(actor: Actor, facts: ChildFacts, today: string): Scope | null {
  const responsible = currentResponsibleMunicipality(facts, today);
  switch (actor.role) {
    case 'social_worker':
    case 'unit_manager': {
      if (responsible !== null && actor.municipalityCodes.includes(responsible)) {
        return { view: 'full', basis: 'responsible_municipality', journal: 'all', mayWrite: true };
      }
      // A period that ended the day it began (a same-day correction) never made the municipality responsible.
      const wasResponsible = facts.responsibility.some(
        (p) => actor.municipalityCodes.includes(p.municipalityCode) && p.from <= today && p.to !== p.from,
      );
      // So does the municipality the child is still with while the hand-over to the assigned one is open, even
      // when the anvisning came the day it arrived.
      const handingOver = facts.openHandovers.some(
        (h) => actor.municipalityCodes.includes(h.fromCode) && h.toCode === responsible,
      );
      if (wasResponsible || handingOver)
        return {
          view: 'minimal',
          basis: 'former_municipality',
          journal: 'own_organisation',
          mayWrite: false,
        };
      // Social services asked to assess a relative see the child's minimal data until they have answered.
      if (facts.openRelativeAssessments.some((code) => actor.municipalityCodes.includes(code))) {
        return { view: 'minimal', basis: 'relative_assessment', journal: 'none', mayWrite: false };
      }
      // A municipality the responsible one asked to take the child over sees the minimal data until it has answered.
      return facts.openTransferRequests.some((code) => actor.municipalityCodes.includes(code))
        ? { view: 'minimal', basis: 'transfer_request', journal: 'none', mayWrite: false }
        : null;
    }
    case 'guardianship_officer':
      return responsible !== null && actor.municipalityCodes.includes(responsible)
        ? { view: 'basic', basis: 'guardianship_authority', journal: 'none', mayWrite: false }
        : null;
    case 'god_man':
      return facts.guardians.some((g) => g.userId === actor.userId && isActiveOn(g, today))
        ? { view: 'basic', basis: 'guardian', journal: 'none', mayWrite: false }
        : null;
    case 'health_staff':
      return responsible !== null && actor.countyCode !== null && countyOf(responsible) === actor.countyCode
        ? { view: 'minimal', basis: 'region', journal: 'none', mayWrite: false }
        : null;
    case 'allocation_officer':
    case 'asylum_officer':
      return { view: 'basic', basis: 'migration_agency', journal: 'none', mayWrite: false };
    case 'compensation_officer':
      return { view: 'minimal', basis: 'migration_agency', journal: 'none', mayWrite: false };
    case 'provider_staff':
      // The staff of the provider the child is placed with now (ADR 0025 point 4); it ends the day the placement ends.
      return isPlacedWith(facts, actor.providerId, today)
        ? { view: 'minimal', basis: 'placement_provider', journal: 'none', mayWrite: false }
        : null;
    case 'police_officer':
    case 'county_coordinator':
    case 'capacity_reporter':
    case 'grant_officer':
    case 'grant_applicant':
    case 'supervision_inspector':
    case 'finance_officer':
    case 'data_protection_officer':
    case 'administrator':
      // The inspector reaches a sampled file only through the inspection (src/supervision/), never the record.
      return null;
  }
}

/** The view an emergency grant opens: what the role would see in scope, read-only. */
function emergencyScope(role: Role): Scope | null {
  if (MUNICIPAL_CASE_ROLES.includes(role))
    return { view: 'full', basis: 'emergency', journal: 'all', mayWrite: false };
  if (MIGRATION_AGENCY_CASE_ROLES.includes(role))
    return { view: 'basic', basis: 'emergency', journal: 'none', mayWrite: false };
  if (role === 'health_staff')
    return { view: 'minimal', basis: 'emergency', journal: 'none', mayWrite: false };
  return null;
}

export function hasActiveEmergencyGrant(
  actor: Actor,
  childId: string,
  grants: readonly EmergencyGrant[],
  now: Date,
): boolean {
  return grants.some(
    (g) =>
      g.childId === childId &&
      g.userId === actor.userId &&
      g.organisationId === actor.organisationId &&
      g.role === actor.role &&
      g.expiresAt.getTime() > now.getTime(),
  );
}

/**
 * Protected identity (skyddad identitet): names, address and whereabouts are shown only to those cleared by
 * their relation to the child. Everyone else sees a masked identity — also the staff of the provider the child is
 * placed with: the responsible municipality tells the home who the child is, outside Anvisa (ADR 0025).
 */
export function identityVisible(actor: Actor, facts: ChildFacts, today: string): boolean {
  if (!facts.protectedIdentity) return true;
  if (MUNICIPAL_CASE_ROLES.includes(actor.role)) {
    const responsible = currentResponsibleMunicipality(facts, today);
    return (
      actor.protectedIdentityClearance &&
      responsible !== null &&
      actor.municipalityCodes.includes(responsible)
    );
  }
  if (actor.role === 'god_man')
    return facts.guardians.some((g) => g.userId === actor.userId && isActiveOn(g, today));
  if (MIGRATION_AGENCY_CASE_ROLES.includes(actor.role))
    return facts.caseOfficerUserIds.includes(actor.userId);
  return false;
}

export function childAccess(
  actor: Actor,
  facts: ChildFacts,
  context: {
    readonly today: string;
    readonly now: Date;
    readonly emergencyGrants: readonly EmergencyGrant[];
  },
): ChildAccess {
  const scope =
    scopeByRelation(actor, facts, context.today) ??
    (hasActiveEmergencyGrant(actor, facts.childId, context.emergencyGrants, context.now)
      ? emergencyScope(actor.role)
      : null);
  if (scope === null) return NO_ACCESS;
  const identity = identityVisible(actor, facts, context.today) ? 'visible' : 'masked';
  // Whereabouts are later facts for a former municipality or a relative's municipality, and part of a protected identity.
  const laterFacts =
    scope.basis === 'former_municipality' ||
    scope.basis === 'relative_assessment' ||
    scope.basis === 'transfer_request';
  return { ...scope, identity, whereabouts: identity === 'masked' || laterFacts ? 'hidden' : 'visible' };
}

/** Whether an actor may see one journal entry, given their access to the child and who wrote the entry. */
export function journalEntryVisible(access: ChildAccess, actor: Actor, ownerOrganisationId: string): boolean {
  if (access.journal === 'all') return true;
  if (access.journal === 'own_organisation') return ownerOrganisationId === actor.organisationId;
  return false;
}

/**
 * "Who has seen this child" is for the responsible organisation: the municipality currently responsible
 * (its unit managers and data-protection officers).
 */
export function mayReadAccessLog(actor: Actor, facts: ChildFacts, today: string): boolean {
  if (actor.organisationType !== 'municipality') return false;
  if (actor.role !== 'unit_manager' && actor.role !== 'data_protection_officer') return false;
  const responsible = currentResponsibleMunicipality(facts, today);
  return responsible !== null && actor.municipalityCodes.includes(responsible);
}
