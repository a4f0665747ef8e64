/** The grant form's schema: staff at a provider need the provider; every other role sends none. */
import { describe, expect, it } from 'vitest';
import { GrantRoleSchema } from '../../src/web/schemas.ts';

const base = { subject: 'dev:kim', displayName: 'Kim Ek', email: '', protectedIdentityClearance: false };
const PROVIDER = '3f1c1f3e-6b0a-4c1e-9c55-2a4f3c6d7e80';

describe('the grant form', () => {
  it('asks which provider for provider staff', () => {
    const result = GrantRoleSchema.safeParse({ ...base, role: 'provider_staff', providerId: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['providerId', 'choose'],
    ]);
    expect(GrantRoleSchema.parse({ ...base, role: 'provider_staff', providerId: PROVIDER })).toMatchObject({
      role: 'provider_staff',
      providerId: PROVIDER,
      email: null,
    });
  });

  it('sends no provider with any other role, even one chosen before the role changed', () => {
    const parsed = GrantRoleSchema.parse({ ...base, role: 'social_worker', providerId: PROVIDER });
    expect(parsed.providerId).toBeUndefined();
    expect(JSON.parse(JSON.stringify(parsed))).not.toHaveProperty('providerId');
  });
});
