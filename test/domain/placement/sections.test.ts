/**
 * The section rule (src/domain/access/case-sections.ts) as it applies to placement, school and health: the health
 * examination is seen only by the region's health staff and the child's assigned social workers.
 */
import { describe, expect, it } from 'vitest';
import { sectionAccess } from '../../../src/domain/access/case-sections.ts';
import { childAccess, type Actor, type ChildFacts } from '../../../src/domain/access/child-scope.ts';
import type { Role } from '../../../src/domain/access/roles.ts';

const today = '2026-11-23';
const now = new Date('2026-11-23T09:00:00Z');
// Asserted rather than annotated: the facts grow as capabilities add relations (transfers, hand-overs).
const facts = {
  childId: 'child',
  protectedIdentity: false,
  responsibility: [{ municipalityCode: '1280', kind: 'assigned', from: '2026-10-01', to: null }],
  guardians: [{ userId: 'god-man', kind: 'god_man', from: '2026-10-02', to: null }],
  caseOfficerUserIds: [],
  openRelativeAssessments: [],
  openTransferRequests: [],
  openHandovers: [],
  placements: [],
} as ChildFacts;

function actor(role: Role, over: Partial<Actor> = {}): Actor {
  const municipal = role === 'social_worker' || role === 'unit_manager';
  return {
    userId: role === 'god_man' ? 'god-man' : `${role}-user`,
    organisationId: 'org',
    organisationType: municipal
      ? 'municipality'
      : role === 'health_staff'
        ? 'region'
        : role === 'god_man'
          ? 'god_man_pool'
          : 'migration_agency',
    role,
    municipalityCodes: municipal ? ['1280'] : role === 'guardianship_officer' ? ['1280'] : [],
    countyCode: role === 'health_staff' ? '12' : null,
    protectedIdentityClearance: false,
    providerId: null,
    ...over,
  };
}

function level(
  a: Actor,
  section: 'placement' | 'school' | 'health',
  assignedWorker = false,
  grants: { expiresAt: Date }[] = [],
) {
  const access = childAccess(a, facts, {
    today,
    now,
    emergencyGrants: grants.map((g) => ({
      childId: 'child',
      userId: a.userId,
      organisationId: a.organisationId,
      role: a.role,
      expiresAt: g.expiresAt,
    })),
  });
  return sectionAccess(a, access, section, { assignedWorker });
}

describe('who sees the health examination', () => {
  it('the region’s health staff record it', () => {
    expect(level(actor('health_staff'), 'health')).toBe('write');
  });
  it('the child’s assigned social worker reads it; the unassigned colleague does not see it at all', () => {
    expect(level(actor('social_worker'), 'health', true)).toBe('read');
    expect(level(actor('social_worker'), 'health', false)).toBe('none');
    expect(level(actor('unit_manager'), 'health', false)).toBe('none');
  });
  it('neither the god man, the guardianship authority nor the Migration Agency see it', () => {
    expect(level(actor('god_man'), 'health')).toBe('none');
    expect(
      level(actor('guardianship_officer', { organisationType: 'guardianship_authority' }), 'health'),
    ).toBe('none');
    for (const role of ['allocation_officer', 'asylum_officer', 'compensation_officer'] as const)
      expect(level(actor(role), 'health')).toBe('none');
  });
  it('health staff of another region, and emergency access, never open it', () => {
    expect(level(actor('health_staff', { countyCode: '22' }), 'health')).toBe('none');
    const outsider = actor('social_worker', { municipalityCodes: ['2281'] });
    expect(level(outsider, 'health', false, [{ expiresAt: new Date('2026-11-23T12:00:00Z') }])).toBe('none');
    expect(level(outsider, 'placement', false, [{ expiresAt: new Date('2026-11-23T12:00:00Z') }])).toBe(
      'read',
    );
  });
});

describe('who sees placement and school', () => {
  it('the responsible municipality’s social services change them', () => {
    expect(level(actor('social_worker'), 'placement')).toBe('write');
    expect(level(actor('unit_manager'), 'school')).toBe('write');
  });
  it('the god man reads the ward’s placement and school', () => {
    expect(level(actor('god_man'), 'placement')).toBe('read');
    expect(level(actor('god_man'), 'school')).toBe('read');
  });
  it('the region sees neither; the compensation officer reads the placement only', () => {
    expect(level(actor('health_staff'), 'placement')).toBe('none');
    expect(level(actor('compensation_officer'), 'placement')).toBe('read');
    expect(level(actor('compensation_officer'), 'school')).toBe('none');
  });
});
