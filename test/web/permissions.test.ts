/** The role's tasks in the web (src/web/permissions.ts): what the start page and the navigation offer. */
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Role } from '../../src/domain/access/roles.ts';
import { currentTaskPath, tasksFor } from '../../src/web/permissions.ts';

describe('the tasks of a placement provider’s staff', () => {
  it('are the children placed with them and the worklist, nothing they cannot open', () => {
    expect(tasksFor('provider_staff').map((t) => [t.to, t.label])).toEqual([
      ['/barn', 'nav.placedChildren'],
      ['/arbetslista', 'worklist.nav'],
    ]);
  });
  it('leave every other role’s children task as it was', () => {
    expect(
      tasksFor('social_worker')
        .filter((t) => t.to === '/barn')
        .map((t) => t.label),
    ).toEqual(['nav.children']);
  });
});

describe('the monthly review of missing episodes', () => {
  it('is a task of the municipality’s social services, not of the provider’s staff or the county', () => {
    const has = (role: Parameters<typeof tasksFor>[0]) => tasksFor(role).some((t) => t.to === '/avvikna');
    expect(has('social_worker')).toBe(true);
    expect(has('unit_manager')).toBe(true);
    expect(has('provider_staff')).toBe(false);
    expect(has('county_coordinator')).toBe(false);
  });
});

describe('the special grant', () => {
  it('is a task of the Agency’s compensation officer only; the god man reaches it from the ward', () => {
    const roles = Object.keys(ROLE_PERMISSIONS) as Role[];
    expect(roles.filter((r) => tasksFor(r).some((t) => t.to === '/sarskilt-bidrag'))).toEqual([
      'compensation_officer',
    ]);
  });
});

describe('the current entry of the main menu', () => {
  const tasks = [{ to: '/ersattning' }, { to: '/ersattning/ansokningar' }, { to: '/ersattningar' }];
  it('is the one with the longest path the page lies under, never two at once', () => {
    expect(currentTaskPath(tasks, '/ersattning/ansokningar')).toBe('/ersattning/ansokningar');
    expect(currentTaskPath(tasks, '/ersattning/ansokningar/abc')).toBe('/ersattning/ansokningar');
    expect(currentTaskPath(tasks, '/ersattning')).toBe('/ersattning');
    expect(currentTaskPath(tasks, '/ersattning/barn/1')).toBe('/ersattning');
    expect(currentTaskPath(tasks, '/ersattning/')).toBe('/ersattning');
  });
  it('is none when the page lies under no entry; a path sharing only a prefix of letters does not count', () => {
    expect(currentTaskPath(tasks, '/')).toBeNull();
    expect(currentTaskPath([{ to: '/ersattning' }], '/ersattningar')).toBeNull();
  });
  it('is one entry for every page the compensation officer reaches', () => {
    const officer = tasksFor('compensation_officer');
    expect(currentTaskPath(officer, '/ersattning/granskning/x')).toBe('/ersattning/granskning');
  });
});
