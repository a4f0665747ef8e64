/**
 * The emergency-access cap is the use case's rule, not only the HTTP schema's: a caller that bypasses the route (the
 * CLI, a seeder, a future capability) still cannot open access for longer than a day.
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/case/caller.ts';
import { openEmergencyAccess } from '../../src/children/use-cases.ts';
import { HttpError } from '../../src/platform/http/errors.ts';
import { SILENT_AUDIT } from '../../src/platform/http/route.ts';

const untouchable = new Proxy(
  {},
  {
    get() {
      throw new Error('the database must not be reached for a refused duration');
    },
  },
) as Caller['db'];

const caller: Caller = {
  db: untouchable,
  actor: {
    userId: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    organisationType: 'migration_agency',
    role: 'allocation_officer',
    municipalityCodes: [],
    countyCode: null,
    protectedIdentityClearance: false,
    providerId: null,
  },
  now: new Date('2026-12-06T09:00:00Z'),
  today: '2026-12-06',
  audit: SILENT_AUDIT,
};

describe('emergency access in the use case', () => {
  it.each([
    [25, 'too_long'],
    [0, 'too_short'],
    [2.5, 'not_whole_hours'],
  ])('refuses %s hours with 422 naming the field (%s) before reading anything', async (hours, code) => {
    const refused = await openEmergencyAccess(caller, {
      dossierNumber: '12345678',
      reason: 'Akut behov av uppgifter',
      hours,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).statusCode).toBe(422);
    expect((refused as HttpError).fields).toEqual([expect.objectContaining({ field: 'body.hours', code })]);
  });
});
