/**
 * Which parts of a child's case an actor may read or change, once `childAccess` has said the child is in scope.
 * Pure. The responsible municipality's social services hold the case; others see what their task needs:
 * the god man the ward's placement, school and coming meetings; the region only the health examination;
 * the Migration Agency the asylum and age case; the guardianship authority the guardianship.
 * Health is seen only by the region's health staff and the child's assigned social workers.
 */
import type { AccessBasis, Actor, ChildAccess } from './child-scope.ts';

export const CASE_SECTIONS = [
  'responsibility', // periods, hand-over, transfers, change reports, turning 18
  'social_case', // report → assessment → investigation → care, reviews, assigned social workers
  'personakt', // journal, documents, correspondence (further limited by ChildAccess.journal)
  'placement',
  'school',
  'health',
  'guardianship', // god man, requests, SFV
  'asylum',
  'age',
  'timeline', // every event of the child's case
  'appointments', // coming meetings: asylum interviews, care reviews
  'best_interests', // the best-interests records of decisions
  'missing', // episodes of being absent or missing: the police report, notifications, found, the return talk
  'missing_profile', // the prevention profile, risk indicators and risk moments (issue 12, ADR 0025)
] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];
export type SectionAccess = 'none' | 'read' | 'write';

export interface CaseRelation {
  /** The actor is one of the child's assigned social workers (or their substitute today). */
  readonly assignedWorker: boolean;
}

type Table = Partial<Record<CaseSection, SectionAccess>>;

/**
 * Who keeps and who reads the prevention profile (förebyggande profil), by the actor's basis for seeing the child: the
 * responsible social services keep it, the god man reads it. One row per reader — the provider's staff and the police
 * (ADR 0025 §4–5) join here with their basis.
 */
const MISSING_PROFILE: Partial<Record<AccessBasis, SectionAccess>> = {
  responsible_municipality: 'write',
  guardian: 'read',
  // Where the child lives: the staff need the description and who to call when the child is gone (ADR 0025).
  placement_provider: 'read',
};

const SOCIAL_SERVICES: Table = {
  responsibility: 'write',
  social_case: 'write',
  personakt: 'write',
  placement: 'write',
  school: 'write',
  guardianship: 'write',
  asylum: 'read',
  age: 'read',
  timeline: 'read',
  appointments: 'read',
  best_interests: 'write',
  missing: 'write',
};

function table(actor: Actor, access: ChildAccess, relation: CaseRelation): Table {
  switch (access.basis) {
    case 'responsible_municipality':
      return { ...SOCIAL_SERVICES, health: relation.assignedWorker ? 'read' : 'none' };
    case 'former_municipality':
      // The notes the municipality itself wrote while it was responsible, nothing later; in the responsibility section
      // only its own hand-over (the move, its days of care).
      return { personakt: 'read', responsibility: 'read' };
    case 'relative_assessment':
      return {};
    case 'transfer_request':
      // Only the open transfer request it is party to.
      return { responsibility: 'read' };
    case 'guardianship_authority':
      return {
        responsibility: 'read',
        guardianship: 'write',
        asylum: 'read',
        age: 'read',
        appointments: 'read',
        best_interests: 'read',
        missing: 'read',
      };
    case 'guardian':
      return {
        placement: 'read',
        school: 'read',
        guardianship: 'read',
        appointments: 'read',
        missing: 'read',
      };
    case 'region':
      return { health: 'write', responsibility: 'read' };
    case 'migration_agency':
      if (actor.role === 'asylum_officer') {
        return {
          responsibility: 'read',
          asylum: 'write',
          age: 'write',
          guardianship: 'read',
          timeline: 'read',
          appointments: 'read',
          // The Agency registers a child who has gone missing as "avviken" (D7).
          missing: 'read',
        };
      }
      if (actor.role === 'allocation_officer')
        return {
          responsibility: 'read',
          asylum: 'read',
          age: 'read',
          guardianship: 'read',
          timeline: 'read',
        };
      return { responsibility: 'read', placement: 'read' };
    case 'placement_provider':
      // The provider's staff see the child's minimal data and who to call, no part of the case — except that the
      // routine starts where the child lives: they report the child absent or missing and record the return
      // (which steps: the machine's table, src/domain/missing/episode.ts; ADR 0025).
      return { missing: 'write' };
    case 'emergency': {
      // Read-only, and only what the role would see in scope; never health.
      if (actor.role === 'social_worker' || actor.role === 'unit_manager')
        return readOnly({ ...SOCIAL_SERVICES });
      if (actor.role === 'asylum_officer' || actor.role === 'allocation_officer') {
        return {
          responsibility: 'read',
          asylum: 'read',
          age: 'read',
          guardianship: 'read',
          timeline: 'read',
        };
      }
      return { responsibility: 'read' };
    }
    case 'none':
      return {};
  }
}

function readOnly(t: Table): Table {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v === 'write' ? 'read' : v]));
}

export function sectionAccess(
  actor: Actor,
  access: ChildAccess,
  section: CaseSection,
  relation: CaseRelation,
): SectionAccess {
  if (access.view === 'none') return 'none';
  // The profile identifies the child (photo, description, contacts, places): hidden with a masked protected identity.
  if (section === 'missing_profile' && access.identity === 'masked') return 'none';
  const level =
    (section === 'missing_profile'
      ? MISSING_PROFILE[access.basis]
      : table(actor, access, relation)[section]) ?? 'none';
  // Writing needs both the section and the child-level right to change the child's records.
  if (
    level === 'write' &&
    !access.mayWrite &&
    access.basis !== 'region' &&
    access.basis !== 'guardianship_authority' &&
    access.basis !== 'migration_agency' &&
    access.basis !== 'placement_provider'
  ) {
    return 'read';
  }
  return level;
}

/** All sections at once, for the child's page. */
export function caseSections(
  actor: Actor,
  access: ChildAccess,
  relation: CaseRelation,
): Record<CaseSection, SectionAccess> {
  return Object.fromEntries(
    CASE_SECTIONS.map((s) => [s, sectionAccess(actor, access, s, relation)]),
  ) as Record<CaseSection, SectionAccess>;
}
