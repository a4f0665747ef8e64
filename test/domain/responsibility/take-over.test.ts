import { describe, expect, it } from 'vitest';
import { takeOverRefusal } from '../../../src/domain/responsibility/transfer.ts';

const child = { birthDate: '2010-03-06', responsible: '1280', transferable: true, requestOpen: false };
const sundsvall = { birthDate: '2010-03-06', municipalityCodes: ['2281'] };

describe('who may ask to take over a child (ADR 0016)', () => {
  it('a municipality naming the child by number and birth date, while the responsibility can move', () => {
    expect(takeOverRefusal(child, sundsvall)).toBeNull();
  });
  it('refuses an unknown number, another birth date, a responsibility that cannot move and an open request', () => {
    expect(takeOverRefusal(null, sundsvall)).toBe('unknown');
    expect(takeOverRefusal(child, { ...sundsvall, birthDate: '2010-03-07' })).toBe('birth_date');
    expect(takeOverRefusal({ ...child, transferable: false }, sundsvall)).toBe('not_transferable');
    expect(takeOverRefusal({ ...child, responsible: null }, sundsvall)).toBe('not_transferable');
    expect(takeOverRefusal({ ...child, requestOpen: true }, sundsvall)).toBe('request_open');
  });
  it('tells the responsible municipality it already is, but only when it names the child right', () => {
    expect(takeOverRefusal(child, { ...sundsvall, municipalityCodes: ['1280'] })).toBe('already_responsible');
    expect(takeOverRefusal(child, { birthDate: '2001-01-01', municipalityCodes: ['1280'] })).toBe(
      'birth_date',
    );
  });
});
