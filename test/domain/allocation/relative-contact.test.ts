import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/domain/access/roles.ts';
import { anActor } from '../../support/builders.ts';
import {
  hasControlCharacters,
  isPhoneNumber,
  relativeContactVisible,
} from '../../../src/domain/allocation/relative-contact.ts';

const SUNDSVALL = '2281';
const MALMO = '1280';
const task = { municipalityCode: SUNDSVALL, open: true };
const child = { protectedIdentity: false, caseOfficerUserIds: [] as string[] };

describe("who sees a stated relative's name, address and phone", () => {
  it('the social services of the municipality asked to assess the relative, while the assessment is open', () => {
    for (const role of ['social_worker', 'unit_manager'] as const) {
      const actor = anActor(role).in(SUNDSVALL).build();
      expect(relativeContactVisible(actor, task, child)).toBe(true);
      expect(relativeContactVisible(actor, { ...task, open: false }, child)).toBe(false);
    }
  });

  it('not the arrival municipality, nor any other municipality', () => {
    expect(relativeContactVisible(anActor('social_worker').in(MALMO).build(), task, child)).toBe(false);
    expect(relativeContactVisible(anActor('unit_manager').in(MALMO).cleared().build(), task, child)).toBe(
      false,
    );
  });

  it('the Migration Agency’s allocation officers who register and decide, and no other role', () => {
    const visible = ROLES.filter((role) =>
      relativeContactVisible(anActor(role).in(SUNDSVALL).build(), task, child),
    );
    expect(visible.sort()).toEqual(['allocation_officer', 'social_worker', 'unit_manager']);
  });

  it('with a protected identity, only those cleared for the child: a cleared social worker, the child’s case officer', () => {
    const hidden = { protectedIdentity: true, caseOfficerUserIds: ['officer-1'] };
    expect(relativeContactVisible(anActor('social_worker').in(SUNDSVALL).build(), task, hidden)).toBe(false);
    expect(
      relativeContactVisible(anActor('social_worker').in(SUNDSVALL).cleared().build(), task, hidden),
    ).toBe(true);
    expect(relativeContactVisible(anActor('allocation_officer').build(), task, hidden)).toBe(false);
    expect(
      relativeContactVisible(anActor('allocation_officer').withUserId('officer-1').build(), task, hidden),
    ).toBe(true);
  });
});

describe('the contact details as entered', () => {
  it('accept phone numbers as people write them, with 6 to 15 digits', () => {
    for (const phone of [
      '070-123 45 67',
      '+46 70 123 45 67',
      '08-508 000 00',
      '(031) 365 00 00',
      '0701234567',
    ])
      expect(isPhoneNumber(phone)).toBe(true);
    for (const phone of [
      '12345',
      'ring mig',
      '070--',
      '+46 70 123 45 67 89 01 2',
      '-0701234567',
      '070 123 45 67 ',
    ])
      expect(isPhoneNumber(phone)).toBe(false);
  });

  it('find control characters', () => {
    expect(hasControlCharacters('Storgatan 1\u0000')).toBe(true);
    expect(hasControlCharacters('Storgatan 1\n852 30 Sundsvall')).toBe(true);
    expect(hasControlCharacters('Storgatan 1, 852 30 Sundsvall')).toBe(false);
  });
});
