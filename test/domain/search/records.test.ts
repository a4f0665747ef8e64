import { describe, expect, it } from 'vitest';
import type { Actor, ChildAccess, ResponsibilityPeriod } from '../../../src/domain/access/child-scope.ts';
import {
  changedFields,
  mayEditRecord,
  mayMerge,
  mayMergeInto,
  mayUndoMerge,
  mergeConflicts,
  responsibleOrganisation,
  stateToKeep,
} from '../../../src/domain/search/records.ts';

const actor = (
  role: Actor['role'],
  codes: string[] = [],
  type: Actor['organisationType'] = 'municipality',
): Actor => ({
  userId: 'u',
  organisationId: 'o',
  organisationType: type,
  role,
  municipalityCodes: codes,
  countyCode: null,
  protectedIdentityClearance: false,
  providerId: null,
});
const period = (
  code: string,
  kind: ResponsibilityPeriod['kind'],
  from: string,
  to: string | null = null,
): ResponsibilityPeriod => ({ municipalityCode: code, kind, from, to });
const waiting = { responsibility: [period('0180', 'arrival', '2026-11-01')] };
const malmo = {
  responsibility: [
    period('0180', 'arrival', '2026-10-01', '2026-10-03'),
    period('1280', 'assigned', '2026-10-03'),
  ],
};
const TODAY = '2026-11-23';

describe('editing the basic data', () => {
  it('records only the fields that change', () => {
    const before = { firstName: 'Ahmad', lastName: 'Karimi', statedBirthDate: null, gender: 'male' };
    expect(
      changedFields(before, { firstName: 'Ahmed', lastName: 'Karimi', statedBirthDate: '2010-01-01' }),
    ).toEqual([
      { field: 'firstName', oldValue: 'Ahmad', newValue: 'Ahmed' },
      { field: 'statedBirthDate', oldValue: null, newValue: '2010-01-01' },
    ]);
    expect(changedFields(before, {})).toEqual([]);
  });

  it('is for the responsible municipality and the Migration Agency, and never blind to a masked identity', () => {
    const access = (over: Partial<ChildAccess>): ChildAccess => ({
      view: 'full',
      basis: 'responsible_municipality',
      identity: 'visible',
      whereabouts: 'visible',
      journal: 'all',
      mayWrite: true,
      ...over,
    });
    expect(mayEditRecord(access({}))).toBe(true);
    expect(mayEditRecord(access({ basis: 'migration_agency', mayWrite: false, view: 'basic' }))).toBe(true);
    expect(mayEditRecord(access({ identity: 'masked' }))).toBe(false);
    expect(mayEditRecord(access({ basis: 'former_municipality', mayWrite: false, view: 'minimal' }))).toBe(
      false,
    );
    expect(mayEditRecord(access({ basis: 'guardian', mayWrite: false, view: 'basic' }))).toBe(false);
  });
});

describe('merging two records of the same child', () => {
  it('the Migration Agency is responsible until a municipality is assigned, then that municipality', () => {
    expect(responsibleOrganisation(waiting, TODAY)).toEqual({ kind: 'migration_agency' });
    expect(responsibleOrganisation(malmo, TODAY)).toEqual({ kind: 'municipality', code: '1280' });
  });

  const agency = actor('allocation_officer', [], 'migration_agency');
  const sundsvall = { responsibility: [period('2281', 'assigned', '2026-10-03')] };

  it('is done by the organisation responsible for the records, never across two municipalities', () => {
    expect(mayMerge(agency, waiting, waiting, TODAY)).toBe(true);
    expect(mayMerge(actor('unit_manager', ['1280']), malmo, malmo, TODAY)).toBe(true);
    expect(mayMerge(agency, malmo, malmo, TODAY)).toBe(false);
    expect(mayMerge(actor('social_worker', ['1280']), malmo, malmo, TODAY)).toBe(false);
    expect(mayMerge(actor('unit_manager', ['2281']), malmo, malmo, TODAY)).toBe(false);
    expect(mayMerge(actor('unit_manager', ['1280']), malmo, sundsvall, TODAY)).toBe(false);
  });

  it('a second registration not yet assigned may be merged into the assigned record by either organisation', () => {
    expect(mayMerge(agency, malmo, waiting, TODAY)).toBe(true);
    expect(mayMerge(actor('unit_manager', ['1280']), malmo, waiting, TODAY)).toBe(true);
    expect(mayMergeInto(agency, malmo, TODAY)).toBe(true);
    expect(mayMergeInto(actor('unit_manager', ['2281']), malmo, TODAY)).toBe(false);
  });

  it('is undone by the surviving record’s organisation or the one the merged record belonged to', () => {
    expect(mayUndoMerge(agency, malmo, { kind: 'migration_agency' }, TODAY)).toBe(true);
    expect(mayUndoMerge(agency, malmo, { kind: 'municipality', code: '1280' }, TODAY)).toBe(false);
    expect(mayUndoMerge(actor('unit_manager', ['1280']), malmo, { kind: 'migration_agency' }, TODAY)).toBe(
      true,
    );
  });

  const initial = (machine: string) =>
    ({ placement: 'not_placed', school: 'not_enrolled', health: 'not_offered' })[machine];

  it('refuses two live states of the same sub-process unless the user chose one', () => {
    const surviving = new Map([
      ['placement', 'placed'],
      ['school', 'not_enrolled'],
    ]);
    const merged = new Map([
      ['placement', 'ended'],
      ['school', 'attending'],
      ['health', 'done'],
    ]);
    expect(mergeConflicts(surviving, merged, initial)).toEqual([
      { machine: 'placement', surviving: 'placed', merged: 'ended' },
    ]);
    expect(mergeConflicts(surviving, merged, initial, { placement: 'merged' })).toEqual([]);
  });

  it('keeps the state that moved on', () => {
    expect(stateToKeep('school', 'not_enrolled', 'attending', 'not_enrolled')).toBe('merged');
    expect(stateToKeep('school', 'attending', 'not_enrolled', 'not_enrolled')).toBe('surviving');
    expect(stateToKeep('health', undefined, 'done', 'not_offered')).toBe('merged');
    expect(stateToKeep('placement', 'placed', 'ended', 'not_placed', { placement: 'merged' })).toBe('merged');
  });
});
