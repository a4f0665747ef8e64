import { describe, expect, it } from 'vitest';
import { sectionAccess } from '../../../src/domain/access/case-sections.ts';
import type { AccessBasis, Actor, ChildAccess } from '../../../src/domain/access/child-scope.ts';
import { ROLES, type Role } from '../../../src/domain/access/roles.ts';

const actor = (role: Role): Actor => ({
  userId: 'u',
  organisationId: 'o',
  organisationType: 'municipality',
  role,
  municipalityCodes: ['1280'],
  countyCode: '12',
  protectedIdentityClearance: false,
  providerId: null,
});
const access = (basis: AccessBasis, mayWrite = false): ChildAccess => ({
  view: basis === 'none' ? 'none' : 'basic',
  basis,
  identity: 'visible',
  whereabouts: 'visible',
  journal: 'none',
  mayWrite,
});
const profile = (role: Role, a: ChildAccess) =>
  sectionAccess(actor(role), a, 'missing_profile', { assignedWorker: false });

describe('who keeps and who reads the prevention profile', () => {
  it('the responsible social services keep it', () => {
    expect(profile('social_worker', access('responsible_municipality', true))).toBe('write');
    expect(profile('unit_manager', access('responsible_municipality', true))).toBe('write');
  });

  it('the god man reads it', () => {
    expect(profile('god_man', access('guardian'))).toBe('read');
  });

  it('is hidden from a reader who sees a protected identity masked: the photo and the description identify the child', () => {
    const masked = { ...access('responsible_municipality', true), identity: 'masked' as const };
    expect(profile('social_worker', masked)).toBe('none');
    expect(profile('god_man', { ...access('guardian'), identity: 'masked' })).toBe('none');
  });

  it('nobody else sees it: not a former municipality, the Migration Agency, the region or an emergency grant', () => {
    const others: AccessBasis[] = [
      'former_municipality',
      'relative_assessment',
      'transfer_request',
      'guardianship_authority',
      'region',
      'migration_agency',
      'emergency',
      'none',
    ];
    for (const basis of others) for (const role of ROLES) expect(profile(role, access(basis))).toBe('none');
  });
});
