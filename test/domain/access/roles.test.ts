import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_ACCESS_MAX_HOURS,
  emergencyHoursProblem,
  hasPermission,
  ORGANISATION_TYPES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  ROLES_BY_ORGANISATION_TYPE,
  roleAllowedIn,
} from '../../../src/domain/access/roles.ts';

describe('roles and permissions', () => {
  it('every role belongs to at least one organisation type', () => {
    for (const role of ROLES)
      expect(
        ORGANISATION_TYPES.some((t) => roleAllowedIn(role, t)),
        role,
      ).toBe(true);
  });
  it('administrators manage users and see no child data', () => {
    expect(ROLE_PERMISSIONS.administrator).toEqual(['users:manage']);
  });
  it('police and county coordinators have no permission on individual children', () => {
    for (const role of ['police_officer', 'county_coordinator'] as const) {
      expect(PERMISSIONS.filter((p) => p.startsWith('child:') && hasPermission(role, p))).toEqual([]);
    }
  });
  it('only data-protection officers read the audit log', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'audit:read'))).toEqual(['data_protection_officer']);
  });
  it('a god man is a person in the pool of gode män, not an employee of an authority', () => {
    expect(ROLES_BY_ORGANISATION_TYPE.god_man_pool).toEqual(['god_man']);
    expect(roleAllowedIn('god_man', 'municipality')).toBe(false);
  });
});

describe('emergency access lasts at most a day', () => {
  it('grants 1 to 24 whole hours and names why any other duration is refused', () => {
    expect(EMERGENCY_ACCESS_MAX_HOURS).toBe(24);
    expect(emergencyHoursProblem(1)).toBeNull();
    expect(emergencyHoursProblem(24)).toBeNull();
    expect(emergencyHoursProblem(25)).toBe('too_long');
    expect(emergencyHoursProblem(0)).toBe('too_short');
    expect(emergencyHoursProblem(1.5)).toBe('not_whole_hours');
  });
});
