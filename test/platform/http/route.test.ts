import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assertDeclared,
  defineRoute,
  registerRoute,
  RouteDeclarationError,
  requires,
  type AppDeps,
  type RouteSpec,
} from '../../../src/platform/http/route.ts';

const deps = {} as AppDeps;
const base = { method: 'GET', url: '/api/x', summary: 'x', tags: [], handler: async () => ({}) } as const;

describe('route declarations', () => {
  it('a route without a declared permission cannot be registered', () => {
    const spec = { ...base, audit: 'child.read' } as unknown as RouteSpec;
    expect(() => registerRoute(Fastify(), deps, spec)).toThrow(RouteDeclarationError);
  });
  it('a route without a declared audit event cannot be registered', () => {
    const spec = { ...base, access: requires('child:read') } as unknown as RouteSpec;
    expect(() => registerRoute(Fastify(), deps, spec)).toThrow(/declares no audit event/);
  });
  it('an audit event outside the closed list is refused', () => {
    expect(() =>
      assertDeclared({ ...base, access: requires('child:read'), audit: 'child.peek' as never }),
    ).toThrow(RouteDeclarationError);
  });
  it('a permission outside the list is refused', () => {
    expect(() =>
      assertDeclared({
        ...base,
        access: { kind: 'permission', permission: 'child:everything' as never },
        audit: 'child.read',
      }),
    ).toThrow(/unknown permission/);
  });
  it('a route needing a permission must write an audit event', () => {
    expect(() => assertDeclared({ ...base, access: requires('child:read'), audit: 'none' })).toThrow(
      /must write an audit event/,
    );
  });
  it('a fully declared route registers', () => {
    const spec = defineRoute({
      ...base,
      access: requires('child:read'),
      audit: 'child.read',
      query: z.strictObject({}),
    });
    expect(() => registerRoute(Fastify(), deps, spec)).not.toThrow();
  });
});
